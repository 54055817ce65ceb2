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


E, P = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
BAD_INPUTS = [
    (
        'v.Enterprise("acme", name="", contact_email="not-an-email")',
        [
            "Enterprise field name = '' is invalid: String should have at least 1 character",
            "Enterprise field contact_email = 'not-an-email' is invalid",
        ],
    ),
    (
        f'v.Profile("branch", enterprise_id="{E}", name="x" * 300)',
        ["Profile field name = 'xxxx", "at most 255"],
    ),
    (
        f'v.Edge("nyc", enterprise_id="{E}", profile_id="{P}", name="nyc", model_number="edge9000", '
        'site={"name": "NYC", "lat": 123.0})',
        [
            "Edge field model_number = 'edge9000' is invalid: Input should be 'edge500'",
            "Edge field site.lat = 123.0 is invalid",
            "lat",
            "Input should be less than or equal to 90",
        ],
    ),
    (
        f'v.Edge("bos", enterprise_id="{E}", profile_id="{P}", name=42, model_number="edge6X0")',
        [
            "Edge field name = 42.0 is invalid: Input should be a valid string"
        ],  # numbers cross the RPC as floats
    ),
]


@pytest.mark.parametrize(
    ("declaration", "expected"), BAD_INPUTS, ids=["enterprise", "profile", "edge", "types"]
)
def test_invalid_inputs_fail_preview_naming_the_field_without_writing(
    tmp_path: Path, vco: EmulatorProcess, declaration: str, expected: list[str]
) -> None:
    stack = stack_for(make_project(tmp_path / "bad", f"import pulumi_velocloud as v\n{declaration}\n"), vco)
    result = stack.run("preview", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for text in expected:
        assert text in output, text
    assert vco.admin("GET", "stats")["total"] == 0


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
