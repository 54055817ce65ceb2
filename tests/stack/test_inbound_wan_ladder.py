"""Inbound rules and a WAN link with the real `pulumi` CLI, on an edge made outside the stack next to
an inbound rule made by hand.

up -> out-of-band change of the port forward's LAN host: `velocloud drift` (its `preview
--refresh`) names the resource and the field (declared -> found) -> an input changed and the
drift healed in one up, then `preview --refresh` is clean -> destroy leaves only the hand-made
rule and no link.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from ..emulator.helpers import GATEWAY_POOL, OPERATOR_PROFILE
from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "inbound_wan.py").read_text()
VELOCLOUD = str(Path(sys.executable).with_name("velocloud"))
HAND = {
    "name": "ui-ssh",
    "match": {"proto": 6, "dport_low": 22, "dport_high": 22, "dip": "any", "sip": "any"},
    "action": {"type": "port_forwarding", "interface": "GE3", "nat": {"lan_ip": "10.0.1.5", "lan_port": 22}},
    "ruleLogicalId": "ui-ssh-1",
}


def drift(stack: PulumiCli) -> dict[str, Any]:
    run = subprocess.run(
        [VELOCLOUD, "drift", "--stack", "test", "--format", "json", "--cwd", str(stack.project_dir)],
        env=stack.environment(),
        text=True,
        capture_output=True,
        timeout=600,
    )
    assert run.returncode == 2, run.stdout + run.stderr
    report: dict[str, Any] = json.loads(run.stdout)
    return report


def test_inbound_and_wan_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    enterprise = client.v2.create_enterprise(
        {"name": "Inbound Corp", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    )
    ent = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == enterprise.logical_id)
    profile = client.v1.clone_enterprise_template(ent, "Branch")
    made = client.v1.call(
        "edge/edgeProvision",
        {"enterpriseId": ent, "configurationId": profile, "modelNumber": "edge6X0", "name": "nyc"},
    )
    edge = client.v1.get_edge(ent, made["id"])

    def own(name: str) -> tuple[int, dict[str, Any]]:
        found = client.v1.get_edge_configuration_stack(ent, edge.id)[0].module(name)
        assert found is not None
        return found.id, dict(found.data or {})

    inserted = client.v1.insert_configuration_module(
        ent,
        client.v1.get_edge_configuration_stack(ent, edge.id)[0].id,
        "firewall",
        {"firewall_enabled": True, "inbound": [HAND], "segments": []},
    )
    assert inserted

    stack = stack_for(make_project(tmp_path / "inbound", PROGRAM), vco)
    stack.set_config("enterpriseId", enterprise.logical_id)
    stack.set_config("edgeId", str(edge.logical_id))
    stack.run("up", "--yes")
    inbound = own("firewall")[1]["inbound"]
    assert [r["name"] for r in inbound] == ["ui-ssh", "web", "mail"] and inbound[0] == HAND
    [link] = own("WAN")[1]["links"]
    assert (link["name"], link["upstreamMbps"], link["downstreamMbps"]) == ("Internet 1", "50", "200")

    # out of band: the port forward's LAN host changes
    module_id, data = own("firewall")
    data["inbound"][1]["action"]["nat"]["lan_ip"] = "10.0.1.99"
    client.v1.update_configuration_module(ent, module_id, {"data": data})
    [found] = drift(stack)["drift"]
    assert (found["type"], found["name"], found["status"]) == ("PortForwardingRule", "web", "changed")
    assert [(f["field"], f["declared"], f["found"]) for f in found["fields"]] == [
        ("lan_ip", "10.0.1.20", "10.0.1.99")
    ]

    # an input changed and the drift healed, in one up
    stack.set_config("downstream", "300")
    stack.run("up", "--refresh", "--yes")
    assert own("firewall")[1]["inbound"][1]["action"]["nat"]["lan_ip"] == "10.0.1.20"
    assert own("WAN")[1]["links"][0]["downstreamMbps"] == "300"
    assert stack.run("preview", "--refresh", "--expect-no-changes", check=False).returncode == 0

    stack.run("destroy", "--yes")
    assert own("firewall")[1]["inbound"] == [HAND]
    assert own("WAN")[1]["links"] == []
