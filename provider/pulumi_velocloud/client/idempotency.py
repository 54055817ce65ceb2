"""Creates that never duplicate, and never claim an object that existed before they were sent.

A non-idempotent create (v2 POST, v1 insert/provision/clone) that fails after the request
was sent (timeout, dropped connection, 5xx) may or may not have been carried out. Sending it
again blindly could make a duplicate; not sending it again could lose it. So `create_once`
looks the object up by its natural key (its name within its parent) and decides:

- nothing found: the create did not happen; it is sent again (at most `max_attempts` times);
- found, and its `created` time is not earlier than the moment our first attempt was sent,
  on the Orchestrator's clock: this create made it, and it is returned;
- found, but created earlier, or with no readable `created` time: it existed before our
  create was sent (the create was most likely refused for the taken name and that answer was
  lost). It is never claimed: `ObjectExisted` is raised, saying to set `adopt=True`.

Clock skew. The Orchestrator's clock is related to ours through the `Date` header of every
answer: `skew_from_date` turns one exchange into bounds on (server clock - local clock) and
`tighten` keeps the narrowest bounds seen so far (`ApiSession` does it on every response).
Our send happened on the server's clock no earlier than `sent + skew.low`, and the comparison
is made at whole seconds (`made_by_this_create`), because `Date` has that resolution and some
Orchestrators write `created` that way. Times without a zone are read as UTC, as the API
documents them.

What remains possible (not solved): an object with the same key that someone else created
less than about one second plus one round trip before our create was sent, and whose
conflicting answer to us was lost, would be claimed. A server with no `Date` header gives no
skew bounds, and then nothing found after an ambiguous failure is ever claimed (fail safe).
Everything here is pure: the wall clock and the skew come from a `ClaimClock`.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Generic, Protocol, TypeVar

from .errors import VcoError

T = TypeVar("T")
log = logging.getLogger("pulumi_velocloud.client")


@dataclass(frozen=True)
class SkewBounds:
    """Bounds, in seconds, on (the Orchestrator's clock - the local clock)."""

    low: float
    high: float


@dataclass(frozen=True)
class Found(Generic[T]):
    """An object found by its natural key, with its `created` time as the Orchestrator wrote it."""

    value: T
    created: str | None


class ClaimClock(Protocol):
    """The local wall clock and the measured skew to the Orchestrator's clock."""

    def wall_time(self) -> float: ...

    def clock_skew(self) -> SkewBounds | None: ...


class ObjectExisted(VcoError):
    """An object with the create's natural key existed before the create was sent: never claimed."""


def skew_from_date(date_header: str | None, *, sent: float, received: float) -> SkewBounds | None:
    """Skew bounds from one exchange: the server stamped `Date` (whole seconds) between our
    local `sent` and `received` times. None when the header is missing or unreadable."""
    if not date_header:
        return None
    try:
        stamped = parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return None
    if stamped.tzinfo is None:
        stamped = stamped.replace(tzinfo=UTC)
    second = stamped.timestamp()
    return SkewBounds(low=second - received, high=second + 1.0 - sent)


def tighten(current: SkewBounds | None, new: SkewBounds | None) -> SkewBounds | None:
    """The narrowest bounds both agree on; the new ones alone when they contradict (a clock moved)."""
    if new is None:
        return current
    if current is None:
        return new
    low, high = max(current.low, new.low), min(current.high, new.high)
    return SkewBounds(low, high) if low <= high else new


def parse_created(created: str | None) -> float | None:
    """An Orchestrator time (`2026-01-31T12:00:00.000Z`, zone-less read as UTC) as epoch seconds."""
    if not created:
        return None
    try:
        moment = datetime.fromisoformat(created.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def earliest_send_on_server(sent: float, skew: SkewBounds) -> float:
    """The earliest time, on the Orchestrator's clock and in whole seconds, of a local `sent`."""
    return float(math.floor(sent + skew.low))


def made_by_this_create(created: str | None, *, first_sent: float, skew: SkewBounds | None) -> bool:
    """Whether an object created at `created` (server clock) can only have been made by a create
    first sent at local time `first_sent`; False whenever that cannot be shown."""
    moment = parse_created(created)
    if moment is None or skew is None:
        return False
    return moment >= earliest_send_on_server(first_sent, skew)


def create_once(
    create: Callable[[], T],
    find_existing: Callable[[], Found[T] | None],
    *,
    what: str,
    clock: ClaimClock,
    max_attempts: int = 3,
) -> T:
    """Run `create`; after an ambiguous failure, claim what `find_existing` finds only when this
    create provably made it (see the module docstring), else send it again or raise."""
    attempt = 0
    first_sent: float | None = None
    while True:
        attempt += 1
        sent = clock.wall_time()
        first_sent = sent if first_sent is None else first_sent
        try:
            return create()
        except VcoError as exc:
            if not exc.ambiguous:
                raise
            found = find_existing()
            if found is not None:
                if made_by_this_create(found.created, first_sent=first_sent, skew=clock.clock_skew()):
                    log.info(
                        "%s: the create that failed (%s) had been carried out; using the object",
                        what,
                        exc.message,
                    )
                    return found.value
                when = found.created or "at an unknown time"
                raise ObjectExisted(
                    f"{what} already exists on the Orchestrator (created {when}, before this create was "
                    "sent; the create's answer was lost) and is not managed by this "
                    "stack: set adopt=True to manage it, or choose another name",
                    operation=exc.operation,
                    method=exc.method,
                    url=exc.url,
                ) from None
            if attempt >= max_attempts:
                raise
            log.info(
                "%s: create failed ambiguously (%s) and did not happen; sending it again", what, exc.message
            )
