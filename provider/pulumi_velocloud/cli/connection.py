"""Connection settings for the `velocloud` subcommands: a stack's `velocloud:*` config, else the environment.

When `--cwd` is a Pulumi project (it has a `Pulumi.yaml`) and the `pulumi` CLI is available, the
stack's configuration is read (secrets decrypted in memory only) exactly as the provider would
see it; otherwise, or when no `--stack` is given and none is selected, only the environment
(`VCO_URL`, `VCO_API_TOKEN`, ...) counts. A relative
`velocloud:tokenFile` / `velocloud:caBundle` is taken relative to the project folder, as
`pulumi` runs the program there. Not done: prompting for anything, caching credentials.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ..settings import Settings, SettingsError, resolve_settings
from .common import CliError
from .pulumi_stack import PulumiCommandError, PulumiStack

_PATH_KEYS = ("velocloud:tokenFile", "velocloud:caBundle")


def stack_config(stack: PulumiStack) -> dict[str, Any]:
    """The stack's `velocloud:*` config, or {} when `stack.cwd` is not a Pulumi project or has no stack."""
    if not (stack.cwd / "Pulumi.yaml").is_file() or not (stack.binary or shutil.which("pulumi")):
        return {}
    try:
        config = {k: v for k, v in stack.config().items() if k.startswith("velocloud:")}
    except PulumiCommandError:
        if stack.stack is None:  # a project with no stack selected: the environment alone
            return {}
        raise
    for key in _PATH_KEYS:
        value = config.get(key)
        if isinstance(value, str) and value and not Path(value).expanduser().is_absolute():
            config[key] = str(stack.cwd / value)
    return config


def settings_for(stack: PulumiStack) -> Settings:
    """Settings for the Orchestrator this stack (or the environment) points at; CliError if incomplete."""
    try:
        return resolve_settings(stack_config(stack))
    except SettingsError as exc:
        raise CliError(str(exc)) from None
