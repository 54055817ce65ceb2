"""Issue 10, point 1: an object that existed before our create was sent is never claimed.

Every create's answer is lost after the Orchestrator handled it (fault `drop`, `when: after`,
on each create route), and every natural key is taken by an object this stack did not make.
`pulumi up` must fail for each of the six resources with the "set adopt=True" message, leave
the Orchestrator byte-for-byte as it was, and `pulumi destroy` must keep every object.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pulumi_velocloud.context import provider_context
from pulumi_velocloud.resources.address_group import AddressGroupProvider
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.enterprise import EnterpriseProvider
from pulumi_velocloud.resources.port_group import PortGroupProvider
from pulumi_velocloud.resources.profile import ProfileProvider
from pulumi_velocloud.resources.segment import NetworkSegmentProvider
from pulumi_velocloud.resources.user import EnterpriseUserProvider
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "preexisting.py").read_text()
CREATE_ROUTES = (
    r"/api/sdwan/v2/enterprises/?$",
    r"configuration/cloneEnterpriseTemplate",
    r"edge/edgeProvision",
    r"enterprise/insertEnterpriseNetworkSegment",
    r"enterprise/insertObjectGroup",
    r"enterprise/insertEnterpriseUser",
)
LABELS = (
    'Enterprise "Pre Corp"',
    'Profile "Pre Profile"',
    'Edge "pre-edge"',
    "Pre Segment",
    "Pre Addresses",
    "Pre Ports",
    "pre@parent.example",
)


def made_by_someone_else(vco: EmulatorProcess) -> None:
    """The objects a colleague made by hand before the stack ever ran."""
    provider_context().configure({"velocloud:url": vco.url, "velocloud:token": vco.token})
    try:
        EnterpriseProvider().create({"name": "Pre Corp", "description": "pre-existing"})
        parent = EnterpriseProvider().create({"name": "Parent Corp"}).outs
        assert parent is not None
        ent = parent["logical_id"]
        branch = ProfileProvider().create({"enterprise_id": ent, "name": "Branch"}).outs
        assert branch is not None
        ProfileProvider().create({"enterprise_id": ent, "name": "Pre Profile", "description": "pre-existing"})
        EdgeProvider().create(
            {
                "enterprise_id": ent,
                "profile_id": branch["logical_id"],
                "name": "pre-edge",
                "model_number": "edge6X0",
                "description": "pre-existing",
            }
        )
        NetworkSegmentProvider().create(
            {"enterprise_id": ent, "name": "Pre Segment", "type": "REGULAR", "description": "pre-existing"}
        )
        AddressGroupProvider().create(
            {"enterprise_id": ent, "name": "Pre Addresses", "addresses": [{"ip": "192.0.2.1"}]}
        )
        PortGroupProvider().create(
            {"enterprise_id": ent, "name": "Pre Ports", "ports": [{"protocol": "udp", "port_low": 53}]}
        )
        EnterpriseUserProvider().create(
            {
                "enterprise_id": ent,
                "username": "pre@parent.example",
                "role": "Enterprise Standard Admin",
                "first_name": "Original",
                "password": "colleague-Secret-1234",
            }
        )
    finally:
        provider_context().configure({})


def orchestrator(vco: EmulatorProcess) -> dict[str, Any]:
    """Every object the emulator holds, with its created/modified times (secrets left out)."""
    return dict(vco.admin("GET", "state"))


def test_up_never_claims_changes_or_deletes_what_existed_before(tmp_path: Path, vco: EmulatorProcess) -> None:
    made_by_someone_else(vco)
    before = orchestrator(vco)
    stack = stack_for(make_project(tmp_path / "preexisting", PROGRAM), vco)
    stack.set_config("userPassword", "stack-Secret-5678", secret=True)
    rules = [{"route": r, "method": "POST", "fault": "drop", "when": "after"} for r in CREATE_ROUTES]
    vco.admin("POST", "faults", {"seed": 1, "rules": rules})

    up = stack.run("up", "--yes", "--continue-on-error", check=False)

    vco.admin("DELETE", "faults")
    output = up.stdout + up.stderr
    assert up.returncode != 0
    for label in LABELS:
        lines = output.splitlines()
        assert any(label in line and "set adopt=True" in line for line in lines), (label, output)
    assert orchestrator(vco) == before  # byte for byte: nothing claimed, changed or added
    state = json.loads(stack.run("stack", "export").stdout)["deployment"]
    managed = [r["urn"] for r in state.get("resources") or [] if "velocloud" in r["type"]]
    assert managed == []

    stack.run("destroy", "--yes")
    assert orchestrator(vco) == before  # destroy keeps every object it never created
