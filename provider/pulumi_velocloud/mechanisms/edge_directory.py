"""An edge's numeric id and name for v1 calls, found by the lookups of one run together.

v1 methods on an edge (e.g. `edge/getEdgeConfigurationStack`) take its numeric id, and
messages name the edge; the v2 `createEdge` answer holds neither the numeric id (the v2
`EdgeResource` has no `id`). Asking `edge/getEdge` for each edge costs one call per edge:
the device settings of a 1000-edge fleet made 1000 of them. `EdgeDirectory.find` answers
from what this run already learned (an edge read on its own, a list of the run), else from
one v1 `enterprise/getEnterpriseEdges` (ids, logicalIds and names of every edge of the
enterprise) shared by every lookup that misses while it is pending: the first miss waits
`LINGER_SECONDS` for others, then lists. An edge missing from a list that started after
its lookup was asked is asked for on its own (`edge/getEdge` by logicalId): only that read
says an edge is gone (a list may lag).

Freshness: a numeric id never changes; a name can (users rename edges), so the directory
lives for one run (`provider_context().per_run`) and an edge read on its own during the run
(`learned`) replaces what a list said. A rename made by hand during the run may show under
the old name in a label or a `target_name` output until the next refresh.
`edge_vco_id` serves the rules and WAN links of edges and hub-cluster members too.
Not done here: lookups by name (the resolver's `edge_named`), edges' other fields.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

from ..context import Connection, provider_context
from ..ids import LogicalId, VcoId
from ..models.edge import EdgeListed, EdgeRef, EdgeV1

LINGER_SECONDS = 0.05  # how long the first miss waits for the misses sent with it


class EdgeDirectory:
    """Numeric ids and names of edges, by (enterprise id, edge logicalId), for one run."""

    def __init__(
        self,
        list_edges: Callable[[VcoId], list[EdgeRef]],
        get_edge: Callable[[VcoId, LogicalId], EdgeRef],
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._list_edges = list_edges
        self._get_edge = get_edge
        self._clock = clock
        self._sleep = sleep
        self._changed = threading.Condition()  # guards the fields below, never held during an API call
        self._known: dict[tuple[VcoId, LogicalId], EdgeRef] = {}
        self._listing: set[VcoId] = set()  # enterprises whose list is being fetched
        self._listed_at: dict[VcoId, float] = {}  # when the last finished list of each was sent

    def learned(self, enterprise: VcoId, edge: EdgeRef) -> None:
        """What a read of the edge (or a list) answered just now."""
        with self._changed:
            self._known[(enterprise, edge.logical_id)] = edge

    def find(self, enterprise: VcoId, logical_id: LogicalId) -> EdgeRef:
        """The edge's numeric id and name; `NotFound` (from `edge/getEdge`) when it does not exist."""
        asked = self._clock()
        key = (enterprise, logical_id)
        while True:
            with self._changed:
                while True:
                    if key in self._known:
                        return self._known[key]
                    if self._listed_at.get(enterprise, float("-inf")) >= asked:
                        lead = None  # a list sent after we asked does not hold it: ask for it alone
                        break
                    if enterprise not in self._listing:
                        self._listing.add(enterprise)
                        lead = enterprise
                        break
                    self._changed.wait()
            if lead is None:
                edge = self._get_edge(enterprise, logical_id)
                self.learned(enterprise, edge)
                return edge
            self._list(enterprise)

    def _list(self, enterprise: VcoId) -> None:
        """Fetch the enterprise's list for every lookup waiting on it (the caller leads it)."""
        try:
            self._sleep(LINGER_SECONDS)
            sent = self._clock()
            edges = self._list_edges(enterprise)
        except BaseException:
            with self._changed:
                self._listing.discard(enterprise)
                self._changed.notify_all()
            raise
        with self._changed:
            self._known.update(((enterprise, e.logical_id), e) for e in edges)
            self._listed_at[enterprise] = sent
            self._listing.discard(enterprise)
            self._changed.notify_all()


def edge_directory(vco: Connection) -> EdgeDirectory:
    """This run's directory of the edges `vco` (an Orchestrator and its credentials) sees."""

    def get_edge(enterprise: VcoId, logical_id: LogicalId) -> EdgeRef:
        return edge_ref(vco.client.v1.get_edge_by_logical_id(enterprise, logical_id))

    def make() -> EdgeDirectory:
        return EdgeDirectory(vco.client.v1.get_enterprise_edges, get_edge)

    return provider_context().per_run(("edge-directory", vco), make)


def edge_ref(edge: EdgeV1 | EdgeListed) -> EdgeRef:
    """The numeric id, logicalId and name of an edge as a read or a list answered it."""
    return EdgeRef(id=edge.id, logical_id=edge.logical_id, name=edge.name)


def remember_edges(vco: Connection, enterprise: VcoId, edges: Iterable[EdgeRef]) -> None:
    """What a read or a list said of edges: for this run's directory and the process's resolver."""
    directory = edge_directory(vco)
    for edge in edges:
        directory.learned(enterprise, edge)
        vco.ids.remember_edge(edge.logical_id, edge.id)


def find_edge(vco: Connection, enterprise: VcoId, logical_id: LogicalId) -> EdgeRef:
    """An edge's numeric id and name through this run's directory (edges found together share one
    list), remembered by the resolver for the rest of the process."""
    edge = edge_directory(vco).find(enterprise, logical_id)
    vco.ids.remember_edge(edge.logical_id, edge.id)
    return edge


def edge_vco_id(vco: Connection, enterprise: VcoId, logical_id: LogicalId) -> VcoId:
    """An edge's numeric id (`find_edge`)."""
    return find_edge(vco, enterprise, logical_id).id
