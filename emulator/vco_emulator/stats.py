"""Request counters for the admin `stats` route: by operation, by status, and writes."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any


class Stats:
    """Thread-safe counts of emulated-API requests since the last reset."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_operation: Counter[str] = Counter()
        self._by_status: Counter[str] = Counter()
        self._writes = 0

    def record(self, operation: str, status: int, *, write: bool) -> None:
        with self._lock:
            self._by_operation[operation] += 1
            self._by_status[str(status)] += 1
            if write:
                self._writes += 1

    def reset(self) -> None:
        with self._lock:
            self._by_operation.clear()
            self._by_status.clear()
            self._writes = 0

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "total": sum(self._by_operation.values()),
                "writes": self._writes,
                "byOperation": dict(sorted(self._by_operation.items())),
                "byStatus": dict(sorted(self._by_status.items())),
            }
