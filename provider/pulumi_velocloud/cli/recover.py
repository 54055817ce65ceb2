"""`velocloud recover`: bring what an interrupted `pulumi up` created into the stack's state.

When `pulumi up` dies mid-way (a CI runner lost, `kill -9`), the objects its last creates made
exist on the Orchestrator but not in the state, and the next `pulumi up` fails on each with
"... set adopt=True". After `pulumi cancel` (the state backend keeps a lock), run in the
stack's folder:

    velocloud recover            # show what would be recovered, change nothing
    velocloud recover --yes      # write it into the state, then `pulumi refresh --yes`

It asks `pulumi preview --json` which resources the program wants created, looks each up on the
Orchestrator by its natural key, and claims an object only when it can prove the interrupted
run made it (the rule every create follows, see `client/idempotency.py`): the object's `created`
time is not earlier than the moment the run's `check` saw that resource, which the engine kept
in the pending operation's inputs (`__velocloudCheckedAt`). With PULUMI_SKIP_CHECKPOINTS=true
the engine keeps nothing of an interrupted run, so pass `--since TIME`, the time (UTC, ISO 8601)
the interrupted run started (e.g. the CI job's start, `date -u +%FT%TZ`); anything created
before it is never claimed. Claimed objects are written into the state (`pulumi stack import`)
with their outputs read by the provider, pending creates whose object never came to be are
dropped, and a `pulumi refresh --yes` then reads every resource (secret outputs stored
encrypted). A plain `pulumi up` afterwards converges without duplicates.

Before anything else, on a `file://` backend, an EMPTY `<stack>.json.attrs` beside an intact
checkpoint (what a kill while the backend rewrote it leaves; every `pulumi` command then fails
with "failed to load checkpoint: EOF", `pulumi cancel` included) is removed, saying so, and
recover stops there: run `pulumi cancel --yes` and `velocloud recover --yes` again. Without
`--yes` it only says it would. Nothing else of the backend is touched (`cli/file_backend.py`).

Not recovered (reported, never claimed): objects created before the run's check or before
`--since`; firewall rules, business policies and device settings (they have no creation time).
Clocks: the time of the machine that ran the killed `pulumi up` is compared with the
Orchestrator's `created`, so both are assumed in sync (NTP) to within the skew this machine
measures; a runner clock that was ahead only makes fewer objects provable.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from ..client import VcoClient
from ..client.errors import VcoError
from ..client.idempotency import made_by_this_create
from ..context import provider_context
from . import file_backend, interrupted_run, natural_keys
from .common import EXIT_ERROR, EXIT_OK, CliError, add_json_argument, add_stack_arguments, add_yes_argument
from .connection import settings_for, stack_config
from .pulumi_stack import PulumiStack

MAX_ROUNDS = 5  # a recovered parent can make its children's inputs known: preview again


@dataclass(frozen=True)
class Verdict:
    """What recover decided for one wanted resource."""

    urn: str
    kind: str
    action: str  # claim | absent | not-ours | unproven | waits | unsupported
    reason: str
    existing: natural_keys.Existing | None = None
    wanted: interrupted_run.Wanted | None = None

    def as_json(self) -> dict[str, Any]:
        found = self.existing
        return {
            "urn": self.urn,
            "kind": self.kind,
            "action": self.action,
            "reason": self.reason,
            "id": found.pulumi_id if found else None,
            "created": found.created if found else None,
        }


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "recover",
        help="bring the objects an interrupted `pulumi up` created into the stack's state",
        description=(__doc__ or "").split("\n\n")[0],
    )
    add_stack_arguments(parser)
    add_yes_argument(parser, "write the recovered resources into the state")
    add_json_argument(parser)
    parser.add_argument(
        "--since",
        metavar="TIME",
        help="when the interrupted run started (UTC ISO 8601, e.g. 2026-01-31T12:00:00Z); needed when it "
        "ran with PULUMI_SKIP_CHECKPOINTS=true",
    )
    parser.set_defaults(run=run)


def parse_since(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise CliError(f"--since {text!r} is not an ISO 8601 time such as 2026-01-31T12:00:00Z") from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def judge(client: VcoClient, wanted: interrupted_run.Wanted, since: float | None) -> Verdict:
    """Whether the object holding this resource's natural key is provably the interrupted run's."""
    if wanted.kind not in natural_keys.FINDERS:
        return Verdict(wanted.urn, wanted.kind, "unsupported", f"{wanted.kind} has no creation time to prove")
    if wanted.has_unknowns():
        return Verdict(wanted.urn, wanted.kind, "waits", "depends on a resource that is not in the state yet")
    existing = natural_keys.find(client, wanted.kind, wanted.inputs)
    if existing is None:
        return Verdict(
            wanted.urn, wanted.kind, "absent", "not on the Orchestrator: `pulumi up` will create it"
        )
    recorded = interrupted_run.checked_at(wanted.pending.get("inputs") or {}) if wanted.pending else None
    bounds = [b for b in (since, recorded) if b is not None]
    if not bounds:
        return Verdict(
            wanted.urn,
            wanted.kind,
            "unproven",
            f"an object with its key exists (created {existing.created}) but the state has no record of "
            "when the interrupted run sent its create; pass --since <the time that run started>",
            existing,
            wanted,
        )
    bound = max(bounds)
    when = datetime.fromtimestamp(bound, UTC).isoformat(timespec="seconds")
    if not made_by_this_create(existing.created, first_sent=bound, skew=client.session.clock_skew()):
        return Verdict(
            wanted.urn,
            wanted.kind,
            "not-ours",
            f"created {existing.created}, before the interrupted run reached it ({when}): not claimed; "
            "set adopt=True if it is yours, or choose another name",
            existing,
            wanted,
        )
    return Verdict(
        wanted.urn, wanted.kind, "claim", f"created {existing.created}, after {when}", existing, wanted
    )


def run(args: argparse.Namespace) -> int:
    stack = PulumiStack(cwd=args.cwd, stack=args.stack)
    if repair_backend(stack, apply=bool(args.yes), out=sys.stderr if args.json else sys.stdout):
        return EXIT_ERROR
    stack.select()
    since = parse_since(args.since)
    settings = settings_for(stack)
    config = stack_config(stack)
    client = VcoClient(settings)
    try:
        verdicts, claimed = _rounds(stack, client, config, since, apply=bool(args.yes))
    finally:
        client.session.close()
    _report(verdicts, claimed, as_json=bool(args.json), applied=bool(args.yes))
    if any(v.action in ("not-ours", "unproven") for v in verdicts):
        return EXIT_ERROR
    return EXIT_OK


def repair_backend(stack: PulumiStack, *, apply: bool, out: TextIO) -> bool:
    """Remove (or, without `apply`, name) empty checkpoint sidecars of a `file://` backend; True when
    there was one to remove, so recover stops: the killed run's lock still needs `pulumi cancel`."""
    project = file_backend.project_name(stack.cwd) if stack.cwd.is_dir() else None
    if project is None:
        return False
    whoami = stack.run("whoami", "--verbose", "--json", check=False, stack_flag=False)
    try:
        url = str(json.loads(whoami.stdout).get("url", ""))
    except (json.JSONDecodeError, AttributeError):
        return False  # not logged in, or an old CLI: the next command says what is wrong
    root = file_backend.backend_root(url)
    if root is None:
        return False
    repairable = False
    for sidecar in file_backend.empty_sidecars(root, project, stack.stack):
        if not sidecar.repairable:
            print(f"left alone: the empty sidecar {sidecar.path}: {sidecar.why}", file=out)
            continue
        repairable = True
        if not apply:
            print(f"would remove the empty checkpoint sidecar {sidecar.path} (run with --yes)", file=out)
        elif file_backend.remove(sidecar):
            print(
                f"removed the empty checkpoint sidecar {sidecar.path} left by a killed run "
                f"({sidecar.checkpoint.name} is intact; a missing sidecar is accepted)",
                file=out,
            )
    if repairable and apply:
        print("now run `pulumi cancel --yes`, then `velocloud recover --yes` again", file=out)
    return repairable


