"""v1 enterprise services over HTTP: non-SD-WAN destinations created, listed, updated, deleted,
their documents checked against the spec's enums, and usage by profiles."""

from __future__ import annotations

from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import v1
from .tenants import add_user, as_user, enterprise, issue_token

NVS = "nvsViaEdgeService"


def document(ip: str = "203.0.113.10", **extra: Any) -> dict[str, Any]:
    return {
        "provider": "genericIKEv2Router",
        "type": "genericIKEv2Router",
        "tunnelMode": "ACTIVE_ACTIVE",
        "providerCategory": "DATACENTER",
        "primaryServer": {"nvsPublicIp": ip, "IKEPROP": {"DHGroup": 14}},
        **extra,
    }


def insert(vco: EmulatorProcess, eid: int, name: str, data: Any, type: str = NVS) -> requests.Response:
    return v1(
        vco,
        "enterprise/insertEnterpriseService",
        {"enterpriseId": eid, "type": type, "name": name, "data": data},
    )


def services(vco: EmulatorProcess, eid: int, **params: Any) -> list[dict[str, Any]]:
    r = v1(vco, "enterprise/getEnterpriseServices", {"enterpriseId": eid, **params})
    assert r.status_code == 200, r.text
    result: list[dict[str, Any]] = r.json()
    return result


def refused(r: requests.Response, *words: str) -> dict[str, Any]:
    assert r.status_code == 400, r.text
    error: dict[str, Any] = r.json()["error"]
    for word in words:
        assert word in error["message"], error["message"]
    return error


def test_create_list_update_delete(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    r = insert(vco, eid, "DC1", document())
    assert r.status_code == 200 and r.json()["rows"] == 1
    service_id = r.json()["id"]
    insert(vco, eid, "Collector", {"ip": "10.0.0.9"}, type="netflowCollector")

    [dc1] = services(vco, eid, type=NVS)
    assert dc1["id"] == service_id and dc1["name"] == "DC1" and dc1["type"] == NVS and dc1["logicalId"]
    assert dc1["data"] == document() and dc1["object"] == "NETWORK_SERVICE" and dc1["enterpriseId"] == eid
    assert [s["name"] for s in services(vco, eid)] == ["DC1", "Collector"]
    assert [s["name"] for s in services(vco, eid, name="Collector")] == ["Collector"]

    r = v1(
        vco,
        "enterprise/updateEnterpriseService",
        {
            "enterpriseId": eid,
            "id": service_id,
            "_update": {"name": "DC-1", "data": document("198.51.100.7")},
        },
    )
    assert r.status_code == 200 and r.json()["rows"] == 1, r.text
    [dc1] = services(vco, eid, type=NVS)
    assert dc1["name"] == "DC-1" and dc1["data"]["primaryServer"]["nvsPublicIp"] == "198.51.100.7"
    missing = v1(vco, "enterprise/updateEnterpriseService", {"enterpriseId": eid, "id": 9999, "_update": {}})
    assert missing.status_code == 200 and missing.json()["rows"] == 0

    r = v1(vco, "enterprise/deleteEnterpriseService", {"enterpriseId": eid, "logicalId": dc1["logicalId"]})
    assert r.status_code == 200 and r.json() == {"id": service_id, "rows": 1}
    assert services(vco, eid, type=NVS) == []
    again = v1(vco, "enterprise/deleteEnterpriseService", {"enterpriseId": eid, "id": service_id})
    assert again.status_code == 200 and again.json()["rows"] == 0


def test_names_and_documents_are_checked(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    assert insert(vco, eid, "DC1", document()).status_code == 200
    refused(insert(vco, eid, "dc1", document()), "already has a nvsViaEdgeService service named 'DC1'")
    assert insert(vco, eid, "dc1", {}, type="netflowCollector").status_code == 200, "another type"
    error = refused(insert(vco, eid, "DC2", document(tunnelMode="BOTH")), "data.tunnelMode")
    assert error["data"]["error"][0]["path"] == "data.tunnelMode"
    refused(insert(vco, eid, "DC2", document("not-an-ip")), "data.primaryServer.nvsPublicIp", "not-an-ip")
    refused(insert(vco, eid, " ", document()), "name")
    refused(insert(vco, eid, "DC2", ["not", "an", "object"]), "data")


def test_a_destination_in_use_cannot_be_deleted_and_is_counted(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    service_id = insert(vco, eid, "DC1", document()).json()["id"]
    [dc1] = services(vco, eid, type=NVS)
    [profile, *_] = v1(vco, "enterprise/getEnterpriseConfigurations", {"enterpriseId": eid}).json()
    [module] = [
        m
        for m in v1(
            vco,
            "configuration/getConfigurationModules",
            {"enterpriseId": eid, "configurationId": profile["id"], "modules": ["deviceSettings"]},
        ).json()
    ]
    data = module["data"]
    data["edgeDirect"] = {"enabled": True, "providers": [{"logicalId": dc1["logicalId"]}]}
    r = v1(
        vco,
        "configuration/updateConfigurationModule",
        {"enterpriseId": eid, "configurationModuleId": module["id"], "_update": {"data": data}},
    )
    assert r.status_code == 200, r.text
    [counted] = services(vco, eid, type=NVS, **{"with": ["profileCount", "edgeUsage"]})
    assert counted["profileCount"] == 1 and counted["edgeCount"] == 0
    r = v1(vco, "enterprise/deleteEnterpriseService", {"enterpriseId": eid, "id": service_id})
    refused(r, "used by profile(s)", repr(profile["name"]))


def test_another_customers_user_sees_nothing(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    other, _ = enterprise(vco, "Globex")
    service_id = insert(vco, eid, "DC1", document()).json()["id"]
    token = issue_token(vco, add_user(vco, other, "admin@globex.example"))
    r = as_user(vco, token, "enterprise/getEnterpriseServices", {"enterpriseId": eid})
    assert "DC1" not in r.text and (r.status_code >= 400 or r.json() == []), r.text
    mine = as_user(vco, token, "enterprise/getEnterpriseServices", {})
    assert mine.status_code == 200 and mine.json() == []
    r = as_user(vco, token, "enterprise/deleteEnterpriseService", {"id": service_id})
    assert r.status_code == 200 and r.json()["rows"] == 0
    assert len(services(vco, eid)) == 1
