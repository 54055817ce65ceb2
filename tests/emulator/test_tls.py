"""--tls: HTTPS with a generated certificate that verifies against the printed CA bundle only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests

from vco_emulator.process import EmulatorProcess
from vco_emulator.tls import self_signed

from .helpers import auth


def test_https_verifies_with_the_ca_bundle_and_fails_without(tmp_path: Path) -> None:
    with EmulatorProcess.start(tmp_path, tls=True) as vco:
        assert vco.url.startswith("https://127.0.0.1:")
        assert vco.ca_bundle is not None and vco.ca_bundle.parent == tmp_path
        r = requests.get(f"{vco.url}/api/sdwan/v2/enterprises/", headers=auth(vco), verify=str(vco.ca_bundle))
        assert r.status_code == 200 and r.json()["data"] == []
        assert vco.admin("GET", "health")["status"] == "ok"
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(f"{vco.url}/__emulator/health", timeout=10)
        with pytest.raises(requests.ConnectionError):
            requests.get(vco.url.replace("https://", "http://") + "/__emulator/health", timeout=10)
        key = tmp_path / "vco-emulator-key.pem"
        assert key.stat().st_mode & 0o077 == 0


def test_own_certificate_files(tmp_path: Path) -> None:
    files = self_signed(tmp_path / "pki", "127.0.0.1")
    cmd = [sys.executable, "-m", "vco_emulator", "serve", "--port", "0", "--db", str(tmp_path / "vco.sqlite")]
    cmd += ["--token-file", str(tmp_path / "token"), "--certfile", str(files.certfile)]
    cmd += ["--keyfile", str(files.keyfile)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip().removeprefix("vco-emulator listening on ")
        assert url.startswith("https://127.0.0.1:")
        r = requests.get(f"{url}/__emulator/health", verify=str(files.ca_bundle), timeout=10)
        assert r.json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(10)
