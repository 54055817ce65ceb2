"""The emulator's one time format: ISO 8601 UTC with milliseconds, and epoch-millisecond conversions."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from vco_emulator.timestamps import epoch_ms, format_time, from_epoch_ms, utc_in, utc_now

FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def test_format_is_utc_with_milliseconds() -> None:
    moment = datetime(2024, 5, 1, 14, 0, 0, 123_999, tzinfo=timezone(timedelta(hours=2)))
    assert format_time(moment) == "2024-05-01T12:00:00.123Z"
    assert FORMAT.match(utc_now()) and FORMAT.match(utc_in(timedelta(days=1)))


def test_epoch_milliseconds_round_trip() -> None:
    assert epoch_ms("1970-01-01T00:00:01.500Z") == 1500
    assert from_epoch_ms(1_714_564_800_123) == "2024-05-01T12:00:00.123Z"
    assert epoch_ms(from_epoch_ms(1_714_564_800_123)) == 1_714_564_800_123


def test_later_times_sort_later_as_text() -> None:
    now = datetime.now(UTC)
    assert format_time(now) < utc_in(timedelta(seconds=1)) < format_time(now + timedelta(days=400))
