"""v2 edges: GET/POST /enterprises/{e}/edges/, GET/PATCH/DELETE /enterprises/{e}/edges/{edge}/.

POST provisions an edge (201, `EdgeResource`) or, with `?action=` (blinkLeds, reboot,
hardReset, shutdown, restartService), applies that device action to the body's `edges`
(204; the spec documents no body for it). PATCH takes an RFC 6902 JSON Patch over the
edge's name, description, serialNumber, customInfo, endpointPkiMode and `site/*`.
`include=site,enterprise` resolves those linked resources; without it they are `{_href}`.
List filters are the `field[op]` ones the spec lists for getEnterpriseEdges; others are 400.

Not implemented: `links` is always empty (no WAN links are emulated); there is no v2 route
behind a site's `_href`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import web

from ..context import call_domain
from ..domain import edges, enterprises
from ..domain.auth import Principal
from ..store import Record, Tx
from .enterprises import enterprise_resource
from .http import PREFIX, endpoint, href, read_json
from .listing import ENUM_OPS, TEXT_OPS, TIME_OPS, FilterTable, list_body

INCLUDABLE = ("site", "enterprise")
FILTERS = FilterTable(
    "edge",
    {
        "name": TEXT_OPS,
        "created": TIME_OPS,
        "activationState": ENUM_OPS,
        "modelNumber": ENUM_OPS,
        "edgeState": ENUM_OPS,
        "buildNumber": TEXT_OPS,
        "softwareVersion": TEXT_OPS,
        "serialNumber": TEXT_OPS,
        "softwareUpdated": TIME_OPS,
        "customInfo": TEXT_OPS,
    },
)
# Fields the spec types as non-nullable strings: omitted while the edge has no value.
_OMIT_WHEN_NULL = ("buildNumber", "deviceFamily", "selfMacAddress", "softwareVersion")
_NULLABLE = (
    "activationKeyExpires",
    "activationTime",
    "customInfo",
    "description",
    "deviceId",
    "dnsName",
    "edgeStateTime",
    "factoryBuildNumber",
    "factorySoftwareVersion",
    "platformBuildNumber",
    "platformFirmwareVersion",
    "modemBuildNumber",
    "modemFirmwareVersion",
    "lteRegion",
    "haLastContact",
    "haSerialNumber",
    "lastContact",
    "serialNumber",
    "serviceUpSince",
    "softwareUpdated",
    "systemUpSince",
)


def edge_href(enterprise: Record, edge: Record) -> str:
    return href(f"/enterprises/{enterprise.logical_id}/edges/{edge.logical_id}/")


def edge_resource(
    tx: Tx, edge: Record, include: frozenset[str], enterprise: Record | None = None
) -> dict[str, Any]:
    """An edge as the v2 `EdgeResource` schema shows it (`enterprise`: its owner, when at hand)."""
    enterprise = enterprise or edges.enterprise_of(tx, edge)
    data = edge.data
    body: dict[str, Any] = {
        "_href": edge_href(enterprise, edge),
        "activationKey": data["activationKey"],
        "activationState": data["activationState"],
        "alertsEnabled": bool(data["alertsEnabled"]),
        "bastionState": data["bastionState"],
        "created": edge.created,
        "edgeState": data["edgeState"],
        "endpointPkiMode": data["endpointPkiMode"],
        "haPreviousState": data["haPreviousState"],
        "haState": data["haState"],
        "isLive": bool(data["isLive"]),
        "logicalId": edge.logical_id,
        "modelNumber": data["modelNumber"],
        "modified": edge.modified,
        "name": edge.name or None,
        "operatorAlertsEnabled": bool(data["operatorAlertsEnabled"]),
        "serviceState": data["serviceState"],
    }
    body.update({field: data.get(field) for field in _NULLABLE})
    body.update({field: data[field] for field in _OMIT_WHEN_NULL if data.get(field) is not None})
    body["links"] = []
    body["site"] = site_resource(tx, edge, enterprise, full="site" in include)
    body["enterprise"] = (
        enterprise_resource(tx, enterprise)
        if "enterprise" in include
        else {"_href": href(f"/enterprises/{enterprise.logical_id}/")}
    )
    return dict(sorted(body.items(), key=lambda kv: _ORDER.get(kv[0], len(_ORDER))))


def site_resource(tx: Tx, edge: Record, enterprise: Record, *, full: bool) -> dict[str, Any]:
    """The edge's site as the v2 `SiteResource`, or only its `_href`."""
    site = edges.site_of(tx, edge)
    body: dict[str, Any] = {"_href": href(f"/enterprises/{enterprise.logical_id}/sites/{site.logical_id}/")}
    if full:
        body.update(created=site.created, name=site.name or None)
        body.update({field: site.data.get(field) for field in edges.SITE_FIELDS})
        body["shippingSameAsLocation"] = edges.shipping_same_as_location(site)
        body["modified"] = site.modified
    return body


