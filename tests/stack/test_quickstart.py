"""The quickstart stack driven by the real `pulumi` CLI against the emulator server."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_velocloud.client import VcoClient
from vco_emulator.process import EmulatorProcess

from .project import make_project, quickstart_program, stack_for

pytestmark = pytest.mark.stack


def enterprise_names(client: VcoClient) -> list[str]:
    return [e.name for e in client.v2.get_enterprises()]


def test_up_preview_rename_refresh_destroy(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    stack = stack_for(make_project(tmp_path / "qs", quickstart_program()), vco)

    stack.run("up", "--yes")
    assert enterprise_names(client) == ["ACME Corp"]
    outputs = stack.run("stack", "output", "--json").stdout
    assert '"enterprise_name": "ACME Corp"' in outputs
    first_id = client.v2.get_enterprises().__next__().logical_id
    assert first_id in outputs

    before = vco.admin("GET", "stats")["total"]
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0
    assert vco.admin("GET", "stats")["total"] == before, "a no-op preview must make no API calls"

    stack.set_config("enterpriseName", "ACME Renamed")
    preview = stack.run("preview", "--diff").stdout
    assert "~ name" in preview or "name:" in preview
    stack.run("up", "--yes")
    [renamed] = list(client.v2.get_enterprises())
    assert renamed.name == "ACME Renamed" and renamed.logical_id == first_id  # updated in place

    assert stack.run("refresh", "--yes", "--expect-no-changes", check=False).returncode == 0
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0

    state = stack.run("stack", "export", "--show-secrets").stdout
    assert vco.token not in state

    stack.run("destroy", "--yes")
    assert enterprise_names(client) == []


def test_invalid_name_fails_preview_without_writing(tmp_path: Path, vco: EmulatorProcess) -> None:
    program = 'import pulumi_velocloud as v\nv.Enterprise("bad", name="")\n'
    stack = stack_for(make_project(tmp_path / "bad", program), vco)
    result = stack.run("preview", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Enterprise field name = ''" in output and "at least 1 character" in output
    assert vco.admin("GET", "stats")["writes"] == 0


def test_wrong_token_says_unauthorized_with_the_url_not_the_token(
    tmp_path: Path, vco: EmulatorProcess
) -> None:
    wrong = tmp_path / "wrong-token"
    wrong.write_text("not-the-right-token-XYZZY\n")
    stack = stack_for(make_project(tmp_path / "tok", quickstart_program()), vco, token_file=wrong)
    result = stack.run("up", "--yes", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "invalid, expired or revoked API token" in output and "HTTP 401" in output
    assert vco.url in output
    assert "XYZZY" not in output
