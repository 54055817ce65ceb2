"""Build throw-away Pulumi projects that use this repository's virtualenv and provider."""

from __future__ import annotations

from pathlib import Path

from scripts.pulumi_cli import REPO, PulumiCli
from vco_emulator.process import EmulatorProcess


def make_project(where: Path, program: str, *, name: str = "velocloud-test") -> Path:
    where.mkdir(parents=True, exist_ok=True)
    (where / "Pulumi.yaml").write_text(
        f"name: {name}\nruntime:\n  name: python\n  options:\n    virtualenv: {REPO / '.venv'}\n"
    )
    (where / "__main__.py").write_text(program)
    return where


def quickstart_program() -> str:
    return (REPO / "stacks" / "quickstart" / "__main__.py").read_text()


def stack_for(project: Path, vco: EmulatorProcess, *, token_file: Path | None = None) -> PulumiCli:
    cli = PulumiCli(project_dir=project, state_dir=project / ".state")
    cli.select_stack("test")
    cli.set_config("velocloud:url", vco.url)
    cli.set_config("velocloud:tokenFile", str(token_file or vco.token_file))
    return cli
