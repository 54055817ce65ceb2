"""`velocloud drift`: refresh-preview a stack and report what differs on the Orchestrator.

    velocloud drift [--stack S] [--cwd DIR] [--format markdown|json] [--json-file FILE] [--other-stack S ...]

Exit 0 when the Orchestrator matches the stack, 2 when something drifted, was deleted out of
band or a program change is not applied yet, 1 on error. Unmanaged objects inside managed
scopes (edges of a managed enterprise, rules in a managed module that no checked stack
declares) are listed as information and never change the exit code.

Why `pulumi preview --refresh --json` and not the Automation API: the CLI prints one
documented JSON document with every step and both states, runs the program exactly as the
user's own `pulumi preview` does (their backend, passphrase, secrets provider and
virtualenv), and needs nothing from `pulumi.automation`, whose Python side would only start
the same CLI, stream events through a temporary file and require matching SDK and CLI versions
(or skipping the check). A drift check must be read-only: `preview` never writes the state, unlike
`pulumi refresh`, so nothing here changes the stack or the Orchestrator.

Not done: fixing drift (that is `pulumi up --refresh`), checking stacks in parallel (run one job per
stack), or showing secret values (always `[secret]`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..client import VcoClient
from .common import EXIT_DRIFT, EXIT_OK, CliError, add_stack_arguments
from .connection import settings_for
from .drift_analysis import analyse
from .drift_report import DriftReport, UnmanagedObject, build_report, render_json, render_markdown
from .pulumi_stack import PulumiStack
from .stack_state import StateResource, velocloud_resources
from .unmanaged import find_unmanaged


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "drift",
        help="refresh-preview a stack and report drift (exit 0 in sync, 2 drift, 1 error)",
        description="Refresh-preview a stack (read-only) and report every field that differs on the "
        "Orchestrator, objects deleted out of band, and unmanaged objects inside managed scopes.",
    )
    add_stack_arguments(parser)
    parser.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="report format (default markdown)"
    )
    parser.add_argument("-j", "--json", action="store_true", help="same as --format json")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the report here, not stdout")
    parser.add_argument("--json-file", type=Path, metavar="FILE", help="also write the JSON report here")
    parser.add_argument(
        "--other-stack",
        action="append",
        default=[],
        metavar="NAME",
        help="a stack of the same project whose resources also count as declared (repeatable)",
    )
    parser.add_argument(
        "--no-unmanaged", action="store_true", help="skip the look for unmanaged objects (no API calls)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    stack = PulumiStack(cwd=args.cwd, stack=args.stack)
    report = check(stack, other_stacks=args.other_stack, unmanaged=not args.no_unmanaged)
    text = render_json(report) if args.json or args.format == "json" else render_markdown(report)
    if args.json_file:
        _write(args.json_file, render_json(report))
    if args.output:
        _write(args.output, text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK if report.in_sync else EXIT_DRIFT


def check(stack: PulumiStack, *, other_stacks: list[str], unmanaged: bool) -> DriftReport:
    """The drift report of one stack (see the module docstring)."""
    name = stack.name()
    export = stack.export()
    print(f"velocloud drift: refresh-preview of stack {name} (read-only) ...", file=sys.stderr, flush=True)
    preview = stack.preview_refresh()
    if preview.exit_code != 0:
        errors = [
            str(d.get("message", "")).strip()
            for d in preview.document.get("diagnostics") or []
            if d.get("severity") == "error"
        ]
        detail = "\n".join(e for e in errors if e) or "no error message; run `pulumi preview --refresh`"
        raise CliError(f"`pulumi preview --refresh` of stack {name} failed:\n{detail}")
    count, drift, pending = analyse(export, preview.document)
    found: list[UnmanagedObject] = []
    warnings: list[str] = []
    if unmanaged:
        found, warnings = _unmanaged(stack, velocloud_resources(export), other_stacks)
    return build_report(name, count, drift, pending, found, warnings)


def _unmanaged(
    stack: PulumiStack, resources: list[StateResource], other_stacks: list[str]
) -> tuple[list[UnmanagedObject], list[str]]:
    scoped = ("Enterprise", "FirewallRule", "BusinessPolicyRule", "PortForwardingRule", "OneToOneNatRule")
    if not any(r.kind in scoped for r in resources):
        return [], []
    declared = list(resources)
    for other in other_stacks:
        declared += velocloud_resources(PulumiStack(cwd=stack.cwd, stack=other, env=stack.env).export())
    try:
        client = VcoClient(settings_for(stack))
    except CliError as exc:
        return [], [f"unmanaged objects not looked for: {exc}"]
    try:
        return find_unmanaged(client, resources, declared)
    finally:
        client.session.close()


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from None
