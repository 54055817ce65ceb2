"""The CI pipelines of examples/ci/: they call the scripts the stack tests run, and keep their promises
(credentials from CI secrets, state on PULUMI_BACKEND_URL, one job per stack, no overlapping applies).
Syntax is checked by `make ci-examples` (actionlint, GitLab's schema); this checks what they mean."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent.parent
CI = REPO / "examples" / "ci"
GITHUB = {p.stem: yaml.safe_load(p.read_text()) for p in sorted((CI / "github").glob("*.yml"))}
GITLAB = yaml.safe_load((CI / "gitlab" / ".gitlab-ci.yml").read_text())
SCRIPT_CALL = re.compile(r"\$\{?CI_SCRIPTS\}?/([a-z-]+\.sh)")


def scripts_called(document: Any) -> set[str]:
    return set(SCRIPT_CALL.findall(yaml.safe_dump(document, width=10_000)))


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for job in workflow["jobs"].values() for s in job["steps"]]


def test_every_pipeline_calls_existing_scripts_from_examples_ci_scripts() -> None:
    assert set(GITHUB) == {"pull-request", "main", "nightly"}
    for name, workflow in GITHUB.items():
        assert workflow["env"]["CI_SCRIPTS"] == "examples/ci/scripts", name
    assert GITLAB["variables"]["CI_SCRIPTS"] == "examples/ci/scripts"
    called = set().union(*(scripts_called(w) for w in GITHUB.values())) | scripts_called(GITLAB)
    assert called == {"setup.sh", "preview.sh", "up.sh", "drift.sh"}
    for script in called:
        path = CI / "scripts" / script
        assert path.is_file() and os.access(path, os.X_OK), script
    assert scripts_called(GITHUB["pull-request"]) == scripts_called(GITLAB["preview"]) | {"setup.sh"}
    assert scripts_called(GITHUB["main"]) == scripts_called(GITLAB["up"]) | {"setup.sh"}
    assert scripts_called(GITHUB["nightly"]) == scripts_called(GITLAB["drift"]) | {"setup.sh"}


@pytest.mark.parametrize("name", ["pull-request", "main", "nightly"])
def test_credentials_only_from_ci_secrets_and_state_on_the_named_backend(name: str) -> None:
    env = GITHUB[name]["env"]
    assert env["VCO_API_TOKEN"] == "${{ secrets.VCO_API_TOKEN }}"
    assert env["PULUMI_BACKEND_URL"] == "${{ vars.PULUMI_BACKEND_URL }}"
    assert env["PULUMI_CONFIG_PASSPHRASE"].startswith("${{ secrets.")
    text = (CI / "github" / f"{name}.yml").read_text()
    assert "pulumi login" not in text, "the scripts log in to PULUMI_BACKEND_URL"
    job = next(iter(GITHUB[name]["jobs"].values()))
    assert job["strategy"]["matrix"]["stack"] and job["strategy"]["fail-fast"] is False, "one job per stack"
    uses = [s.get("uses", "") for s in steps(GITHUB[name])]
    assert any(u.startswith("actions/cache@") for u in uses) and any(
        u.startswith("pulumi/actions@") for u in uses
    )
    cache = next(s for s in steps(GITHUB[name]) if s.get("uses", "").startswith("actions/cache@"))
    assert "venv" in cache["with"]["path"] and "~/.pulumi" in cache["with"]["path"]


def test_main_never_runs_two_applies_of_a_stack_at_once_and_nightly_fails_on_drift() -> None:
    up = GITHUB["main"]["jobs"]["up"]
    assert up["concurrency"] == {"group": "pulumi-up-${{ matrix.stack }}", "cancel-in-progress": False}
    assert GITLAB["up"]["resource_group"] == "pulumi-up-$STACK"
    nightly = GITHUB["nightly"]
    assert (
        "schedule" in nightly[True] if True in nightly else "schedule" in nightly["on"]
    )  # YAML 1.1: on -> True
    upload = next(s for s in steps(nightly) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "always()" and upload["with"]["path"] == "ci-report/"
    drift = next(s for s in steps(nightly) if "drift.sh" in s.get("run", ""))
    assert "continue-on-error" not in drift, "exit 2 from velocloud drift fails the job"
    assert GITLAB["drift"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    assert GITLAB["drift"]["artifacts"]["when"] == "always"
    comment = next(s for s in steps(GITHUB["pull-request"]) if "gh pr comment" in s.get("run", ""))
    assert "comment-${{ matrix.stack }}.md" in comment["run"]
    assert GITHUB["pull-request"]["permissions"]["pull-requests"] == "write"
    assert GITLAB[".stacks"]["parallel"]["matrix"][0]["STACK"] == ["emea", "amer", "apac"]
