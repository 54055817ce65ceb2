"""Device settings: input checks, the mapping inputs -> v2 document, managed-path reading/writing/diffing."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pulumi_velocloud.mechanisms import managed_paths as mp
from pulumi_velocloud.mechanisms.device_settings_mapping import KEYED, desired_paths, is_secret
from pulumi_velocloud.resources.edge_device_settings import EdgeDeviceSettingsProvider
from pulumi_velocloud.resources.profile_device_settings import (
    ProfileDeviceSettingsArgs,
    ProfileDeviceSettingsProvider,
)

BASE = {"enterprise_id": "e-1", "profile_id": "p-1"}


def failures(**inputs: Any) -> list[str]:
    result = ProfileDeviceSettingsProvider().check({}, {**BASE, **inputs})
    return [f.reason for f in result.failures]


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        (
            {"vlan_id": 10, "cidr": "10.0.300.1/24"},
            r"lan_networks\.0\.cidr = '10\.0\.300\.1/24' is invalid: .*IPv4",
        ),
        ({"vlan_id": 10, "cidr": "10.0.10.1"}, r"lan_networks\.0\.cidr .*needs a prefix length"),
        (
            {"vlan_id": 10, "cidr": "10.0.10.0/24"},
            r"network address of 10\.0\.10\.0/24.*e\.g\. 10\.0\.10\.1/24",
        ),
        ({"vlan_id": 5000}, r"lan_networks\.0\.vlan_id = 5000 is invalid: .*less than or equal to 4094"),
        ({"vlan_id": 0}, r"lan_networks\.0\.vlan_id = 0 is invalid"),
        (
            {
                "vlan_id": 10,
                "cidr": "10.0.10.1/24",
                "dhcp": {"range_start": "10.0.10.200", "range_size": 100},
            },
            r"DHCP range 10\.0\.10\.200-10\.0\.11\.43 \(100 addresses\) is outside 10\.0\.10\.0/24 "
            r"\(usable 10\.0\.10\.1-10\.0\.10\.254\)",
        ),
        (
            {"vlan_id": 10, "cidr": "10.0.10.1/24", "dhcp": {"range_start": "10.0.9.1", "range_size": 5}},
            r"outside 10\.0\.10\.0/24",
        ),
        (
            {"vlan_id": 10, "cidr": "10.0.10.1/24", "dhcp": {"range_start": "10.0.10.1", "range_size": 5}},
            r"includes the edge's own address 10\.0\.10\.1",
        ),
        ({"vlan_id": 10, "dhcp": {"range_start": "10.0.10.5"}}, r"range_start and range_size go together"),
    ],
)
def test_bad_lan_network_inputs_say_what_and_why(network: dict[str, Any], expected: str) -> None:
    reasons = failures(lan_networks=[network])
    assert len(reasons) == 1, reasons
    assert reasons[0].startswith("ProfileDeviceSettings field lan_networks")
    import re

    assert re.search(expected, reasons[0]), reasons[0]


def test_other_bad_inputs() -> None:
    assert any(
        "vlan_id 10 appears twice" in r for r in failures(lan_networks=[{"vlan_id": 10}, {"vlan_id": 10}])
    )
    route = {"destination": "10.20.0.1/16"}
    assert any(
        "did you mean 10.20.0.0/16" in r
        for r in failures(segments=[{"segment": "G", "static_routes": [route]}])
    )
    iface = {"name": "GE3", "addressing": "STATIC", "cidr": "192.0.2.10/29", "gateway": "192.0.3.1"}
    assert any(
        "outside the interface's network 192.0.2.8/29" in r for r in failures(routed_interfaces=[iface])
    )
    assert any("unknown top-level section(s) ['lann']" in r for r in failures(extra={"lann": {}}))
    assert any("use segments=" in r for r in failures(extra={"segments": []}))
    clash = failures(ntp={"enabled": True}, extra={"ntp": {"enabled": False}})
    assert any("ntp and extra both set /ntp/enabled" in r for r in clash), clash
    assert failures(snmp={"allowed_ips": ["10.0.0.0/8", "192.0.2.1"]}) == []
    assert any("not an IPv4 address or network" in r for r in failures(snmp={"allowed_ips": ["nope"]}))


def test_inputs_map_to_the_v2_document_paths() -> None:
    args = ProfileDeviceSettingsArgs(
        **BASE,
        lan_networks=[
            {
                "vlan_id": 10,
                "name": "Staff",
                "cidr": "10.0.10.1/24",
                "dhcp": {
                    "enabled": True,
                    "range_start": "10.0.10.100",
                    "range_size": 50,
                    "dns_servers": ["9.9.9.9"],
                },
            }
        ],
        routed_interfaces=[{"name": "GE3", "addressing": "DHCP", "wan_overlay": "AUTO_DISCOVERED"}],
        segments=[
            {
                "segment": "Global Segment",
                "static_routes": [{"destination": "10.20.0.0/16", "gateway": "10.0.10.254"}],
                "dns": {"primary_provider": "Google"},
            }
        ],
        ntp={"servers": ["0.pool.ntp.org"]},
        snmp={"port": 161, "v2c_community": "c"},
        software_update={"windowed": True, "day": 6, "begin_hour": 2},
        extra={"ha": {"enabled": False}},
    )  # type: ignore[arg-type]
    staff = "/lan/networks/[vlanId=10]"
    seg = '/segments/[segment.name="Global Segment"]'
    assert desired_paths(args, edge=False) == {
        f"{staff}/vlanId": 10,
        f"{staff}/name": "Staff",
        f"{staff}/cidrIp": "10.0.10.1",
        f"{staff}/cidrPrefix": 24,
        f"{staff}/netmask": "255.255.255.0",
        f"{staff}/baseDhcpAddr": 100,
        f"{staff}/numDhcpAddr": 50,
        f"{staff}/dhcp/enabled": True,
        f"{staff}/dhcp/options/[option=6]/option": 6,
        f"{staff}/dhcp/options/[option=6]/type": "ip",
        f"{staff}/dhcp/options/[option=6]/value": ["9.9.9.9"],
        '/routedInterfaces/[name="GE3"]/name': "GE3",
        '/routedInterfaces/[name="GE3"]/addressing/type': "DHCP",
        '/routedInterfaces/[name="GE3"]/wanOverlay': "AUTO_DISCOVERED",
        f"{seg}/routes/static": [
            {
                "destination": "10.20.0.0",
                "cidrPrefix": "16",
                "netmask": "255.255.0.0",
                "gateway": "10.0.10.254",
            }
        ],
        f"{seg}/segment/name": "Global Segment",
        f"{seg}/dns/dnsPrimaryProvider/name": "Google",
        "/ntp/servers": [{"server": "0.pool.ntp.org"}],
        "/snmp/port": 161,
        "/snmp/snmpv2c/community": "c",
        "/softwareUpdate/windowed": True,
        "/softwareUpdate/window/day": 6,
        "/softwareUpdate/window/beginHour": 2,
        "/ha/enabled": False,
    }
    edge = desired_paths(args, edge=True)
    assert edge[f"{staff}/override"] is True and edge["/snmp/override"] is True
    assert is_secret("/snmp/snmpv2c/community", "c") and is_secret(
        "/snmp/snmpv3/users", [{"passphrase": "x"}]
    )
    assert not is_secret("/ntp/servers", [{"server": "a"}])


DOCUMENT: dict[str, Any] = {
    "lan": {
        "networks": [
            {"vlanId": 1, "name": "Corporate", "cidrIp": "10.0.1.1", "dhcp": {"enabled": True}},
            {"vlanId": 10, "name": "Staff", "cidrIp": "10.0.10.1", "advertise": True},
        ]
    },
    "ntp": {"enabled": False, "servers": []},
    "models": {},
}


def test_reading_managed_paths_ignores_undeclared_keys_and_order() -> None:
    paths = ["/lan/networks/[vlanId=10]/name", "/ntp/enabled", "/snmp/port"]
    moved = copy.deepcopy(DOCUMENT)
    moved["lan"]["networks"].reverse()  # by key, not by position
    moved["lan"]["networks"][1]["name"] = "Corp (by hand)"  # undeclared
    moved["lan"]["networks"][0]["advertise"] = False  # undeclared key of a managed network
    assert mp.read(moved, paths) == {"/lan/networks/[vlanId=10]/name": "Staff", "/ntp/enabled": False}


def test_managed_path_diff_ignores_undeclared_keys() -> None:
    p = ProfileDeviceSettingsProvider()
    news = {**BASE, "lan_networks": [{"vlan_id": 10, "name": "Staff"}], "ntp": {"servers": ["a"]}}
    olds = {
        **BASE,
        "managed_paths": [
            "/lan/networks/[vlanId=10]/vlanId",
            "/lan/networks/[vlanId=10]/name",
            "/ntp/servers",
        ],
        # an element of a whole-owned list carrying a key the VCO added is still a match
        "values": {
            "/lan/networks/[vlanId=10]/vlanId": 10,
            "/lan/networks/[vlanId=10]/name": "Staff",
            "/ntp/servers": [{"server": "a", "extra": 1}],
        },
        "secret_values": {},
    }
    assert p.changed_fields(olds, news) == []
    assert p.changed_fields({**olds, "values": {"/ntp/servers": [{"server": "a"}]}}, news) == ["lan_networks"]
    dropped = {**news}
    dropped.pop("ntp")
    assert p.changed_fields(olds, dropped) == ["ntp"], "a key no longer declared is a change (it is restored)"
    assert p.changed_fields(olds, {**news, "profile_id": "p-2"}) == ["profile_id"]
    assert p.diff("p-1", olds, {**news, "profile_id": "p-2"}).replaces == ["profile_id"]
    assert EdgeDeviceSettingsProvider().spec.natural_key == ("enterprise_id", "edge_id")


def test_set_and_restore_round_trip() -> None:
    document = copy.deepcopy(DOCUMENT)
    snapshot = mp.Snapshot()
    wanted = {
        "/lan/networks/[vlanId=10]/name": "Staff 2",  # existing value: remembered
        "/lan/networks/[vlanId=20]/name": "Shop",  # new element: removed on restore
        "/ntp/servers": [{"server": "a"}],
        "/snmp/snmpv2c/enabled": True,  # new section: removed on restore
    }
    for path, value in wanted.items():
        mp.set_value(document, path, value, snapshot)
    assert document["lan"]["networks"][2] == {"vlanId": 20, "name": "Shop"}
    assert document["snmp"] == {"snmpv2c": {"enabled": True}}
    assert snapshot.original == {"/lan/networks/[vlanId=10]/name": "Staff", "/ntp/servers": []}
    assert sorted(snapshot.created) == ["/lan/networks/[vlanId=20]", "/snmp"]
    # unmanaging one path restores only it
    assert mp.unmanaged_records(snapshot, [p for p in wanted if "vlanId=20" not in p]) == [
        "/lan/networks/[vlanId=20]"
    ]
    mp.restore(document, mp.Snapshot.from_json(snapshot.to_json()))
    assert document == DOCUMENT


def test_flatten_rejects_keyed_elements_without_key() -> None:
    with pytest.raises(ValueError, match="has no vlanId"):
        mp.flatten({"lan": {"networks": [{"name": "x"}]}}, KEYED)
    assert mp.overlaps(["/a/b", "/a/bc", "/a/b/c"]) == [("/a/b", "/a/b/c")]


def test_raw_sections_hold_whole_numbers_as_ints() -> None:
    """Pulumi hands numbers back as floats: 161.0 must not become a change (nor be sent as a float)."""
    from pulumi_velocloud.mechanisms.device_settings_inputs import DeviceSettingsArgs, SegmentSettingsArgs

    args = DeviceSettingsArgs(
        enterprise_id="e", extra={"snmp": {"port": 161.0, "users": [{"x": 2.0, "y": 0.5}]}}
    )
    assert args.extra == {"snmp": {"port": 161, "users": [{"x": 2, "y": 0.5}]}}
    assert type(args.extra["snmp"]["port"]) is int
    segment = SegmentSettingsArgs(segment="Global Segment", extra={"syslog": {"port": 514.0}})
    assert segment.extra == {"syslog": {"port": 514}} and type(segment.extra["syslog"]["port"]) is int
