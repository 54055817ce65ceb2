"""Run the emulator as a real server in a child process, for demos, tests and users' CI.

    with EmulatorProcess.start(workdir) as vco:
        requests.get(vco.url + "/__emulator/health")

The server listens on a free loopback port (it prints the address it bound, so there is no
race for the port), keeps its database and token under `workdir`, and is stopped with
SIGTERM (SIGKILL after a grace period) when the context ends. With `tls=True` it serves
HTTPS with a generated certificate; `ca_bundle` is then the CA file to verify it with
(`requests.get(..., verify=vco.ca_bundle)`). With `strict_params=True` it refuses v1 params a
method does not declare (`serve --strict-params`; the default ignores them as the real VCO does).
"""

from __future__ import annotations

import json
import os
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

_READY_PREFIX = "vco-emulator listening on "
_CA_BUNDLE_PREFIX = "vco-emulator CA bundle: "


class EmulatorStartError(RuntimeError):
    """The emulator process exited or did not become healthy in time."""


@dataclass
class EmulatorProcess:
    url: str
    db: Path
    token_file: Path
    process: subprocess.Popen[str] = field(repr=False)
    ca_bundle: Path | None = None

    @classmethod
    def start(
        cls,
        workdir: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        timeout: float = 30.0,
        extra_args: list[str] | None = None,
        tls: bool = False,
        strict_params: bool = False,
    ) -> EmulatorProcess:
        workdir.mkdir(parents=True, exist_ok=True)
        db, token_file, log = workdir / "vco.sqlite", workdir / "operator-token", workdir / "emulator.log"
        cmd = [
            sys.executable,
            "-m",
            "vco_emulator",
            "serve",
            "--host",
            host,
            "--port",
            str(port),
            "--db",
            str(db),
            "--token-file",
            str(token_file),
            *(["--tls"] if tls else []),
            *(["--strict-params"] if strict_params else []),
            *(extra_args or []),
        ]
        stderr = log.open("a")
        process = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=stderr, text=True, start_new_session=True
        )
        stderr.close()
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith(_READY_PREFIX):
            process.kill()
            process.wait()
            raise EmulatorStartError(f"vco-emulator did not start ({line.strip() or 'no output'}); see {log}")
        ca_bundle = None
        if tls:
            ca_line = process.stdout.readline()
            if ca_line.startswith(_CA_BUNDLE_PREFIX):
                ca_bundle = Path(ca_line[len(_CA_BUNDLE_PREFIX) :].strip())
        emulator = cls(
            url=line[len(_READY_PREFIX) :].strip(),
            db=db,
            token_file=token_file,
            process=process,
            ca_bundle=ca_bundle,
        )
        emulator.wait_healthy(timeout)
        return emulator

    @property
    def token(self) -> str:
        return self.token_file.read_text().strip()

    def admin(self, method: str, route: str, body: Any = None) -> Any:
        """Call an admin route (`health`, `reset`, `stats`, `faults`, ...) and return its JSON."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.url}/__emulator/{route}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"} if data is not None else {},
        )
        context = ssl.create_default_context(cafile=str(self.ca_bundle)) if self.ca_bundle else None
        with urllib.request.urlopen(req, timeout=10, context=context) as resp:
            return json.load(resp)

    def kill(self) -> None:
        """SIGKILL the server at once (no clean shutdown), as a crash would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise EmulatorStartError(f"vco-emulator exited with status {self.process.returncode}")
            try:
                if self.admin("GET", "health").get("status") == "ok":
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise EmulatorStartError(f"vco-emulator at {self.url} not healthy after {timeout:.0f}s")
            time.sleep(0.1)

    def stop(self, grace: float = 10.0) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> EmulatorProcess:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
