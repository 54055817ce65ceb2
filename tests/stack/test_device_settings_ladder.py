"""The acceptance ladder for ProfileDeviceSettings and EdgeDeviceSettings with the real `pulumi` CLI.

up (profile + edge settings) -> no-op preview (zero API calls) -> update a VLAN -> refresh
clean -> out-of-band change of a managed key detected (an unmanaged one ignored) and healed
-> an invalid change fails `up` with the VCO's message, nothing applied -> secrets not in
the plain state -> destroy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "device_settings.py").read_text()
COMMUNITY = "ladder-community-7f3a"


def outputs(stack: PulumiCli) -> dict[str, Any]:
    return dict(json.loads(stack.run("stack", "output", "--json").stdout))


def network(document: dict[str, Any], vlan: int) -> tuple[int, dict[str, Any]]:
    return next((i, n) for i, n in enumerate(document["lan"]["networks"]) if n.get("vlanId") == vlan)


def test_device_settings_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    stack = stack_for(make_project(tmp_path / "settings", PROGRAM), vco)
    stack.set_config("snmpCommunity", COMMUNITY, secret=True)

    stack.run("up", "--yes")
    out = outputs(stack)
    e, p, edge = out["enterprise_id"], out["profile_id"], out["edge_id"]
    profile_doc = client.v2.get_profile_device_settings(e, p)
    assert network(profile_doc, 10)[1]["name"] == "Staff"
    assert profile_doc["snmp"]["snmpv2c"]["community"] == COMMUNITY
    assert network(profile_doc, 1)[1]["name"] == "Corporate", "undeclared networks are left alone"
    edge_doc = client.v2.get_edge_device_settings(e, edge)
    assert edge_doc["ntp"]["servers"] == [{"server": "10.0.0.1"}] and edge_doc["ntp"]["override"] is True
    assert "/lan/networks/[vlanId=10]/name" in out["profile_managed_paths"]

    calls = vco.admin("GET", "stats")["total"]
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0
    assert vco.admin("GET", "stats")["total"] == calls, "a no-op preview makes no API calls"

    # update a VLAN, then refresh finds nothing to change
    stack.set_config("staffName", "Staff WiFi")
    stack.run("up", "--yes")
    assert network(client.v2.get_profile_device_settings(e, p), 10)[1]["name"] == "Staff WiFi"
    assert stack.run("refresh", "--yes", "--expect-no-changes", check=False).returncode == 0

    # out of band: a managed key (VLAN 10's address) and an unmanaged one (the Corporate network's name)
    current = client.v2.get_profile_device_settings(e, p)
    staff, corp = network(current, 10)[0], network(current, 1)[0]
    client.v2.update_profile_device_settings(
        e,
        p,
        [
            {"op": "replace", "path": f"/lan/networks/{staff}/cidrIp", "value": "10.0.10.9"},
            {"op": "replace", "path": f"/lan/networks/{corp}/name", "value": "Corp (by hand)"},
        ],
    )
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0
    assert '/lan/networks/[vlanId=10]/cidrIp      : "10.0.10.1" => "10.0.10.9"' in drift.stdout
    assert "Corp (by hand)" not in drift.stdout, "the unmanaged change is not reported"
    updates = [
        line
        for line in drift.stdout.splitlines()
        if line.strip().startswith("~ pulumi-python") and "(update)" in line
    ]
    assert len(updates) == 1 and "ProfileDeviceSettings" in updates[0]
    stack.run("up", "--refresh", "--yes")
    healed = client.v2.get_profile_device_settings(e, p)
    assert network(healed, 10)[1]["cidrIp"] == "10.0.10.1"
    assert network(healed, 1)[1]["name"] == "Corp (by hand)", "an unmanaged key is never overwritten"

    # an invalid change: the VCO rejects it asynchronously; up fails with its message, nothing applied
    stack.set_config("staffSegment", "42")
    failed = stack.run("up", "--yes", check=False)
    text = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert (
        'DeviceSettings for profile "Branch": VCO rejected the change' in text
        and "unknown segment 42" in text
    )
    assert client.v2.get_profile_device_settings(e, p) == healed
    stack.run("config", "rm", "staffSegment")

    # the SNMP community is in no plain export
    assert COMMUNITY not in stack.run("stack", "export").stdout

    stack.run("destroy", "--yes")
    assert list(client.v2.get_enterprises()) == []
