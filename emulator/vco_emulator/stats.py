"""Request counters for the admin `stats` route: by operation, by status, writes, the
requests refused or altered in front of the handlers (rate-limited, injected faults), and the
undeclared v1 params the lenient default ignored (`ignoredParams`: method -> names)."""

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
        self._throttled = 0
        self._faults: Counter[str] = Counter()
        self._ignored_params: dict[str, set[str]] = {}

    def record_ignored_params(self, method: str, names: list[str]) -> None:
        """Params of a v1 call that its method does not declare and that were ignored."""
        with self._lock:
            self._ignored_params.setdefault(method, set()).update(names)

    def record(self, operation: str, status: int, *, write: bool) -> None:
        with self._lock:
            self._by_operation[operation] += 1
            self._by_status[str(status)] += 1
            if write:
                self._writes += 1

    def record_throttled(self) -> None:
        """A request the rate limiter answered with 429 (not counted by operation)."""
        with self._lock:
            self._throttled += 1

    def record_fault(self, fault: str, when: str) -> None:
        """An injected fault; `when` "before" ones are not counted by operation, "after" ones are."""
        with self._lock:
            self._faults[f"{fault}/{when}"] += 1

    def reset(self) -> None:
        with self._lock:
            self._by_operation.clear()
            self._by_status.clear()
            self._writes = 0
            self._throttled = 0
            self._faults.clear()
            self._ignored_params.clear()

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "total": sum(self._by_operation.values()),
                "writes": self._writes,
                "byOperation": dict(sorted(self._by_operation.items())),
                "byStatus": dict(sorted(self._by_status.items())),
                "throttled": self._throttled,
                "ignoredParams": {m: sorted(n) for m, n in sorted(self._ignored_params.items())},
                "faults": {
                    "total": sum(self._faults.values()),
                    "byKind": dict(sorted(self._faults.items())),
                },
            }
