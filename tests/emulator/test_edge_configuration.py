"""Edge-level profiles against the emulator server: configuration stack, effective modules, edge
deviceSettings, and deleting a profile still used by an edge.

These need edges created through `POST /api/sdwan/v2/enterprises/{e}/edges/`, which the edges
work provides; until it is merged they fail at edge creation.
"""

from __future__ import annotations

import copy
from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .configuration_helpers import V2, module, new_enterprise, poll, profiles, quick_start, set_async
from .helpers import auth, v1


def _create_edge(vco: EmulatorProcess, enterprise_logical_id: str, profile_logical_id: str, name: str) -> str:
    r = requests.post(
        f"{vco.url}{V2}/enterprises/{enterprise_logical_id}/edges/",
        json={"name": name, "modelNumber": "edge510", "profile": profile_logical_id},
        headers=auth(vco),
        timeout=10,
    )
    assert r.status_code == 201, r.text
    logical_id: str = r.json()["logicalId"]
    return logical_id


def _edge_id(vco: EmulatorProcess, enterprise_id: int, edge_logical_id: str) -> int:
    for profile in profiles(vco, enterprise_id, ["edges"]):
        for edge in profile["edges"]:
            if edge["logicalId"] == edge_logical_id:
                return int(edge["id"])
    raise AssertionError(f"edge {edge_logical_id} not listed under any profile")


def _setup(vco: EmulatorProcess) -> dict[str, Any]:
    eid, ent = new_enterprise(vco)
    profile = quick_start(vco, eid)
    edge = _create_edge(vco, ent, profile["logicalId"], "branch-1")
    return {"eid": eid, "ent": ent, "profile": profile, "edge": edge, "edge_id": _edge_id(vco, eid, edge)}


def test_a_profile_used_by_an_edge_cannot_be_deleted(vco: EmulatorProcess) -> None:
    s = _setup(vco)
    r = v1(vco, "configuration/deleteConfiguration", {"enterpriseId": s["eid"], "id": s["profile"]["id"]})
    assert r.status_code == 400
    assert "branch-1" in r.json()["error"]["message"]
    assert [p["name"] for p in profiles(vco, s["eid"])] == ["Quick Start Profile"]
    assert profiles(vco, s["eid"], ["edgeCount"])[0]["edgeCount"] == 1


def test_the_edge_specific_profile_cannot_be_deleted_directly(vco: EmulatorProcess) -> None:
    s = _setup(vco)
    stack = v1(vco, "edge/getEdgeConfigurationStack", {"edgeId": s["edge_id"]}).json()
    r = v1(vco, "configuration/deleteConfiguration", {"id": stack[0]["id"]})
    assert r.status_code == 400 and "edge-specific" in r.json()["error"]["message"]


def test_the_stack_is_the_edge_specific_profile_then_the_enterprise_profile(vco: EmulatorProcess) -> None:
    s = _setup(vco)
    r = v1(vco, "edge/getEdgeConfigurationStack", {"edgeId": s["edge_id"], "enterpriseId": s["eid"]})
    assert r.status_code == 200
    edge_profile, enterprise_profile = r.json()
    assert enterprise_profile["id"] == s["profile"]["id"]
    assert edge_profile["id"] != s["profile"]["id"]
    # a fresh edge has no firewall/QOS override modules (real edges: docs/evidence.md section 1b)
    assert {m["name"] for m in edge_profile["modules"]} == {"deviceSettings", "WAN"}
    assert {m["name"] for m in enterprise_profile["modules"]} >= {"deviceSettings", "QOS", "WAN"}
    # getEnterpriseConfigurations lists enterprise profiles only
    assert [p["id"] for p in profiles(vco, s["eid"])] == [s["profile"]["id"]]


