"""How `velocloud` fails when `pulumi` or the project folder is missing: exit 1, saying what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_velocloud.cli import main


def test_no_pulumi_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: p\nruntime: python\n")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["drift", "--cwd", str(tmp_path)]) == 1
    assert "the `pulumi` CLI is not on PATH" in capsys.readouterr().err


def test_missing_project_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["drift", "--cwd", str(tmp_path / "nope"), "--stack", "dev"]) == 1
    assert f"project folder {tmp_path / 'nope'} does not exist" in capsys.readouterr().err
