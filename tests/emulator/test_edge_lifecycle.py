"""Edge lifecycle against the emulator server: HA switched in place through the edge's device
settings, reactivation (RMA), local UI credentials, bastion staging, analytics."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .configuration_helpers import poll
from .edge_helpers import Enterprise, create_edge, edges_url, new_enterprise
from .helpers import auth, v1
from .tenants import add_user, as_user, issue_token


def _edge(vco: EmulatorProcess, ent: Enterprise, **fields: Any) -> dict[str, Any]:
    r = create_edge(vco, ent, name=fields.pop("name", "branch-1"), **fields)
    assert r.status_code == 201, r.text
    result: dict[str, Any] = v1(vco, "edge/getEdge", {"logicalId": r.json()["logicalId"]}).json()
    return result


def _get(vco: EmulatorProcess, edge_id: int) -> dict[str, Any]:
    result: dict[str, Any] = v1(vco, "edge/getEdge", {"id": edge_id}).json()
    return result


def _activate(vco: EmulatorProcess, logical_id: str, **body: Any) -> None:
    r = requests.post(f"{vco.url}/__emulator/edges/{logical_id}/activate", json=body, timeout=10)
    assert r.status_code == 200, r.text


def _patch_ha(vco: EmulatorProcess, ent: Enterprise, logical_id: str, ha: dict[str, Any]) -> dict[str, Any]:
    r = requests.patch(
        edges_url(vco, ent, logical_id) + "deviceSettings",
        json=[{"op": "add", "path": "/ha", "value": ha}],
        headers=auth(vco),
        timeout=10,
    )
    assert r.status_code in (200, 202), r.text
    return poll(vco, r.headers["Location"]) if r.status_code == 202 else r.json()


def test_ha_follows_the_edge_device_settings_in_place(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = _edge(vco, ent)
    _activate(vco, edge["logicalId"])
    before = _get(vco, edge["id"])
    assert before["haState"] == "UNCONFIGURED"

    assert _patch_ha(vco, ent, edge["logicalId"], {"enabled": True, "interface": "GE1"})["status"] == "DONE"
    after = _get(vco, edge["id"])
    assert (after["haState"], after["haPreviousState"]) == ("PENDING_INIT", "UNCONFIGURED")
    same = ("id", "logicalId", "activationKey", "activationState", "serialNumber", "created")
    assert {k: after[k] for k in same} == {k: before[k] for k in same}
    r = requests.get(edges_url(vco, ent, edge["logicalId"]) + "deviceSettings", headers=auth(vco), timeout=10)
    assert r.json()["ha"] == {"enabled": True, "interface": "GE1"}

    # writing the section again without changing `enabled` changes nothing; disabling a pair
    # that never formed is immediate
    _patch_ha(vco, ent, edge["logicalId"], {"enabled": True, "interface": "GE2"})
    assert _get(vco, edge["id"])["haState"] == "PENDING_INIT"
    _patch_ha(vco, ent, edge["logicalId"], {"enabled": False, "interface": "GE2"})
    assert (_get(vco, edge["id"])["haState"], _get(vco, edge["id"])["haPreviousState"]) == (
        "UNCONFIGURED",
        "PENDING_INIT",
    )


def test_ha_on_provisioning_and_through_v1_modules(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = _edge(vco, ent, haEnabled=True)
    assert edge["haState"] == "PENDING_INIT"
    stack = v1(vco, "edge/getEdgeConfigurationStack", {"edgeId": edge["id"]}).json()
    [module] = [m for m in stack[0]["modules"] if m["name"] == "deviceSettings"]
    assert module["data"]["ha"] == {"enabled": True}
    data = {**module["data"], "ha": {"enabled": False}}
    r = v1(vco, "configuration/updateConfigurationModule", {"id": module["id"], "_update": {"data": data}})
    assert r.status_code == 200, r.text
    assert _get(vco, edge["id"])["haState"] == "UNCONFIGURED"


def test_a_formed_pair_dissociates(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = _edge(vco, ent, haEnabled=True)
    with sqlite3.connect(vco.db) as conn:  # the standby joined (no API makes a pair READY here)
        row = conn.execute("SELECT data FROM objects WHERE id = ?", (edge["id"],)).fetchone()
        data = {**json.loads(row[0]), "haState": "READY"}
        conn.execute("UPDATE objects SET data = ? WHERE id = ?", (json.dumps(data), edge["id"]))
    _patch_ha(vco, ent, edge["logicalId"], {"enabled": False})
    assert _get(vco, edge["id"])["haState"] == "PENDING_DISSOCIATION"


def test_reactivation_request_cancel_and_completion(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = _edge(vco, ent, serialNumber="VC-OLD-1")
    ref = {"enterpriseId": ent.id, "edgeId": edge["id"]}
    r = v1(vco, "edge/edgeRequestReactivation", ref)
    assert r.status_code == 400 and "not activated" in r.json()["error"]["message"]

    _activate(vco, edge["logicalId"])
    activated = _get(vco, edge["id"])
    r = v1(vco, "edge/edgeRequestReactivation", ref)
    assert r.status_code == 200, r.text
    key = r.json()["activationKey"]
    assert (
        key != activated["activationKey"]
        and r.json()["activationKeyExpires"] > activated["activationKeyExpires"]
    )
    pending = _get(vco, edge["id"])
    assert (pending["activationState"], pending["activationKey"]) == ("REACTIVATION_PENDING", key)

    assert v1(vco, "edge/edgeCancelReactivation", ref).json() == {"rows": 1}
    back = _get(vco, edge["id"])
    assert (back["activationState"], back["activationKey"]) == ("ACTIVATED", activated["activationKey"])
    r = v1(vco, "edge/edgeCancelReactivation", ref)
    assert r.json()["rows"] == 0 and "no pending reactivation" in r.json()["error"]

    # the replacement device activates with the new key: same edge, new serial (asked as a VMware
    # RMA sample asks: without enterpriseId, with the undocumented revokeCertificate)
    r = v1(vco, "edge/edgeRequestReactivation", {"edgeId": edge["id"], "revokeCertificate": False})
    assert r.status_code == 200, r.text
    key = r.json()["activationKey"]
    v1(vco, "edge/updateEdgeAttributes", {"id": edge["id"], "_update": {"serialNumber": "VC-NEW-1"}})
    _activate(vco, edge["logicalId"])
    done = _get(vco, edge["id"])
    assert (done["activationState"], done["serialNumber"], done["activationKey"]) == (
        "ACTIVATED",
        "VC-NEW-1",
        key,
    )
    assert done["logicalId"] == edge["logicalId"]


def test_reactivation_is_per_customer(vco: EmulatorProcess) -> None:
    ent, other = new_enterprise(vco), new_enterprise(vco, "Other")
    edge = _edge(vco, ent)
    _activate(vco, edge["logicalId"])
    token = issue_token(vco, add_user(vco, other.id, "admin@other.example"))
    r = as_user(vco, token, "edge/edgeRequestReactivation", {"enterpriseId": ent.id, "edgeId": edge["id"]})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32004
    assert _get(vco, edge["id"])["activationState"] == "ACTIVATED"


def test_local_ui_credentials_are_queued_and_never_stored(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = _edge(vco, ent)
    _edge(vco, ent, name="branch-2")
    r = v1(
        vco,
        "edge/updateEdgeAdminPassword",
        {"id": edge["id"], "username": "admin", "password": "s3cret-Pass"},
    )
    assert r.status_code == 200 and r.json()["id"].isdigit()
    r = v1(vco, "edge/updateEdgeAdminPassword", {"id": edge["id"], "password": ""})
    assert r.status_code == 400 and "password" in json.dumps(r.json()["error"]["data"])
    r = v1(
        vco,
        "edge/updateEdgeCredentialsByConfiguration",
        {"configurationId": ent.profile.id, "credentials": {"username": "admin", "password": "s3cret-Pass2"}},
    )
    assert r.status_code == 200 and len(r.json()["actionIds"]) == 2
    state = requests.get(f"{vco.url}/__emulator/state", timeout=10).text
    assert "s3cret-Pass" not in state
    with sqlite3.connect(f"file:{vco.db}?mode=ro", uri=True) as conn:
        assert not conn.execute("SELECT 1 FROM objects WHERE data LIKE '%s3cret-Pass%'").fetchall()


def test_bastion_states(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = _edge(vco, ent)
    ref = {"enterpriseId": ent.id, "edgeId": edge["id"]}
    r = v1(vco, "edge/setEdgeBastionState", {**ref, "bastionState": "PROMOTION_REQUESTED"})
    assert r.status_code == 400 and "only a staged edge" in r.json()["error"]["message"]
    assert v1(vco, "edge/setEdgeBastionState", {**ref, "bastionState": "STAGE_REQUESTED"}).json() == {
        "rows": 1
    }
    assert _get(vco, edge["id"])["bastionState"] == "STAGE_REQUESTED"
    assert v1(vco, "edge/setEdgeBastionState", {**ref, "bastionState": "PROMOTION_REQUESTED"}).json() == {
        "rows": 1
    }
    r = v1(vco, "edge/setEdgeBastionState", {**ref, "bastionState": "STAGED"})
    assert r.status_code == 400 and "bastionState" in json.dumps(r.json()["error"]["data"])
    r = v1(
        vco,
        "enterprise/setEnterpriseBastionState",
        {"enterpriseId": ent.id, "bastionState": "STAGE_REQUESTED"},
    )
    assert r.json() == {"rows": 1}
    assert v1(vco, "enterprise/getEnterprise", {"id": ent.id}).json()["bastionState"] == "STAGE_REQUESTED"


def test_analytics_settings(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    first, second = _edge(vco, ent), _edge(vco, ent, name="branch-2")
    config = v1(vco, "enterprise/getAnalyticsConfiguration", {"enterpriseId": ent.id}).json()
    assert config == {"analyticsCapability": "NONE", "analyticsEdgeLimit": 0, "analyticsSelfHealing": False}
    analytics = {
        "edgeId": [first["id"]],
        "enterpriseId": ent.id,
        "configData": {"analyticsMode": "SDWAN_ANALYTICS"},
    }
    r = v1(vco, "edge/updateAnalyticsSettingsForEdges", analytics)
    assert r.status_code == 400 and "no analytics capability" in r.json()["error"]["message"]

    r = v1(
        vco,
        "enterprise/insertOrUpdateAnalyticsConfiguration",
        {"enterpriseId": ent.id, "analyticsCapability": "APPLICATION_BRANCH", "analyticsEdgeLimit": 1},
    )
    assert r.json() == {"id": ent.id, "rows": 1}
    assert v1(vco, "edge/updateAnalyticsSettingsForEdges", analytics).json() == {"rows": 1}
    r = v1(vco, "edge/updateAnalyticsSettingsForEdges", {**analytics, "edgeId": [second["id"]]})
    assert r.status_code == 400 and "may run analytics on 1 edge(s)" in r.json()["error"]["message"]
    r = v1(
        vco, "edge/updateAnalyticsSettingsForEdges", {**analytics, "configData": {"analyticsMode": "FAST"}}
    )
    assert r.status_code == 400 and "configData.analyticsMode" in json.dumps(r.json()["error"]["data"])
    r = v1(vco, "edge/getClientVisibilityMode", {"edgeId": first["id"], "enterpriseId": ent.id})
    assert r.json() == {"edgeClientVisibilityMode": "MAC"}
