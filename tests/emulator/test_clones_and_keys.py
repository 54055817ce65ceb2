"""v1 profile clones, enterprise keys and enterprise switches over HTTP."""

from __future__ import annotations

from typing import Any

from vco_emulator.process import EmulatorProcess

from .edge_helpers import create_edge, new_enterprise
from .helpers import v1
from .tenants import add_user, as_user, issue_token


def modules(vco: EmulatorProcess, eid: int, profile_id: int) -> dict[str, dict[str, Any]]:
    r = v1(vco, "configuration/getConfigurationModules", {"enterpriseId": eid, "configurationId": profile_id})
    return {m["name"]: m for m in r.json()}


def test_clone_configuration_copies_modules_with_new_rule_ids(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    firewall = modules(vco, acme.id, acme.profile.id)["firewall"]
    data = firewall["data"]
    data["segments"][0]["outbound"].append(
        {
            "name": "deny-dns",
            "match": {"dport_low": 53},
            "action": {"allow_or_deny": "deny"},
            "ruleLogicalId": "r-1",
        }
    )
    update = {"enterpriseId": acme.id, "configurationModuleId": firewall["id"], "_update": {"data": data}}
    assert v1(vco, "configuration/updateConfigurationModule", update).status_code == 200

    r = v1(
        vco, "configuration/cloneConfiguration", {"enterpriseId": acme.id, "configurationId": acme.profile.id}
    )
    assert r.status_code == 200, r.text
    clone_id = r.json()["id"]
    clone = v1(vco, "configuration/getConfiguration", {"enterpriseId": acme.id, "id": clone_id}).json()
    assert clone["name"] == "Quick Start Profile (copy)"
    copied = modules(vco, acme.id, clone_id)
    [rule] = copied["firewall"]["data"]["segments"][0]["outbound"]
    assert rule["name"] == "deny-dns" and rule["ruleLogicalId"] not in ("r-1", None)
    assert (
        copied["deviceSettings"]["data"] == modules(vco, acme.id, acme.profile.id)["deviceSettings"]["data"]
    )

    named = v1(
        vco, "configuration/cloneConfiguration", {"enterpriseId": acme.id, "id": clone_id, "name": "Retail"}
    )
    assert named.status_code == 200
    again = v1(
        vco, "configuration/cloneConfiguration", {"enterpriseId": acme.id, "id": clone_id, "name": "retail"}
    )
    assert again.status_code == 400 and "already exists" in again.json()["error"]["message"]
    other = new_enterprise(vco, "Other")
    foreign = v1(vco, "configuration/cloneConfiguration", {"enterpriseId": other.id, "id": acme.profile.id})
    assert foreign.status_code == 400 and "not found" in foreign.json()["error"]["message"]


def test_enterprise_keys_round_trip(vco: EmulatorProcess) -> None:
    encoded = v1(vco, "enterprise/encodeEnterpriseKey", {"key": "pre-shared secret"}).json()["key"]
    assert encoded != "pre-shared secret" and "secret" not in encoded
    assert v1(vco, "enterprise/decodeEnterpriseKey", {"key": encoded}).json() == {"key": "pre-shared secret"}
    bad = v1(vco, "enterprise/decodeEnterpriseKey", {"key": "plain"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == -32602


def test_switches_and_upgrade_check(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    cost = v1(vco, "enterprise/getEnterpriseDistributedCostCalculation", {"enterpriseId": acme.id}).json()
    assert cost["value"] == "false" and cost["dataType"] == "BOOLEAN"
    r = v1(
        vco, "enterprise/setEnterpriseDistributedCostCalculation", {"enterpriseId": acme.id, "value": True}
    )
    assert r.json()["rows"] == 1
    cost = v1(vco, "enterprise/getEnterpriseDistributedCostCalculation", {"enterpriseId": acme.id}).json()
    assert cost["value"] == "true"

    mode = {"enterpriseId": acme.id, "mode": "SSH_KEY"}
    assert v1(vco, "enterprise/insertOrUpdateSecureEdgeAccessMode", mode).json() == {"rows": 1}
    stored = [
        o
        for o in vco.admin("GET", "state")["objects"]["enterprise_property"]
        if o["enterpriseId"] == acme.id and o["data"]["value"] == "SSH_KEY"
    ]
    assert len(stored) == 1
    wrong = v1(
        vco, "enterprise/insertOrUpdateSecureEdgeAccessMode", {"enterpriseId": acme.id, "mode": "TOKEN"}
    )
    assert wrong.status_code == 400

    nyc = create_edge(vco, acme, name="nyc-01").json()
    create_edge(vco, acme, name="bos-01")
    vco.admin("POST", f"edges/{nyc['logicalId']}/activate", {"softwareVersion": "5.2.0.1"})
    check = {"enterpriseId": acme.id, "toVersion": "5.2.0"}
    assert v1(vco, "enterprise/isEnterpriseUpgradedLaterThan", check).json() == {
        "upgraded": False,  # bos-01 never reported a version
        "upgradedOnlineOnly": True,
    }
    later = v1(vco, "enterprise/isEnterpriseUpgradedLaterThan", {**check, "toVersion": "5.4"}).json()
    assert later == {"upgraded": False, "upgradedOnlineOnly": False}
    assert (
        v1(vco, "enterprise/isEnterpriseUpgradedLaterThan", {**check, "toVersion": "latest"}).status_code
        == 400
    )


def test_read_only_user_cannot_flip_switches(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    token = issue_token(vco, add_user(vco, acme.id, "viewer@acme.example", "ENTERPRISE_READ_ONLY"))
    assert as_user(vco, token, "enterprise/getEnterpriseDistributedCostCalculation").status_code == 200
    refused = as_user(vco, token, "enterprise/setEnterpriseDistributedCostCalculation", {"value": True})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == -32003


def test_clone_enterprise_v2(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    guest = {"enterpriseId": acme.id, "name": "Guest", "type": "REGULAR", "data": {}}
    assert v1(vco, "enterprise/insertEnterpriseNetworkSegment", guest).status_code == 200
    group = {
        "enterpriseId": acme.id,
        "name": "Servers",
        "type": "address_group",
        "data": [{"ip": "10.9.0.0", "mask": "255.255.0.0", "rule_type": "prefix"}],
    }
    assert v1(vco, "enterprise/insertObjectGroup", group).status_code == 200
    [template] = v1(vco, "network/getNetworkConfigurations").json()
    body = {
        "id": acme.id,
        "name": "ACME Two",
        "configurationId": template["id"],
        "user": {"username": "admin@two.example", "password": "correct horse battery"},
        "city": "Porto",
    }
    r = v1(vco, "enterprise/cloneEnterpriseV2", body)
    assert r.status_code == 200, r.text
    clone = r.json()
    assert clone["name"] == "ACME Two" and clone["city"] == "Porto" and clone["id"] != acme.id
    segments = v1(vco, "enterprise/getEnterpriseNetworkSegments", {"enterpriseId": clone["id"]}).json()
    assert sorted(s["name"] for s in segments) == ["Global Segment", "Guest"]
    [copied] = v1(vco, "enterprise/getObjectGroups", {"enterpriseId": clone["id"]}).json()
    assert copied["name"] == "Servers" and copied["data"] == group["data"]
    users = v1(vco, "enterprise/getEnterpriseUsers", {"enterpriseId": clone["id"]}).json()
    assert [u["username"] for u in users] == ["admin@two.example"]

    again = v1(vco, "enterprise/cloneEnterpriseV2", {**body, "name": "acme two"})
    assert again.status_code == 400 and "already exists" in again.json()["error"]["message"]
    no_user = {k: v for k, v in body.items() if k != "user"}
    assert v1(vco, "enterprise/cloneEnterpriseV2", {**no_user, "name": "Three"}).status_code == 400
    token = issue_token(vco, add_user(vco, acme.id, "admin@acme.example"))
    refused = as_user(vco, token, "enterprise/cloneEnterpriseV2", {**body, "name": "Four"})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == -32003
