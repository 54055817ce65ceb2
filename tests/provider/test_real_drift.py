"""Issue 10, point 5: drift that is real.

- An edge declared without `serial_number` does not drift once activation fills it in.
- An enterprise's `operator_profile_id` is read from the Orchestrator, not copied from the state.
- A device-settings PATCH whose answer was lost after it was applied, retried, and whose `remove`
  ops then find nothing to remove, ends in success when the document shows the declared state.
"""

from __future__ import annotations

from typing import Any

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.enterprise import EnterpriseProvider
from pulumi_velocloud.resources.profile_device_settings import ProfileDeviceSettingsProvider
from vco_emulator.process import EmulatorProcess

from ..emulator.helpers import OPERATOR_PROFILE


def test_edge_without_serial_does_not_drift_after_activation(
    vco: EmulatorProcess, enterprise: dict[str, Any], profile: dict[str, Any]
) -> None:
    inputs = {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "name": "no-serial",
        "model_number": "edge6X0",
    }
    provider = EdgeProvider()
    created = provider.create(inputs)
    assert created.outs is not None and created.outs["serial_number"] is None
    vco.admin("POST", f"edges/{created.id}/activate", {"serialNumber": "VC06FILLEDBYVCO"})

    read = provider.read(str(created.id), created.outs)
    assert read.outs is not None and read.outs["serial_number"] == "VC06FILLEDBYVCO"
    assert provider.diff(str(created.id), read.outs, inputs).changes is False
    updated = provider.update(str(created.id), read.outs, {**inputs, "description": "now described"})
    assert updated.outs is not None and updated.outs["serial_number"] == "VC06FILLEDBYVCO"


def test_operator_profile_is_read_from_the_orchestrator(enterprise: dict[str, Any]) -> None:
    stale = {**enterprise, "operator_profile_id": "00000000-0000-4000-8000-000000000000"}
    read = EnterpriseProvider().read(enterprise["logical_id"], stale)
    assert read.outs is not None and read.outs["operator_profile_id"] == OPERATOR_PROFILE


def test_a_retried_patch_whose_removes_already_applied_succeeds(
    vco: EmulatorProcess, client: VcoClient, profile: dict[str, Any]
) -> None:
    provider = ProfileDeviceSettingsProvider()
    base = {"enterprise_id": profile["enterprise_id"], "profile_id": profile["logical_id"]}
    doc = client.v2.get_profile_device_settings(profile["enterprise_id"], profile["logical_id"])
    assert "community" not in doc["snmp"]["snmpv2c"]  # so the update below removes it again
    created = provider.create({**base, "snmp": {"v2c_community": "drift-c0mmunity"}})
    assert created.outs is not None
    network = {"vlan_id": 20, "name": "net-20", "cidr": "10.0.20.1/24", "segment_id": 0}

    rule = {"route": "deviceSettings$", "method": "PATCH", "fault": "drop", "when": "after", "count": 1}
    vco.admin("POST", "faults", {"seed": 1, "rules": [rule]})
    updated = provider.update(str(created.id), created.outs, {**base, "lan_networks": [network]})
    assert vco.admin("GET", "stats")["faults"]["total"] == 1
    vco.admin("DELETE", "faults")

    assert updated.outs is not None
    doc = client.v2.get_profile_device_settings(profile["enterprise_id"], profile["logical_id"])
    assert "community" not in doc["snmp"]["snmpv2c"]  # removed once: the declared state is reached
    assert [n["name"] for n in doc["lan"]["networks"] if n["vlanId"] == 20] == ["net-20"]
