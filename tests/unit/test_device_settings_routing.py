"""Typed routing sections of device settings (VPN, BGP, OSPF, BFD, PPPoE, LAN ports): checks, mapping."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pulumi_velocloud.ids import logical_id
from pulumi_velocloud.mechanisms import managed_paths as mp
from pulumi_velocloud.mechanisms.device_settings_mapping import desired_paths, field_of, is_secret
from pulumi_velocloud.mechanisms.device_settings_provider import _Document
from pulumi_velocloud.mechanisms.device_settings_routing_mapping import filter_id
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.profile_device_settings import (
    ProfileDeviceSettingsArgs,
    ProfileDeviceSettingsProvider,
)

BASE = {"enterprise_id": "ent-1", "profile_id": "prof-1"}
SEG = '/segments/[segment.name="Global Segment"]'
PEER = f'{SEG}/bgp/neighbors/[neighborIp="192.0.2.2"]'
MD5 = "md5-TOPSECRET-1"
PPPOE = "pppoe-TOPSECRET-2"


def routing(**segment: Any) -> dict[str, Any]:
    return {**BASE, "segments": [{"segment": "Global Segment", **segment}]}


FULL = {
    **routing(
        vpn={
            "enabled": True,
            "branch_to_hub": True,
            "hubs": [{"edge_id": "hub-edge-1"}, {"hub_cluster_id": "cluster-1"}],
            "edge_to_edge": True,
            "edge_to_edge_via": "hubs",
            "edge_to_edge_hubs": [{"edge_id": "hub-edge-1"}],
            "dynamic_edge_to_edge": True,
            "isolate_profile": False,
            "backhaul_hubs": [{"hub_cluster_id": "cluster-1"}],
            "conditional_backhaul": True,
        },
        bgp={
            "enabled": True,
            "asn": 65001,
            "router_id": "10.255.0.1",
            "networks": ["10.8.0.0/16"],
            "neighbors": [
                {
                    "ip": "192.0.2.2",
                    "asn": 65002,
                    "md5_password": MD5,
                    "inbound_filter": "from-dc",
                    "keepalive_seconds": 20,
                    "holdtime_seconds": 60,
                }
            ],
            "filters": [
                {
                    "name": "from-dc",
                    "rules": [
                        {
                            "match_value": "10.0.0.0/8",
                            "action": "PERMIT",
                            "set_type": "LOCAL_PREFERENCE",
                            "set_value": "200",
                        },
                        {"match_value": "0.0.0.0/0", "action": "DENY"},
                    ],
                }
            ],
        },
        ospf={
            "enabled": True,
            "areas": [{"id": 0, "type": "normal"}, {"id": 10, "name": "branches", "type": "stub"}],
        },
        bfd={
            "enabled": True,
            "peers": [{"peer_address": "192.0.2.2", "detect_multiplier": 3, "receive_interval_ms": 300}],
        },
    ),
    "routed_interfaces": [
        {
            "name": "GE3",
            "addressing": "PPPOE",
            "pppoe_username": "branch-17@isp",
            "pppoe_password": PPPOE,
            "ospf": {"enabled": True, "area": 10, "cost": 10},
        }
    ],
    "lan_ports": [{"name": "GE1", "port_mode": "trunk", "vlan_ids": [1, 10], "untagged_vlan": 1}],
}


def paths(inputs: dict[str, Any], *, edge: bool = False) -> dict[str, Any]:
    return desired_paths(ProfileDeviceSettingsArgs.model_validate(inputs), edge=edge)


def test_routing_sections_map_to_the_v2_segment_document_path_by_path() -> None:
    got = paths(FULL)
    fid = filter_id("Global Segment", "from-dc")
    assert got[f"{SEG}/vpn/edgeToEdgeHub/vpnHubs"] == [
        {"_href": "/api/sdwan/v2/enterprises/ent-1/edges/hub-edge-1", "type": "edgeHub"},
        {"_href": "/api/sdwan/v2/enterprises/ent-1/edgeClusters/cluster-1", "type": "edgeHubCluster"},
    ]
    assert got[f"{SEG}/vpn/edgeToEdgeDetail/useCloudGateway"] is False
    assert got[f"{SEG}/vpn/edgeToEdgeDetail/dynamic/enabled"] is True
    assert got[f"{SEG}/vpn/edgeToEdgeDetail/isolation/enabled"] is False
    assert got[f"{SEG}/vpn/backHaulEdges"] == [{"logicalId": "cluster-1", "type": "edgeHubCluster"}]
    assert got[f"{SEG}/vpn/conditionalBackhaul"] is True
    assert got[f"{SEG}/bgp/ASN"] == "65001" and got[f"{SEG}/bgp/routerId"] == "10.255.0.1"
    assert got[f"{SEG}/bgp/networks"] == [{"cidrIp": "10.8.0.0", "cidrPrefix": 16}]
    assert got[f"{PEER}/neighborAS"] == "65002"
    assert got[f"{PEER}/enableMd5"] is True and got[f"{PEER}/md5Password"] == MD5
    assert got[f"{PEER}/inboundFilter/ids"] == [fid]
    assert f"{PEER}/outboundFilter" not in got, "an undeclared filter is not managed"
    assert got[f"{PEER}/keepalive"] == "20" and got[f"{PEER}/holdtime"] == "60"
    flt = f'{SEG}/bgp/filters/[name="from-dc"]'
    assert got[f"{flt}/ids"] == [fid]
    assert got[f"{flt}/rules"] == [
        {
            "match": {"type": "PREFIX", "value": "10.0.0.0/8", "exactMatch": False},
            "action": {"type": "PERMIT", "values": [{"type": "LOCAL_PREFERENCE", "value": "200"}]},
        },
        {
            "match": {"type": "PREFIX", "value": "0.0.0.0/0", "exactMatch": False},
            "action": {"type": "DENY", "values": []},
        },
    ]
    assert got[f"{SEG}/ospf/areas/[id=10]/type"] == "stub" and got[f"{SEG}/ospf/areas/[id=0]/id"] == 0
    assert got[f'{SEG}/bfd/rules/[peerAddress="192.0.2.2"]/receiveInterval'] == 300
    ge3 = '/routedInterfaces/[name="GE3"]'
    assert got[f"{ge3}/addressing/type"] == "PPPOE" and got[f"{ge3}/addressing/password"] == PPPOE
    assert got[f"{ge3}/ospf/area"] == 10 and got[f"{ge3}/ospf/cost"] == 10
    assert f"{ge3}/addressing/cidrIp" not in got
    assert got['/lan/interfaces/[name="GE1"]/vlanIds'] == [1, 10]
    assert got['/lan/interfaces/[name="GE1"]/untaggedVlan'] == 1
    assert not [p for p in got if p.endswith("/override")], "no override flags at the profile level"
    assert field_of('/lan/interfaces/[name="GE1"]/portMode') == "lan_ports"


def test_edge_level_sets_override_where_the_schema_has_it() -> None:
    got = paths(FULL, edge=True)
    overrides = sorted(p for p in got if p.endswith("/override"))
    assert overrides == [
        '/lan/interfaces/[name="GE1"]/override',
        '/routedInterfaces/[name="GE3"]/override',
        f"{SEG}/bfd/override",
        f"{SEG}/bgp/override",
    ], "vpn and ospf have no override flag in the v2 schema"


def test_secrets_are_leaves_the_rest_of_their_section_stays_visible() -> None:
    got = paths(FULL)
    secret = sorted(p for p, v in got.items() if is_secret(p, v))
    # enableMd5 is hidden too (its name looks secret: hiding too much is the safe side)
    assert secret == sorted(
        [f"{PEER}/enableMd5", f"{PEER}/md5Password", '/routedInterfaces/[name="GE3"]/addressing/password']
    )
    assert not is_secret(f"{PEER}/neighborAS", "65002"), "drift of the neighbour's AS shows by field"


def test_filter_ids_are_stable_and_per_segment() -> None:
    assert filter_id("Global Segment", "a") == filter_id("Global Segment", "a")
    assert filter_id("Global Segment", "a") != filter_id("Voice", "a")


def failures(**inputs: Any) -> list[str]:
    result = ProfileDeviceSettingsProvider().check({}, {**BASE, **inputs})
    return [f.reason for f in result.failures]


def neighbor(**fields: Any) -> dict[str, Any]:
    return {"ip": "192.0.2.2", "asn": 65002, **fields}


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (routing(bgp={"asn": 0}), r"segments\.0\.bgp\.asn = 0 is invalid: .*asn 0 is out of range"),
        (routing(bgp={"router_id": "10.0.0.256"}), r"router_id '10\.0\.0\.256' is not an IPv4 address"),
        (
            routing(bgp={"asn": 1, "neighbors": [neighbor(inbound_filter="nope")]}),
            r"neighbour 192\.0\.2\.2: inbound_filter 'nope' is not one of this segment's filters \(none\)",
        ),
        (
            routing(bgp={"asn": 1, "neighbors": [neighbor(), neighbor()]}),
            r"neighbour ip '192\.0\.2\.2' appears twice",
        ),
        (
            routing(bgp={"asn": 1, "neighbors": [neighbor(keepalive_seconds=30, holdtime_seconds=60)]}),
            r"holdtime_seconds 60 should be at least 3 x keepalive_seconds \(90\)",
        ),
        (routing(bgp={"enabled": True, "neighbors": [neighbor()]}), r"needs the local asn"),
        (
            routing(
                bgp={"filters": [{"name": "f", "rules": [{"match_value": "10.0.0.1/8", "action": "PERMIT"}]}]}
            ),
            r"match_value '10\.0\.0\.1/8' has host bits set; did you mean 10\.0\.0\.0/8\?",
        ),
        (
            routing(vpn={"hubs": [{"edge_id": "a", "hub_cluster_id": "b"}]}),
            r"segments\.0\.vpn\.hubs\.0 is invalid: .*set exactly one",
        ),
        (
            routing(vpn={"edge_to_edge": True, "edge_to_edge_via": "hubs"}),
            r'edge_to_edge_via="hubs" needs edge_to_edge_hubs',
        ),
        (
            routing(vpn={"enabled": False, "edge_to_edge": True}),
            r"enabled=False turns Cloud VPN off, but edge_to_edge is True",
        ),
        (routing(vpn={"conditional_backhaul": True}), r"conditional_backhaul=True needs backhaul_hubs"),
        (routing(vpn={"hubs": [{"edge_id": "a"}, {"edge_id": "a"}]}), r"hubs: hub 'a' appears twice"),
        (
            routing(ospf={"areas": [{"id": 0, "type": "stub"}]}),
            r"area 0 is the backbone and cannot be 'stub'",
        ),
        (routing(ospf={"areas": [{"id": 1}, {"id": 1}]}), r"area id 1 appears twice"),
        (
            routing(bfd={"peers": [{"peer_address": "192.0.2.2", "receive_interval_ms": 50}]}),
            r"segments\.0\.bfd\.peers\.0\.receive_interval_ms = 50 is invalid",
        ),
        (routing(bgp={"asn": 1}, extra={"bgp": {}}), r"\['bgp'\] set both typed and in extra"),
        (
            {"routed_interfaces": [{"name": "GE3", "addressing": "PPPOE", "pppoe_username": "u"}]},
            r'addressing="PPPOE" needs pppoe_username and pppoe_password',
        ),
        (
            {"routed_interfaces": [{"name": "GE3", "addressing": "DHCP", "pppoe_username": "u"}]},
            r'used only with addressing="PPPOE"',
        ),
        (
            {
                **routing(ospf={"areas": [{"id": 0}]}),
                "routed_interfaces": [{"name": "GE3", "ospf": {"area": 7}}],
            },
            r"routed interface GE3: ospf area 7 is not one of the declared areas \[0\]",
        ),
        (
            {"lan_ports": [{"name": "GE1", "port_mode": "access", "vlan_ids": [1, 10]}]},
            r"exactly one VLAN, not \[1, 10\]",
        ),
        (
            {"lan_ports": [{"name": "GE1", "port_mode": "trunk", "vlan_ids": [10], "untagged_vlan": 1}]},
            r"untagged_vlan 1 is not one of the port's vlan_ids \[10\]",
        ),
        ({"lan_ports": [{"name": "GE1", "vlan_ids": [5000]}]}, r"VLAN id 5000 is out of range"),
        ({"lan_ports": [{"name": "GE1"}, {"name": "GE1"}]}, r"name 'GE1' appears twice"),
    ],
)
def test_bad_routing_inputs_name_the_resource_field_and_value(inputs: dict[str, Any], expected: str) -> None:
    found = failures(**{k: v for k, v in inputs.items() if k not in BASE})
    assert found, "the check must fail"
    assert any(f.startswith("ProfileDeviceSettings field ") for f in found), found
    assert any(re.search(expected, f) for f in found), found


def test_check_never_echoes_a_routing_secret() -> None:
    bad_md5 = routing(bgp={"asn": 1, "neighbors": [neighbor(md5_password="x" * 81 + MD5)]})
    bad_pppoe = {"routed_interfaces": [{"name": "GE3", "addressing": "DHCP", "pppoe_password": PPPOE}]}
    bad_ospf = {"routed_interfaces": [{"name": "GE3", "ospf": {"md5_passphrase": "TOPSECRET-passphrase-3"}}]}
    for inputs in (bad_md5, bad_pppoe, bad_ospf):
        found = failures(**{k: v for k, v in inputs.items() if k not in BASE})
        assert found
        assert not any("TOPSECRET" in f for f in found), found


def test_valid_full_example_passes_check() -> None:
    assert failures(**{k: v for k, v in FULL.items() if k not in BASE}) == []


def test_a_write_the_vco_did_not_keep_fails_naming_the_paths_not_the_values() -> None:
    wanted = paths(FULL)
    document = _Document(
        ProfileDeviceSettingsProvider(),
        None,  # type: ignore[arg-type]  # require_kept reads no API
        logical_id("ent-1"),
        logical_id("prof-1"),
        'DeviceSettings for profile "Branch"',
    )
    kept: dict[str, Any] = {}
    for path, value in wanted.items():
        mp.set_value(kept, path, value)
    document.require_kept(kept, wanted)  # all there: no error
    mp.set_value(kept, f"{PEER}/md5Password", None)  # dropped by the VCO
    mp.set_value(kept, f"{SEG}/vpn/backHaulEdges", [{"logicalId": "cluster-1"}])  # type not kept
    with pytest.raises(VcoResourceError) as failed:
        document.require_kept(kept, wanted)
    message = str(failed.value)
    assert message.startswith(
        'DeviceSettings for profile "Branch": the VCO accepted the change but did not keep'
    )
    assert f"{PEER}/md5Password" in message and f"{SEG}/vpn/backHaulEdges" in message
    assert MD5 not in message
