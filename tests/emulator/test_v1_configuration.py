"""v1 profiles and modules against the emulator server: clone, read, update, delete, module replace."""

from __future__ import annotations

import copy
from typing import Any

from vco_emulator.process import EmulatorProcess

from .configuration_helpers import module, new_enterprise, profiles, quick_start
from .helpers import v1

ENTERPRISE_MODULES = {
    "deviceSettings",
    "firewall",
    "QOS",
    "WAN",
    "controlPlane",
    "managementPlane",
    "metaData",
}


def _firewall_rule(action: str) -> dict[str, Any]:
    return {
        "name": "Block Google DNS",
        "match": {"dip": "8.8.8.8", "dport_low": 53, "dport_high": 53, "proto": 17, "d_rule_type": "exact"},
        "action": {"allow_or_deny": action},
        "loggingEnabled": False,
    }


def test_a_new_enterprise_has_its_quick_start_profile_with_modules(vco: EmulatorProcess) -> None:
    eid, logical_id = new_enterprise(vco)
    [profile] = profiles(vco, eid, ["modules", "edgeCount"])
    assert profile["name"] == "Quick Start Profile"
    assert profile["edgeCount"] == 0 and profile["enterpriseLogicalId"] == logical_id
    assert profile["configurationType"] == "SEGMENT_BASED" and profile["isStaging"] == 0
    assert {m["name"] for m in profile["modules"]} == ENTERPRISE_MODULES
    for m in profile["modules"]:
        assert m["configurationId"] == profile["id"]
        assert {"id", "name", "type", "data", "refs", "description", "configurationId"} <= set(m)


