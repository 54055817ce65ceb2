"""v2 status of non-SD-WAN destinations: getNonSdwanTunnelsViaGateway (`gatewayNonSdWanSites`),
getEnterpriseNonSdwanTunnelStatusViaEdge (`edgeNonSdwanServices/status`) and
getEdgeNonSdwanTunnelStatusViaEdge (an edge's `nonSdWanTunnelStatus`); states come from
`domain/non_sdwan_status.py` (synthetic, derived from services and edges).

The enterprise-level record (`NonSdwanServiceRecord`) has no state field in the spec: `state[...]`
filters keep the tunnels in that state and drop records left without one. A destination's
`provider._href` points at the enterprise service (no v2 resource exists for it: the path is a
guess). Not implemented: `include`, `start`/`end` (states are current), links, local IPs.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from ..context import call_domain
from ..domain import edges, enterprise_services, enterprises, non_sdwan_status
from ..domain.auth import Principal
from ..store import Record, Tx
from .edges import edge_href
from .http import endpoint, href
from .listing import ENUM_OPS, FilterTable, list_body

STATE_FILTER = FilterTable("non-SD-WAN tunnel", {"state": ENUM_OPS})


def _service_href(enterprise: Record, service: Record) -> str:
    return href(f"/enterprises/{enterprise.logical_id}/nonSdWanServices/{service.logical_id}")


def _edge_ref(enterprise: Record, edge: Record) -> dict[str, Any]:
    return {"_href": edge_href(enterprise, edge), "logicalId": edge.logical_id, "name": edge.name}


@endpoint("getNonSdwanTunnelsViaGateway")
async def get_gateway_sites(request: web.Request) -> web.Response:
    def work(tx: Tx, principal: Principal) -> list[dict[str, Any]]:
        enterprise = enterprises.get_enterprise(
            tx, principal, logical_id=request.match_info["enterpriseLogicalId"]
        )
        return [
            {
                "_href": _service_href(enterprise, s),
                "alertsEnabled": bool(s.data.get("alertsEnabled", 1)),
                "operatorAlertsEnabled": bool(s.data.get("operatorAlertsEnabled", 1)),
                "created": s.created,
                "modified": s.modified,
                "version": str(s.data.get("version", "1")),
                "name": s.name,
                "description": s.data.get("description"),
                "logicalId": s.logical_id,
                "status": non_sdwan_status.gateway_status(s),
                "statusModified": s.modified,
            }
            for s in non_sdwan_status.gateway_sites(tx, enterprise)
        ]

    return web.json_response(await call_domain(request, work))


@endpoint("getEnterpriseNonSdwanTunnelStatusViaEdge")
async def get_enterprise_tunnel_status(request: web.Request) -> web.Response:
    logical_id = request.match_info["enterpriseLogicalId"]
    STATE_FILTER.check(request.query)
    wanted = {k: v for k, v in request.query.items() if k.startswith("state[")}

    def work(tx: Tx, principal: Principal) -> list[dict[str, Any]]:
        enterprise = enterprises.get_enterprise(tx, principal, logical_id=logical_id)
        tunnels = non_sdwan_status.tunnels(tx, enterprise)
        kept = list_body(
            "", [{"i": i, "state": t.state} for i, t in enumerate(tunnels)], wanted, STATE_FILTER
        )
        keep = {row["i"] for row in kept["data"]}
        records: list[dict[str, Any]] = []
        for service in non_sdwan_status.edge_services(tx, enterprise):
            mine = [
                {
                    "_href": edge_href(enterprise, t.edge) + "nonSdWanTunnelStatus",
                    "edge": _edge_ref(enterprise, t.edge),
                }
                for i, t in enumerate(tunnels)
                if i in keep and t.service.id == service.id
            ]
            if mine or not wanted:
                records.append({"provider": {"_href": _service_href(enterprise, service)}, "tunnels": mine})
        return records

    records = await call_domain(request, work)
    query = {k: v for k, v in request.query.items() if not k.startswith("state[")}
    return web.json_response(
        list_body(href(f"/enterprises/{logical_id}/edgeNonSdwanServices/status"), records, query)
    )


@endpoint("getEdgeNonSdwanTunnelStatusViaEdge")
async def get_edge_tunnel_status(request: web.Request) -> web.Response:
    info = request.match_info

    def work(tx: Tx, principal: Principal) -> list[dict[str, Any]]:
        edge = edges.get_enterprise_edge(tx, principal, info["enterpriseLogicalId"], info["edgeLogicalId"])
        enterprise = enterprises.get_enterprise(tx, principal, logical_id=info["enterpriseLogicalId"])
        rows = []
        for tunnel in non_sdwan_status.tunnels(tx, enterprise, edge):
            data = tunnel.service.data.get("data") or {}
            primary = data.get("primaryServer") if isinstance(data, dict) else None
            rows.append(
                {
                    "state": tunnel.state,
                    "timestamp": tunnel.service.modified,
                    "nvs_ip": (primary or {}).get("nvsPublicIp") or "",
                    "provider": {
                        "_href": _service_href(enterprise, tunnel.service),
                        "type": (data.get("type") if isinstance(data, dict) else None)
                        or enterprise_services.NVS_VIA_EDGE,
                    },
                }
            )
        return rows

    rows = await call_domain(request, work)
    base = href(
        f"/enterprises/{info['enterpriseLogicalId']}/edges/{info['edgeLogicalId']}/nonSdWanTunnelStatus"
    )
    return web.json_response(list_body(base, rows, request.query, STATE_FILTER))


def add_routes(app: web.Application) -> None:
    ent = "/api/sdwan/v2/enterprises/{enterpriseLogicalId}"
    get = app.router.add_get
    get(ent + "/gatewayNonSdWanSites{slash:/?}", get_gateway_sites)
    get(ent + "/edgeNonSdwanServices/status{slash:/?}", get_enterprise_tunnel_status)
    get(ent + "/edges/{edgeLogicalId}/nonSdWanTunnelStatus{slash:/?}", get_edge_tunnel_status)
