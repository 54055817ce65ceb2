"""The store survives restarts: objects and the operator token stay; reset returns to the seed."""

from __future__ import annotations

from pathlib import Path

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise


def test_restart_keeps_objects_and_token(tmp_path: Path) -> None:
    with EmulatorProcess.start(tmp_path) as first:
        token = first.token
        logical_id = create_enterprise(first, "ACME").json()["logicalId"]
    with EmulatorProcess.start(tmp_path) as second:
        assert second.token == token
        r = requests.get(
            f"{second.url}/api/sdwan/v2/enterprises/{logical_id}/", headers=auth(second), timeout=10
        )
        assert r.status_code == 200 and r.json()["name"] == "ACME"


def test_reset_returns_to_the_seed_and_keeps_the_token(vco: EmulatorProcess) -> None:
    create_enterprise(vco, "ACME")
    vco.admin("POST", "reset")
    r = requests.get(f"{vco.url}/api/sdwan/v2/enterprises/", headers=auth(vco), timeout=10)
    assert r.status_code == 200 and r.json()["data"] == []
    assert vco.admin("GET", "stats")["total"] == 1