def test_clone_makes_a_new_profile_with_its_own_modules(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    r = v1(
        vco,
        "configuration/cloneEnterpriseTemplate",
        {"enterpriseId": eid, "name": "Branch", "description": "b"},
    )
    assert r.status_code == 200 and set(r.json()) == {"id"}
    new_id = r.json()["id"]
    got = v1(vco, "configuration/getConfiguration", {"id": new_id, "with": ["modules"]}).json()
    assert got["name"] == "Branch" and got["description"] == "b" and got["id"] == new_id
    assert {m["name"] for m in got["modules"]} == ENTERPRISE_MODULES
    qs = v1(
        vco, "configuration/getConfiguration", {"id": quick_start(vco, eid)["id"], "with": ["modules"]}
    ).json()
    assert not {m["id"] for m in got["modules"]} & {m["id"] for m in qs["modules"]}
    assert [p["name"] for p in profiles(vco, eid)] == ["Quick Start Profile", "Branch"]


def test_clone_refuses_a_name_already_used_in_the_enterprise(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    other, _ = new_enterprise(vco, "Other")
    assert v1(vco, "configuration/cloneEnterpriseTemplate", {"enterpriseId": eid, "name": "Branch"}).ok
    r = v1(vco, "configuration/cloneEnterpriseTemplate", {"enterpriseId": eid, "name": "BRANCH"})
    assert r.status_code == 400 and "already exists" in r.json()["error"]["message"]
    assert len(profiles(vco, eid)) == 2
    # the same name in another enterprise is fine
    assert v1(vco, "configuration/cloneEnterpriseTemplate", {"enterpriseId": other, "name": "Branch"}).ok


def test_update_configuration_renames_and_refuses_duplicates(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    new_id = v1(vco, "configuration/cloneEnterpriseTemplate", {"enterpriseId": eid, "name": "Branch"}).json()[
        "id"
    ]
    r = v1(
        vco,
        "configuration/updateConfiguration",
        {"id": new_id, "_update": {"name": "Stores", "description": "d"}},
    )
    assert r.json() == {"rows": 1}
    got = v1(vco, "configuration/getConfiguration", {"id": new_id}).json()
    assert got["name"] == "Stores" and got["description"] == "d"
    r = v1(
        vco, "configuration/updateConfiguration", {"id": new_id, "_update": {"name": "quick start profile"}}
    )
    assert r.status_code == 400 and "already exists" in r.json()["error"]["message"]
    assert v1(vco, "configuration/getConfiguration", {"id": new_id}).json()["name"] == "Stores"


def test_update_module_replaces_the_whole_document(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    profile_id = quick_start(vco, eid)["id"]
    firewall = module(vco, profile_id, "firewall")
    data = copy.deepcopy(firewall["data"])
    data["segments"][0]["outbound"] = [_firewall_rule("deny")]
    for key in ("syslog_forwarding", "inboundLoggingEnabled"):
        data.pop(key)  # absent from the new document: must be gone afterwards
    r = v1(
        vco,
        "configuration/updateConfigurationModule",
        {"configurationModuleId": firewall["id"], "_update": {"data": data}},
    )
    assert r.status_code == 200 and r.json() == {"rows": 1}
    after = module(vco, profile_id, "firewall")
    assert after["data"] == data
    assert after["id"] == firewall["id"] and after["version"] != firewall["version"]


def test_an_invalid_firewall_document_is_refused_naming_the_path_and_nothing_changes(
    vco: EmulatorProcess,
) -> None:
    eid, _ = new_enterprise(vco)
    profile_id = quick_start(vco, eid)["id"]
    before = module(vco, profile_id, "firewall")
    data = copy.deepcopy(before["data"])
    data["segments"][0]["outbound"] = [_firewall_rule("perhaps")]
    del data["inbound"]
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": data}})
    assert r.status_code == 400
    error = r.json()["error"]
    paths = {e["path"] for e in error["data"]["error"]}
    assert paths == {"_update.data.segments.0.outbound.0.action.allow_or_deny", "_update.data.inbound"}
    assert "allow_or_deny" in error["message"]
    assert module(vco, profile_id, "firewall") == before


def test_an_invalid_qos_document_is_refused(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    profile_id = quick_start(vco, eid)["id"]
    before = module(vco, profile_id, "QOS")
    data = copy.deepcopy(before["data"])
    del data["segments"][0]["webProxy"]
    data["segments"][0]["rules"] = [{"name": "voice", "match": {"ipVersion": "IPv5"}, "action": {}}]
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": data}})
    assert r.status_code == 400
    paths = {e["path"] for e in r.json()["error"]["data"]["error"]}
    assert paths == {"_update.data.segments.0.webProxy", "_update.data.segments.0.rules.0.match.ipVersion"}
    assert module(vco, profile_id, "QOS") == before


def test_a_device_settings_module_with_a_bad_vlan_is_refused(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    profile_id = quick_start(vco, eid)["id"]
    before = module(vco, profile_id, "deviceSettings")
    data = copy.deepcopy(before["data"])
    data["lan"]["networks"][0]["vlanId"] = 4095
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": data}})
    assert r.status_code == 400
    [error] = r.json()["error"]["data"]["error"]
    assert error["path"] == "_update.data.lan.networks.0.vlanId" and "1..4094" in error["message"]
    assert module(vco, profile_id, "deviceSettings") == before


def test_modules_filter_and_no_data(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    profile_id = quick_start(vco, eid)["id"]
    r = v1(
        vco,
        "configuration/getConfigurationModules",
        {"configurationId": profile_id, "modules": ["QOS", "WAN"]},
    )
    assert sorted(m["name"] for m in r.json()) == ["QOS", "WAN"]
    r = v1(vco, "configuration/getConfigurationModules", {"configurationId": profile_id, "noData": True})
    assert len(r.json()) == len(ENTERPRISE_MODULES) and all("data" not in m for m in r.json())
    r = v1(vco, "configuration/getConfigurationModules", {"configurationId": profile_id, "modules": ["nope"]})
    assert r.status_code == 400


def test_insert_module_adds_one_and_refuses_a_second_of_the_same_name(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    profile_id = quick_start(vco, eid)["id"]
    params = {"configurationId": profile_id, "name": "imageUpdate", "data": {"version": "5.1.0"}}
    r = v1(vco, "configuration/insertConfigurationModule", params)
    assert r.status_code == 200 and r.json()["rows"] == 1
    assert module(vco, profile_id, "imageUpdate")["id"] == r.json()["id"]
    r = v1(vco, "configuration/insertConfigurationModule", params)
    assert r.status_code == 400 and "already has" in r.json()["error"]["message"]


def test_delete_an_unused_profile_removes_it_and_its_modules(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    new_id = v1(vco, "configuration/cloneEnterpriseTemplate", {"enterpriseId": eid, "name": "Branch"}).json()[
        "id"
    ]
    r = v1(vco, "configuration/deleteConfiguration", {"enterpriseId": eid, "id": new_id})
    assert r.status_code == 200 and r.json() == {"id": new_id, "rows": 1}
    assert [p["name"] for p in profiles(vco, eid)] == ["Quick Start Profile"]
    assert v1(vco, "configuration/getConfiguration", {"id": new_id}).status_code == 400
    assert v1(vco, "configuration/getConfigurationModules", {"configurationId": new_id}).status_code == 400


def test_profiles_of_other_enterprises_are_not_found_through_an_enterprise_id(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    other, _ = new_enterprise(vco, "Other")
    profile_id = quick_start(vco, eid)["id"]
    r = v1(vco, "configuration/getConfiguration", {"id": profile_id, "enterpriseId": other})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32004


def test_inbound_rules_are_stored_and_a_bad_one_is_refused_naming_the_path(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    profile_id = quick_start(vco, eid)["id"]
    before = module(vco, profile_id, "firewall")
    data = copy.deepcopy(before["data"])
    forward = {
        "name": "web",
        "match": {"proto": 6, "dip": "any", "dport_low": 8443, "dport_high": 8443, "sip": "any"},
        "action": {
            "type": "port_forwarding",
            "interface": "GE3",
            "subinterfaceId": -1,
            "nat": {"lan_ip": "10.0.1.20", "lan_port": 443},
        },
    }
    data["inbound"] = [forward]
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": data}})
    assert r.status_code == 200, r.text
    assert module(vco, profile_id, "firewall")["data"]["inbound"] == [forward]
    bad = copy.deepcopy(data)
    bad["inbound"] = [
        {**forward, "action": {"type": "port_triggering", "interface": "GE3", "nat": {"lan_port": 443}}}
    ]
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": bad}})
    assert r.status_code == 400
    paths = {e["path"] for e in r.json()["error"]["data"]["error"]}
    assert paths == {"_update.data.inbound.0.action.type", "_update.data.inbound.0.action.nat.lan_ip"}
    assert module(vco, profile_id, "firewall")["data"]["inbound"] == [forward]


def test_a_wan_document_is_checked_against_the_spec(vco: EmulatorProcess) -> None:
    eid, _ = new_enterprise(vco)
    profile_id = quick_start(vco, eid)["id"]
    before = module(vco, profile_id, "WAN")
    link = {
        "logicalId": "l1",
        "name": "Internet",
        "mode": "PUBLIC",
        "interfaces": ["GE3"],
        "upstreamMbps": "50",
    }
    good = {**before["data"], "links": [link]}
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": good}})
    assert r.status_code == 200, r.text
    bad = {"links": [{**link, "mode": "METERED", "upstreamMbps": 50}], "networks": []}
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": bad}})
    assert r.status_code == 400
    paths = {e["path"] for e in r.json()["error"]["data"]["error"]}
    assert paths == {"_update.data.links.0.mode", "_update.data.links.0.upstreamMbps"}
    assert module(vco, profile_id, "WAN")["data"]["links"] == [link]