_ORDER = {
    name: i
    for i, name in enumerate(
        [
            "_href",
            "activationKey",
            "activationKeyExpires",
            "activationState",
            "activationTime",
            "alertsEnabled",
            "bastionState",
            "buildNumber",
            "created",
            "customInfo",
            "description",
            "deviceFamily",
            "deviceId",
            "dnsName",
            "edgeState",
            "edgeStateTime",
            "endpointPkiMode",
            "factoryBuildNumber",
            "factorySoftwareVersion",
            "platformBuildNumber",
            "platformFirmwareVersion",
            "modemBuildNumber",
            "modemFirmwareVersion",
            "lteRegion",
            "haLastContact",
            "haPreviousState",
            "haSerialNumber",
            "haState",
            "isLive",
            "lastContact",
            "logicalId",
            "modelNumber",
            "modified",
            "name",
            "operatorAlertsEnabled",
            "selfMacAddress",
            "serialNumber",
            "serviceState",
            "serviceUpSince",
            "softwareUpdated",
            "softwareVersion",
            "systemUpSince",
            "links",
            "site",
            "enterprise",
        ]
    )
}


def _include(query: Mapping[str, str]) -> frozenset[str]:
    """The linked resources to resolve; names this server cannot resolve are ignored."""
    names = {part.strip() for part in query.get("include", "").split(",")}
    return frozenset(names & set(INCLUDABLE))


@endpoint("getEnterpriseEdges")
async def get_enterprise_edges(request: web.Request) -> web.Response:
    enterprise_id = request.match_info["enterpriseLogicalId"]
    include = _include(request.query)

    def work(tx: Tx, principal: Principal) -> list[dict[str, Any]]:
        enterprise = enterprises.get_enterprise(tx, principal, logical_id=enterprise_id)
        return [
            edge_resource(tx, e, include, enterprise) for e in edges.list_edges(tx, principal, enterprise.id)
        ]

    items = await call_domain(request, work)
    body = list_body(href(f"/enterprises/{enterprise_id}/edges/"), items, request.query, FILTERS)
    return web.json_response(body)


@endpoint("createEdge")
async def create_edge(request: web.Request) -> web.Response:
    enterprise_id = request.match_info["enterpriseLogicalId"]
    include = _include(request.query)
    payload = await read_json(request)
    if "action" in request.query:
        action = request.query["action"]
        await call_domain(request, lambda tx, p: edges.run_edge_action(tx, p, enterprise_id, action, payload))
        return web.Response(status=204)

    def work(tx: Tx, principal: Principal) -> dict[str, Any]:
        return edge_resource(tx, edges.create_edge(tx, principal, enterprise_id, payload), include)

    return web.json_response(await call_domain(request, work), status=201)


@endpoint("getEnterpriseEdge")
async def get_enterprise_edge(request: web.Request) -> web.Response:
    enterprise_id, edge_id = request.match_info["enterpriseLogicalId"], request.match_info["edgeLogicalId"]
    include = _include(request.query)

    def work(tx: Tx, principal: Principal) -> dict[str, Any]:
        return edge_resource(tx, edges.get_enterprise_edge(tx, principal, enterprise_id, edge_id), include)

    return web.json_response(await call_domain(request, work))


@endpoint("updateEdge")
async def update_edge(request: web.Request) -> web.Response:
    enterprise_id, edge_id = request.match_info["enterpriseLogicalId"], request.match_info["edgeLogicalId"]
    include = _include(request.query)
    payload = await read_json(request)

    def work(tx: Tx, principal: Principal) -> dict[str, Any]:
        edge = edges.get_enterprise_edge(tx, principal, enterprise_id, edge_id)
        return edge_resource(tx, edges.patch_edge(tx, principal, edge, payload), include)

    return web.json_response(await call_domain(request, work))


@endpoint("deleteEdge")
async def delete_edge(request: web.Request) -> web.Response:
    enterprise_id, edge_id = request.match_info["enterpriseLogicalId"], request.match_info["edgeLogicalId"]

    def work(tx: Tx, principal: Principal) -> None:
        edges.delete_edge(tx, principal, edges.get_enterprise_edge(tx, principal, enterprise_id, edge_id))

    await call_domain(request, work)
    return web.Response(status=204)


def add_routes(app: web.Application) -> None:
    collection = PREFIX + "/enterprises/{enterpriseLogicalId}/edges{slash:/?}"
    item = PREFIX + "/enterprises/{enterpriseLogicalId}/edges/{edgeLogicalId}{slash:/?}"
    app.router.add_get(collection, get_enterprise_edges)
    app.router.add_post(collection, create_edge)
    app.router.add_get(item, get_enterprise_edge)
    app.router.add_patch(item, update_edge)
    app.router.add_delete(item, delete_edge)