def _rounds(
    stack: PulumiStack, client: VcoClient, config: dict[str, Any], since: float | None, *, apply: bool
) -> tuple[list[Verdict], int]:
    claimed = 0
    verdicts: list[Verdict] = []
    for _ in range(MAX_ROUNDS):
        document = stack.export()
        deployment = document.get("deployment") or {}
        preview = _preview(stack)
        wanted = interrupted_run.wanted_creates(preview, deployment)
        try:
            verdicts = [judge(client, w, since) for w in wanted]
        except VcoError as exc:
            raise CliError(f"could not look the objects up on the Orchestrator: {exc}") from None
        claims = [v for v in verdicts if v.action == "claim"]
        scaffold = interrupted_run.missing_scaffold(deployment, [v.wanted for v in claims if v.wanted])
        if apply and scaffold is not None:  # the engine makes the stack and its default provider
            stack.run("up", "--yes", "--target", scaffold)
            continue
        settled = {v.urn for v in verdicts if v.action in ("claim", "absent")}
        if not apply or not (claims or settled & set(interrupted_run.pending_creates(deployment))):
            return verdicts, claimed
        entries = [_entry(config, v) for v in claims]
        _import(stack, interrupted_run.with_recovered(document, [e for e in entries if e], settled))
        claimed += sum(1 for e in entries if e)
        if not any(v.action == "waits" for v in verdicts):
            break
    stack.run("refresh", "--yes", "--skip-pending-creates")
    return verdicts, claimed


