"""Refresh by lists: per-run snapshots of API lists that the reads of one run share.

A refresh of 1000 edges would make 1000 single-object reads; the Orchestrator lists all edges
of an enterprise in one call. `ListSnapshots` keeps, per key (e.g. per enterprise), the last
list fetched in this provider process (one process serves one Pulumi run), so the reads of
one run make one list call per key:

- `find(key, item_id)`: `Listed(item)` when the item is in a snapshot fresh enough (fetched
  less than `max_age` seconds ago), `Listed(None)` when it is absent from it, and `None` when
  the snapshot cannot be trusted for this item — the caller then reads the item on its own.
  The first caller for a key fetches (others wait for that one fetch: single flight);
- `touched(key, item_id)`: this run changed the item (create, update, delete): every later
  `find` for it answers `None` for the rest of the run, so a list fetched before (or while)
  this run changed an object never hides the change. Other items keep using the snapshot.

Absence is only a hint: callers confirm "gone" with a single-object read before telling Pulumi
the object was deleted (a list may lag, e.g. while paging over changing data).
Not done here: the API calls (the `fetch` given), which fields a resource compares.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

DEFAULT_MAX_AGE = 120.0  # seconds a snapshot answers for; a refresh reads everything within it


@dataclass(frozen=True)
class Listed(Generic[T]):
    """What a snapshot says about one item: the listed item, or None when it was not listed."""

    item: T | None


@dataclass
class _Snapshot(Generic[T]):
    fetch_lock: threading.Lock = field(default_factory=threading.Lock)
    items: Mapping[str, T] | None = None
    fetched_at: float = 0.0
    touched: set[str] = field(default_factory=set)


class ListSnapshots(Generic[K, T]):
    """Snapshots of one kind of list, keyed by `K`; `fetch(key)` returns the items by id."""

    def __init__(
        self,
        fetch: Callable[[K], Mapping[str, T]],
        *,
        max_age: float = DEFAULT_MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._max_age = max_age
        self._clock = clock
        self._lock = threading.Lock()  # guards the dict and each snapshot's fields, never held during I/O
        self._snapshots: dict[K, _Snapshot[T]] = {}

    def _snapshot(self, key: K) -> _Snapshot[T]:
        with self._lock:
            return self._snapshots.setdefault(key, _Snapshot())

    def _fresh(self, snap: _Snapshot[T]) -> Mapping[str, T] | None:
        with self._lock:
            if snap.items is not None and self._clock() - snap.fetched_at <= self._max_age:
                return snap.items
            return None

    def find(self, key: K, item_id: str) -> Listed[T] | None:
        """The item as listed in this run, or None when the caller must read it on its own."""
        snap = self._snapshot(key)
        with self._lock:
            if item_id in snap.touched:
                return None
        items = self._fresh(snap)
        if items is None:
            with snap.fetch_lock:  # one fetch per key at a time; the others then use its result
                items = self._fresh(snap)
                if items is None:
                    started = self._clock()
                    items = dict(self._fetch(key))
                    with self._lock:
                        snap.items, snap.fetched_at = items, started
        with self._lock:
            if item_id in snap.touched:  # changed by this run while the list was being fetched
                return None
        return Listed(items.get(item_id))

    def touched(self, key: K, item_id: str) -> None:
        """This run changed (created, updated, deleted) the item: never answer for it from a list."""
        snap = self._snapshot(key)
        with self._lock:
            snap.touched.add(item_id)
