"""RFC 6902 JSON Patch for v2 PATCH operations, restricted to the paths a resource allows.

`apply_patch(document, operations, allowed)` checks every operation first (its shape, an op
the v2 `PatchSchema` lists: `add`, `remove`, `replace`, `move`, and paths inside `allowed`),
then applies them all with the `jsonpatch` library to a copy of `document`; any failure raises
`InvalidRequest` naming each bad operation, and the caller's document is never changed, so a
patch applies all-or-nothing. `test` and `copy` are refused because the spec's `PatchSchema`
does not list them.

`allowed` maps each top-level member that may be patched to `None` (the member is a value)
or to the set of its own members that may be patched (one level deeper, e.g. `site/city`).
Not implemented: array members (`/x/0`, `/x/-`); no v2 resource we emulate patches arrays.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

import jsonpatch
from jsonpointer import JsonPointer, JsonPointerException

from .errors import FieldError, InvalidRequest

OPS = ("add", "remove", "replace", "move")
_MEMBERS = {"add": {"op", "path", "value"}, "replace": {"op", "path", "value"}, "remove": {"op", "path"}}
_MEMBERS["move"] = {"op", "from", "path"}

Allowed = Mapping[str, frozenset[str] | None]


def apply_patch(document: dict[str, Any], operations: Any, allowed: Allowed) -> dict[str, Any]:
    """The patched copy of `document`; `InvalidRequest` lists every invalid operation."""
    if not isinstance(operations, list):
        raise InvalidRequest(
            "a JSON Patch document (a JSON array of operations) is required",
            [FieldError("body", "expected an array of patch operations")],
        )
    errors: list[FieldError] = []
    for index, operation in enumerate(operations):
        errors.extend(_check(index, operation, allowed))
    if errors:
        raise InvalidRequest("invalid patch: " + "; ".join(f"{e.path}: {e.message}" for e in errors), errors)
    try:
        return jsonpatch.apply_patch(copy.deepcopy(document), operations)  # type: ignore[no-any-return]
    except (jsonpatch.JsonPatchException, JsonPointerException) as exc:
        failed = getattr(exc, "op", None)
        path = failed.location if isinstance(failed, jsonpatch.PatchOperation) else "body"
        raise InvalidRequest(
            f"patch cannot be applied at {path}: {exc}", [FieldError(path, str(exc))]
        ) from None


def _check(index: int, operation: Any, allowed: Allowed) -> list[FieldError]:
    where = f"/{index}"
    if not isinstance(operation, dict):
        return [FieldError(where, "a patch operation must be a JSON object")]
    op = operation.get("op")
    if op not in OPS:
        return [FieldError(f"{where}/op", f"op {op!r} is not supported; use one of {', '.join(OPS)}")]
    errors = []
    expected = _MEMBERS[op]
    missing = sorted(expected - operation.keys())
    unknown = sorted(operation.keys() - expected)
    if missing:
        errors.append(FieldError(where, f"{op} needs {', '.join(missing)}"))
    if unknown:
        errors.append(FieldError(where, f"{op} does not take {', '.join(unknown)}"))
    for member in ("path", "from") if op == "move" else ("path",):
        if member in operation:
            message = path_error(operation[member], allowed)
            if message:
                shown = operation[member] if isinstance(operation[member], str) else f"{where}/{member}"
                errors.append(FieldError(shown, message))
    return errors


def path_error(path: Any, allowed: Allowed) -> str | None:
    """Why `path` may not be patched, or None when it may."""
    if not isinstance(path, str):
        return "path must be a string (a JSON Pointer)"
    try:
        parts = JsonPointer(path).parts
    except JsonPointerException as exc:
        return f"not a JSON Pointer: {exc}"
    patchable = ", ".join("/" + name for name in allowed)
    if not parts:
        return f"the whole resource cannot be patched; patchable paths: {patchable}"
    head, rest = parts[0], parts[1:]
    if head not in allowed:
        return f"{path} cannot be patched; patchable paths: {patchable}"
    members = allowed[head]
    if not rest:
        return None
    if members is None or len(rest) > 1 or rest[0] not in members:
        inner = "none" if members is None else ", ".join(f"/{head}/{m}" for m in sorted(members))
        return f"{path} cannot be patched; patchable paths under /{head}: {inner}"
    return None
