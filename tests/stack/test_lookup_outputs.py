"""The `_output` lookups with the real `pulumi` CLI: unknown while their arguments are, then resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "lookup_outputs.py").read_text()


def test_lookups_take_outputs(tmp_path: Path, vco: EmulatorProcess) -> None:
    stack = stack_for(make_project(tmp_path / "lookups", PROGRAM), vco)
    # nothing exists yet: a plain lookup would fail the preview, the output variant waits
    preview = stack.run("preview", check=False)
    assert preview.returncode == 0, preview.stdout + preview.stderr
    stack.run("up", "--yes")
    out = json.loads(stack.run("stack", "output", "--json").stdout)
    assert out["looked_up"] == out["declared"]
    assert isinstance(out["enterprise_vco_id"], int | float) and out["enterprise_vco_id"] > 0
    assert out["edge_names"] == ["e1"]
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0
