"""Managed paths of a JSON document: which keys a resource owns, reading them, setting and restoring them.

A resource that manages part of a larger document (a profile's device settings) keeps the
list of *managed paths*: RFC 6901 JSON Pointers whose segments may also select an array
element by a key instead of by position, written `[name=<json value>]`, e.g.
`/lan/networks/[vlanId=10]/dhcp/enabled` or `/segments/[segment.name="Global Segment"]/dns`.
Selecting by key keeps a path valid when other elements are added, removed or reordered
by hand. The keyed arrays are configured per document (`KeyedArrays`).

A *fragment* is a sparse document holding only the keys the user declares; `flatten`
turns it into `{path: value}`: objects are descended, keyed arrays are descended by key,
everything else (scalars, other arrays, empty objects) is a leaf owned whole.

`apply` sets managed values on a copy of the current document and records, per path,
what it held before (`Snapshot`: the old value, or that it did not exist); `restore`
puts those back (or removes what did not exist), so unmanaging a key returns it to the
state it had before the resource took it over. Pure functions, no I/O.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MISSING: Any = object()


@dataclass(frozen=True)
class KeyedArrays:
    """Which arrays are addressed by a key: unkeyed path patterns (`*` = any element) -> key.

    A key may be dotted to name a nested field (`segment.name`).
    """

    keys: Mapping[tuple[str, ...], str]

    def key_for(self, pattern: tuple[str, ...]) -> str | None:
        return self.keys.get(pattern)


# -- pointers --------------------------------------------------------------------------


def escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def selector(key: str, value: Any) -> str:
    return f"[{key}={json.dumps(value, sort_keys=True)}]"


def parse_selector(part: str) -> tuple[str, Any] | None:
    """`[k=v]` -> (k, v); None for a plain segment."""
    if not (part.startswith("[") and part.endswith("]") and "=" in part):
        return None
    key, _, raw = part[1:-1].partition("=")
    try:
        return key, json.loads(raw)
    except json.JSONDecodeError:
        return None


def split(path: str) -> list[str]:
    if path == "":
        return []
    if not path.startswith("/"):
        raise ValueError(f"{path!r} is not a JSON Pointer (it must start with '/')")
    return [unescape(p) for p in path[1:].split("/")]


def join(parts: Iterable[str]) -> str:
    return "".join("/" + escape(p) for p in parts)


def is_prefix(prefix: str, path: str) -> bool:
    """Whether `prefix` is `path` or one of its ancestors."""
    return path == prefix or path.startswith(prefix + "/")


def _key_value(element: Any, key: str) -> Any:
    value = element
    for name in key.split("."):
        if not isinstance(value, dict) or name not in value:
            return MISSING
        value = value[name]
    return value


def _index(array: list[Any], key: str, value: Any) -> int | None:
    for i, element in enumerate(array):
        found = _key_value(element, key)
        if found is not MISSING and found == value and type(found) is type(value):
            return i
    return None


# -- fragments -------------------------------------------------------------------------


def flatten(fragment: Mapping[str, Any], arrays: KeyedArrays) -> dict[str, Any]:
    """`{path: value}` of every leaf of a sparse document (see the module docstring)."""
    out: dict[str, Any] = {}

    def walk(value: Any, parts: list[str], pattern: tuple[str, ...]) -> None:
        key = arrays.key_for(pattern) if isinstance(value, list) else None
        if isinstance(value, Mapping) and value:
            for name, item in value.items():
                walk(item, [*parts, name], (*pattern, name))
        elif key is not None:
            for element in value:
                key_value = _key_value(element, key)
                if key_value is MISSING:
                    raise ValueError(f"an element of {join(parts)} has no {key}")
                for name, item in element.items():
                    walk(item, [*parts, selector(key, key_value), name], (*pattern, "*", name))
        else:
            out[join(parts)] = copy.deepcopy(value)

    for name, item in fragment.items():
        walk(item, [name], (name,))
    return out


def overlaps(paths: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of paths where one is the other or its ancestor (two inputs would own one key)."""
    ordered = sorted(paths)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :] if is_prefix(a, b)]


# -- reading ---------------------------------------------------------------------------


def get(document: Any, path: str) -> Any:
    """The value at `path`, or MISSING."""
    value = document
    for part in split(path):
        sel = parse_selector(part)
        if isinstance(value, list) and sel is not None:
            i = _index(value, *sel)
            if i is None:
                return MISSING
            value = value[i]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return MISSING
    return value


def read(document: Any, paths: Iterable[str]) -> dict[str, Any]:
    """`{path: value}` of the managed paths present in `document` (absent ones are left out)."""
    out = {}
    for path in paths:
        value = get(document, path)
        if value is not MISSING:
            out[path] = copy.deepcopy(value)
    return out


