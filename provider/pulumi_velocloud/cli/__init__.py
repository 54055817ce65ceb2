"""The `velocloud` console script: argument parsing and dispatch to one module per subcommand.

    velocloud [--version] <command> [options]

Exit codes, the same for every subcommand:

| code | meaning |
|------|---------|
| 0    | success; for `drift`, the Orchestrator matches the stack |
| 1    | error (bad arguments, unreachable Orchestrator, `pulumi` failed, ...) |
| 2    | `drift` found differences between the stack and the Orchestrator |

Each subcommand is a module of this package exposing `register(subparsers) -> None`, which adds
its parser and sets `run=<callable(args) -> int>` as its default; `COMMANDS` lists them. This
module does no work of its own beyond parsing and turning a `CliError` into exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from ..version import __version__
from . import doctor, drift, importer, recover
from .common import EXIT_ERROR, CliError

# One module per subcommand, in the order `velocloud --help` lists them.
COMMANDS: tuple[ModuleType, ...] = (drift, importer, recover, doctor)


def build_parser() -> argparse.ArgumentParser:
    """The full `velocloud` parser, with every subcommand of `COMMANDS` registered."""
    parser = argparse.ArgumentParser(
        prog="velocloud",
        description="Drift reports, import and checks for pulumi-velocloud stacks.",
        epilog="exit codes: 0 ok / in sync, 1 error, 2 drift found",
    )
    parser.add_argument("--version", action="version", version=f"velocloud {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="<command>", required=True)
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `velocloud ARGV` and return its exit code (see the module docstring)."""
    parser = build_parser()
    try:
        args = parser.parse_args(None if argv is None else list(argv))
    except SystemExit as exc:  # argparse: --help / --version exit 0, usage errors exit 2
        return 0 if exc.code in (0, None) else EXIT_ERROR
    try:
        code: int = args.run(args)
    except CliError as exc:
        print(f"velocloud {args.command}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"velocloud {args.command}: interrupted", file=sys.stderr)
        return EXIT_ERROR
    return code
