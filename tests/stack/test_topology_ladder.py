"""The acceptance ladder for HubCluster, OverlayFlowControl and get_gateway_output with the real CLI.

up -> no-op preview -> a cluster member removed and a hub advertisement switched off by hand (plus a
setting the stack does not declare) are shown field by field by `preview --refresh --diff
--expect-no-changes` -> `up --refresh` heals them -> destroy deletes the cluster, puts back the
declared routing settings and leaves the foreign one.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from pulumi_velocloud.client import VcoClient
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "topology.py").read_text()


def test_topology_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    stack = stack_for(make_project(tmp_path / "topology", PROGRAM), vco)
    stack.run("up", "--yes")
    out = json.loads(stack.run("stack", "output", "--json").stdout)
    enterprise = next(
        e.id for e in client.v1.get_network_enterprises() if e.logical_id == out["enterprise_id"]
    )
    before = client.v1.get_enterprise_route_configuration(enterprise).data
    assert out["vpn_hub"] == {"logicalId": out["cluster"], "name": "DC Hubs", "type": "edgeHubCluster"}
    assert out["gateway_ip"] == "192.0.2.11"
    assert before["hub"]["bgp"]["advertiseExternal"] is True
    assert [p["entity"] for p in before["routingPreference"]] == ["HUB", "EDGE"]
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0

    # out of band: one member leaves the cluster, hubs stop advertising eBGP, edges start OSPF external
    [cluster] = [s for s in client.v1.get_enterprise_services(enterprise, type="edgeHubCluster")]
    members = client.v1.get_enterprise_services(enterprise, type="edgeHubClusterMember")
    client.v1.update_enterprise_edge_cluster(enterprise, cluster.id, {"deleteEdges": [members[0].edge_id]})
    by_hand = copy.deepcopy(before)
    by_hand["hub"]["bgp"]["advertiseExternal"] = False
    by_hand["edge"]["ospf"]["advertiseExternal"] = True  # not declared by the stack
    config = client.v1.get_enterprise_route_configuration(enterprise)
    client.v1.update_enterprise_route_configuration(enterprise, config.id, by_hand)
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0
    assert "edge_ids" in drift.stdout and "bgp_external" in drift.stdout, drift.stdout
    assert "ospf_external" not in drift.stdout, "an undeclared setting is not this stack's drift"

    stack.run("up", "--refresh", "--yes")
    members = client.v1.get_enterprise_services(enterprise, type="edgeHubClusterMember")
    assert len([m for m in members if m.parent_group_id == cluster.id]) == 2
    assert (
        client.v1.get_enterprise_route_configuration(enterprise).data["hub"]["bgp"]["advertiseExternal"]
        is True
    )

    stack.run("destroy", "--yes")
    assert client.v1.get_enterprise_services(enterprise, type="edgeHubCluster") == []
    after = client.v1.get_enterprise_route_configuration(enterprise).data
    assert after["hub"]["bgp"]["advertiseExternal"] is False, "the value before the stack, put back"
    assert [p["entity"] for p in after["routingPreference"]] == ["EDGE", "HUB", "PARTNER", "ROUTER", "NSD"]
    assert after["edge"]["ospf"]["advertiseExternal"] is True, "the foreign setting is left as it was"