def matches(desired: Any, actual: Any) -> bool:
    """Whether an actual value satisfies a desired one.

    Objects compare on the keys the user declares (the Orchestrator may add its own);
    arrays compare element by element, in order; numbers compare by value.
    """
    if isinstance(desired, Mapping):
        return isinstance(actual, Mapping) and all(
            matches(v, actual.get(k, MISSING)) for k, v in desired.items()
        )
    if isinstance(desired, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(desired)
            and all(matches(d, a) for d, a in zip(desired, actual, strict=True))
        )
    if isinstance(desired, bool) or isinstance(actual, bool):
        return desired is actual
    if isinstance(desired, int | float) and isinstance(actual, int | float):
        return float(desired) == float(actual)
    return bool(desired == actual)


# -- writing ---------------------------------------------------------------------------


@dataclass
class Snapshot:
    """What managed paths held before this resource set them."""

    original: dict[str, Any] = field(default_factory=dict)  # path -> old value
    created: list[str] = field(default_factory=list)  # paths that did not exist (removed on restore)

    def covers(self, path: str) -> bool:
        return any(is_prefix(p, path) for p in [*self.original, *self.created])

    def to_json(self) -> dict[str, Any]:
        return {"original": dict(self.original), "created": list(self.created)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Snapshot:
        data = data or {}
        return cls(dict(data.get("original") or {}), list(data.get("created") or []))


def _container_for(next_part: str) -> Any:
    return [] if parse_selector(next_part) is not None else {}


def _new_element(part: str) -> dict[str, Any]:
    sel = parse_selector(part)
    assert sel is not None
    key, value = sel
    element: dict[str, Any] = {}
    target = element
    names = key.split(".")
    for name in names[:-1]:
        target = target.setdefault(name, {})
    target[names[-1]] = value
    return element


def set_value(document: dict[str, Any], path: str, value: Any, snapshot: Snapshot | None = None) -> None:
    """Set `path` in `document` (in place), creating missing objects and keyed elements.

    With a snapshot, the first missing step (or the old value) is recorded unless an
    ancestor is already recorded.
    """
    parts = split(path)
    record = snapshot is not None and not snapshot.covers(path)
    node: Any = document
    for depth, part in enumerate(parts):
        last = depth == len(parts) - 1
        here = join(parts[: depth + 1])
        sel = parse_selector(part)
        if sel is not None:
            if not isinstance(node, list):
                raise ValueError(f"{join(parts[:depth])} is not an array; cannot select {part}")
            i = _index(node, *sel)
            if i is None:
                if record and snapshot is not None:
                    snapshot.created.append(here)
                    record = False
                node.append(_new_element(part))
                i = len(node) - 1
            if last:
                node[i] = copy.deepcopy(value)
            else:
                node = node[i]
            continue
        if not isinstance(node, dict):
            raise ValueError(f"{join(parts[:depth]) or '/'} is not an object; cannot set {part}")
        if part not in node:
            if record and snapshot is not None:
                snapshot.created.append(here)
                record = False
            node[part] = copy.deepcopy(value) if last else _container_for(parts[depth + 1])
        elif node[part] is None and not last:  # a null section: filled in, restored to null
            if record and snapshot is not None:
                snapshot.original[here] = None
                record = False
            node[part] = _container_for(parts[depth + 1])
        elif last:
            if record and snapshot is not None:
                snapshot.original[here] = copy.deepcopy(node[part])
            node[part] = copy.deepcopy(value)
        node = node[part]


def remove(document: Any, path: str) -> None:
    """Remove `path` from `document` (in place) if it is there."""
    parts = split(path)
    parent = get(document, join(parts[:-1])) if parts[:-1] else document
    last = parts[-1]
    sel = parse_selector(last)
    if isinstance(parent, list) and sel is not None:
        i = _index(parent, *sel)
        if i is not None:
            del parent[i]
    elif isinstance(parent, dict):
        parent.pop(last, None)


def restore(document: dict[str, Any], snapshot: Snapshot, paths: Iterable[str] | None = None) -> None:
    """Put back what `snapshot` recorded (for `paths`, or all), in place; forget it in `snapshot`."""
    chosen = set(paths) if paths is not None else {*snapshot.original, *snapshot.created}
    for path in sorted(p for p in snapshot.original if p in chosen):
        set_value(document, path, snapshot.original.pop(path))
    for path in sorted((p for p in snapshot.created if p in chosen), key=lambda p: len(split(p))):
        remove(document, path)
    snapshot.created = [p for p in snapshot.created if p not in chosen]


def unmanaged_records(snapshot: Snapshot, managed: Iterable[str]) -> list[str]:
    """Recorded paths no longer an ancestor-or-self of any managed path (to restore)."""
    managed = list(managed)
    return [p for p in [*snapshot.original, *snapshot.created] if not any(is_prefix(p, m) for m in managed)]
