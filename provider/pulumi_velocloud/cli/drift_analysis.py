"""Turn a stack's checkpoint and its `pulumi preview --refresh --json` into drift and pending changes.

Pure functions over the two JSON documents. Why both: the dynamic provider's diff says *that* a
resource changes but not *which* fields (no `detailedDiff` in the preview), and the refresh steps
of the preview do not carry the refreshed outputs. So for each resource the preview would
update or replace:
- drift = outputs that differ between the checkpoint taken before the preview (what the last
  `up`/refresh recorded) and the refreshed outputs in the step's `oldState`, shown as
  declared (the program's input of that name, else the last recorded value) -> found;
- pending = inputs that differ between the checkpoint and the program (`newState.inputs`):
  a change in code not applied yet, not something done on the Orchestrator.
A resource the checkpoint had and the preview would create again was deleted out of band.

Secrets: Pulumi prints every secret as "[secret]" in the preview and ciphertext in the
export; both become "[secret]" here, as does any output the resource lists in
`additionalSecretOutputs`, so no secret value reaches the report. Two secret values cannot be
compared: when a resource changes and no visible field differs, the report says a value not
shown (a secret) differs. Output-only fields the Orchestrator moves by itself (edge state,
software version) are not drift: only outputs named like an input count, unless no such field
differs, then every differing output is listed.
"""

from __future__ import annotations

from typing import Any

from .drift_report import SECRET, FieldDrift, PendingChange, ResourceDrift
from .stack_state import kind_of, name_of

# Pulumi's marker of a secret value in state (`4dabf18193072939515e22adb298388d` = "secret").
_SIG_KEY = "4dabf18193072939515e22adb298388d"
_SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
# `adopt` only matters at create; `__`-keys are the engine's and the provider's own (the pickled
# provider, check's bookkeeping, secrets split off raw sections), never the user's declaration.
_IGNORED_INPUTS = frozenset({"adopt"})
_REPLACE_OPS = {"replace", "create-replacement", "delete-replaced"}
_NOT_SHOWN = "(a value not shown: secret)"


def masked(value: Any, secret_keys: frozenset[str] = frozenset(), key: str | None = None) -> Any:
    """`value` with every secret (Pulumi's marker, or a key in `secret_keys`) replaced by [secret]."""
    if key is not None and key in secret_keys:
        return SECRET
    if isinstance(value, dict):
        if value.get(_SIG_KEY) == _SECRET_SIG:
            return SECRET
        return {k: masked(v, secret_keys) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v, secret_keys) for v in value]
    return value


def _same(a: Any, b: Any) -> bool:
    """Equal, with ints and floats compared as numbers (Pulumi hands numbers back as floats)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def differing(before: dict[str, Any], after: dict[str, Any], prefix: str = "") -> list[tuple[str, Any, Any]]:
    """(path, before, after) for every key whose value differs; dicts are followed, lists compared whole.

    A secret on either side never differs (it cannot be compared)."""
    out: list[tuple[str, Any, Any]] = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        path = key if key.startswith("/") or not prefix else f"{prefix}.{key}"
        if a == SECRET or b == SECRET:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(differing(a, b, path))
        elif not _same(a, b):
            out.append((path, a, b))
    return out


def _lookup(doc: Any, path: str) -> tuple[bool, Any]:
    if path in (doc if isinstance(doc, dict) else {}):
        return True, doc[path]
    head, _, rest = path.partition(".")
    if isinstance(doc, dict) and head in doc and rest:
        return _lookup(doc[head], rest)
    return False, None


def _clean(values: dict[str, Any] | None, secret_keys: frozenset[str]) -> dict[str, Any]:
    return {
        k: masked(v, secret_keys, k)
        for k, v in (values or {}).items()
        if k not in _IGNORED_INPUTS and not k.startswith("__")
    }


def analyse(
    export: dict[str, Any], preview: dict[str, Any]
) -> tuple[int, list[ResourceDrift], list[PendingChange]]:
    """(velocloud resources checked, drift, pending changes) of one refresh-preview."""
    prior = {
        str(r.get("urn")): r
        for r in (export.get("deployment") or {}).get("resources") or []
        if kind_of(str(r.get("type", ""))) and not r.get("delete")
    }
    drift: list[ResourceDrift] = []
    pending: list[PendingChange] = []
    seen: set[str] = set()
    for step in preview.get("steps") or []:
        op, urn = str(step.get("op")), str(step.get("urn", ""))
        state = step.get("newState") or step.get("oldState") or {}
        kind = kind_of(str(state.get("type", "")))
        if kind is None or op in ("same", "refresh", "read") or urn in seen:
            continue
        seen.add(urn)
        name = name_of(urn)
        before = prior.get(urn)
        if op == "create":
            if before is not None:
                drift.append(
                    ResourceDrift(type=kind, name=name, urn=urn, id=before.get("id"), status="deleted")
                )
            else:
                pending.append(PendingChange(type=kind, name=name, urn=urn, op="create"))
            continue
        if op in ("delete", "discard"):
            pending.append(PendingChange(type=kind, name=name, urn=urn, op="delete"))
            continue
        if op not in _REPLACE_OPS and op != "update":
            continue
        replace = op in _REPLACE_OPS
        fields, changed_inputs = _fields(step, before)
        if changed_inputs:
            pending.append(
                PendingChange(
                    type=kind,
                    name=name,
                    urn=urn,
                    op="replace" if replace else "update",
                    fields=changed_inputs,
                )
            )
        if fields or not changed_inputs:
            drift.append(
                ResourceDrift(
                    type=kind,
                    name=name,
                    urn=urn,
                    id=(step.get("oldState") or {}).get("id"),
                    status="changed",
                    replace=replace,
                    fields=fields or [FieldDrift(field=_NOT_SHOWN, declared=SECRET, found=SECRET)],
                )
            )
    return len(prior), drift, pending


def _fields(step: dict[str, Any], before: dict[str, Any] | None) -> tuple[list[FieldDrift], list[str]]:
    old, new = step.get("oldState") or {}, step.get("newState") or {}
    secret_keys = frozenset(old.get("additionalSecretOutputs") or new.get("additionalSecretOutputs") or [])
    declared = _clean(new.get("inputs"), frozenset())
    found = _clean(old.get("outputs"), secret_keys)
    recorded = _clean((before or {}).get("outputs"), secret_keys)
    recorded_inputs = _clean((before or {}).get("inputs"), frozenset())
    changed_inputs = [path for path, _, _ in differing(recorded_inputs, declared)]
    changes = differing(recorded, found)
    named = [c for c in changes if _lookup(declared, c[0])[0]]
    fields = []
    for path, last, now in named or changes:
        has, value = _lookup(declared, path)
        fields.append(FieldDrift(field=path, declared=value if has else last, found=now))
    return fields, changed_inputs
