"""v1 gateway methods of an enterprise and its edges: `edge/getEdgeGatewayAssignments`,
`edge/setEdgeHandOffGateways`, `enterprise/getEnterpriseGatewayHandoff`,
`insertOrUpdateEnterpriseGatewayHandoff`, `deleteEnterpriseGatewayRecords`,
`getEnterprisesMissingGateway`, `getEnterpriseAddresses`; and `gateway_object`, how a gateway is
shown (the spec's `gateway_pool_gateway`, also used by `network/getNetworkGatewayPools`).
Not implemented: see domain/gateways.py (no telemetry, no BGP records, no super gateways).
"""

from __future__ import annotations

from typing import Any

from ..domain import gateways
from ..domain.auth import Principal
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .objects import written
from .rpc import method


def gateway_object(record: Record) -> dict[str, Any]:
    """A gateway with every field the spec's gateway objects list (telemetry zero or null)."""
    data = record.data
    return {
        "id": record.id,
        "created": record.created,
        "networkId": data["networkId"],
        "enterpriseProxyId": None,
        "siteId": None,
        "activationKey": "",
        "activationState": "ACTIVATED",
        "activationTime": record.created,
        "softwareVersion": data["softwareVersion"],
        "buildNumber": data["buildNumber"],
        "utilization": 0,
        "utilizationDetail": {"load": 0, "overall": 0, "cpu": 0, "memory": 0},
        "connectedEdges": 0,
        "connectedEdgeList": [],
        "dataCenterVpnStates": [],
        "deviceId": data["deviceId"],
        "logicalId": record.logical_id,
        "name": record.name,
        "gatewayState": data["gatewayState"],
        "alertsEnabled": 1,
        "description": None,
        "dnsName": None,
        "isLoadBalanced": 0,
        "privateIpAddress": data["privateIpAddress"],
        "ipAddress": data["ipAddress"],
        "ipV6Address": data["ipV6Address"],
        "lastContact": record.modified,
        "systemUpSince": record.created,
        "serviceUpSince": record.created,
        "serviceState": "IN_SERVICE",
        "bastionState": "UNCONFIGURED",
        "endpointPkiMode": "CERTIFICATE_DISABLED",
        "handOffDetail": None,
        "ipsecGatewayDetail": None,
        "modified": record.modified,
    }


@method("edge/getEdgeGatewayAssignments")
def get_edge_gateway_assignments(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    primary, secondary, handoff = gateways.edge_assignment(tx, principal, params)
    return {
        "primary": None if primary is None else gateway_object(primary),
        "secondary": None if secondary is None else gateway_object(secondary),
        "dataCenters": [],
        "handOffs": {"gateways": {"primary": handoff.get("primary"), "secondary": handoff.get("secondary")}},
    }


@method("edge/setEdgeHandOffGateways")
def set_edge_hand_off_gateways(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    gateways.set_edge_handoff(tx, principal, params)
    return written()


class _EnterpriseOnly(StrictModel):
    enterpriseId: int | None = None


@method("enterprise/getEnterpriseGatewayHandoff")
def get_enterprise_gateway_handoff(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EnterpriseOnly, params, what="enterprise/getEnterpriseGatewayHandoff params")
    enterprise, value = gateways.get_handoff(tx, principal, req.enterpriseId)
    return {"enterpriseId": enterprise.id, "value": value or {}}


@method("enterprise/insertOrUpdateEnterpriseGatewayHandoff")
def insert_or_update_enterprise_gateway_handoff(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    return written(gateways.put_handoff(tx, principal, params).id)


@method("enterprise/deleteEnterpriseGatewayRecords")
def delete_enterprise_gateway_records(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return {"rows": gateways.delete_gateway_records(tx, principal, params)}


@method("enterprise/getEnterprisesMissingGateway")
def get_enterprises_missing_gateway(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    return [{"id": e.id, "rows": 1} for e in gateways.enterprises_missing_gateway(tx, principal, params)]


@method("enterprise/getEnterpriseAddresses")
def get_enterprise_addresses(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, str]]:
    req = parse(_EnterpriseOnly, params, what="enterprise/getEnterpriseAddresses params")
    return gateways.enterprise_addresses(tx, principal, req.enterpriseId)


@method("edge/deleteEdgeBgpNeighborRecords")
def delete_edge_bgp_neighbor_records(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return {"rows": gateways.delete_edge_bgp_records(tx, principal, params)}


class _Peers(StrictModel):
    edgeId: int
    enterpriseId: int | None = None
    interval: dict[str, Any] | None = None
    quickSearch: str | None = None
    filters: dict[str, Any] | None = None
    limit: int | None = None
    sortBy: list[dict[str, Any]] | None = None
    count: bool | None = None


@method("edge/getEdgeSDWANPeers")
def get_edge_sdwan_peers(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    """A CONNECTED edge's peers are its gateways (paths synthetic: all stable); others have none."""
    req = parse(
        _Peers,
        {k: v for k, v in params.items() if k not in ("_count", "_filterSpec")},
        what="edge/getEdgeSDWANPeers params",
    )
    edge, peers = gateways.sdwan_peers(tx, principal, req.edgeId, req.enterpriseId)
    return [
        {
            "edgeLogicalId": edge.logical_id,
            "deviceLogicalId": g.logical_id,
            "peerName": g.name,
            "peerType": "GATEWAY",
            "scoreAfterVoice": 0,
            "scoreAfterVideo": 0,
            "scoreAfterTrans": 0,
            "pathStatusCount": {
                "stable": 1,
                "unstable": 0,
                "standby": 0,
                "dead": 0,
                "unknown": 0,
                "total": 1,
            },
            "pathQoe": 0,
        }
        for g in peers
    ][: req.limit if req.limit is not None else None]
