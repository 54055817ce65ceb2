"""`velocloud doctor --cwd PROJECT` reads the connection from the stack's config, as the provider does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from .project import make_project

pytestmark = pytest.mark.stack
VELOCLOUD = str(Path(sys.executable).with_name("velocloud"))


def test_doctor_uses_the_stack_config_and_falls_back_to_the_environment(
    tmp_path: Path, vco: EmulatorProcess
) -> None:
    project = make_project(tmp_path / "p", "import pulumi\n")
    stack = PulumiCli(project_dir=project, state_dir=tmp_path / "state")
    env = {k: v for k, v in stack.environment().items() if not k.startswith("VCO_")}
    (project / "token").write_text(vco.token)

    def doctor(*args: str, **extra: str) -> tuple[int, dict[str, str]]:
        run = subprocess.run(
            [VELOCLOUD, "doctor", "--json", "--cwd", str(project), *args],
            env={**env, **extra},
            text=True,
            capture_output=True,
            timeout=120,
        )
        return run.returncode, {f["check"]: f["level"] + " " + f["message"] for f in json.loads(run.stdout)}

    # a project with no stack selected: the environment alone
    code, found = doctor(VCO_URL=vco.url, VCO_API_TOKEN=vco.token)
    assert code == 0 and found["token"] == "ok accepted"

    stack.select_stack("prod")
    stack.set_config("velocloud:url", vco.url)
    stack.set_config("velocloud:tokenFile", "token")  # relative to the project, as pulumi runs it
    code, found = doctor("--stack", "prod")
    assert code == 0 and found["settings"] == f"ok Orchestrator {vco.url}", found
    assert vco.token not in json.dumps(found)

    stack.set_config("velocloud:tokenFile", "missing-token")
    code, found = doctor("--stack", "prod")
    assert code == 1 and found["settings"].startswith("FAIL cannot read the API token file"), found
    assert "missing-token" in found["settings"]
