"""The scripts examples/ci/ pipelines call, run as a CI job would against the emulator and the real CLI.

Two stacks of one project on one backend named by PULUMI_BACKEND_URL (file:// here, s3:// or Pulumi
Cloud in real CI), the token only in VCO_API_TOKEN: setup -> pull-request preview (comment with the
preview and the drift report, drift not fatal) -> both stacks applied in parallel jobs -> nightly
drift in sync (0) -> an edge renamed by hand: nightly fails (2) with the JSON report naming it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.ids import LogicalId
from scripts.pulumi_cli import REPO, pulumi_bin_dir
from vco_emulator.process import EmulatorProcess

from .project import make_project

pytestmark = pytest.mark.stack
SCRIPTS = REPO / "examples" / "ci" / "scripts"
PROGRAM = """
import pulumi
import pulumi_velocloud as velocloud

stack = pulumi.get_stack()
acme = velocloud.Enterprise("acme", name=f"CI Corp {stack}")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
edge = velocloud.Edge(
    "edge-1", enterprise_id=acme.id, profile_id=branch.id, name="edge-1", model_number="edge6X0"
)
pulumi.export("enterprise_id", acme.id)
pulumi.export("edge_id", edge.id)
"""


def job(script: str, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPTS / script), *args], env=env, cwd=cwd, text=True, capture_output=True, timeout=600
    )


def test_ci_scripts(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    project = make_project(tmp_path / "repo" / "infra", PROGRAM)
    (project / "requirements.txt").write_text("pulumi-velocloud\n")
    for stack in ("emea", "amer"):
        (project / f"Pulumi.{stack}.yaml").write_text(f"config:\n  velocloud:url: {vco.url}\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PULUMI_", "VCO_"))}
    env.update(
        PATH=f"{pulumi_bin_dir()}{os.pathsep}{env['PATH']}",
        PULUMI_HOME=str(tmp_path / "pulumi-home"),
        PULUMI_BACKEND_URL=f"file://{tmp_path / 'backend'}",
        PULUMI_CONFIG_PASSPHRASE="ci-passphrase",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION="true",
        VCO_API_TOKEN=vco.token,
        VENV=str(REPO / ".venv"),
    )
    (tmp_path / "backend").mkdir()
    repo = tmp_path / "repo"

    setup = job("setup.sh", "infra", env=env, cwd=repo)
    assert setup.returncode == 0, setup.stderr
    assert "velocloud 0." in setup.stdout

    preview = job("preview.sh", "infra", "emea", "ci-report", env=env, cwd=repo)
    assert preview.returncode == 0, preview.stdout + preview.stderr
    comment = (repo / "ci-report" / "comment-emea.md").read_text()
    assert "### `pulumi preview` of stack `emea`" in comment and "+ 4 to create" in comment
    assert "## Drift report: stack `emea`" in comment and "pending program changes" in comment
    assert vco.token not in comment + preview.stdout + preview.stderr

    ups = [
        subprocess.Popen(
            [str(SCRIPTS / "up.sh"), "infra", stack],
            env=env,
            cwd=repo,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for stack in ("emea", "amer")
    ]
    for up in ups:
        output, _ = up.communicate(timeout=600)
        assert up.returncode == 0, output
    assert {e.name for e in client.v2.get_enterprises()} == {"CI Corp emea", "CI Corp amer"}

    nightly = job("drift.sh", "infra", "amer", "ci-report", env=env, cwd=repo)
    assert nightly.returncode == 0, nightly.stdout + nightly.stderr
    assert json.loads((repo / "ci-report" / "drift-amer.json").read_text())["in_sync"] is True

    outputs = subprocess.run(
        ["pulumi", "stack", "output", "--json", "--stack", "amer", "--cwd", "infra"],
        env=env,
        cwd=repo,
        text=True,
        capture_output=True,
        check=True,
    )
    out = json.loads(outputs.stdout)
    client.v2.update_edge(
        LogicalId(out["enterprise_id"]),
        LogicalId(out["edge_id"]),
        [{"op": "replace", "path": "/name", "value": "by-hand"}],
    )
    nightly = job("drift.sh", "infra", "amer", "ci-report", env=env, cwd=repo)
    assert nightly.returncode == 2, nightly.stdout + nightly.stderr
    report = json.loads((repo / "ci-report" / "drift-amer.json").read_text())
    assert [(d["name"], [f["field"] for f in d["fields"]]) for d in report["drift"]] == [("edge-1", ["name"])]
    assert "| `edge-1` | name |" in nightly.stdout

    missing = job("drift.sh", "infra", "no-such-stack", "ci-report", env=env, cwd=repo)
    assert missing.returncode == 1
    no_token = job("drift.sh", "infra", "amer", env={**env, "VCO_API_TOKEN": ""}, cwd=repo)
    assert no_token.returncode == 1 and "VCO_API_TOKEN" in no_token.stderr
