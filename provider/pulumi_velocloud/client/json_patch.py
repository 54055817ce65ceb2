"""RFC 6902 JSON Patch documents built from the difference of two JSON documents (pure).

Objects are compared key by key (nested objects recurse); arrays and scalars that differ
are replaced whole, which keeps patches valid whatever the server does with array order.
Paths escape `~` and `/` as RFC 6901 requires.
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
