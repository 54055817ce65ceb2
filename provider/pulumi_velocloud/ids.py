"""The two kinds of id an Orchestrator object has, as distinct types, and reading them back from state.

Every object has a `logicalId` (a UUID string: what v2 paths take, what our Pulumi ids are)
and a numeric `id` (what every v1 portal method takes). `LogicalId` and `VcoId` are
`typing.NewType`s: passing one where the other is expected fails `mypy`, so a v1 call cannot
silently receive a logicalId, nor a v2 path a numeric id. Mapping one to the other is the
`Resolver`'s job (`pulumi_velocloud.resolver`), never done by hand.

Pulumi hands numbers in a resource's state back as floats (`12.0`): `as_int` is the one place
that turns them back into ints, and `vco_id` the one way to read a numeric id from state.
"""

from __future__ import annotations

from typing import Any, NewType

LogicalId = NewType("LogicalId", str)
VcoId = NewType("VcoId", int)


def as_int(value: Any) -> Any:
    """`value` with a whole float (as Pulumi's state returns numbers) turned into an int; else as is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def vco_id(value: Any) -> VcoId:
    """A numeric id read from a resource's state or inputs (an int, a whole float, or its text)."""
    value = as_int(value)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"a numeric VCO id is expected, not {value!r}")
    return VcoId(int(value))


def logical_id(value: Any) -> LogicalId:
    """A logicalId read from a resource's state or inputs."""
    if not isinstance(value, str) or not value:
        raise TypeError(f"a logicalId (a non-empty string) is expected, not {value!r}")
    return LogicalId(value)
