"""Run the `pulumi` CLI of one stack folder: select the stack, refresh-preview as JSON, export.

Used by `velocloud drift` (and `velocloud recover`). `pulumi` is taken from PATH (or the
`binary` given); the environment is passed through unchanged apart from turning off the update
check and interactive prompts, so the user's backend (`PULUMI_BACKEND_URL`, `pulumi login`),
passphrase and credentials apply exactly as they do for their own `pulumi` runs.

Not done here: installing or logging in to Pulumi, creating stacks, or writing anything to the
stack's state (`preview` and `stack export` only read).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import CliError


class PulumiCommandError(CliError):
    """`pulumi ...` failed; the message carries the command and the tail of its error output."""

    def __init__(self, args: list[str], result: subprocess.CompletedProcess[str]) -> None:
        tail = "\n".join((result.stderr or "").strip().splitlines()[-20:])
        super().__init__(
            f"`pulumi {' '.join(args)}` exited {result.returncode}" + (f":\n{tail}" if tail else "")
        )
        self.args_run = args
        self.result = result


@dataclass(frozen=True)
class Preview:
    """The JSON document `pulumi preview --json` printed and its exit code."""

    document: dict[str, Any]
    exit_code: int


@dataclass
class PulumiStack:
    """The `pulumi` CLI run in project folder `cwd` against stack `stack` (None: the current one)."""

    cwd: Path
    stack: str | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    binary: str | None = None

    def executable(self) -> str:
        found = self.binary or shutil.which("pulumi")
        if not found:
            raise CliError(
                "the `pulumi` CLI is not on PATH; install it (https://www.pulumi.com/docs/install/)"
            )
        return found

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("PULUMI_SKIP_UPDATE_CHECK", "true")
        env.update(self.env)
        return env

    def run(
        self, *args: str, check: bool = True, stack_flag: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run `pulumi ARGS [--stack S] --non-interactive` in `cwd`; raise PulumiCommandError on failure."""
        argv = list(args)
        if stack_flag and self.stack:
            argv += ["--stack", self.stack]
        argv.append("--non-interactive")
        if not self.cwd.is_dir():
            raise CliError(f"project folder {self.cwd} does not exist")
        result = subprocess.run(
            [self.executable(), *argv],
            cwd=self.cwd,
            env=self.environment(),
            text=True,
            capture_output=True,
        )
        if check and result.returncode != 0:
            raise PulumiCommandError(argv, result)
        return result

    def select(self) -> None:
        """Make `stack` the folder's current stack (`pulumi stack select`); it must exist."""
        if self.stack:
            self.run("stack", "select", self.stack, stack_flag=False)

    def name(self) -> str:
        """The fully qualified name of the stack these commands act on."""
        out = self.run("stack", "ls", "--json", stack_flag=False).stdout
        stacks = _json(out, "pulumi stack ls --json")
        for entry in stacks if isinstance(stacks, list) else []:
            name = str(entry.get("name", ""))
            if (self.stack and (name == self.stack or name.endswith(f"/{self.stack}"))) or (
                not self.stack and entry.get("current")
            ):
                return name
        raise CliError(
            f"stack {self.stack!r} not found in {self.cwd}"
            if self.stack
            else f"no stack selected in {self.cwd}"
        )

    def preview_refresh(self) -> Preview:
        """`pulumi preview --refresh --json`: the engine's steps after refreshing every resource.

        A non-zero exit with a JSON body (a program or provider error) still returns the
        document, with the exit code, for the caller to report its `diagnostics`; no JSON raises.
        """
        args = ["preview", "--refresh", "--json"]
        result = self.run(*args, check=False)
        if not result.stdout.strip():
            raise PulumiCommandError(args, result)
        doc = _json(result.stdout, "pulumi " + " ".join(args))
        if not isinstance(doc, dict):
            raise PulumiCommandError(args, result)
        return Preview(document=doc, exit_code=result.returncode)

    def export(self) -> dict[str, Any]:
        """`pulumi stack export`: the stack's checkpoint (secrets stay encrypted)."""
        doc = _json(self.run("stack", "export").stdout, "pulumi stack export")
        if not isinstance(doc, dict):
            raise CliError("`pulumi stack export` did not print a JSON object")
        return doc

    def config(self) -> dict[str, Any]:
        """The stack's configuration, secrets decrypted (kept in memory only, never printed)."""
        doc = _json(self.run("config", "--json", "--show-secrets").stdout, "pulumi config --json")
        if not isinstance(doc, dict):
            raise CliError("`pulumi config --json` did not print a JSON object")
        return {key: entry.get("value") if isinstance(entry, dict) else entry for key, entry in doc.items()}


def _json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(
            f"`{what}` printed something that is not JSON ({exc.msg} at line {exc.lineno})"
        ) from None
