"""`velocloud import`: write a Pulumi Python program that adopts a live enterprise.

    velocloud import --enterprise NAME-or-logicalId --out DIR [--virtualenv PATH] [--yes]

Reads the enterprise (profiles, segments, address and port groups, edges with their sites,
device-settings keys that differ from the defaults, firewall rules, business policies, users;
see `import_read`) and writes `DIR/__main__.py`, `DIR/Pulumi.yaml`, `DIR/requirements.txt`
and `DIR/README.md`. A progress bar on stderr follows the long parts (edges, rules, settings).
The connection comes from the environment (`VCO_URL`, `VCO_API_TOKEN`, ...) or, with
`--cwd`/`--stack`, from a stack's `velocloud:*` config. Read-only: nothing is written to the
Orchestrator. Existing files in DIR are kept unless `--yes`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..client.errors import VcoError
from ..context import provider_context
from ..mechanisms.errors import VcoResourceError
from ..settings import SettingsError
from .common import EXIT_OK, CliError, add_stack_arguments, add_yes_argument
from .connection import stack_config
from .import_read import EnterpriseReader, ImportedEnterprise
from .import_render import program, pulumi_yaml, readme, requirements
from .pulumi_stack import PulumiStack

FILES = ("__main__.py", "Pulumi.yaml", "requirements.txt", "README.md")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="write a Pulumi program that adopts a live enterprise",
        description="Read a live enterprise and write a Pulumi Python program (adopt=True on every "
        "resource), its Pulumi.yaml, requirements.txt and a README.",
    )
    parser.add_argument("--enterprise", required=True, metavar="NAME", help="enterprise name or logicalId")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help="folder to write the program to"
    )
    parser.add_argument(
        "--virtualenv", default="venv", metavar="PATH", help="virtualenv named in Pulumi.yaml (default venv)"
    )
    add_stack_arguments(parser)
    add_yes_argument(parser, "overwrite existing files in --out")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    existing = [name for name in FILES if (out / name).exists()]
    if existing and not args.yes:
        raise CliError(f"{out} already has {', '.join(existing)}; pass --yes to overwrite")
    result = read_enterprise(PulumiStack(cwd=args.cwd, stack=args.stack), args.enterprise)
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "__main__.py": program(result),
        "Pulumi.yaml": pulumi_yaml(result, args.virtualenv),
        "requirements.txt": requirements(),
        "README.md": readme(result),
    }
    for name, text in files.items():
        (out / name).write_text(text)
    print(f"wrote {len(result.resources)} resources of enterprise {result.name!r} to {out}/")
    for secret in result.secrets:
        print(f"  set before `pulumi up`: pulumi config set --secret {secret.key} ...  ({secret.what})")
    return EXIT_OK


def read_enterprise(stack: PulumiStack, wanted: str) -> ImportedEnterprise:
    """Connect as the stack (or the environment) says and read the enterprise."""
    context = provider_context()
    context.configure(stack_config(stack))
    try:
        connection = context.connect()
    except SettingsError as exc:
        raise CliError(str(exc)) from None
    with _progress() as step:
        try:
            return EnterpriseReader(connection, step).read(wanted)
        except (VcoError, VcoResourceError) as exc:
            raise CliError(f"reading enterprise {wanted!r} failed: {exc}") from None


@contextmanager
def _progress() -> Iterator[Callable[[str, int], Callable[[], None]]]:
    columns = (TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True)) as progress:

        def step(what: str, total: int) -> Callable[[], None]:
            task = progress.add_task(what, total=total)
            return lambda: progress.advance(task)

        yield step
