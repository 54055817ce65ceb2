"""create_once: an ambiguous create is recovered by its natural key, never duplicated."""

from __future__ import annotations

import pytest

from pulumi_velocloud.client.errors import InvalidRequest, ServerError
from pulumi_velocloud.client.idempotency import Found, SkewBounds, create_once

NOW = 1_800_000_000.0


class Clock:
    """The local clock at NOW, and the Orchestrator's within half a second of it."""

    def wall_time(self) -> float:
        return NOW

    def clock_skew(self) -> SkewBounds:
        return SkewBounds(-0.5, 0.5)


CLOCK = Clock()
JUST_MADE = "2027-01-15T08:00:00.500Z"  # NOW on the Orchestrator's clock, a moment later


def test_ambiguous_failure_that_did_create_returns_the_existing_object() -> None:
    store: list[str] = []

    def create() -> str:
        store.append("acme")  # the server did it...
        raise ServerError("502 after commit", ambiguous=True)  # ...but the answer was lost

    def find() -> Found[str] | None:
        return Found(store[0], JUST_MADE) if store else None

    assert create_once(create, find, what="enterprise", clock=CLOCK) == "acme"
    assert store == ["acme"]


def test_ambiguous_failure_that_did_not_create_is_sent_again() -> None:
    calls: list[int] = []

    def create() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise ServerError("dropped before commit", ambiguous=True)
        return "acme"

    assert create_once(create, lambda: None, what="enterprise", clock=CLOCK) == "acme"
    assert len(calls) == 2


def test_definite_failures_are_raised_without_lookup() -> None:
    def create() -> str:
        raise InvalidRequest("bad name")

    def find() -> Found[str] | None:
        raise AssertionError("no lookup after a definite failure")

    with pytest.raises(InvalidRequest):
        create_once(create, find, what="enterprise", clock=CLOCK)


def test_gives_up_after_max_attempts() -> None:
    def create() -> str:
        raise ServerError("always ambiguous", ambiguous=True)

    with pytest.raises(ServerError):
        create_once(create, lambda: None, what="enterprise", clock=CLOCK, max_attempts=2)
