"""The routing ladder with the real `pulumi` CLI: Cloud VPN hub + BGP neighbour + OSPF area on a profile,
a BGP override on an edge -> no-op preview -> an out-of-band change of the neighbour's AS found field by
field by `preview --refresh` and `velocloud drift` -> no MD5 password in state, outputs or reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pulumi_velocloud.client import VcoClient
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for
from .test_drift_report import drift_json

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "routing.py").read_text()
MD5 = "ladder-md5-3e9d51"
PEER = '/segments/[segment.name="Global Segment"]/bgp/neighbors/[neighborIp="192.0.2.2"]'


def test_routing_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    stack = stack_for(make_project(tmp_path / "routing", PROGRAM), vco)
    stack.set_config("bgpPassword", MD5, secret=True)
    stack.run("up", "--yes")
    out = json.loads(stack.run("stack", "output", "--json").stdout)
    ent, profile, site, hub = out["enterprise_id"], out["profile_id"], out["site_id"], out["hub_id"]

    seg = client.v2.get_profile_device_settings(ent, profile)["segments"][0]
    assert [h["name"] for h in seg["vpn"]["edgeToEdgeHub"]["vpnHubs"]] == ["dc-hub"]
    assert seg["vpn"]["edgeToEdgeHub"]["vpnHubs"][0]["_href"].endswith(hub)
    assert seg["bgp"]["neighbors"][0]["md5Password"] == MD5 and seg["ospf"]["areas"][0]["id"] == 0
    edge_seg = client.v2.get_edge_device_settings(ent, site)["segments"][0]
    assert (
        edge_seg["bgp"]["override"] is True
        and edge_seg["bgp"]["neighbors"][0]["neighborIp"] == "198.51.100.1"
    )
    assert out["profile_values"][f"{PEER}/neighborAS"] == "65002"
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0

    # out of band: the profile neighbour's AS
    client.v2.update_profile_device_settings(
        ent, profile, [{"op": "replace", "path": "/segments/0/bgp/neighbors/0/neighborAS", "value": "65099"}]
    )
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0
    assert f"{PEER}/neighborAS" in drift.stdout and '"65002" => "65099"' in drift.stdout
    code, report, text = drift_json(stack)
    assert code == 2
    [changed] = report["drift"]
    assert (changed["type"], changed["name"]) == ("ProfileDeviceSettings", "branch-routing")
    assert [(f["field"], f["declared"], f["found"]) for f in changed["fields"]] == [
        (f"{PEER}/neighborAS", "65002", "65099")
    ]

    # the MD5 password is nowhere in plain text: state, outputs, preview, drift report
    plain = stack.run("stack", "export").stdout + json.dumps(out) + drift.stdout + drift.stderr + text
    assert MD5 not in plain
