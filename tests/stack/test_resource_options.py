"""Pulumi resource options behave on our resources as on any provider's."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_velocloud.client import VcoClient
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "options.py").read_text()


def test_protect_ignore_changes_aliases_retain(
    tmp_path: Path, vco: EmulatorProcess, client: VcoClient
) -> None:
    stack = stack_for(make_project(tmp_path / "options", PROGRAM), vco)
    stack.set_config("protect", "true")
    stack.run("up", "--yes")
    [enterprise] = list(client.v2.get_enterprises())

    stack.set_config("description", "second")  # ignored: no change proposed
    quiet = stack.run("preview", "--expect-no-changes", "--debug", check=False)
    assert quiet.returncode == 0
    # the SDK's per-registration debug messages: the stack's reach the engine, ours are not sent
    assert "registering resource: ty=pulumi:pulumi:Stack" in quiet.stdout
    assert "registering resource: ty=pulumi-python:dynamic/velocloud:" not in quiet.stdout + quiet.stderr

    refused = stack.run("destroy", "--yes", check=False)
    assert refused.returncode != 0 and "protected" in refused.stdout + refused.stderr
    assert [e.logical_id for e in client.v2.get_enterprises()] == [enterprise.logical_id]

    stack.set_config("resourceName", "acme-renamed")  # an alias keeps the same object
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0
    stack.set_config("protect", "false")
    stack.set_config("retain", "true")
    stack.run("up", "--yes")
    stack.run("destroy", "--yes")
    assert [e.logical_id for e in client.v2.get_enterprises()] == [enterprise.logical_id]  # retained
