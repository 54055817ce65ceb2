"""The claim rule of `create_once`: only an object this create provably made is ever claimed."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from pulumi_velocloud.client.errors import ServerError
from pulumi_velocloud.client.idempotency import (
    Found,
    ObjectExisted,
    SkewBounds,
    create_once,
    made_by_this_create,
    skew_from_date,
    tighten,
)

T0 = 1_800_000_000.0  # local epoch seconds of the first send (2027-01-15T08:00:00Z)


@dataclass
class FakeClock:
    now: float = T0
    skew: SkewBounds | None = field(default_factory=lambda: SkewBounds(-0.4, 0.6))

    def wall_time(self) -> float:
        return self.now

    def clock_skew(self) -> SkewBounds | None:
        return self.skew


def test_skew_bounds_from_one_date_header() -> None:
    bounds = skew_from_date("Fri, 15 Jan 2027 08:00:00 GMT", sent=T0 - 0.25, received=T0 + 0.5)
    assert bounds == SkewBounds(low=-0.5, high=1.25)
    assert skew_from_date(None, sent=T0, received=T0) is None
    assert skew_from_date("yesterday", sent=T0, received=T0) is None


def test_bounds_tighten_and_a_moved_clock_restarts_them() -> None:
    a, b = SkewBounds(-1.0, 0.5), SkewBounds(-0.2, 0.9)
    assert tighten(a, b) == SkewBounds(-0.2, 0.5)
    assert tighten(None, a) == a and tighten(a, None) == a
    assert tighten(a, SkewBounds(100.0, 101.0)) == SkewBounds(100.0, 101.0)


@pytest.mark.parametrize(
    ("created", "skew", "ours"),
    [
        ("2027-01-15T08:00:00.250Z", SkewBounds(-0.4, 0.6), True),  # made right after the send
        ("2027-01-15T08:00:00.000Z", SkewBounds(-0.4, 0.6), True),  # whole-second `created`
        ("2027-01-15T07:59:58.900Z", SkewBounds(-0.4, 0.6), False),  # existed before the send
        ("2020-03-01T10:00:00.000Z", SkewBounds(-0.4, 0.6), False),  # the colleague's, years ago
        ("2027-01-15T08:00:30.000Z", SkewBounds(29.5, 30.5), True),  # server clock 30 s ahead
        ("2027-01-15T08:00:10.000Z", SkewBounds(29.5, 30.5), False),  # ... so this one is older
        ("2027-01-15 08:00:01", SkewBounds(-0.4, 0.6), True),  # no zone: UTC, as the API says
        (None, SkewBounds(-0.4, 0.6), False),  # no created time: cannot be shown
        ("not a time", SkewBounds(-0.4, 0.6), False),
        ("2027-01-15T08:00:01.000Z", None, False),  # no Date header ever seen: cannot be shown
    ],
)
def test_made_by_this_create(created: str | None, skew: SkewBounds | None, ours: bool) -> None:
    assert made_by_this_create(created, first_sent=T0, skew=skew) is ours


def test_an_ambiguous_create_claims_the_object_it_made() -> None:
    def create() -> str:
        raise ServerError("answer lost after commit", ambiguous=True)

    found = Found("acme-id", "2027-01-15T08:00:00.120Z")
    assert create_once(create, lambda: found, what="enterprise 'acme'", clock=FakeClock()) == "acme-id"


def test_an_ambiguous_create_never_claims_an_older_object() -> None:
    def create() -> str:
        raise ServerError("name taken, and that answer was lost", ambiguous=True)

    older = Found("colleague-id", "2026-12-24T18:00:00.000Z")
    with pytest.raises(ObjectExisted, match="set adopt=True") as raised:
        create_once(create, lambda: older, what="enterprise 'acme'", clock=FakeClock())
    assert "2026-12-24T18:00:00.000Z" in str(raised.value)
    assert not raised.value.ambiguous


def test_retries_are_judged_against_the_first_send() -> None:
    clock = FakeClock()
    sent: list[float] = []

    def create() -> str:
        sent.append(clock.now)
        clock.now += 5.0  # each attempt takes five seconds
        raise ServerError("ambiguous", ambiguous=True)

    answers = iter([None, Found("mine", "2027-01-15T08:00:02.000Z")])  # made by the first attempt
    assert create_once(create, lambda: next(answers), what="edge 'e1'", clock=clock) == "mine"
    assert sent == [T0, T0 + 5.0]
