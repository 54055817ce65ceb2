"""What an interrupted `pulumi up` left behind, read from the state and a preview: pure functions.

`velocloud recover` uses these on the JSON of `pulumi stack export` and `pulumi preview --json`:

- `wanted_creates(preview)`: the program's resources the engine would create (not in the state),
  with their type and inputs (`[secret]` values as the preview prints them);
- `pending_creates(deployment)`: the `creating` operations a killed run left in the state, with
  the inputs the engine recorded (secrets still encrypted);
- `checked_at(inputs)`: when the provider's `check` saw the resource in that run
  (`CHECKED_AT`, local time of the machine that ran it), the earliest its create can have been sent;
- `state_resource(...)` and `with_recovered(...)`: the deployment with the recovered resources
  added (after their dependencies) and their pending operations removed.

Nothing here talks to the Orchestrator or runs `pulumi`; nothing here ever sees a plaintext
secret (secret outputs are left to the `pulumi refresh` that follows).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..mechanisms.provider_base import CHECKED_AT
from ..secret_scan import is_secret_key

TYPE_PREFIX = "pulumi-python:dynamic/velocloud:"
SECRET_SHOWN = "[secret]"
SECRET_SIG = "4dabf18193072939515e22adb298388d"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
_COPIED = (
    "urn", "custom", "type", "inputs", "parent", "provider", "dependencies", "propertyDependencies",
    "additionalSecretOutputs", "protect", "retainOnDelete", "deleteBeforeReplace", "ignoreChanges",
    "replaceOnChanges", "customTimeouts", "aliases",
)  # fmt: skip


@dataclass(frozen=True)
class Wanted:
    """A resource the program declares and the state lacks."""

    urn: str
    kind: str  # the velocloud resource name, e.g. "Edge"
    state: dict[str, Any]  # the preview's newState (urn, type, inputs, parent, provider, ...)
    pending: dict[str, Any] | None  # the killed run's pending operation's resource, if any

    @property
    def name(self) -> str:
        return self.urn.rsplit("::", 1)[-1]

    @property
    def inputs(self) -> dict[str, Any]:
        """Inputs as the preview shows them (secrets as `[secret]`)."""
        return dict(self.state.get("inputs") or {})

    def has_unknowns(self) -> bool:
        return _contains(self.inputs, UNKNOWN)


def kind_of(resource_type: str) -> str | None:
    return resource_type[len(TYPE_PREFIX) :] if resource_type.startswith(TYPE_PREFIX) else None


def pending_creates(deployment: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """URN -> the resource of each pending `creating` operation."""
    return {
        str(op["resource"]["urn"]): dict(op["resource"])
        for op in deployment.get("pending_operations") or []
        if op.get("type") == "creating" and isinstance(op.get("resource"), dict)
    }


def wanted_creates(preview: Mapping[str, Any], deployment: Mapping[str, Any]) -> list[Wanted]:
    """The velocloud resources `preview` would create, in the preview's (dependency) order."""
    pending = pending_creates(deployment)
    wanted = []
    for step in preview.get("steps") or []:
        if step.get("op") != "create":
            continue
        state = step.get("newState") or {}
        kind = kind_of(str(state.get("type", "")))
        if kind is None:
            continue
        urn = str(state.get("urn") or step.get("urn"))
        wanted.append(Wanted(urn, kind, dict(state), pending.get(urn)))
    return wanted


def checked_at(inputs: Mapping[str, Any]) -> float | None:
    """The epoch time the provider's check recorded in these inputs, if any."""
    value = inputs.get(CHECKED_AT)
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def state_inputs(wanted: Wanted) -> dict[str, Any]:
    """The inputs to record: the killed run's (secrets encrypted) or the preview's without secrets."""
    if wanted.pending is not None:
        return dict(wanted.pending.get("inputs") or {})
    return {k: v for k, v in wanted.inputs.items() if not _contains(v, SECRET_SHOWN)}