def _preview(stack: PulumiStack) -> dict[str, Any]:
    result = stack.run("preview", "--json", check=False)
    try:
        doc = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise CliError(
            f"`pulumi preview --json` failed (exit {result.returncode}): {result.stderr[-2000:]}"
        ) from None
    if not isinstance(doc, dict):
        raise CliError("`pulumi preview --json` did not print a JSON object")
    return doc


def _entry(config: dict[str, Any], verdict: Verdict) -> dict[str, Any] | None:
    """The state entry for a claimed object, with outputs read by the resource's own provider."""
    assert verdict.wanted is not None and verdict.existing is not None
    provider = _provider(verdict.kind)
    inputs = {
        k: v
        for k, v in verdict.wanted.inputs.items()
        if v != interrupted_run.SECRET_SHOWN and not k.startswith("__")
    }
    found = verdict.existing
    props = {**inputs, "vco_id": found.vco_id}
    if found.enterprise_vco_id is not None:
        props["enterprise_vco_id"] = found.enterprise_vco_id
    provider_context().configure(config)
    result = provider.read(found.pulumi_id, props)
    if not result.outs:
        return None
    return interrupted_run.state_resource(
        verdict.wanted, found.pulumi_id, result.outs, provider.spec.secret_outputs
    )


def _provider(kind: str) -> Any:
    import pulumi_velocloud  # noqa: F401  (imports every resource, so each provider class exists)

    from ..mechanisms.provider_base import VcoProvider

    todo = list(VcoProvider.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        spec = getattr(cls, "spec", None)
        if spec is not None and spec.name == kind and not cls.__subclasses__():
            return cls()
    raise CliError(f"no provider for resource kind {kind!r}")


def _import(stack: PulumiStack, document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory(prefix="velocloud-recover-") as folder:
        path = Path(folder) / "deployment.json"
        path.write_text(json.dumps(document))
        path.chmod(0o600)
        result = stack.run("stack", "import", "--file", str(path), check=False)
    if result.returncode != 0:
        hint = (
            " (run `pulumi cancel --yes` first: the killed run still holds the lock)"
            if "lock" in (result.stderr + result.stdout)
            else ""
        )
        raise CliError(f"`pulumi stack import` failed{hint}: {result.stderr.strip()[-1500:]}")


def _report(verdicts: list[Verdict], claimed: int, *, as_json: bool, applied: bool) -> None:
    if as_json:
        print(
            json.dumps(
                {"recovered": claimed if applied else 0, "resources": [v.as_json() for v in verdicts]},
                indent=2,
            )
        )
        return
    if not verdicts:
        print("nothing to recover: the state holds every resource the program declares")
        return
    for v in verdicts:
        print(f"{v.action:11} {v.kind} {v.urn.rsplit('::', 1)[-1]}: {v.reason}")
    claims = sum(1 for v in verdicts if v.action == "claim")
    if applied:
        print(f"recovered {claimed} resource(s) into the state; `pulumi up` will now converge")
    elif claims:
        print(f"{claims} resource(s) can be recovered: run `velocloud recover --yes`")
