"""`velocloud import` refuses to overwrite a program unless told to, before reading anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_velocloud.cli import main


def test_existing_program_is_kept_without_yes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "__main__.py").write_text("# mine\n")
    assert main(["import", "--enterprise", "ACME", "--out", str(tmp_path), "--cwd", str(tmp_path)]) == 1
    assert "already has __main__.py; pass --yes to overwrite" in capsys.readouterr().err
    assert (tmp_path / "__main__.py").read_text() == "# mine\n"


def test_missing_settings_are_an_error_naming_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for var in ("VCO_URL", "VCO_API_TOKEN", "VCO_API_TOKEN_FILE"):
        monkeypatch.delenv(var, raising=False)
    assert (
        main(["import", "--enterprise", "ACME", "--out", str(tmp_path / "out"), "--cwd", str(tmp_path)]) == 1
    )
    assert "VCO_URL" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
