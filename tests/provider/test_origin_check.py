"""Issue 10, point 4: the token never leaves for another origin.

Two real HTTP servers on loopback: an "Orchestrator" that answers with an async `Location`, a
`nextPageLink` or a redirect pointing at a second server on another port, and that second
server, which records every request it gets. The real client must refuse to follow, and the
second server must never see a request (so never the `Authorization` header).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.client.errors import ForeignOrigin
from pulumi_velocloud.client.session import resolve_url
from pulumi_velocloud.settings import Settings

TOKEN = "origin-test-token-5f1e"


class Recorder(BaseHTTPRequestHandler):
    seen: list[dict[str, Any]]
    routes: dict[tuple[str, str], tuple[int, dict[str, str], Any]]

    def _answer(self) -> None:
        self.seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers)})
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        status, headers, body = self.routes.get((self.command, self.path.split("?")[0]), (404, {}, None))
        payload = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for key, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PATCH = _answer

    def log_message(self, format: str, *args: Any) -> None:
        return


def serve(routes: dict[tuple[str, str], tuple[int, dict[str, str], Any]]) -> tuple[str, list[Any], Any]:
    seen: list[dict[str, Any]] = []
    handler = type("Handler", (Recorder,), {"seen": seen, "routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", seen, server


@pytest.fixture
def other() -> Iterator[tuple[str, list[Any]]]:
    """The server on another origin; it answers anything with 200 and records it."""
    url, seen, server = serve({})
    yield url, seen
    server.shutdown()


def orchestrator(routes: dict[tuple[str, str], tuple[int, dict[str, str], Any]]) -> Iterator[VcoClient]:
    url, _, server = serve(routes)
    client = VcoClient(Settings(url=url, token=SecretStr(TOKEN), max_attempts=1))
    yield client
    client.session.close()
    server.shutdown()


DS = "/api/sdwan/v2/enterprises/e1/profiles/p1/deviceSettings"


def test_async_location_on_another_origin_is_refused(other: tuple[str, list[Any]]) -> None:
    url, seen = other
    routes = {("PATCH", DS): (202, {"Location": f"{url}/api/sdwan/v2/asyncOperations/op1"}, None)}
    for client in orchestrator(routes):
        with pytest.raises(ForeignOrigin, match="not its own origin") as raised:
            client.v2.update_profile_device_settings("e1", "p1", [])
        assert TOKEN not in str(raised.value)
    assert seen == []


def test_location_on_the_same_origin_given_absolute_is_followed() -> None:
    routes: dict[tuple[str, str], tuple[int, dict[str, str], Any]] = {
        ("GET", "/api/sdwan/v2/asyncOperations/op1"): (200, {}, {"status": "DONE"})
    }
    url, seen, server = serve(routes)
    routes[("PATCH", DS)] = (202, {"Location": f"{url}/api/sdwan/v2/asyncOperations/op1"}, None)
    client = VcoClient(Settings(url=url, token=SecretStr(TOKEN), max_attempts=1))
    try:
        assert client.v2.update_profile_device_settings("e1", "p1", [])["status"] == "DONE"
    finally:
        client.session.close()
        server.shutdown()
    assert [s["path"] for s in seen] == [DS, "/api/sdwan/v2/asyncOperations/op1"]


def test_next_page_link_to_another_origin_is_refused(other: tuple[str, list[Any]]) -> None:
    url, seen = other
    page = {
        "data": [{"logicalId": "e1", "name": "A"}],
        "metaData": {"more": True, "nextPageLink": f"{url}/api/sdwan/v2/enterprises/?page=2"},
    }
    for client in orchestrator({("GET", "/api/sdwan/v2/enterprises/"): (200, {}, page)}):
        with pytest.raises(ForeignOrigin):
            list(client.v2.get_enterprises())
    assert seen == []


def test_redirect_to_another_origin_is_refused(other: tuple[str, list[Any]]) -> None:
    url, seen = other
    moved = (307, {"Location": f"{url}/api/sdwan/v2/enterprises/"}, None)
    for client in orchestrator({("GET", "/api/sdwan/v2/enterprises/"): moved}):
        with pytest.raises(ForeignOrigin):
            list(client.v2.get_enterprises())
    assert seen == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/api/sdwan/v2/x", "https://vco.example.net/api/sdwan/v2/x"),
        ("https://vco.example.net/api/x", "https://vco.example.net/api/x"),
        ("https://VCO.example.net:443/api/x", "https://VCO.example.net:443/api/x"),
        ("//vco.example.net/api/x", "https:////vco.example.net/api/x".replace("////", "//")),
    ],
)
def test_resolve_url_same_origin(path: str, expected: str) -> None:
    assert resolve_url("https://vco.example.net", path) == expected


@pytest.mark.parametrize(
    "path",
    [
        "https://evil.example/api/x",
        "http://vco.example.net/api/x",  # another scheme is another origin
        "https://vco.example.net:8443/api/x",  # another port too
        "//evil.example/api/x",
        "https://vco.example.net.evil.example/api/x",
        "https://vco.example.net@evil.example/api/x",
    ],
)
def test_resolve_url_other_origin(path: str) -> None:
    with pytest.raises(ForeignOrigin):
        resolve_url("https://vco.example.net", path)