def test_edge_device_settings_override_the_profile_in_the_effective_modules(vco: EmulatorProcess) -> None:
    set_async(vco, mode="immediate")
    s = _setup(vco)
    url = f"{vco.url}{V2}/enterprises/{s['ent']}/edges/{s['edge']}/deviceSettings"
    r = requests.get(url, headers=auth(vco), timeout=10)
    assert r.status_code == 200 and r.json() == {"_href": url[len(vco.url) :]}  # nothing overridden yet
    effective = v1(vco, "edge/getEdgeConfigurationModules", {"edgeId": s["edge_id"]}).json()
    profile_settings = module(vco, s["profile"]["id"], "deviceSettings")["data"]
    assert effective["deviceSettings"]["data"] == profile_settings
    routed = [{"name": "GE3", "segmentId": 0, "addressing": {"type": "DHCP"}}]
    r = requests.put(url, json={"routedInterfaces": routed}, headers=auth(vco), timeout=10)
    assert r.status_code == 202
    assert poll(vco, r.headers["Location"])["status"] == "DONE"
    effective = v1(
        vco, "edge/getEdgeConfigurationModules", {"edgeId": s["edge_id"], "modules": ["deviceSettings"]}
    ).json()
    assert set(effective) == {"deviceSettings"}
    expected = copy.deepcopy(profile_settings)
    expected["routedInterfaces"] = routed
    assert effective["deviceSettings"]["data"] == expected


def test_invalid_edge_settings_end_in_error(vco: EmulatorProcess) -> None:
    set_async(vco, mode="immediate")
    s = _setup(vco)
    url = f"{vco.url}{V2}/enterprises/{s['ent']}/edges/{s['edge']}/deviceSettings"
    r = requests.put(
        url, json={"routedInterfaces": [{"name": "GE3", "vlanId": 5000}]}, headers=auth(vco), timeout=10
    )
    failed = poll(vco, r.headers["Location"])
    assert failed["status"] == "ERROR" and failed["errors"][0]["path"] == "routedInterfaces.0.vlanId"
    assert requests.get(url, headers=auth(vco), timeout=10).json() == {"_href": url[len(vco.url) :]}


def test_an_edge_json_patch_adds_an_override_and_keeps_the_rest_inherited(vco: EmulatorProcess) -> None:
    set_async(vco, mode="immediate")
    s = _setup(vco)
    url = f"{vco.url}{V2}/enterprises/{s['ent']}/edges/{s['edge']}/deviceSettings"
    routed = [{"name": "GE4", "segmentId": 0, "addressing": {"type": "DHCP"}}]
    r = requests.patch(
        url, json=[{"op": "add", "path": "/routedInterfaces", "value": routed}], headers=auth(vco), timeout=10
    )
    assert r.status_code == 202 and r.headers["Location"].startswith("/api/sdwan/v2/asyncOperations/")
    assert poll(vco, r.headers["Location"])["status"] == "DONE"
    assert requests.get(url, headers=auth(vco), timeout=10).json()["routedInterfaces"] == routed
    effective = v1(vco, "edge/getEdgeConfigurationModules", {"edgeId": s["edge_id"]}).json()
    profile_settings = module(vco, s["profile"]["id"], "deviceSettings")["data"]
    assert effective["deviceSettings"]["data"] == {**profile_settings, "routedInterfaces": routed}


def test_an_edge_override_module_is_inserted_once_and_then_listed(vco: EmulatorProcess) -> None:
    s = _setup(vco)
    [edge_profile, _] = v1(vco, "edge/getEdgeConfigurationStack", {"edgeId": s["edge_id"]}).json()
    params = {"enterpriseId": s["eid"], "configurationId": edge_profile["id"], "name": "firewall", "data": {}}
    r = v1(vco, "configuration/insertConfigurationModule", params)
    assert r.status_code == 200 and r.json()["rows"] == 1, r.text
    [edge_profile, _] = v1(vco, "edge/getEdgeConfigurationStack", {"edgeId": s["edge_id"]}).json()
    [firewall] = [m for m in edge_profile["modules"] if m["name"] == "firewall"]
    assert firewall["id"] == r.json()["id"] and firewall["data"] == {}
    again = v1(vco, "configuration/insertConfigurationModule", params)
    assert again.status_code == 400 and "already has a firewall module" in again.json()["error"]["message"]
