"""`velocloud recover` removes the empty checkpoint sidecar a killed run can leave on a file backend.

The real `pulumi` CLI and backend: the sidecar is emptied as gocloud's fileblob leaves it when
the kill lands between truncating and rewriting it (the killed-run stack test meets it by
chance), every `pulumi` command then fails with "failed to load checkpoint: EOF", and recover
repairs exactly that file, nothing else.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.killed_run import EOF_ERROR, velocloud_recover
from scripts.pulumi_cli import PulumiCli

pytestmark = pytest.mark.stack


def _project(where: Path, name: str) -> PulumiCli:
    where.mkdir(parents=True)
    (where / "Pulumi.yaml").write_text(f"name: {name}\nruntime: python\n")
    return PulumiCli(project_dir=where, state_dir=where.parent / "state")


def test_recover_removes_only_the_empty_sidecar(tmp_path: Path) -> None:
    fleet = _project(tmp_path / "fleet", "fleet")
    fleet.run("stack", "init", "other")
    fleet.run("stack", "init", "dev")
    neighbour = _project(tmp_path / "neighbour", "neighbour")  # same backend, another project
    neighbour.run("stack", "init", "dev")
    stacks = tmp_path / "state" / "backend" / ".pulumi" / "stacks"
    sidecar, checkpoint = stacks / "fleet" / "dev.json.attrs", stacks / "fleet" / "dev.json"
    theirs = stacks / "neighbour" / "dev.json.attrs"
    sidecar.write_bytes(b"")
    theirs.write_bytes(b"")
    before = {p: p.read_bytes() for p in stacks.rglob("*") if p.is_file()}

    broken = fleet.run("cancel", "--yes", check=False)
    assert broken.returncode != 0 and EOF_ERROR in broken.stderr, broken.stderr  # the condition is real

    dry = velocloud_recover(fleet)
    assert dry.returncode == 1 and f"would remove the empty checkpoint sidecar {sidecar}" in dry.stdout
    assert {p: p.read_bytes() for p in stacks.rglob("*") if p.is_file()} == before

    done = velocloud_recover(fleet, "--yes")
    assert done.returncode == 1, done.stdout + done.stderr  # not recovered yet: cancel comes next
    assert f"removed the empty checkpoint sidecar {sidecar}" in done.stdout
    assert "`pulumi cancel --yes`, then `velocloud recover --yes` again" in done.stdout
    after = {p: p.read_bytes() for p in stacks.rglob("*") if p.is_file()}
    assert after == {p: b for p, b in before.items() if p != sidecar}  # that file only
    assert checkpoint.read_bytes() == before[checkpoint] and theirs.read_bytes() == b""

    fleet.run("cancel", "--yes")
    fleet.run("stack", "export")
    assert EOF_ERROR in neighbour.run("stack", "export", check=False).stderr  # not ours to repair
