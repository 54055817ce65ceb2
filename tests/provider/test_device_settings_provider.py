"""ProfileDeviceSettings and EdgeDeviceSettings providers, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.context import provider_context
from pulumi_velocloud.mechanisms.device_settings_provider import CLAIM_PREFIX
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.edge_device_settings import EdgeDeviceSettingsProvider
from pulumi_velocloud.resources.profile import ProfileProvider
from pulumi_velocloud.resources.profile_device_settings import ProfileDeviceSettingsProvider
from vco_emulator.process import EmulatorProcess

COMMUNITY = "s3cret-community"
STAFF = "/lan/networks/[vlanId=10]"


@pytest.fixture
def edge(enterprise: dict[str, Any], profile: dict[str, Any]) -> dict[str, Any]:
    created = EdgeProvider().create(
        {
            "enterprise_id": enterprise["logical_id"],
            "profile_id": profile["logical_id"],
            "name": "nyc-01",
            "model_number": "edge6X0",
        }
    )
    assert created.outs is not None
    return created.outs


def settings_inputs(profile: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": profile["enterprise_id"],
        "profile_id": profile["logical_id"],
        "lan_networks": [
            {
                "vlan_id": 10,
                "name": "Staff",
                "cidr": "10.0.10.1/24",
                "segment_id": 0,
                "dhcp": {
                    "enabled": True,
                    "range_start": "10.0.10.100",
                    "range_size": 50,
                    "dns_servers": ["9.9.9.9"],
                },
            }
        ],
        "ntp": {"enabled": True, "servers": ["0.pool.ntp.org", "1.pool.ntp.org"]},
        "snmp": {"v2c_enabled": True, "v2c_community": COMMUNITY, "allowed_ips": ["10.0.0.0/8"]},
        "software_update": {"windowed": True, "day": 0, "begin_hour": 1, "end_hour": 4},
        "segments": [
            {
                "segment": "Global Segment",
                "static_routes": [{"destination": "10.20.0.0/16", "gateway": "10.0.10.254", "cost": 5}],
            }
        ],
        **extra,
    }


def calls(vco: EmulatorProcess) -> int:
    return int(vco.admin("GET", "stats")["total"])


def doc(client: VcoClient, profile: dict[str, Any]) -> dict[str, Any]:
    return client.v2.get_profile_device_settings(profile["enterprise_id"], profile["logical_id"])


def network(document: dict[str, Any], vlan: int) -> dict[str, Any] | None:
    return next((n for n in document["lan"]["networks"] if n.get("vlanId") == vlan), None)


def test_profile_settings_lifecycle(
    profile: dict[str, Any], client: VcoClient, vco: EmulatorProcess, capsys: pytest.CaptureFixture[str]
) -> None:
    p = ProfileDeviceSettingsProvider()
    before = doc(client, profile)
    news = settings_inputs(profile)
    assert p.check({}, news).failures == []

    start = calls(vco)
    created = p.create(news)
    create_calls = calls(vco) - start
    outs = created.outs
    assert outs is not None and created.id == profile["logical_id"]
    after = doc(client, profile)
    staff = network(after, 10)
    assert staff is not None
    assert (
        staff["cidrIp"] == "10.0.10.1" and staff["cidrPrefix"] == 24 and staff["netmask"] == "255.255.255.0"
    )
    assert staff["baseDhcpAddr"] == 100 and staff["numDhcpAddr"] == 50
    assert staff["dhcp"]["options"] == [{"option": 6, "type": "ip", "value": ["9.9.9.9"]}]
    assert after["ntp"]["servers"] == [{"server": "0.pool.ntp.org"}, {"server": "1.pool.ntp.org"}]
    assert after["snmp"]["snmpv2c"]["community"] == COMMUNITY
    assert after["softwareUpdate"] == {"windowed": True, "window": {"day": 0, "beginHour": 1, "endHour": 4}}
    assert after["segments"][0]["routes"]["static"][0]["destination"] == "10.20.0.0"
    # undeclared keys are left as they were: the Corporate network, the rest of the document
    assert network(after, 1) == network(before, 1)
    assert after["models"] == before["models"]

    # outputs: only managed paths; the community only in the secret output
    assert f"{STAFF}/name" in outs["managed_paths"] and "/snmp/snmpv2c/community" in outs["managed_paths"]
    assert not any(p.startswith("/lan/networks/[vlanId=1]") for p in outs["managed_paths"])
    assert COMMUNITY not in repr(outs["values"]) and COMMUNITY not in repr(outs["managed_paths"])
    assert outs["secret_values"]["/snmp/snmpv2c/community"] == COMMUNITY
    assert p.diff(created.id, outs, news).changes is False

    start = calls(vco)
    read = p.read(created.id, outs)
    read_calls = calls(vco) - start
    assert read.outs == outs

    changed = {**news, "lan_networks": [{**news["lan_networks"][0], "name": "Staff WiFi"}]}
    changed.pop("ntp")
    assert p.changed_fields(outs, changed) == ["lan_networks", "ntp"]
    start = calls(vco)
    updated = p.update(created.id, outs, changed).outs
    update_calls = calls(vco) - start
    assert updated is not None
    now = doc(client, profile)
    assert network(now, 10)["name"] == "Staff WiFi"  # type: ignore[index]
    assert now["ntp"] == before["ntp"], "a key the resource no longer manages gets back its old value"
    assert p.diff(created.id, updated, changed).changes is False

    start = calls(vco)
    p.delete(created.id, updated)
    delete_calls = calls(vco) - start
    restored = doc(client, profile)
    assert restored == before, "destroy gives back the settings the profile had before"
    modules = client.v1.get_configuration_modules(outs["enterprise_vco_id"], outs["configuration_vco_id"])
    assert all(not (m.description or "").startswith(CLAIM_PREFIX) for m in modules), "claim released"
    with capsys.disabled():
        print(
            f"\nProfileDeviceSettings API calls: create {create_calls}, read {read_calls}, "
            f"update {update_calls}, delete {delete_calls}"
        )
    assert read_calls == 1
    assert create_calls <= 9 and update_calls <= 5 and delete_calls <= 6


def test_changing_a_declared_key_of_an_existing_network_restores_it_on_delete(
    profile: dict[str, Any], client: VcoClient
) -> None:
    p = ProfileDeviceSettingsProvider()
    before = doc(client, profile)
    news = {
        "enterprise_id": profile["enterprise_id"],
        "profile_id": profile["logical_id"],
        "lan_networks": [{"vlan_id": 1, "name": "Corp", "cidr": "10.9.1.1/24"}],
    }
    outs = p.create(news).outs
    assert outs is not None
    corp = network(doc(client, profile), 1)
    assert corp is not None and corp["name"] == "Corp" and corp["cidrIp"] == "10.9.1.1"
    assert corp["dhcp"] == network(before, 1)["dhcp"]  # type: ignore[index]  # undeclared, untouched
    p.delete(profile["logical_id"], outs)
    assert doc(client, profile) == before


def test_out_of_band_changes_managed_detected_unmanaged_ignored(
    profile: dict[str, Any], client: VcoClient
) -> None:
    p = ProfileDeviceSettingsProvider()
    news = settings_inputs(profile)
    outs = p.create(news).outs
    assert outs is not None
    current = doc(client, profile)
    staff = next(i for i, n in enumerate(current["lan"]["networks"]) if n["vlanId"] == 10)
    corp = next(i for i, n in enumerate(current["lan"]["networks"]) if n["vlanId"] == 1)

    # an unmanaged key (the Corporate network, Staff's `advertise`) changed by hand: no drift
    client.v2.update_profile_device_settings(
        profile["enterprise_id"],
        profile["logical_id"],
        [
            {"op": "replace", "path": f"/lan/networks/{corp}/name", "value": "Corp (by hand)"},
            {"op": "add", "path": f"/lan/networks/{staff}/advertise", "value": False},
        ],
    )
    read = p.read(profile["logical_id"], outs).outs
    assert read is not None and p.diff(profile["logical_id"], read, news).changes is False

    # a managed key changed by hand: drift on that input, healed by update, the hand edits kept
    client.v2.update_profile_device_settings(
        profile["enterprise_id"],
        profile["logical_id"],
        [{"op": "replace", "path": f"/lan/networks/{staff}/cidrIp", "value": "10.0.10.2"}],
    )
    read = p.read(profile["logical_id"], read).outs
    assert read is not None and p.changed_fields(read, news) == ["lan_networks"]
    healed = p.update(profile["logical_id"], read, news).outs
    assert healed is not None and p.diff(profile["logical_id"], healed, news).changes is False
    now = doc(client, profile)
    assert network(now, 10)["cidrIp"] == "10.0.10.1"  # type: ignore[index]
    assert network(now, 10)["advertise"] is False  # type: ignore[index]
    assert network(now, 1)["name"] == "Corp (by hand)"  # type: ignore[index]

    # the whole managed network removed by hand: drift, and up puts it back
    client.v2.update_profile_device_settings(
        profile["enterprise_id"], profile["logical_id"], [{"op": "remove", "path": f"/lan/networks/{staff}"}]
    )
    read = p.read(profile["logical_id"], healed).outs
    assert read is not None and "lan_networks" in p.changed_fields(read, news)


def test_vco_error_is_surfaced_and_nothing_is_applied(profile: dict[str, Any], client: VcoClient) -> None:
    p = ProfileDeviceSettingsProvider()
    before = doc(client, profile)
    bad = settings_inputs(profile)
    bad["lan_networks"] = [{**bad["lan_networks"][0], "segment_id": 42}]
    with pytest.raises(
        VcoResourceError,
        match=r'^DeviceSettings for profile "Branch": VCO rejected the change: .*unknown segment 42',
    ):
        p.create(bad)
    assert doc(client, profile) == before, "nothing half-applied"
    # no claim was left behind: a corrected create succeeds without adopt
    outs = p.create(settings_inputs(profile)).outs
    assert outs is not None
    # an invalid update fails the same way and leaves the settings as they were
    applied = doc(client, profile)
    extra = {"lan": {"interfaces": [{"name": "GE1", "vlanIds": [5000]}]}}
    with pytest.raises(VcoResourceError, match=r"VCO rejected the change: .*VLAN id 5000 is out of range"):
        p.update(profile["logical_id"], outs, settings_inputs(profile, extra=extra))
    assert doc(client, profile) == applied


def test_async_timeout_names_the_pending_operation(vco: EmulatorProcess, profile: dict[str, Any]) -> None:
    vco.admin("POST", "async", {"mode": "delayed", "delaySeconds": 60})
    provider_context().configure(
        {"velocloud:url": vco.url, "velocloud:token": vco.token, "velocloud:asyncTimeout": 1}
    )
    with pytest.raises(
        VcoResourceError,
        match=r"the change to /lan/networks, /ntp/enabled, .* is still \w+ at the VCO "
        r".*asynchronous operation \S+\)",
    ):
        ProfileDeviceSettingsProvider().create(settings_inputs(profile))


def test_the_read_back_stands_for_the_first_poll_and_a_slow_operation_is_still_waited_for(
    vco: EmulatorProcess, profile: dict[str, Any], client: VcoClient
) -> None:
    p = ProfileDeviceSettingsProvider()
    polls = "v2 getAsyncOperation"
    before = vco.admin("GET", "stats")["byOperation"].get(polls, 0)
    outs = p.create(settings_inputs(profile)).outs
    assert outs is not None
    assert vco.admin("GET", "stats")["byOperation"].get(polls, 0) == before, "read back applied: no poll"

    vco.admin("POST", "async", {"mode": "delayed", "delaySeconds": 1.0})  # not applied at the first look
    changed = settings_inputs(profile, ntp={"enabled": True, "servers": ["2.pool.ntp.org"]})
    updated = p.update(profile["logical_id"], outs, changed).outs
    assert updated is not None and p.diff(profile["logical_id"], updated, changed).changes is False
    assert vco.admin("GET", "stats")["byOperation"].get(polls, 0) > before, "a pending operation is polled"
    assert doc(client, profile)["ntp"]["servers"] == [{"server": "2.pool.ntp.org"}]


def test_second_resource_for_a_profile_fails_unless_adopt(profile: dict[str, Any], client: VcoClient) -> None:
    p = ProfileDeviceSettingsProvider()
    first = p.create(settings_inputs(profile)).outs
    assert first is not None
    with pytest.raises(
        VcoResourceError, match=r'profile "Branch": another ProfileDeviceSettings .*adopt=True'
    ):
        p.create(
            {
                "enterprise_id": profile["enterprise_id"],
                "profile_id": profile["logical_id"],
                "ntp": {"enabled": False},
            }
        )
    adopted = p.create({**settings_inputs(profile), "adopt": True}).outs
    assert adopted is not None and adopted["claim"] != first["claim"]
    # the first resource's delete restores its keys but leaves the adopter's claim alone
    p.delete(profile["logical_id"], first)
    modules = client.v1.get_configuration_modules(
        first["enterprise_vco_id"], first["configuration_vco_id"], ["deviceSettings"]
    )
    assert modules[0].description == CLAIM_PREFIX + adopted["claim"]


def test_edge_settings_override_and_destroy_leaves_the_edge_as_before(
    edge: dict[str, Any], client: VcoClient, vco: EmulatorProcess, capsys: pytest.CaptureFixture[str]
) -> None:
    e = EdgeDeviceSettingsProvider()
    enterprise_id, edge_id = edge["enterprise_id"], edge["logical_id"]
    before = client.v2.get_edge_device_settings(enterprise_id, edge_id)
    news = {
        "enterprise_id": enterprise_id,
        "edge_id": edge_id,
        "lan_networks": [{"vlan_id": 20, "name": "Shop", "cidr": "10.1.20.1/24"}],
        "ntp": {"enabled": True, "servers": ["10.0.0.1"]},
        "routed_interfaces": [
            {"name": "GE3", "addressing": "STATIC", "cidr": "192.0.2.10/29", "gateway": "192.0.2.9"}
        ],
    }
    start = calls(vco)
    created = e.create(news)
    create_calls = calls(vco) - start
    outs = created.outs
    assert outs is not None and created.id == edge_id
    current = client.v2.get_edge_device_settings(enterprise_id, edge_id)
    assert current["ntp"] == {"enabled": True, "servers": [{"server": "10.0.0.1"}], "override": True}
    assert current["lan"]["networks"][0]["vlanId"] == 20 and current["lan"]["networks"][0]["override"] is True
    assert current["routedInterfaces"][0]["addressing"]["gateway"] == "192.0.2.9"
    assert e.diff(edge_id, outs, news).changes is False
    start = calls(vco)
    read = e.read(edge_id, outs).outs
    read_calls = calls(vco) - start
    assert read == outs

    with pytest.raises(VcoResourceError, match="another EdgeDeviceSettings"):
        e.create(news)
    e.delete(edge_id, outs)
    assert client.v2.get_edge_device_settings(enterprise_id, edge_id) == before
    with capsys.disabled():
        print(f"\nEdgeDeviceSettings API calls: create {create_calls}, read {read_calls}")


def test_read_of_a_deleted_profile_reports_gone(profile: dict[str, Any]) -> None:
    p = ProfileDeviceSettingsProvider()
    outs = p.create(settings_inputs(profile)).outs
    assert outs is not None
    p.delete(profile["logical_id"], outs)
    ProfileProvider().delete(profile["logical_id"], profile)
    assert p.read(profile["logical_id"], outs).id is None
    p.delete(profile["logical_id"], outs)  # gone already: success
