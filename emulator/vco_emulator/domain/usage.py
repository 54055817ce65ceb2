"""Where enterprise objects are used: which profiles' configuration modules reference them.

Segments and object groups cannot be deleted while a profile uses them; the Orchestrator
answers with the profiles that do. A module references an object when its document
(`data["data"]`) or its `refs` mention the object, as tested by a predicate on the JSON.

Not implemented: usage by edges other than through their edge-specific profiles, partner
gateway hand-offs and other enterprise-level references.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..store import Record, Tx
from . import kinds

Predicate = Callable[[Any], bool]


def walk(document: Any) -> Iterator[Any]:
    """Every value of a JSON document, depth first, the document itself included."""
    stack = [document]
    while stack:
        value = stack.pop()
        yield value
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def mentions(document: Any, predicate: Predicate) -> bool:
    return any(predicate(value) for value in walk(document))


def referencing_modules(tx: Tx, enterprise_id: int, predicate: Predicate) -> list[Record]:
    """The configuration modules of an enterprise whose document or refs satisfy `predicate`."""
    return [
        module
        for module in tx.find(kinds.PROFILE_MODULE, enterprise_id=enterprise_id)
        if mentions(module.data.get("data"), predicate) or mentions(module.data.get("refs"), predicate)
    ]


def profiles_of(tx: Tx, modules: list[Record]) -> list[Record]:
    """The distinct profiles (`configuration` rows) the modules belong to, in id order."""
    ids = sorted(
        {int(m.data["configurationId"]) for m in modules if m.data.get("configurationId") is not None}
    )
    found = (tx.get(kinds.PROFILE, id=i) for i in ids)
    return [p for p in found if p is not None]


def describe_profiles(profiles: list[Record]) -> str:
    """`'Quick Start Profile' (id 3), ...` for an error message."""
    return ", ".join(f"{p.name!r} (id {p.id})" for p in profiles)
