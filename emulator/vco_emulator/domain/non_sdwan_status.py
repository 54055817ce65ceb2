"""Status of non-SD-WAN destinations (v2 `gatewayNonSdWanSites`, `edgeNonSdwanServices/status`,
an edge's `nonSdWanTunnelStatus`), derived from the enterprise services that exist.

The emulator has no gateways or edges building tunnels, so states are synthetic but follow the
objects: a destination via edges (`nvsViaEdgeService`) has one tunnel per edge that uses it (an
edge whose profile, or edge-specific profile, references the service); the tunnel is UP while its
edge is CONNECTED (activated through the admin route), DOWN when the edge is OFFLINE or
DEGRADED, PENDING otherwise. A destination via gateways (service type `dataCenter`, the spec's
`nsdType` enum) is DOWN on its primary and secondary gateway (no gateways are emulated).

Not implemented: tunnels per WAN link or segment, redundant gateways, timestamps of state changes
other than the service's `modified`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Record, Tx
from . import kinds, profile_rules, usage
from .enterprise_services import NVS_VIA_EDGE, service_modules

NVS_VIA_GATEWAY = "dataCenter"
STATES = ("PENDING", "STANDBY", "UP", "DOWN", "UNKNOWN")


@dataclass(frozen=True)
class Tunnel:
    service: Record
    edge: Record
    state: str


def _state(edge: Record) -> str:
    edge_state = edge.data.get("edgeState")
    if edge_state == "CONNECTED":
        return "UP"
    if edge_state in ("OFFLINE", "DEGRADED"):
        return "DOWN"
    return "PENDING"


def edges_of(tx: Tx, service: Record) -> list[Record]:
    """The edges that use a service: through their profile or their edge-specific profile."""
    found: dict[int, Record] = {}
    for profile in usage.profiles_of(tx, service_modules(tx, service)):
        if profile.data.get("edgeSpecific"):
            edge_id = profile.data.get("edgeId")
            edge = tx.get(kinds.EDGE, id=edge_id) if isinstance(edge_id, int) else None
            candidates = [edge] if edge is not None else []
        else:
            candidates = profile_rules.edges_using(tx, profile)
        for edge in candidates:
            found[edge.id] = edge
    return [found[i] for i in sorted(found)]


def edge_services(tx: Tx, enterprise: Record) -> list[Record]:
    return [
        s
        for s in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=enterprise.id)
        if s.data.get("type") == NVS_VIA_EDGE
    ]


def tunnels(tx: Tx, enterprise: Record, edge: Record | None = None) -> list[Tunnel]:
    """Every edge tunnel of the enterprise's destinations via edges (of one edge, if given)."""
    return [
        Tunnel(service, user, _state(user))
        for service in edge_services(tx, enterprise)
        for user in edges_of(tx, service)
        if edge is None or user.id == edge.id
    ]


def gateway_sites(tx: Tx, enterprise: Record) -> list[Record]:
    """The enterprise's destinations via gateways."""
    return [
        s
        for s in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=enterprise.id)
        if s.data.get("type") == NVS_VIA_GATEWAY
    ]


def gateway_status(service: Record) -> dict[str, str | None]:
    """Per gateway of the site: no gateway is emulated, so each configured one is DOWN."""
    data = service.data.get("data") or {}
    secondary = "DOWN" if isinstance(data, dict) and data.get("secondaryServer") is not None else None
    return {"primary": "DOWN", "primaryRedundant": None, "secondary": secondary, "secondaryRedundant": None}
