"""Routing sections of Profile/EdgeDeviceSettings, called in-process against the emulator server."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.edge_device_settings import EdgeDeviceSettingsProvider
from pulumi_velocloud.resources.profile_device_settings import ProfileDeviceSettingsProvider

MD5, PPPOE = "bgp-md5-TOPSECRET-9", "pppoe-TOPSECRET-8"
SEG = '/segments/[segment.name="Global Segment"]'
PEER = f'{SEG}/bgp/neighbors/[neighborIp="192.0.2.2"]'


def new_edge(profile: dict[str, Any], name: str) -> dict[str, Any]:
    created = EdgeProvider().create(
        {
            "enterprise_id": profile["enterprise_id"],
            "profile_id": profile["logical_id"],
            "name": name,
            "model_number": "edge6X0",
        }
    )
    assert created.outs is not None
    return created.outs


def routing_inputs(profile: dict[str, Any], hub_id: str) -> dict[str, Any]:
    return {
        "enterprise_id": profile["enterprise_id"],
        "profile_id": profile["logical_id"],
        "segments": [
            {
                "segment": "Global Segment",
                "vpn": {
                    "enabled": True,
                    "branch_to_hub": True,
                    "hubs": [{"edge_id": hub_id}],
                    "edge_to_edge": True,
                },
                "bgp": {
                    "enabled": True,
                    "asn": 65001,
                    "router_id": "10.255.0.1",
                    "neighbors": [
                        {"ip": "192.0.2.2", "asn": 65002, "md5_password": MD5, "inbound_filter": "dc"}
                    ],
                    "filters": [{"name": "dc", "rules": [{"match_value": "10.0.0.0/8", "action": "PERMIT"}]}],
                },
                "ospf": {"enabled": True, "areas": [{"id": 0, "type": "normal"}]},
                "bfd": {"enabled": True, "peers": [{"peer_address": "192.0.2.2", "detect_multiplier": 3}]},
            }
        ],
        "routed_interfaces": [
            {
                "name": "GE4",
                "addressing": "PPPOE",
                "pppoe_username": "branch@isp",
                "pppoe_password": PPPOE,
                "ospf": {"enabled": True, "area": 0},
            }
        ],
        "lan_ports": [{"name": "GE1", "port_mode": "trunk", "vlan_ids": [1], "untagged_vlan": 1}],
    }


def test_profile_routing_lifecycle_drift_by_field_and_restore(
    profile: dict[str, Any], client: VcoClient
) -> None:
    hub = new_edge(profile, "dc-hub")
    p = ProfileDeviceSettingsProvider()
    e, pid = profile["enterprise_id"], profile["logical_id"]
    before = client.v2.get_profile_device_settings(e, pid)
    news = routing_inputs(profile, hub["logical_id"])
    assert p.check({}, news).failures == []
    created = p.create(news)
    outs = created.outs
    assert outs is not None

    doc = client.v2.get_profile_device_settings(e, pid)
    seg = doc["segments"][0]
    assert seg["vpn"]["enabled"] is True
    assert seg["vpn"]["edgeToEdgeHub"]["vpnHubs"] == [
        {
            "_href": f"/api/sdwan/v2/enterprises/{e}/edges/{hub['logical_id']}",
            "name": "dc-hub",
            "type": "edgeHub",
        }
    ]
    [neighbor] = seg["bgp"]["neighbors"]
    assert neighbor["neighborAS"] == "65002" and neighbor["md5Password"] == MD5
    assert neighbor["inboundFilter"]["ids"] == seg["bgp"]["filters"][0]["ids"]
    assert (
        seg["ospf"]["areas"] == [{"id": 0, "type": "normal"}]
        and seg["bfd"]["rules"][0]["peerAddress"] == "192.0.2.2"
    )
    ge4 = next(i for i in doc["routedInterfaces"] if i["name"] == "GE4")
    assert ge4["addressing"] == {"type": "PPPOE", "username": "branch@isp", "password": PPPOE}
    assert doc["lan"]["interfaces"] == [
        {"name": "GE1", "portMode": "trunk", "vlanIds": [1], "untaggedVlan": 1}
    ]

    # secrets only in the secret output; the neighbour's other fields are visible one by one
    shown = json.dumps(outs["values"])
    assert MD5 not in shown and PPPOE not in shown and MD5 not in json.dumps(outs["managed_paths"])
    assert outs["secret_values"][f"{PEER}/md5Password"] == MD5
    assert outs["values"][f"{PEER}/neighborAS"] == "65002"
    assert p.diff(created.id, outs, news).changes is False

    # out of band: the neighbour's AS and the hub list change; read shows those fields, diff names segments
    i = doc["segments"][0]["bgp"]["neighbors"].index(neighbor)
    client.v2.update_profile_device_settings(
        e,
        pid,
        [
            {"op": "replace", "path": f"/segments/0/bgp/neighbors/{i}/neighborAS", "value": "65099"},
            {"op": "replace", "path": "/segments/0/vpn/edgeToEdgeHub/vpnHubs", "value": []},
        ],
    )
    read = p.read(created.id, outs).outs
    assert read is not None
    changed = {k for k in outs["values"] if outs["values"][k] != read["values"].get(k)}
    assert changed == {f"{PEER}/neighborAS", f"{SEG}/vpn/edgeToEdgeHub/vpnHubs"}
    assert p.changed_fields(read, news) == ["segments"]
    healed = p.update(created.id, read, news).outs
    assert healed is not None and healed["values"] == outs["values"]

    p.delete(created.id, healed)
    assert client.v2.get_profile_device_settings(e, pid) == before, "destroy restores the routing defaults"


def test_a_hub_that_does_not_exist_fails_with_the_vco_message_and_changes_nothing(
    profile: dict[str, Any], client: VcoClient
) -> None:
    p = ProfileDeviceSettingsProvider()
    e, pid = profile["enterprise_id"], profile["logical_id"]
    before = client.v2.get_profile_device_settings(e, pid)
    news = routing_inputs(profile, "00000000-0000-4000-8000-000000000000")
    with pytest.raises(
        Exception, match=r'DeviceSettings for profile "Branch": VCO rejected the change.*unknown edge'
    ):
        p.create(news)
    after = client.v2.get_profile_device_settings(e, pid)
    assert after == before


def test_edge_overrides_bgp_and_bfd_with_the_override_flag(
    profile: dict[str, Any], client: VcoClient
) -> None:
    edge = new_edge(profile, "branch-1")
    e = EdgeDeviceSettingsProvider()
    ent, edge_id = edge["enterprise_id"], edge["logical_id"]
    before = client.v2.get_edge_device_settings(ent, edge_id)
    news = {
        "enterprise_id": ent,
        "edge_id": edge_id,
        "segments": [
            {
                "segment": "Global Segment",
                "bgp": {
                    "enabled": True,
                    "asn": 65010,
                    "neighbors": [{"ip": "192.0.2.9", "asn": 65002, "md5_password": MD5}],
                },
                "bfd": {"enabled": True, "peers": [{"peer_address": "192.0.2.9"}]},
            }
        ],
    }
    created = e.create(news)
    assert created.outs is not None
    seg = client.v2.get_edge_device_settings(ent, edge_id)["segments"][0]
    assert seg["segment"]["name"] == "Global Segment"
    assert seg["bgp"]["override"] is True and seg["bgp"]["ASN"] == "65010"
    assert seg["bgp"]["neighbors"] == [
        {"neighborIp": "192.0.2.9", "neighborAS": "65002", "enableMd5": True, "md5Password": MD5}
    ]
    assert seg["bfd"] == {"enabled": True, "rules": [{"peerAddress": "192.0.2.9"}], "override": True}
    assert MD5 not in json.dumps(created.outs["values"])
    e.delete(edge_id, created.outs)
    assert client.v2.get_edge_device_settings(ent, edge_id) == before


def test_edge_cellular_interface_keeps_password_and_pin_secret_and_reads_apn_drift(
    profile: dict[str, Any], client: VcoClient
) -> None:
    edge = new_edge(profile, "lte-branch")
    p = EdgeDeviceSettingsProvider()
    e, eid = profile["enterprise_id"], edge["logical_id"]
    password, pin = "apn-TOPSECRET-7", "4711"
    cell = {"network": "GENERIC", "apn": "iot.example", "ip_type": "IPv4", "username": "lte"}
    news = {
        "enterprise_id": e,
        "edge_id": eid,
        "routed_interfaces": [
            {
                "name": "CELL1",
                "addressing": "DHCP",
                "cellular": {**cell, "password": password, "sim_pin": pin},
            }
        ],
    }
    assert p.check({}, news).failures == []
    wrong = {**news, "routed_interfaces": [{"name": "GE3", "cellular": {"apn": "x"}}]}
    [failure] = p.check({}, wrong).failures
    assert "CELL1" in failure.reason and "'GE3'" in failure.reason
    created = p.create(news)
    outs = created.outs
    assert outs is not None

    doc = client.v2.get_edge_device_settings(e, eid)
    cell1 = next(i for i in doc["routedInterfaces"] if i["name"] == "CELL1")
    assert cell1["cellular"] == {
        "network": "GENERIC",
        "apn": "iot.example",
        "iptype": "IPv4",
        "username": "lte",
        "password": password,
        "simPin": pin,
    }
    shown = json.dumps({k: v for k, v in outs.items() if k not in ("secret_values", "snapshot")})
    assert password not in shown and pin not in shown
    path = '/routedInterfaces/[name="CELL1"]/cellular'
    assert outs["secret_values"][f"{path}/simPin"] == pin and outs["values"][f"{path}/apn"] == "iot.example"

    i = doc["routedInterfaces"].index(cell1)
    client.v2.update_edge_device_settings(
        e, eid, [{"op": "replace", "path": f"/routedInterfaces/{i}/cellular/apn", "value": "other.apn"}]
    )
    read = p.read(created.id, outs).outs
    assert read is not None
    changed = {k for k in outs["values"] if outs["values"][k] != read["values"].get(k)}
    assert changed == {f"{path}/apn"}
    assert p.changed_fields(read, news) == ["routed_interfaces"]
    p.delete(created.id, p.update(created.id, read, news).outs or read)
