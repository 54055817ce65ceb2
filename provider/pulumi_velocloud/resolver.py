"""Every logicalId <-> numeric id lookup of one Orchestrator, with one cache policy and one lock.

Resources are addressed by logicalId (their Pulumi ids) but v1 methods want numeric ids;
rules name segments, users name roles. All of those lookups go through a `Resolver`
(one per Orchestrator per provider process, from `ProviderContext.connect()`):

- `enterprise(lid)`: enterprise logicalId -> id (v1 `network/getNetworkEnterprises`);
- `profile(enterprise, lid)`: profile logicalId -> id (the API calls profiles configurations:
  `enterprise/getEnterpriseConfigurations`), `find_profile` the same or None,
  `profile_logical_id(enterprise, id)` back (always asked afresh: numeric ids are per Orchestrator);
- `edge(enterprise, lid)`: edge -> id (a miss asks for that one edge, `edge/getEdge` by logicalId:
  a fleet's new edges would otherwise list the whole enterprise once each);
  `edge_named(enterprise, name)`: by name (`getEnterpriseEdges`);
- `gateway_pool(lid)` / `gateway_pool_logical_id(id)`: both ways (`network/getNetworkGatewayPools`);
  `gateway_pools()` lists them afresh (and fills both ways);
- `role(name)`: an enterprise-user role by name, any case (`role/getUserTypeRoles`);
- `segment(enterprise, selector)`: a segment by name or segmentId (`getEnterpriseNetworkSegments`).

Cache policy (one for all): an object's logicalId <-> id pair never changes and logicalIds
are never reused, so pairs are cached for the life of the process; a miss fetches the whole
list once, fills the cache from it and looks again; still missing is `NotFound`. Roles follow
the same read-through rule (a name not known refetches the list). Names of edges and
segments are changed by users, so lookups by those names always ask the Orchestrator.
Creates `remember_*` what they made, so a stack of 1000 edges resolves its enterprise once.

Lock discipline: one lock guards the cache dict and is held only to read or update it,
never during an API call (two threads missing at once may both fetch; both fill the same
pairs). Not done here: lookups by name for users' lookups (`lookups.py` returns typed infos).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

from .client import VcoClient
from .client.errors import Forbidden, NotFound
from .ids import LogicalId, VcoId
from .models.enterprise import GatewayPool
from .models.segment import NetworkSegmentV1
from .models.user import RoleV1

ENTERPRISE_USER_TYPE = "ENTERPRISE"
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class UnknownName(LookupError):
    """No object has this name; `known` lists the names that exist (for the user's message)."""

    def __init__(self, message: str, known: list[str]) -> None:
        super().__init__(message)
        self.known = known


class _Cache(Generic[K, V]):
    """One read-through table of the resolver; every table shares the resolver's one lock."""

    def __init__(self, lock: threading.Lock) -> None:
        self._lock = lock
        self._items: dict[K, V] = {}

    def fill(self, pairs: Iterable[tuple[K, V]]) -> None:
        with self._lock:
            self._items.update(pairs)

    def read_through(self, key: K, fetch: Callable[[], Iterable[tuple[K, V]]]) -> V | None:
        """The cached value; on a miss, fill the table from `fetch` (outside the lock) and look again."""
        with self._lock:
            if key in self._items:
                return self._items[key]
        pairs = list(fetch())
        with self._lock:
            self._items.update(pairs)
            return self._items.get(key)

    def values(self) -> list[V]:
        with self._lock:
            return list(self._items.values())


class Resolver:
    """logicalId <-> numeric id (and role names) of the objects of one Orchestrator."""

    def __init__(self, client: VcoClient) -> None:
        self._client = client
        lock = threading.Lock()
        self._enterprises: _Cache[LogicalId, VcoId] = _Cache(lock)
        self._profiles: _Cache[LogicalId, VcoId] = _Cache(lock)
        self._edges: _Cache[LogicalId, VcoId] = _Cache(lock)
        self._pools: _Cache[LogicalId, VcoId] = _Cache(lock)
        self._pool_ids: _Cache[VcoId, LogicalId] = _Cache(lock)
        self._roles: _Cache[str, RoleV1] = _Cache(lock)

    # -- enterprises, profiles, edges ------------------------------------------------------

    def enterprise(self, logical_id: LogicalId) -> VcoId:
        """The numeric id of the enterprise with this logicalId."""
        found = self._enterprises.read_through(logical_id, self._visible_enterprises)
        if found is None:
            raise NotFound(
                f"no enterprise has logicalId {logical_id!r}", operation="network/getNetworkEnterprises"
            )
        return found

    def _visible_enterprises(self) -> list[tuple[LogicalId, VcoId]]:
        """Every enterprise the caller sees: the network's for operators, its own for a customer's
        user (who may not list the network: `network/getNetworkEnterprises` is for operators)."""
        try:
            return [(e.logical_id, e.id) for e in self._client.v1.get_network_enterprises()]
        except Forbidden:
            own = self._client.v1.get_own_enterprise()
            return [(own.logical_id, own.id)]

    def remember_profile(self, logical_id: LogicalId, vco_id: VcoId) -> None:
        self._profiles.fill([(logical_id, vco_id)])

    def profile(self, enterprise: VcoId, logical_id: LogicalId) -> VcoId:
        """The numeric id of the profile (API: configuration) with this logicalId in the enterprise."""
        found = self._profiles.read_through(
            logical_id,
            lambda: (
                (p.logical_id, p.id)
                for p in self._client.v1.get_enterprise_configurations(enterprise)
                if p.logical_id
            ),
        )
        if found is None:
            raise NotFound(
                f"enterprise {enterprise} has no profile with logicalId {logical_id!r}",
                operation="enterprise/getEnterpriseConfigurations",
            )
        return found

    def find_profile(self, enterprise: VcoId, logical_id: LogicalId) -> VcoId | None:
        """`profile()`, or None when the enterprise has no such profile."""
        try:
            return self.profile(enterprise, logical_id)
        except NotFound:
            return None

    def profile_logical_id(self, enterprise: VcoId, vco_id: VcoId) -> LogicalId | None:
        """The logicalId of the enterprise's profile with this numeric id (asked afresh), or None."""
        profiles = [p for p in self._client.v1.get_enterprise_configurations(enterprise) if p.logical_id]
        self._profiles.fill((p.logical_id, p.id) for p in profiles if p.logical_id)
        return next((p.logical_id for p in profiles if p.id == vco_id), None)

    def remember_edge(self, logical_id: LogicalId, vco_id: VcoId) -> None:
        self._edges.fill([(logical_id, vco_id)])

    def edge(self, enterprise: VcoId, logical_id: LogicalId) -> VcoId:
        """The numeric id of the edge with this logicalId in the enterprise."""
        found = self._edges.read_through(
            logical_id,
            lambda: [(logical_id, self._client.v1.get_edge_by_logical_id(enterprise, logical_id).id)],
        )
        if found is None:  # get_edge raises NotFound first; for the type checker
            raise NotFound(
                f"enterprise {enterprise} has no edge with logicalId {logical_id!r}", operation="edge/getEdge"
            )
        return found

    def edge_named(self, enterprise: VcoId, name: str) -> VcoId | None:
        """The numeric id of the edge named exactly `name` in the enterprise, asked afresh (names change)."""
        edges = self._client.v1.get_enterprise_edges(enterprise)
        self._edges.fill((e.logical_id, e.id) for e in edges)
        return next((e.id for e in edges if e.name == name), None)

    # -- gateway pools ------------------------------------------------------------------

    def gateway_pool(self, logical_id: LogicalId) -> VcoId:
        """The numeric id of the gateway pool with this logicalId."""
        found = self._pools.read_through(logical_id, lambda: self._fetch_pools()[0])
        if found is None:
            raise NotFound(
                f"no gateway pool has logicalId {logical_id!r}", operation="network/getNetworkGatewayPools"
            )
        return found

    def gateway_pool_logical_id(self, vco_id: VcoId) -> LogicalId | None:
        """The logicalId of the gateway pool with this numeric id, or None if there is none."""
        return self._pool_ids.read_through(vco_id, lambda: self._fetch_pools()[1])

    def gateway_pools(self) -> list[GatewayPool]:
        """Every gateway pool of the network, asked afresh (and remembered both ways)."""
        pools = self._client.v1.get_network_gateway_pools()
        self._fill_pools(pools)
        return pools

    def _fetch_pools(self) -> tuple[list[tuple[LogicalId, VcoId]], list[tuple[VcoId, LogicalId]]]:
        return self._fill_pools(self._client.v1.get_network_gateway_pools())

    def _fill_pools(
        self, pools: list[GatewayPool]
    ) -> tuple[list[tuple[LogicalId, VcoId]], list[tuple[VcoId, LogicalId]]]:
        forward = [(p.logical_id, p.id) for p in pools]
        backward = [(p.id, p.logical_id) for p in pools]
        self._pools.fill(forward)
        self._pool_ids.fill(backward)
        return forward, backward

    # -- roles and segments ---------------------------------------------------------------

    def role(self, name: str) -> RoleV1:
        """The enterprise-user role with this name (any case); `UnknownName` lists the roles there are."""
        found = self._roles.read_through(
            name.casefold(),
            lambda: (
                (r.name.casefold(), r) for r in self._client.v1.get_user_type_roles(ENTERPRISE_USER_TYPE)
            ),
        )
        if found is None:
            known = [r.name for r in sorted(self._roles.values(), key=lambda r: r.id)]
            raise UnknownName(f"role {name!r} is not an enterprise role", known)
        return found

    def segment(self, enterprise: VcoId, selector: str | int | None) -> NetworkSegmentV1:
        """The segment `selector` names (name, segmentId, None: the Global Segment), asked afresh."""
        segments = self._client.v1.get_enterprise_network_segments(enterprise)
        for seg in segments:
            segment_id = seg.data.segment_id if seg.data is not None else None
            if (
                (selector is None and segment_id == 0)
                or (isinstance(selector, int) and segment_id == selector)
                or (isinstance(selector, str) and seg.name == selector)
            ):
                return seg
        raise UnknownName(
            f"segment {selector!r} does not exist in the enterprise", [s.name for s in segments]
        )
