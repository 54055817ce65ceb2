"""Per-run list snapshots: one fetch per key shared by all reads, never hiding this run's changes."""

from __future__ import annotations

import threading
from collections.abc import Mapping

from pulumi_velocloud.mechanisms.list_snapshots import Listed, ListSnapshots


class Lister:
    """A fetch that counts its calls and can block until released."""

    def __init__(self, items: dict[str, dict[str, str]]) -> None:
        self.items = items
        self.calls = 0
        self.release = threading.Event()
        self.release.set()
        self.entered = threading.Event()

    def __call__(self, key: str) -> Mapping[str, dict[str, str]]:
        self.calls += 1
        self.entered.set()
        self.release.wait(5)
        return {k: v for k, v in self.items.items() if v["enterprise"] == key}


def fleet(n: int) -> dict[str, dict[str, str]]:
    return {f"edge-{i}": {"enterprise": "e1", "name": f"n{i}"} for i in range(n)}


def test_reads_of_one_enterprise_share_one_list_call_across_threads() -> None:
    lister = Lister(fleet(50))
    snapshots: ListSnapshots[str, dict[str, str]] = ListSnapshots(lister)
    lister.release.clear()
    results: dict[str, Listed[dict[str, str]] | None] = {}

    def read(i: int) -> None:
        results[f"edge-{i}"] = snapshots.find("e1", f"edge-{i}")

    threads = [threading.Thread(target=read, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    lister.entered.wait(5)
    lister.release.set()
    for t in threads:
        t.join()
    assert lister.calls == 1
    assert all(r is not None and r.item is not None and r.item["name"] == f"n{k.split('-')[1]}"
               for k, r in results.items())  # fmt: skip


def test_an_item_not_listed_reads_as_absent() -> None:
    snapshots: ListSnapshots[str, dict[str, str]] = ListSnapshots(Lister(fleet(3)))
    assert snapshots.find("e1", "edge-9") == Listed(None)


def test_keys_are_listed_separately() -> None:
    lister = Lister({"a": {"enterprise": "e1", "name": "a"}, "b": {"enterprise": "e2", "name": "b"}})
    snapshots: ListSnapshots[str, dict[str, str]] = ListSnapshots(lister)
    assert snapshots.find("e1", "b") == Listed(None)
    found = snapshots.find("e2", "b")
    assert found is not None and found.item == {"enterprise": "e2", "name": "b"}
    assert lister.calls == 2


def test_an_item_this_run_changed_is_never_answered_from_a_list() -> None:
    lister = Lister(fleet(3))
    snapshots: ListSnapshots[str, dict[str, str]] = ListSnapshots(lister)
    assert snapshots.find("e1", "edge-1") is not None
    snapshots.touched("e1", "edge-1")
    snapshots.touched("e1", "edge-7")  # e.g. created by this run, after the list was fetched
    assert snapshots.find("e1", "edge-1") is None
    assert snapshots.find("e1", "edge-7") is None
    assert snapshots.find("e1", "edge-2") == Listed({"enterprise": "e1", "name": "n2"})
    assert lister.calls == 1


def test_a_change_made_while_the_list_is_fetched_is_not_hidden_by_it() -> None:
    lister = Lister(fleet(3))
    snapshots: ListSnapshots[str, dict[str, str]] = ListSnapshots(lister)
    lister.release.clear()
    answer: list[Listed[dict[str, str]] | None] = []
    reader = threading.Thread(target=lambda: answer.append(snapshots.find("e1", "edge-0")))
    reader.start()
    lister.entered.wait(5)
    snapshots.touched("e1", "edge-0")  # e.g. updated by another worker while the list is in flight
    lister.release.set()
    reader.join()
    assert answer == [None]


def test_a_snapshot_older_than_max_age_is_fetched_again() -> None:
    now = [0.0]
    lister = Lister(fleet(2))
    snapshots: ListSnapshots[str, dict[str, str]] = ListSnapshots(lister, max_age=60, clock=lambda: now[0])
    snapshots.find("e1", "edge-0")
    now[0] = 59.0
    snapshots.find("e1", "edge-1")
    assert lister.calls == 1
    now[0] = 61.0
    lister.items["edge-1"] = {"enterprise": "e1", "name": "renamed"}
    assert snapshots.find("e1", "edge-1") == Listed({"enterprise": "e1", "name": "renamed"})
    assert lister.calls == 2
