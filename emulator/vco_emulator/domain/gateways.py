"""Gateways: the emulator's two seeded SD-WAN gateways of the default pool, an enterprise's
gateway hand-off document, edges' gateway assignments and hand-off gateways.

What is kept: `gateway` rows (no enterprise; seeded, see `seed.py`) with poolIds, ipAddress,
privateIpAddress, ipV6Address, gatewayState, softwareVersion, buildNumber, deviceId; one
`gateway_handoff` row per enterprise (`value`: the spec's `gateway_handoff_value`, stored as
sent); one `edge_handoff_gateways` row per edge (the `gateways` of `edge/setEdgeHandOffGateways`).

Enforced: an edge's assignment is the first two gateways of its enterprise's pool (primary,
secondary), in id order; hand-off gateways must be gateways of the enterprise's pool.

Not implemented: gateway provisioning, activation and telemetry (utilization, connected edges are
zero); BGP neighbour records (deleting them finds none: `rows: 0`); super / alternate super
gateways (`getEnterprisesMissingGateway` finds no enterprise missing one); partner gateways.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..store import Record, Tx
from . import edges, enterprises, kinds
from .auth import Principal
from .errors import FieldError, InvalidRequest, NotFound
from .validation import StrictModel, parse

GATEWAY = "gateway"
HANDOFF = "gateway_handoff"
EDGE_HANDOFF = "edge_handoff_gateways"

# (name, public IPv4, private IPv4); documentation addresses (RFC 5737)
SEEDED = (("gateway-1", "192.0.2.11", "10.255.0.11"), ("gateway-2", "192.0.2.12", "10.255.0.12"))


def seed_gateways(tx: Tx, network_id: int, pool_id: int, logical_id: Any) -> None:
    """Insert the seeded gateways (called by `seed.seed`); `logical_id(name)` gives fixed ids."""
    for i, (name, ip, private_ip) in enumerate(SEEDED, start=1):
        tx.insert(
            GATEWAY,
            name,
            {
                "networkId": network_id,
                "poolIds": [pool_id],
                "ipAddress": ip,
                "privateIpAddress": private_ip,
                "ipV6Address": f"2001:db8::{i}",
                "gatewayState": "CONNECTED",
                "softwareVersion": "5.1.0",
                "buildNumber": "R510-20230101-GA",
                "deviceId": f"emulated-gateway-{i}",
            },
            logical_id=logical_id(name),
        )


def pool_gateways(tx: Tx, pool_id: int) -> list[Record]:
    """The gateways of a pool, in id order."""
    return [g for g in tx.find(GATEWAY) if pool_id in (g.data.get("poolIds") or [])]


def enterprise_gateways(tx: Tx, enterprise: Record) -> list[Record]:
    pool_id = enterprise.data.get("gatewayPoolId")
    return [] if pool_id is None else pool_gateways(tx, int(pool_id))


# -- edge assignments --------------------------------------------------------------------------


class EdgeRef(StrictModel):
    id: int | None = None
    edgeId: int | None = None
    enterpriseId: int | None = None


def edge_assignment(
    tx: Tx, principal: Principal, params: Any
) -> tuple[Record | None, Record | None, dict[str, Any]]:
    """`edge/getEdgeGatewayAssignments`: the edge's primary and secondary gateway (or None) and its
    hand-off gateways (`{primary?, secondary?}` ids, empty when none are set)."""
    req = parse(EdgeRef, params, what="edge/getEdgeGatewayAssignments params")
    edge_id = req.id if req.id is not None else req.edgeId
    if edge_id is None:
        raise InvalidRequest("id (the edge id) is required", [FieldError("id", "required")])
    edge = edges.get_edge(tx, principal, id=edge_id, enterprise_id=req.enterpriseId)
    found = enterprise_gateways(tx, edges.enterprise_of(tx, edge))
    handoff = tx.find(EDGE_HANDOFF, enterprise_id=edge.enterprise_id, name=str(edge.id))
    gateways = dict(handoff[0].data["gateways"]) if handoff else {}
    return (found[0] if found else None, found[1] if len(found) > 1 else None, gateways)


def sdwan_peers(
    tx: Tx, principal: Principal, edge_id: int, enterprise_id: int | None
) -> tuple[Record, list[Record]]:
    """The edge and its SD-WAN peers: its assigned gateways once it is CONNECTED, else none."""
    edge = edges.get_edge(tx, principal, id=edge_id, enterprise_id=enterprise_id)
    if edge.data.get("edgeState") != "CONNECTED":
        return edge, []
    return edge, enterprise_gateways(tx, edges.enterprise_of(tx, edge))[:2]


class HandOffGateways(StrictModel):
    primary: int
    secondary: int | None = None
    primaryIpsecDetail: dict[str, Any] | None = None
    secondaryIpsecDetail: dict[str, Any] | None = None


class SetHandOff(StrictModel):
    edgeId: int
    enterpriseId: int | None = None
    gateways: HandOffGateways


def set_edge_handoff(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(SetHandOff, params, what="edge/setEdgeHandOffGateways params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    allowed = {g.id for g in enterprise_gateways(tx, edges.enterprise_of(tx, edge))}
    for field in ("primary", "secondary"):
        value = getattr(req.gateways, field)
        if value is not None and value not in allowed:
            raise InvalidRequest(
                f"gateways.{field}: {value} is not a gateway of the enterprise's pool",
                [FieldError(f"gateways.{field}", "a gateway id of the enterprise's gateway pool")],
            )
    value = req.gateways.model_dump(exclude_none=True)
    existing = tx.find(EDGE_HANDOFF, enterprise_id=edge.enterprise_id, name=str(edge.id))
    if existing:
        return tx.update(existing[0], existing[0].name, {"edgeId": edge.id, "gateways": value})
    return tx.insert(
        EDGE_HANDOFF, str(edge.id), {"edgeId": edge.id, "gateways": value}, enterprise_id=edge.enterprise_id
    )


# -- enterprise hand-off -------------------------------------------------------------------------


class HandoffRequest(StrictModel):
    enterpriseId: int | None = None
    value: dict[str, Any] = Field(default_factory=dict)


def get_handoff(
    tx: Tx, principal: Principal, enterprise_id: int | None
) -> tuple[Record, dict[str, Any] | None]:
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    found = tx.find(HANDOFF, enterprise_id=enterprise.id)
    return enterprise, (found[0].data.get("value") if found else None)


def put_handoff(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(HandoffRequest, params, what="enterprise/insertOrUpdateEnterpriseGatewayHandoff params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    found = tx.find(HANDOFF, enterprise_id=enterprise.id)
    if found:
        return tx.update(found[0], found[0].name, {"value": req.value})
    return tx.insert(HANDOFF, "gatewayHandoff", {"value": req.value}, enterprise_id=enterprise.id)


# -- BGP neighbour records ---------------------------------------------------------------------


class GatewayRecord(StrictModel):
    gatewayId: int | None = None
    neighborIp: str | None = None


class GatewayRecords(StrictModel):
    records: list[GatewayRecord] = Field(default_factory=list)


def delete_gateway_records(tx: Tx, principal: Principal, params: Any) -> int:
    """No BGP neighbour records are emulated: checks the gateways exist, deletes nothing."""
    principal.require_write()
    req = parse(GatewayRecords, params, what="enterprise/deleteEnterpriseGatewayRecords params")
    for i, record in enumerate(req.records):
        if record.gatewayId is not None and tx.get(GATEWAY, id=record.gatewayId) is None:
            raise NotFound(f"records.{i}.gatewayId: gateway {record.gatewayId} not found")
    return 0


class EdgeRecord(StrictModel):
    edgeId: int | None = None
    neighborIp: str | None = None


class EdgeRecords(StrictModel):
    records: list[EdgeRecord] = Field(default_factory=list)


def delete_edge_bgp_records(tx: Tx, principal: Principal, params: Any) -> int:
    """No BGP neighbour records are emulated: checks the edges are visible, deletes nothing."""
    principal.require_write()
    req = parse(EdgeRecords, params, what="edge/deleteEdgeBgpNeighborRecords params")
    for record in req.records:
        if record.edgeId is not None:
            edges.get_edge(tx, principal, id=record.edgeId)
    return 0


def enterprises_missing_gateway(tx: Tx, principal: Principal, params: Any) -> list[Record]:
    """No super / alternate super gateways are emulated, so no enterprise misses one."""
    principal.require_operator()
    gateway_type = (params or {}).get("gatewayType")
    if gateway_type not in (None, "SUPER_ALT"):
        raise InvalidRequest(
            f"gatewayType {gateway_type!r} is not one of SUPER_ALT", [FieldError("gatewayType", "SUPER_ALT")]
        )
    return []


def enterprise_addresses(tx: Tx, principal: Principal, enterprise_id: int | None) -> list[dict[str, str]]:
    """The public addresses an enterprise's edges talk to: the Orchestrator and its gateways."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    found = [{"address": "127.0.0.1", "entity": "ACTIVE_VCO"}]
    found += [
        {"address": str(g.data["ipAddress"]), "entity": "GATEWAY"}
        for g in enterprise_gateways(tx, enterprise)
    ]
    found += [
        {"address": str(s.data["data"]["primaryServer"]["nvsPublicIp"]), "entity": "DATACENTER"}
        for s in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=enterprise.id)
        if s.data.get("type") == "nvsViaEdgeService"
        and isinstance((s.data.get("data") or {}).get("primaryServer"), dict)
        and s.data["data"]["primaryServer"].get("nvsPublicIp")
    ]
    return found
