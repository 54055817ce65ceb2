"""Times as the Orchestrator writes them: ISO 8601 UTC with milliseconds (`2024-05-01T12:00:00.000Z`).

One format everywhere the emulator stores or shows a time, so stored times compare as text.
Parsing of times a client sends (filters, query parameters) is not here.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def format_time(moment: datetime) -> str:
    """`moment` (timezone-aware) in the Orchestrator's format."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def utc_now() -> str:
    """The current time in the Orchestrator's format."""
    return format_time(datetime.now(UTC))


def utc_in(delta: timedelta) -> str:
    """The time `delta` from now, in the Orchestrator's format."""
    return format_time(datetime.now(UTC) + delta)


def epoch_ms(timestamp: str) -> int:
    """Milliseconds since the epoch of a time in the Orchestrator's format."""
    moment = datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def from_epoch_ms(milliseconds: int) -> str:
    """A time given in epoch milliseconds, in the Orchestrator's format."""
    return format_time(datetime.fromtimestamp(milliseconds / 1000, UTC))
