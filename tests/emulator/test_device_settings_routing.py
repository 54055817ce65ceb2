"""Routing sections of v2 deviceSettings on the emulator server: defaults, VPN hubs, BGP/OSPF/BFD rules."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import requests

from vco_emulator.domain.device_settings import shape_errors
from vco_emulator.process import EmulatorProcess

from .configuration_helpers import V2, module, new_enterprise, poll, quick_start, set_async
from .helpers import auth, v1

MD5 = "bgp-md5-TOPSECRET"


class Target:
    def __init__(self, vco: EmulatorProcess) -> None:
        set_async(vco, mode="immediate")
        self.vco = vco
        self.enterprise_id, self.enterprise = new_enterprise(vco)
        self.profile = quick_start(vco, self.enterprise_id)
        self.url = (
            f"{vco.url}{V2}/enterprises/{self.enterprise}/profiles/{self.profile['logicalId']}/deviceSettings"
        )

    def get(self) -> dict[str, Any]:
        r = requests.get(self.url, headers=auth(self.vco), timeout=10)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    def patch(self, ops: list[dict[str, Any]]) -> dict[str, Any]:
        r = requests.patch(self.url, json=ops, headers=auth(self.vco), timeout=10)
        assert r.status_code == 202, r.text
        return poll(self.vco, r.headers["Location"])

    def hub_edge(self, name: str) -> str:
        params = {"enterpriseId": self.enterprise_id, "configurationId": self.profile["id"], "name": name}
        r = v1(self.vco, "edge/edgeProvision", {**params, "modelNumber": "edge6X0"})
        assert r.status_code == 200, r.text
        edge = v1(self.vco, "edge/getEdge", {"enterpriseId": self.enterprise_id, "id": r.json()["id"]})
        return str(edge.json()["logicalId"])

    def cluster(self, name: str) -> str:
        params = {"enterpriseId": self.enterprise_id, "type": "edgeHubCluster", "name": name, "data": {}}
        r = v1(self.vco, "enterprise/insertEnterpriseService", params)
        assert r.status_code == 200, r.text
        services = v1(self.vco, "enterprise/getEnterpriseServices", {"enterpriseId": self.enterprise_id})
        return str(next(s["logicalId"] for s in services.json() if s["id"] == r.json()["id"]))


def test_a_new_profiles_global_segment_has_routing_sections_off_and_schema_valid(
    vco: EmulatorProcess,
) -> None:
    segment = Target(vco).get()["segments"][0]
    assert shape_errors(segment, "DeviceSettingsSegment") == []
    assert segment["vpn"]["enabled"] is False and segment["vpn"]["backHaulEdges"] == []
    assert segment["vpn"]["edgeToEdgeHub"] == {"enabled": False, "vpnHubs": []}
    assert segment["bgp"]["enabled"] is False and segment["bgp"]["neighbors"] == []
    assert segment["ospf"]["enabled"] is False and segment["ospf"]["areas"] == []
    assert segment["bfd"] == {"enabled": False, "rules": [], "rulesV6": []}


def test_vpn_hubs_by_reference_are_stored_v1_style_and_shown_v2_style(vco: EmulatorProcess) -> None:
    t = Target(vco)
    hub, cluster = t.hub_edge("dc-hub-1"), t.cluster("dc-cluster")
    refs = [
        {"_href": f"{V2}/enterprises/{t.enterprise}/edges/{hub}", "type": "edgeHub"},
        {"_href": f"{V2}/enterprises/{t.enterprise}/edgeClusters/{cluster}", "type": "edgeHubCluster"},
    ]
    ops = [
        {"op": "replace", "path": "/segments/0/vpn/enabled", "value": True},
        {
            "op": "replace",
            "path": "/segments/0/vpn/edgeToEdgeHub",
            "value": {"enabled": True, "vpnHubs": refs},
        },
        {
            "op": "replace",
            "path": "/segments/0/vpn/backHaulEdges",
            "value": [{"logicalId": hub, "type": "edgeHub"}],
        },
    ]
    assert t.patch(ops)["status"] == "DONE"
    vpn = t.get()["segments"][0]["vpn"]
    assert vpn["edgeToEdgeHub"]["vpnHubs"] == [
        {**refs[0], "name": "dc-hub-1"},
        {**refs[1], "name": "dc-cluster"},
    ]
    assert vpn["backHaulEdges"] == [{"logicalId": hub, "name": "dc-hub-1", "type": "edgeHub"}]
    stored = module(vco, t.profile["id"], "deviceSettings")["data"]["segments"][0]["vpn"]
    assert stored["edgeToEdgeHub"]["vpnHubs"][1] == {
        "logicalId": cluster,
        "name": "dc-cluster",
        "type": "edgeHubCluster",
    }
    # a later patch elsewhere still validates the document with hubs in it
    assert t.patch([{"op": "replace", "path": "/softwareUpdate/windowed", "value": True}])["status"] == "DONE"


def test_an_unknown_hub_ends_in_error_naming_it(vco: EmulatorProcess) -> None:
    t = Target(vco)
    before = t.get()
    ghost = str(uuid.uuid4())
    ops = [
        {
            "op": "add",
            "path": "/segments/0/vpn/backHaulEdges/-",
            "value": {"logicalId": ghost, "type": "edgeHub"},
        },
        {
            "op": "add",
            "path": "/segments/0/vpn/edgeToEdgeDetail/vpnHubs/-",
            "value": {"_href": f"/x/edgeClusters/{ghost}", "type": "edgeHubCluster"},
        },
    ]
    failed = t.patch(ops)
    assert failed["status"] == "ERROR"
    assert {e["path"] for e in failed["errors"]} == {
        "segments.0.vpn.backHaulEdges.0",
        "segments.0.vpn.edgeToEdgeDetail.vpnHubs.0",
    }
    assert f"unknown edge '{ghost}'" in failed["message"] and "unknown hub cluster" in failed["message"]
    assert t.get() == before


def test_bgp_ospf_bfd_rules_end_in_error_without_echoing_the_md5_password(vco: EmulatorProcess) -> None:
    t = Target(vco)
    before = t.get()
    bgp = copy.deepcopy(before["segments"][0]["bgp"])
    neighbor = {"neighborIp": "192.0.2.2", "neighborAS": "65002", "enableMd5": True, "md5Password": MD5}
    bgp.update(
        enabled=True,
        ASN="0",
        routerId="10.0.0.300",
        neighbors=[{**neighbor, "inboundFilter": {"ids": ["missing"]}}, {**neighbor, "neighborAS": "x"}],
    )
    ops = [
        {"op": "replace", "path": "/segments/0/bgp", "value": bgp},
        {"op": "replace", "path": "/segments/0/ospf/areas", "value": [{"id": 1}, {"id": 1}]},
        {"op": "replace", "path": "/segments/0/bfd/rules", "value": [{"peerAddress": "not-an-ip"}]},
        {
            "op": "add",
            "path": "/routedInterfaces/-",
            "value": {"name": "GE3", "addressing": {"type": "PPPOE"}},
        },
    ]
    failed = t.patch(ops)
    assert failed["status"] == "ERROR"
    assert {e["path"] for e in failed["errors"]} == {
        "segments.0.bgp.ASN",
        "segments.0.bgp.routerId",
        "segments.0.bgp.neighbors.0.inboundFilter.ids.0",
        "segments.0.bgp.neighbors.1.neighborIp",
        "segments.0.bgp.neighbors.1.neighborAS",
        "segments.0.ospf.areas.1.id",
        "segments.0.bfd.rules.0.peerAddress",
        "routedInterfaces.0.addressing.username",
    }
    assert MD5 not in str(failed)
    assert t.get() == before


def test_a_valid_bgp_neighbour_with_filters_is_kept_as_sent(vco: EmulatorProcess) -> None:
    t = Target(vco)
    rule = {
        "match": {"type": "PREFIX", "value": "10.0.0.0/8", "exactMatch": False},
        "action": {"type": "PERMIT", "values": [{"type": "NONE", "value": ""}]},
    }
    bgp = {
        "enabled": True,
        "ASN": "65001",
        "routerId": "10.255.0.1",
        "filters": [{"name": "in", "ids": ["f-1"], "rules": [rule]}],
        "neighbors": [
            {
                "neighborIp": "192.0.2.2",
                "neighborAS": "65002",
                "enableMd5": True,
                "md5Password": MD5,
                "inboundFilter": {"ids": ["f-1"]},
            }
        ],
    }
    assert t.patch([{"op": "replace", "path": "/segments/0/bgp", "value": bgp}])["status"] == "DONE"
    assert t.get()["segments"][0]["bgp"] == bgp


def test_v1_module_writes_are_held_to_the_same_routing_rules(vco: EmulatorProcess) -> None:
    t = Target(vco)
    before = module(vco, t.profile["id"], "deviceSettings")
    data = copy.deepcopy(before["data"])
    hub = t.hub_edge("dc-hub-2")
    data["segments"][0]["vpn"]["backHaulEdges"] = [
        {"logicalId": hub, "name": "dc-hub-2", "type": "edgeHub"},
        {"logicalId": str(uuid.uuid4()), "name": "gone", "type": "edgeHub"},
    ]
    data["segments"][0]["bgp"]["neighbors"] = [{"neighborIp": "192.0.2.2", "neighborAS": "70000000000"}]
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": data}})
    assert r.status_code == 400, r.text
    paths = {e["path"] for e in r.json()["error"]["data"]["error"]}
    assert paths == {
        "_update.data.segments.0.vpn.backHaulEdges.1",
        "_update.data.segments.0.bgp.neighbors.0.neighborAS",
    }
    assert module(vco, t.profile["id"], "deviceSettings") == before
    # the known hub alone is accepted through v1 and shown by v2 as it is stored
    data["segments"][0]["vpn"]["backHaulEdges"].pop()
    data["segments"][0]["bgp"]["neighbors"] = []
    r = v1(vco, "configuration/updateConfigurationModule", {"id": before["id"], "_update": {"data": data}})
    assert r.status_code == 200, r.text
    assert t.get()["segments"][0]["vpn"]["backHaulEdges"] == [
        {"logicalId": hub, "name": "dc-hub-2", "type": "edgeHub"}
    ]
