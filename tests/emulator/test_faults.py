"""Fault injection over HTTP: each fault kind, `when: after` commits, seeds reproduce, stats count."""

from __future__ import annotations

import http.client
import json
import time
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from vco_emulator.process import EmulatorProcess

from ..fidelity.spec import errors, response_schema
from .helpers import GATEWAY_POOL, OPERATOR_PROFILE, auth, create_enterprise

V2 = "/api/sdwan/v2"


def faults(vco: EmulatorProcess, *rules: dict[str, Any], seed: int | None = None) -> None:
    vco.admin("POST", "faults", {"seed": seed, "rules": list(rules)})


def names(vco: EmulatorProcess) -> list[str]:
    r = requests.get(f"{vco.url}{V2}/enterprises/", headers=auth(vco), timeout=10)
    assert r.status_code == 200
    return [e["name"] for e in r.json()["data"]]


@pytest.mark.parametrize("status", ["429", "500", "502", "503"])
def test_error_faults_before_do_not_execute(vco: EmulatorProcess, status: str) -> None:
    faults(vco, {"fault": status, "route": "/enterprises", "method": "POST", "count": 1})
    r = create_enterprise(vco, "ACME")
    assert r.status_code == int(status)
    if status in ("429", "500"):
        assert not errors(r.json(), response_schema(V2 + "/enterprises/", "post", status))
    assert names(vco) == []
    assert create_enterprise(vco, "ACME").status_code == 201  # count: 1 is used up
    stats = vco.admin("GET", "stats")
    assert stats["faults"] == {"total": 1, "byKind": {f"{status}/before": 1}}
    assert stats["byOperation"]["v2 createEnterprise"] == 1


def test_after_fault_commits_the_write_then_fails(vco: EmulatorProcess) -> None:
    faults(vco, {"fault": "500", "method": "POST", "when": "after", "count": 1})
    r = create_enterprise(vco, "ACME")
    assert r.status_code == 500
    assert names(vco) == ["ACME"]
    retry = create_enterprise(vco, "ACME")
    assert retry.status_code == 422  # the ambiguous failure: a blind retry meets a duplicate


def test_drop_before_resets_the_connection_and_changes_nothing(vco: EmulatorProcess) -> None:
    faults(vco, {"fault": "drop", "method": "POST", "count": 1})
    with pytest.raises(requests.ConnectionError):
        create_enterprise(vco, "ACME")
    assert names(vco) == []


def test_drop_after_commits_and_the_client_sees_no_http_response(vco: EmulatorProcess) -> None:
    faults(vco, {"fault": "drop", "method": "POST", "when": "after", "count": 1})
    parts = urlsplit(vco.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    body = json.dumps({"name": "ACME", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]})
    conn.request("POST", V2 + "/enterprises/", body, {**auth(vco), "Content-Type": "application/json"})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        conn.getresponse()
    conn.close()
    assert names(vco) == ["ACME"]


def test_latency_delays_the_response(vco: EmulatorProcess) -> None:
    faults(vco, {"fault": "latency", "latencySeconds": 0.5, "route": "enterprises"})
    started = time.monotonic()
    assert names(vco) == []
    assert time.monotonic() - started >= 0.5


def test_v1_faults_use_the_v1_envelope_and_match_method_names(vco: EmulatorProcess) -> None:
    faults(vco, {"fault": "503", "route": "^enterprise/getEnterprise$"})
    rest = requests.post(
        f"{vco.url}/portal/rest/enterprise/getEnterprise", json={}, headers=auth(vco), timeout=10
    )
    assert rest.status_code == 503 and rest.json()["error"]["code"] == -32603
    rpc = requests.post(
        f"{vco.url}/portal/",
        json={"jsonrpc": "2.0", "method": "enterprise/getEnterprise", "params": {}, "id": 1},
        headers=auth(vco),
        timeout=10,
    )
    assert rpc.status_code == 503 and rpc.json()["jsonrpc"] == "2.0"
    other = requests.post(
        f"{vco.url}/portal/",
        json={"jsonrpc": "2.0", "method": "network/getNetworkGatewayPools", "params": {}, "id": 2},
        headers=auth(vco),
        timeout=10,
    )
    assert other.status_code != 503


def test_seeded_plans_reproduce(vco: EmulatorProcess) -> None:
    def run() -> list[int]:
        faults(vco, {"fault": "500", "rate": 0.5, "route": "enterprises"}, seed=42)
        return [
            requests.get(f"{vco.url}{V2}/enterprises/", headers=auth(vco), timeout=10).status_code
            for _ in range(30)
        ]

    first, second = run(), run()
    assert first == second
    assert 500 in first and 200 in first
    described = vco.admin("GET", "faults")
    assert described["seed"] == 42 and described["rules"][0]["matched"] == 30


def test_admin_is_never_faulted_and_delete_clears(vco: EmulatorProcess) -> None:
    faults(vco, {"fault": "500"})
    assert vco.admin("GET", "health")["status"] == "ok"
    assert vco.admin("DELETE", "faults")["rules"] == []
    assert names(vco) == []


def test_invalid_plan_is_refused(vco: EmulatorProcess) -> None:
    r = requests.post(f"{vco.url}/__emulator/faults", json={"rules": [{"fault": "404"}]}, timeout=10)
    assert r.status_code == 400 and r.json()["errors"][0]["path"].startswith("rules.0.fault")