def state_resource(
    wanted: Wanted, pulumi_id: str, outputs: Mapping[str, Any], secret_outputs: Iterable[str]
) -> dict[str, Any]:
    """The state entry of a recovered resource: its recorded shape, our id, the non-secret outputs.

    Secret outputs (and secret-looking ones) are left out: the `pulumi refresh` that follows
    reads them and the engine stores them encrypted.
    """
    base = wanted.pending if wanted.pending is not None else wanted.state
    entry = {k: copy.deepcopy(base[k]) for k in _COPIED if k in base}
    entry["inputs"] = state_inputs(wanted)
    entry["custom"] = True
    entry["id"] = pulumi_id
    hidden = set(secret_outputs) | set(entry.get("additionalSecretOutputs") or [])
    entry["outputs"] = {
        k: copy.deepcopy(v) for k, v in outputs.items() if k not in hidden and not is_secret_key(k)
    }
    if "__provider" in entry["inputs"]:
        entry["outputs"]["__provider"] = entry["inputs"]["__provider"]
    return entry


def missing_scaffold(deployment: Mapping[str, Any], wanted: Iterable[Wanted]) -> str | None:
    """The stack URN to `pulumi up --target` when the state lacks the stack or provider resource the
    wanted resources refer to (a first run killed with PULUMI_SKIP_CHECKPOINTS kept neither)."""
    known = {str(r.get("urn")) for r in deployment.get("resources") or []}
    for item in wanted:
        parent = item.state.get("parent")
        provider = str(item.state.get("provider") or "").rsplit("::", 1)[0]
        if (parent and parent not in known) or (provider and provider not in known):
            return str(parent) if parent and "pulumi:pulumi:Stack" in str(parent) else _stack_urn(item.urn)
    return None


def _stack_urn(urn: str) -> str:
    """The Stack resource's URN in the project and stack of `urn` (`urn:pulumi:S::P::...`)."""
    stack, project = urn.split(":", 3)[2].split("::")[0], urn.split("::")[1]
    return f"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack::{project}-{stack}"


def with_recovered(
    document: Mapping[str, Any], recovered: list[dict[str, Any]], settled: Iterable[str]
) -> dict[str, Any]:
    """The exported document with `recovered` resources appended in dependency order and the
    pending operations of the `settled` URNs (recovered, or whose create never happened) removed."""
    out = copy.deepcopy(dict(document))
    deployment = out["deployment"]
    done = set(settled)
    resources = list(deployment.get("resources") or [])
    known = {str(r.get("urn")) for r in resources}
    remaining = list(recovered)
    while remaining:
        ready = [r for r in remaining if all(d in known for d in _needs(r) if d in _urns(remaining))]
        if not ready:  # a cycle cannot happen in a Pulumi program; keep the given order
            ready = remaining[:1]
        for r in ready:
            resources.append(r)
            known.add(str(r["urn"]))
            remaining.remove(r)
    deployment["resources"] = resources
    ops = [
        op
        for op in deployment.get("pending_operations") or []
        if not (op.get("type") == "creating" and str((op.get("resource") or {}).get("urn")) in done)
    ]
    if ops:
        deployment["pending_operations"] = ops
    else:
        deployment.pop("pending_operations", None)
    return out


def _urns(resources: list[dict[str, Any]]) -> set[str]:
    return {str(r.get("urn")) for r in resources}


def _needs(resource: Mapping[str, Any]) -> list[str]:
    needs = [str(d) for d in resource.get("dependencies") or []]
    if resource.get("parent"):
        needs.append(str(resource["parent"]))
    return needs


def _contains(value: Any, needle: str) -> bool:
    if isinstance(value, dict):
        if SECRET_SIG in value:
            return needle == SECRET_SHOWN
        return any(_contains(v, needle) for v in value.values())
    if isinstance(value, list):
        return any(_contains(v, needle) for v in value)
    return bool(value == needle)
