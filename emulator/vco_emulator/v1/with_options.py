"""v1 `with` options: what each value of a method's `with` list adds to the objects it returns.

The v1 spec gives 22 read methods a `with` list (an enum per method); each value asks the
Orchestrator to add related data to every object of the result (an enterprise's `edges`, a
profile's `modules`, ...). A method module registers, per method and value, a function
`(tx, record) -> fields to add` with `@adds(method, value)`, and builds each object of its
result with `expand(tx, method, record, body, requested)`. Values the spec lists but whose
result schema has no field to show them in are declared with `not_shown(...)` and a reason;
`tests/unit/test_v1_with_options.py` proves that every `with` value of every implemented
method is one or the other, and `tests/emulator/test_v1_with_options.py` that each one adds
its fields over HTTP. Values outside the spec's list are ignored, as a lenient server would.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from ..domain.errors import FieldError, InvalidRequest
from ..store import Record, Tx

Add = Callable[[Tx, Record], dict[str, Any]]

ADDS: dict[str, dict[str, Add]] = {}
NOT_SHOWN: dict[str, dict[str, str]] = {}


def adds(method: str, *options: str) -> Callable[[Add], Add]:
    """Register `fn` as what the `with` values `options` of v1 `method` add to each object."""

    def register(fn: Add) -> Add:
        for option in options:
            ADDS.setdefault(method, {})[option] = fn
        return fn

    return register


def not_shown(method: str, reason: str, *options: str) -> None:
    """Declare `with` values of `method` accepted without adding anything, and why."""
    for option in options:
        NOT_SHOWN.setdefault(method, {})[option] = reason


def constant(key: str, value: Any) -> Add:
    """An option that always adds `key: value` (a fresh copy): for data that is not emulated."""

    def add(tx: Tx, record: Record) -> dict[str, Any]:
        return {key: copy.deepcopy(value)}

    return add


def expand(
    tx: Tx, method: str, record: Record, body: dict[str, Any], requested: Iterable[str]
) -> dict[str, Any]:
    """`body` (the object `record` as `method` shows it) with what the `requested` values add."""
    registered = ADDS.get(method, {})
    for option in dict.fromkeys(requested):
        add = registered.get(option)
        if add is not None:
            body.update(add(tx, record))
    return body


def requested(params: dict[str, Any]) -> list[str]:
    """The `with` list of a method's params (for methods that take no other checked params)."""
    value = params.get("with")
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidRequest(
            f"with must be a list of strings, got {value!r}", [FieldError("with", "a list of strings")]
        )
    return value
