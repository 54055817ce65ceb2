"""Rate limiting over HTTP: 429 with the v2/v1 error bodies, the penalty, CLI flags, admin route."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import requests

from vco_emulator.process import EmulatorProcess

from ..fidelity.spec import errors, response_schema
from .helpers import auth

V2 = "/api/sdwan/v2"


def _get(vco: EmulatorProcess) -> requests.Response:
    return requests.get(f"{vco.url}{V2}/enterprises/", headers=auth(vco), timeout=10)


def test_off_by_default(vco: EmulatorProcess) -> None:
    assert vco.admin("GET", "ratelimit")["enabled"] is False
    assert all(_get(vco).status_code == 200 for _ in range(30))


def test_throttled_client_gets_429_for_the_penalty_then_recovers(vco: EmulatorProcess) -> None:
    vco.admin("POST", "ratelimit", {"requests": 3, "windowSeconds": 1, "penaltySeconds": 1})
    statuses = [_get(vco).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    r = _get(vco)
    assert r.status_code == 429
    assert not errors(r.json(), response_schema(V2 + "/enterprises/", status="429"))
    assert r.json()["code"] == "RATE_LIMIT_EXCEEDED"
    assert "Retry-After" not in r.headers
    v1 = requests.post(
        f"{vco.url}/portal/rest/enterprise/getEnterprise", json={}, headers=auth(vco), timeout=10
    )
    assert v1.status_code == 429 and v1.json()["error"]["code"] == -32029
    time.sleep(1.1)  # the penalty is over and the bucket (3 per 1 s) has drained
    assert _get(vco).status_code == 200
    stats = vco.admin("GET", "stats")
    assert stats["throttled"] == 4
    assert stats["byOperation"]["v2 getEnterprises"] == 4  # throttled requests never reached the handler


def test_admin_routes_are_never_limited(vco: EmulatorProcess) -> None:
    vco.admin("POST", "ratelimit", {"requests": 1, "penaltySeconds": 30})
    _get(vco)
    assert _get(vco).status_code == 429
    for _ in range(5):
        assert vco.admin("GET", "health")["status"] == "ok"


def test_reset_restores_the_startup_settings(vco: EmulatorProcess) -> None:
    vco.admin("POST", "ratelimit", {"requests": 1, "penaltySeconds": 30})
    vco.admin("POST", "reset")
    assert vco.admin("GET", "ratelimit")["enabled"] is False
    assert _get(vco).status_code == 200


def test_invalid_settings_are_refused(vco: EmulatorProcess) -> None:
    r = requests.post(f"{vco.url}/__emulator/ratelimit", json={"requests": 0}, timeout=10)
    assert r.status_code == 400 and r.json()["errors"][0]["path"] == "requests"


def test_cli_flags_limit_concurrency(tmp_path: Path) -> None:
    args = ["--max-concurrent", "1", "--rate-limit-penalty", "5"]
    with EmulatorProcess.start(tmp_path, extra_args=args) as vco:
        assert vco.admin("GET", "ratelimit")["maxConcurrent"] == 1
        vco.admin("POST", "faults", {"rules": [{"fault": "latency", "latencySeconds": 1.0, "count": 1}]})
        slow: list[int] = []
        t = threading.Thread(target=lambda: slow.append(_get(vco).status_code))
        t.start()
        time.sleep(0.4)  # the first request is now in flight (delayed by the latency fault)
        assert _get(vco).status_code == 429
        t.join()
        assert slow == [200]
        assert _get(vco).status_code == 429  # still within the penalty
