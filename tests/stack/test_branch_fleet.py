"""The branch-fleet stack from its inventory, with the real CLI: adding or removing a site
changes exactly that site's edge and settings; a malformed row fails preview naming it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scripts.pulumi_cli import REPO, PulumiCli
from vco_emulator.process import EmulatorProcess

pytestmark = pytest.mark.stack
STACK = REPO / "stacks" / "branch-fleet"

SITE = """
  - name: {name}
    address: {{city: Paris, country: FR}}
    model: edge510
    serial: {serial}
    lan_cidr: {cidr}
"""


def fleet(tmp_path: Path, vco: EmulatorProcess) -> tuple[PulumiCli, Path]:
    project = tmp_path / "branch-fleet"
    shutil.copytree(STACK, project, ignore=shutil.ignore_patterns("__pycache__"))
    text = (project / "Pulumi.yaml").read_text().replace("../../.venv", str(REPO / ".venv"))
    (project / "Pulumi.yaml").write_text(text)
    stack = PulumiCli(project_dir=project, state_dir=tmp_path / "state")
    stack.select_stack("test")
    stack.set_config("velocloud:url", vco.url)
    stack.set_config("velocloud:tokenFile", str(vco.token_file))
    return stack, project / "inventory.yaml"


def planned(stack: PulumiCli) -> dict[str, list[str]]:
    """The steps `pulumi preview --json` proposes, by operation, as `Type::name` (sames left out)."""
    steps = json.loads(stack.run("preview", "--json").stdout).get("steps", [])
    ops: dict[str, list[str]] = {}
    for step in steps:
        if step["op"] != "same":
            urn = step["urn"]
            ops.setdefault(step["op"], []).append(
                urn.split("::")[-2].rsplit(":", 1)[-1] + "::" + urn.split("::")[-1]
            )
    return {op: sorted(names) for op, names in ops.items()}


def test_sites_come_and_go_exactly(tmp_path: Path, vco: EmulatorProcess) -> None:
    stack, inventory = fleet(tmp_path, vco)
    stack.run("up", "--yes")
    assert planned(stack) == {}

    original = inventory.read_text()
    inventory.write_text(original + SITE.format(name="par-01", serial="VC0510099999", cidr="10.9.9.1/24"))
    assert planned(stack) == {"create": ["Edge::par-01", "EdgeDeviceSettings::par-01-settings"]}

    inventory.write_text(
        original.replace("  - name: chi-01", "  - name: chi-01-gone").split("  - name: chi-01-gone")[0]
    )
    assert planned(stack) == {"delete": ["Edge::chi-01", "EdgeDeviceSettings::chi-01-settings"]}

    inventory.write_text(original)
    stack.run("destroy", "--yes")


def test_malformed_row_fails_preview_with_file_line_field_and_reason(
    tmp_path: Path, vco: EmulatorProcess
) -> None:
    stack, inventory = fleet(tmp_path, vco)
    inventory.write_text(
        inventory.read_text() + SITE.format(name="bad-01", serial="VC0510088888", cidr="10.300.0.1/24")
    )
    line = inventory.read_text().splitlines().index("  - name: bad-01") + 1
    result = stack.run("preview", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"inventory.yaml:{line}: site 'bad-01': field lan_cidr = '10.300.0.1/24' is invalid" in output
    assert vco.admin("GET", "stats")["total"] == 0
