"""The acceptance ladder for Enterprise, Profile and Edge with the real `pulumi` CLI.

up -> no-op preview -> update in place -> update that replaces -> refresh clean ->
out-of-band change -> refresh detects it -> up heals it -> out-of-band delete -> up recreates
-> destroy leaves the seed; and adoption of objects created by hand.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from pulumi_velocloud.client import VcoClient
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from ..emulator.helpers import GATEWAY_POOL, OPERATOR_PROFILE
from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "ladder.py").read_text()


def outputs(stack: PulumiCli) -> dict[str, str]:
    return dict(json.loads(stack.run("stack", "output", "--json", "--show-secrets").stdout))


def no_changes(stack: PulumiCli, *args: str) -> bool:
    return stack.run("preview", "--expect-no-changes", *args, check=False).returncode == 0


def edge(client: VcoClient, out: dict[str, str]) -> dict[str, object]:
    return client.v2.get_enterprise_edge(out["enterprise_id"], out["edge_id"]).model_dump()


def test_core_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    stack = stack_for(make_project(tmp_path / "ladder", PROGRAM), vco)

    stack.run("up", "--yes")
    first = outputs(stack)
    assert edge(client, first)["description"] == "first edge"
    calls = vco.admin("GET", "stats")["total"]
    assert no_changes(stack)
    assert vco.admin("GET", "stats")["total"] == calls, "a no-op preview makes no API calls"

    # update in place: ids stay
    stack.set_config("enterpriseDescription", "ladder v2")
    stack.set_config("profileDescription", "branch v2")
    stack.set_config("edgeDescription", "second edge")
    stack.run("up", "--yes")
    second = outputs(stack)
    assert second == first
    assert edge(client, second)["description"] == "second edge"
    profile = next(
        p for p in client.v1.get_enterprise_configurations(_vco_id(client, second)) if p.name == "Branch"
    )
    assert profile.description == "branch v2"

    # update that replaces: the model cannot change in place
    stack.set_config("edgeModel", "edge5X0")
    preview = stack.run("preview", "--diff").stdout
    assert "+-" in preview and "model_number" in preview
    stack.run("up", "--yes")
    third = outputs(stack)
    assert third["edge_id"] != first["edge_id"] and edge(client, third)["model_number"] == "edge5X0"
    assert stack.run("refresh", "--yes", "--expect-no-changes", check=False).returncode == 0

    # out-of-band change: seen by refresh, healed by up
    client.v2.update_edge(
        third["enterprise_id"], third["edge_id"], [{"op": "replace", "path": "/name", "value": "x"}]
    )
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0 and '"edge-1" => "x"' in drift.stdout
    stack.run("up", "--refresh", "--yes")
    assert edge(client, third)["name"] == "edge-1"
    assert no_changes(stack, "--refresh")

    # out-of-band delete: refresh forgets it, up recreates it
    client.v2.delete_edge(third["enterprise_id"], third["edge_id"])
    stack.run("up", "--refresh", "--yes")
    fourth = outputs(stack)
    assert fourth["edge_id"] != third["edge_id"] and edge(client, fourth)["name"] == "edge-1"
    assert no_changes(stack, "--refresh")

    # secrets: the activation key is a secret output; the token is nowhere in the state
    plain = stack.run("stack", "export").stdout
    assert fourth["activation_key"] and fourth["activation_key"] not in plain
    state = stack.run("stack", "export", "--show-secrets").stdout
    assert vco.token not in state
    resources = json.loads(plain)["deployment"]["resources"]
    pickled = [r["inputs"]["__provider"] for r in resources if r["type"].startswith("pulumi-python:dynamic")]
    assert len(pickled) == 3 and all(isinstance(p, str) for p in pickled)  # plain, not a secret
    assert all(vco.token.encode() not in base64.b64decode(p) for p in pickled)  # and holds no secret

    stack.run("destroy", "--yes")
    assert list(client.v2.get_enterprises()) == []


def test_adopt_objects_created_by_hand(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    client.v2.create_enterprise(
        {"name": "Ladder Corp", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    )
    stack = stack_for(make_project(tmp_path / "adopt", PROGRAM), vco)
    refused = stack.run("up", "--yes", check=False)
    assert refused.returncode != 0 and "set adopt=True" in refused.stdout + refused.stderr

    stack.set_config("adopt", "true")
    stack.run("up", "--yes")
    [enterprise] = list(client.v2.get_enterprises())
    assert outputs(stack)["enterprise_id"] == enterprise.logical_id
    assert no_changes(stack, "--refresh")
    stack.run("destroy", "--yes")
    assert list(client.v2.get_enterprises()) == []


def _vco_id(client: VcoClient, out: dict[str, str]) -> int:
    return next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == out["enterprise_id"])
