"""v1 portal methods on both transports (REST and JSON-RPC), sharing the v2 store."""

from __future__ import annotations

from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import GATEWAY_POOL, auth, create_enterprise, v1


def jsonrpc(vco: EmulatorProcess, method: str, params: dict[str, Any]) -> requests.Response:
    body = {"jsonrpc": "2.0", "method": method, "params": params, "id": 42}
    return requests.post(f"{vco.url}/portal/", json=body, headers=auth(vco), timeout=10)


def enterprise_id(vco: EmulatorProcess, logical_id: str) -> int:
    for e in v1(vco, "network/getNetworkEnterprises").json():
        if e["logicalId"] == logical_id:
            return int(e["id"])
    raise AssertionError(f"{logical_id} not listed")


def test_v2_created_enterprise_is_visible_and_updatable_through_v1(vco: EmulatorProcess) -> None:
    logical_id = create_enterprise(vco, "ACME").json()["logicalId"]
    eid = enterprise_id(vco, logical_id)
    r = v1(
        vco,
        "enterprise/updateEnterprise",
        {"enterpriseId": eid, "_update": {"description": "d", "name": "ACME 2"}},
    )
    assert r.status_code == 200 and r.json() == {"rows": 1}
    got = v1(vco, "enterprise/getEnterprise", {"enterpriseId": eid}).json()
    assert got["id"] == eid and got["logicalId"] == logical_id
    assert got["name"] == "ACME 2" and got["description"] == "d"
    assert got["alertsEnabled"] in (0, 1)  # v1 tinyint
    v2 = requests.get(
        f"{vco.url}/api/sdwan/v2/enterprises/{logical_id}/", headers=auth(vco), timeout=10
    ).json()
    assert v2["name"] == "ACME 2"


def test_both_transports_answer_alike(vco: EmulatorProcess) -> None:
    eid = enterprise_id(vco, create_enterprise(vco, "ACME").json()["logicalId"])
    rest = v1(vco, "enterprise/getEnterprise", {"enterpriseId": eid}).json()
    rpc = jsonrpc(vco, "enterprise/getEnterprise", {"enterpriseId": eid}).json()
    assert rpc == {"jsonrpc": "2.0", "result": rest, "id": 42}


def test_errors_use_the_v1_envelope(vco: EmulatorProcess) -> None:
    r = v1(vco, "enterprise/getEnterprise", {"enterpriseId": 999})
    assert r.status_code == 400 and set(r.json()["error"]) >= {"code", "message"}
    eid = enterprise_id(vco, create_enterprise(vco, "ACME").json()["logicalId"])
    r = v1(vco, "enterprise/updateEnterprise", {"enterpriseId": eid, "_update": {"name": ""}})
    assert r.status_code == 400
    assert r.json()["error"]["data"]["error"][0]["path"] == "name"
    r = jsonrpc(vco, "enterprise/noSuchMethod", {})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32601 and r.json()["id"] == 42
    r = requests.post(f"{vco.url}/portal/rest/enterprise/getEnterprise", json={"enterpriseId": 1}, timeout=10)
    assert r.status_code == 401 and "error" in r.json()


def test_update_of_a_missing_enterprise_modifies_no_rows(vco: EmulatorProcess) -> None:
    r = v1(vco, "enterprise/updateEnterprise", {"enterpriseId": 999, "_update": {"description": "x"}})
    assert r.status_code == 200 and r.json()["rows"] == 0


def test_operator_objects_needed_to_create_a_customer(vco: EmulatorProcess) -> None:
    pools = v1(vco, "network/getNetworkGatewayPools").json()
    assert [p["logicalId"] for p in pools] == [GATEWAY_POOL]
    profiles = v1(vco, "network/getNetworkConfigurations").json()
    assert len(profiles) == 1 and profiles[0]["name"]
