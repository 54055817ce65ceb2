"""The acceptance ladder for NetworkSegment, AddressGroup, PortGroup and EnterpriseUser with the real CLI.

up -> no-op preview (zero API calls) -> update in place (+ the user replaced) -> refresh clean ->
out-of-band changes detected by `preview --refresh --expect-no-changes` -> `up --refresh` heals them
-> the password is only ever in Pulumi's secret envelope -> destroy leaves only the Global Segment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests

from pulumi_velocloud.client import VcoClient
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "objects.py").read_text()
SECRET_SIG = "4dabf18193072939515e22adb298388d"  # Pulumi's marker of a secret value in state
FIRST_PASSWORD, SECOND_PASSWORD = "first-Secret-4711", "second-Secret-0815"


def configure(stack: PulumiCli, **values: str) -> None:
    """Set several config values with one command (the password as an encrypted secret)."""
    pairs = [
        arg
        for key, value in values.items()
        for arg in ("--secret" if key == "userPassword" else "--plaintext", f"{key}={value}")
    ]
    stack.run("config", "set-all", *pairs)


def can_log_in(vco: EmulatorProcess, username: str, password: str) -> bool:
    body = {"username": username, "password": password}
    r = requests.post(
        f"{vco.url}/portal/rest/login/enterpriseLogin", json=body, timeout=10, allow_redirects=False
    )
    return r.status_code == 200  # a failed login answers 302


def calls(vco: EmulatorProcess) -> int:
    return int(vco.admin("GET", "stats")["total"])


def outside_secrets(value: Any, needle: str) -> bool:
    """Whether `needle` occurs anywhere in a state document except inside a secret envelope."""
    if isinstance(value, dict):
        if SECRET_SIG in value:
            return False
        return any(needle in k or outside_secrets(v, needle) for k, v in value.items())
    if isinstance(value, list):
        return any(outside_secrets(v, needle) for v in value)
    return isinstance(value, str) and needle in value


def test_objects_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    stack = stack_for(make_project(tmp_path / "objects", PROGRAM), vco)
    configure(stack, userPassword=FIRST_PASSWORD)

    stack.run("up", "--yes")
    out = json.loads(stack.run("stack", "output", "--json").stdout)
    enterprise = next(
        e.id for e in client.v1.get_network_enterprises() if e.logical_id == out["enterprise_id"]
    )
    [segment] = [s for s in client.v1.get_enterprise_network_segments(enterprise) if s.name == "PCI"]
    assert segment.logical_id == out["segment"] and segment.data and segment.data.service_vlan == 100
    assert out["segment_id"] == segment.data.segment_id == 1
    assert {g.logical_id for g in client.v1.get_object_groups(enterprise)} == {
        out["address_group"],
        out["port_group"],
    }
    assert can_log_in(vco, "ops@objects.example", FIRST_PASSWORD)

    before = calls(vco)
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0
    assert calls(vco) == before, "a no-op preview makes no API calls"

    # in place: segment type/VLAN/description, more addresses (in another order), port group name,
    # the user's role and password; replaced: the user's username (deleted first: usernames are unique)
    configure(
        stack,
        segmentType="PRIVATE",
        segmentVlan="200",
        segmentDescription="payments",
        moreAddresses="true",
        reverseAddresses="true",
        portGroupName="Web and SIP",
        role="Enterprise Superuser",
        userPassword=SECOND_PASSWORD,
        username="ops2@objects.example",
    )
    stack.run("up", "--yes")
    second = json.loads(stack.run("stack", "output", "--json").stdout)
    assert {k: v for k, v in second.items() if k != "user"} == {k: v for k, v in out.items() if k != "user"}
    assert second["user"] != out["user"]
    [segment] = [s for s in client.v1.get_enterprise_network_segments(enterprise) if s.name == "PCI"]
    assert (segment.type, segment.description, segment.data and segment.data.service_vlan) == (
        "PRIVATE",
        "payments",
        200,
    )
    [group] = client.v1.get_object_groups(enterprise, type="address_group")
    assert group.data and len(group.data) == 4 and group.data[0]["rule_type"] == "wildcard", (
        "written in the user's order"
    )
    [user] = client.v1.get_enterprise_users(enterprise)
    assert (user.username, user.role_name) == ("ops2@objects.example", "Enterprise Superuser")
    assert can_log_in(vco, "ops2@objects.example", SECOND_PASSWORD)
    assert stack.run("refresh", "--yes", "--expect-no-changes", check=False).returncode == 0

    # out-of-band changes: seen by preview --refresh, healed by up --refresh
    client.v1.update_enterprise_network_segment(
        enterprise, segment.id, {"data": {"segmentId": 1, "serviceVlan": 999}}
    )
    client.v1.update_object_group(enterprise, group.id, {"data": group.data[:1]})
    client.v1.update_enterprise_user(enterprise, user.id, {"password": "changed-by-hand", "roleId": 12})
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0
    for seen in (
        "service_vlan                : 200 => 999",
        '"Enterprise Superuser" => "Enterprise Read Only"',
    ):
        assert seen in drift.stdout, drift.stdout
    assert "- password_fingerprint: [secret]" in drift.stdout, "the password changed by hand is seen"
    assert "addresses" in drift.stdout
    stack.run("up", "--refresh", "--yes")
    [segment] = [s for s in client.v1.get_enterprise_network_segments(enterprise) if s.name == "PCI"]
    assert segment.data and segment.data.service_vlan == 200
    [group] = client.v1.get_object_groups(enterprise, type="address_group")
    assert group.data and len(group.data) == 4
    assert client.v1.get_enterprise_users(enterprise)[0].role_name == "Enterprise Superuser"
    assert can_log_in(vco, "ops2@objects.example", SECOND_PASSWORD)
    assert stack.run("preview", "--refresh", "--expect-no-changes", check=False).returncode == 0

    # the password: never in plain state, only inside Pulumi's secret envelope in decrypted state
    plain = stack.run("stack", "export").stdout
    assert SECOND_PASSWORD not in plain and FIRST_PASSWORD not in plain
    shown = json.loads(stack.run("stack", "export", "--show-secrets").stdout)
    assert SECOND_PASSWORD in json.dumps(shown), "the decrypted state holds it, as a secret input"
    assert not outside_secrets(shown, SECOND_PASSWORD)
    [user_state] = [r for r in shown["deployment"]["resources"] if r["urn"].endswith("::ops")]
    assert "password" not in user_state["outputs"]
    assert SECRET_SIG in json.dumps(user_state["outputs"]["password_fingerprint"])

    stack.run("destroy", "--yes")
    segments = client.v1.get_enterprise_network_segments(enterprise)
    assert [(s.name, s.data and s.data.segment_id) for s in segments] == [("Global Segment", 0)]
    assert client.v1.get_object_groups(enterprise) == [] and client.v1.get_enterprise_users(enterprise) == []
    client.v2.delete_enterprise(out["enterprise_id"])  # retained by the program
