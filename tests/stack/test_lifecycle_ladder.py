"""The acceptance ladder for the edge lifecycle with the real CLI.

up -> HA switched on in place, a software image and a local UI password set (the edge keeps its
logicalId and activation key; the password never in the state) -> an RMA: the replacement's
serial and one reactivation request (its key a secret output; the next preview is empty: nothing
is asked again) -> the image changed by hand is seen by `preview --refresh --expect-no-changes`,
field by field -> destroy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.ids import VcoId
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "lifecycle.py").read_text()
UI_PASSWORD = "Ui-Ladder-Secret-7"


def outputs(stack: PulumiCli) -> dict[str, str]:
    result: dict[str, str] = json.loads(stack.run("stack", "output", "--json", "--show-secrets").stdout)
    return result


def edge_now(client: VcoClient, enterprise: VcoId, edge: str) -> dict[str, Any]:
    result: dict[str, Any] = client.v1.call(
        "edge/getEdge", {"enterpriseId": enterprise, "logicalId": edge, "with": ["configuration"]}
    )
    return result


def image_of(client: VcoClient, enterprise: VcoId, edge: str) -> str | None:
    [listed] = [e for e in client.v1.get_enterprise_edges_detailed(enterprise) if e.logical_id == edge]
    operator = listed.profiles.operator if listed.profiles is not None else None
    return None if operator is None else operator.name


def test_lifecycle_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    vco.admin("POST", "seed", {"fixture": "software-images"})
    images = {p.name: p.id for p in client.v1.get_network_configurations()}
    stack = stack_for(make_project(tmp_path / "lifecycle", PROGRAM), vco)
    stack.run("up", "--yes")
    first = outputs(stack)
    enterprise = next(
        e.id for e in client.v1.get_network_enterprises() if e.logical_id == first["enterprise_id"]
    )
    prop = client.v1.get_enterprise_property(enterprise, "vco.enterprise.edgeImageManagement.enable")
    assert prop is not None and prop.value == "true"
    params = {"enterpriseId": enterprise, "configurationIds": list(images.values())}
    client.v1.call("enterprise/assignEnterpriseOperatorConfigurations", params)  # an operator's job
    vco.admin("POST", f"edges/{first['edge_id']}/activate")
    activated = edge_now(client, enterprise, first["edge_id"])

    # HA on and a software image: in place, the same edge and activation
    stack.run(
        "config",
        "set-all",
        "--plaintext",
        "ha=true",
        "--plaintext",
        "image=Edge 5.2.0 image",
        "--secret",
        f"uiPassword={UI_PASSWORD}",
    )
    stack.run("up", "--yes")
    second = outputs(stack)
    now = edge_now(client, enterprise, first["edge_id"])
    assert second["edge_id"] == first["edge_id"] and now["id"] == activated["id"]
    assert now["activationKey"] == activated["activationKey"] and now["activationState"] == "ACTIVATED"
    assert now["haState"] == "PENDING_INIT"
    assert image_of(client, enterprise, first["edge_id"]) == "Edge 5.2.0 image"

    # an RMA: the replacement's serial on the Edge and its reactivation, requested once
    stack.run("config", "set", "serial", "VC-LIFE-2")
    stack.run("up", "--yes")
    third = outputs(stack)
    pending = edge_now(client, enterprise, first["edge_id"])
    assert pending["activationState"] == "REACTIVATION_PENDING" and pending["serialNumber"] == "VC-LIFE-2"
    assert third["rma_key"] == pending["activationKey"] != activated["activationKey"]
    exported = stack.run("stack", "export").stdout
    assert third["rma_key"] not in exported, "the key only in the secret envelope"
    assert UI_PASSWORD not in exported and "local_ui_password_fingerprint" in exported
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0, "nothing asked again"

    # drift: the image changed by hand, seen by refresh (put back by `up`: the provider tests)
    edge_id = VcoId(pending["id"])
    client.v1.set_edge_operator_configuration(enterprise, edge_id, VcoId(images["Edge 4.5.2 image"]))
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0 and "software_image" in drift.stdout and "Edge 4.5.2 image" in drift.stdout
    assert "serial_number" not in drift.stdout and "ha_enabled" not in drift.stdout, "only the image drifted"

    stack.run("destroy", "--yes")
    assert all(e.logical_id != first["enterprise_id"] for e in client.v2.get_enterprises())
