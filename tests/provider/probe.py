"""A scripted HTTP server for client tests: answers from a queue, counts requests and concurrency.

It is a real HTTP server on loopback (threads, keep-alive), so the client's session,
pooling, retries and in-flight limit are exercised for real; the script decides each answer.
`"drop"` closes the connection without answering.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = tuple[int, dict[str, str], Any] | str  # (status, headers, json body) or "drop"


@dataclass
class Probe:
    url: str = ""
    script: list[Answer] = field(default_factory=list)
    default: Answer = (200, {}, {"ok": True})
    delay: float = 0.0
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_answer(self) -> Answer:
        with self.lock:
            return self.script.pop(0) if self.script else self.default


def _handler(probe: Probe) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            with probe.lock:
                probe.requests.append((self.command, self.path, body))
                probe.in_flight += 1
                probe.max_in_flight = max(probe.max_in_flight, probe.in_flight)
            try:
                if probe.delay:
                    time.sleep(probe.delay)
                answer = probe.next_answer()
                if answer == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                assert not isinstance(answer, str)
                status, headers, payload = answer
                data = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                for key, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            finally:
                with probe.lock:
                    probe.in_flight -= 1

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    return Handler


@contextmanager
def probe_server() -> Iterator[Probe]:
    probe = Probe()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(probe))
    server.daemon_threads = True
    probe.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield probe
    finally:
        server.shutdown()
        server.server_close()
