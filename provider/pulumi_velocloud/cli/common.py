"""Shared pieces of the `velocloud` subcommands: exit codes, the typed CLI error, common flags.

The flags follow the Pulumi CLI's spelling (`--stack`, `--cwd`, `--yes`, `--json`) so users can
carry their habits over. Nothing here talks to the Orchestrator or runs `pulumi`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_DRIFT = 2


class CliError(Exception):
    """A failure the user can act on; `main` prints the message and exits 1. Never holds secrets."""


def add_stack_arguments(parser: argparse.ArgumentParser) -> None:
    """`--stack NAME` and `--cwd DIR`, as the Pulumi CLI spells them."""
    parser.add_argument(
        "-s", "--stack", metavar="NAME", help="the stack to use (default: the project's current stack)"
    )
    parser.add_argument(
        "-C",
        "--cwd",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the Pulumi project folder (default: the current directory)",
    )


def add_yes_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """`-y/--yes`: do `what` without asking."""
    parser.add_argument("-y", "--yes", action="store_true", help=f"{what} without asking for confirmation")


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    """`-j/--json`: print machine-readable JSON instead of text."""
    parser.add_argument("-j", "--json", action="store_true", help="print JSON instead of text")
