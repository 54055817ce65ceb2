"""RFC 6902 JSON Patch documents built from the difference of two JSON documents (pure).

Objects are compared key by key (nested objects recurse); arrays and scalars that differ
are replaced whole, which keeps patches valid whatever the server does with array order.
Paths escape `~` and `/` as RFC 6901 requires. `reached` tells whether a document already
shows what a patch writes (to judge a write whose answer was lost); `changed_elsewhere` lists
what changed outside the paths a patch writes (to verify that nobody else's change was lost).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def pointer(path: list[str]) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in path)


def diff(
    old: Mapping[str, Any], new: Mapping[str, Any], *, prefix: list[str] | None = None
) -> list[dict[str, Any]]:
    """The patch operations that turn `old` into `new`."""
    prefix = prefix or []
    ops: list[dict[str, Any]] = []
    for key in old:
        if key not in new:
            ops.append({"op": "remove", "path": pointer([*prefix, key])})
    for key, value in new.items():
        path = [*prefix, key]
        if key not in old:
            ops.append({"op": "add", "path": pointer(path), "value": value})
        elif isinstance(old[key], Mapping) and isinstance(value, Mapping):
            ops.extend(diff(old[key], value, prefix=path))
        elif old[key] != value or type(old[key]) is not type(value):
            ops.append({"op": "replace", "path": pointer(path), "value": value})
    return ops


def _resolve(document: Any, path: str) -> tuple[bool, Any]:
    """(True, value) at an RFC 6901 pointer, or (False, None) when it does not exist."""
    node = document
    for raw in path.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False, None
    return True, node


def _covers(want: Any, have: Any) -> bool:
    """`have` holds everything `want` holds (the server may add fields of its own)."""
    if isinstance(want, Mapping):
        return isinstance(have, Mapping) and all(k in have and _covers(v, have[k]) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(have, list) and len(want) == len(have) and all(map(_covers, want, have))
    return bool(want == have)


def reached(document: Mapping[str, Any], target: Mapping[str, Any], patch: list[dict[str, Any]]) -> bool:
    """Whether `document` already shows what `patch` (which turns something into `target`) writes."""
    for op in patch:
        exists, have = _resolve(document, op["path"])
        if op["op"] == "remove":
            if exists:
                return False
            continue
        wanted_exists, want = _resolve(target, op["path"])
        if not exists or not wanted_exists or not _covers(want, have):
            return False
    return True


def changed_elsewhere(
    before: Mapping[str, Any], after: Mapping[str, Any], patch: list[dict[str, Any]]
) -> list[str]:
    """Pointers of values of `before`, outside every path `patch` writes, that `after` no longer
    holds as they were (objects are followed key by key, arrays compared whole)."""
    written = [op["path"] for op in patch]
    changed: list[str] = []

    def walk(old: Any, new: Any, path: list[str], present: bool) -> None:
        here = pointer(path)
        if any(here == w or here.startswith(w + "/") for w in written):
            return
        if not present:
            changed.append(here)
        elif isinstance(old, Mapping) and isinstance(new, Mapping):
            for key, value in old.items():
                walk(value, new.get(key), [*path, key], key in new)
        elif old != new and not any(w.startswith(here + "/") for w in written):
            changed.append(here or "/")

    walk(before, after, [], True)
    return changed
