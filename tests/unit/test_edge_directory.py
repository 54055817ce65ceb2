"""The run's edge directory: lookups that miss together share one list; an edge a later list does not
show is asked for alone (only that read says it is gone); what a read learned answers without a call."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from pulumi_velocloud.client.errors import NotFound
from pulumi_velocloud.ids import LogicalId, VcoId
from pulumi_velocloud.mechanisms.edge_directory import EdgeDirectory
from pulumi_velocloud.models.edge import EdgeRef

ENTERPRISE = VcoId(7)


def ref(i: int, name: str | None = None) -> EdgeRef:
    return EdgeRef(id=VcoId(100 + i), logical_id=LogicalId(f"edge-{i}"), name=name or f"n{i}")


class Orchestrator:
    """The two calls the directory makes, counted; `edges` is what exists now."""

    def __init__(self, edges: list[EdgeRef]) -> None:
        self.edges = edges
        self.lists = 0
        self.singles: list[str] = []
        self.lock = threading.Lock()
        self.listing = threading.Event()
        self.go_on = threading.Event()
        self.go_on.set()

    def list_edges(self, enterprise: VcoId) -> list[EdgeRef]:
        with self.lock:
            self.lists += 1
        self.listing.set()
        self.go_on.wait(5)
        return list(self.edges) if enterprise == ENTERPRISE else []

    def get_edge(self, enterprise: VcoId, logical_id: LogicalId) -> EdgeRef:
        with self.lock:
            self.singles.append(logical_id)
        mine = self.edges if enterprise == ENTERPRISE else []
        found = next((e for e in mine if e.logical_id == logical_id), None)
        if found is None:
            raise NotFound(f"edge {logical_id} not found", operation="edge/getEdge")
        return found


def directory(vco: Orchestrator) -> EdgeDirectory:
    return EdgeDirectory(vco.list_edges, vco.get_edge)


def test_lookups_that_miss_together_share_one_list() -> None:
    vco = Orchestrator([ref(i) for i in range(40)])
    d = directory(vco)
    vco.go_on.clear()  # the list stays pending while every lookup arrives
    with ThreadPoolExecutor(max_workers=40) as pool:
        found = [pool.submit(d.find, ENTERPRISE, LogicalId(f"edge-{i}")) for i in range(40)]
        assert vco.listing.wait(5)
        vco.go_on.set()
        results = [f.result(5) for f in found]
    assert [r.id for r in results] == [100 + i for i in range(40)]
    assert results[3].name == "n3"
    # one list for the lookups sent with the first, and at most one more for those sent while it was
    # pending (a list sent before them may lack their edges); never a single read
    assert 1 <= vco.lists <= 2 and vco.singles == []
    assert d.find(ENTERPRISE, LogicalId("edge-5")).id == 105 and vco.lists <= 2, "known: no call"


def test_an_edge_a_later_list_does_not_show_is_read_alone_and_can_be_gone() -> None:
    vco = Orchestrator([ref(1)])
    d = directory(vco)
    assert d.find(ENTERPRISE, LogicalId("edge-1")).id == 101
    vco.edges.append(ref(2))  # created after that list: a new list shows it
    assert d.find(ENTERPRISE, LogicalId("edge-2")).id == 102 and vco.lists == 2
    with pytest.raises(NotFound):
        d.find(ENTERPRISE, LogicalId("edge-9"))  # listed afresh, absent: only getEdge says gone
    assert vco.lists == 3 and vco.singles == ["edge-9"]


def test_a_read_of_the_run_answers_and_replaces_a_listed_name() -> None:
    vco = Orchestrator([ref(1)])
    d = directory(vco)
    d.learned(ENTERPRISE, ref(4, name="renamed"))
    assert d.find(ENTERPRISE, LogicalId("edge-4")).name == "renamed" and vco.lists == 0
    assert d.find(ENTERPRISE, LogicalId("edge-1")).name == "n1"
    d.learned(ENTERPRISE, ref(1, name="nyc-01 (renamed by this run)"))
    assert d.find(ENTERPRISE, LogicalId("edge-1")).name == "nyc-01 (renamed by this run)"
    with pytest.raises(NotFound):  # another enterprise's edge of that logicalId is not this one
        d.find(VcoId(8), LogicalId("edge-4"))


def test_a_failed_list_fails_its_lookup_and_does_not_block_the_next() -> None:
    vco = Orchestrator([ref(1)])
    calls = {"n": 0}

    def flaky(enterprise: VcoId) -> list[EdgeRef]:
        calls["n"] += 1
        if calls["n"] == 1:
            raise NotFound("enterprise gone?", operation="enterprise/getEnterpriseEdges")
        return vco.list_edges(enterprise)

    d = EdgeDirectory(flaky, vco.get_edge)
    with pytest.raises(NotFound, match="enterprise gone"):
        d.find(ENTERPRISE, LogicalId("edge-1"))
    assert d.find(ENTERPRISE, LogicalId("edge-1")).id == 101
