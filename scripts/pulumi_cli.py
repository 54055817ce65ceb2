"""Run the project's pinned `pulumi` CLI offline, with a local `file://` backend.

Shared by `scripts/demo.py` and the stack tests. The CLI comes from `scripts/install-pulumi`
(`PULUMI_BIN_DIR` when the Makefile already resolved it); every run has update checks and
plugin downloads turned off, its own PULUMI_HOME, and never reaches the internet.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def pulumi_bin_dir() -> Path:
    """The folder holding the pinned `pulumi` and its Python plugins (installed if missing)."""
    if os.environ.get("PULUMI_BIN_DIR"):
        return Path(os.environ["PULUMI_BIN_DIR"])
    out = subprocess.run(
        [str(REPO / "scripts" / "install-pulumi"), "--print-bin-dir"],
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(out.stdout.strip())


class PulumiError(RuntimeError):
    def __init__(self, args: list[str], result: subprocess.CompletedProcess[str]) -> None:
        output = "\n".join(part for part in (result.stdout, result.stderr) if part)
        super().__init__(
            f"pulumi {' '.join(args)} exited {result.returncode}" + (f"\n{output}" if output else "")
        )
        self.result = result


@dataclass
class PulumiCli:
    """`pulumi` in one project folder, with state under `state_dir`."""

    project_dir: Path
    state_dir: Path
    env: Mapping[str, str] = field(default_factory=dict)
    passphrase: str = "pulumi-velocloud-local"

    def environment(self) -> dict[str, str]:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update(
            PATH=f"{pulumi_bin_dir()}{os.pathsep}{env.get('PATH', '')}",
            PULUMI_HOME=str(self.state_dir / "home"),
            PULUMI_BACKEND_URL=f"file://{self.state_dir / 'backend'}",
            PULUMI_CONFIG_PASSPHRASE=self.passphrase,
            PULUMI_SKIP_UPDATE_CHECK="true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION="true",
            PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK="true",
            PULUMI_DIY_BACKEND_NO_LEGACY_WARNING="true",
        )
        env.pop("PULUMI_ACCESS_TOKEN", None)
        env.update(self.env)
        (self.state_dir / "backend").mkdir(parents=True, exist_ok=True)
        return env

    def run(self, *args: str, check: bool = True, stream: bool = False) -> subprocess.CompletedProcess[str]:
        """Run `pulumi ARGS --non-interactive`; stream=True shows the output live."""
        argv = ["pulumi", *args, "--non-interactive"]
        result = subprocess.run(
            argv,
            cwd=self.project_dir,
            env=self.environment(),
            text=True,
            stdout=None if stream else subprocess.PIPE,
            stderr=None if stream else subprocess.PIPE,
        )
        if check and result.returncode != 0:
            raise PulumiError(list(args), result)
        return result

    def select_stack(self, name: str) -> None:
        """Select stack `name`, creating it when it does not exist yet."""
        if self.run("stack", "select", name, check=False).returncode != 0:
            self.run("stack", "init", name)

    def set_config(self, key: str, value: str, *, secret: bool = False) -> None:
        self.run("config", "set", key, value, "--secret" if secret else "--plaintext")
