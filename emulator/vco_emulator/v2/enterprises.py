"""v2 customers: GET/POST /enterprises/, GET/DELETE /enterprises/{enterpriseLogicalId}/."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from ..context import call_domain
from ..domain import enterprises
from ..store import Record, Tx
from .http import PREFIX, endpoint, href, read_json
from .listing import list_body


def enterprise_resource(tx: Tx, record: Record) -> dict[str, Any]:
    """An enterprise as the v2 `EnterpriseResource` schema shows it."""
    data = record.data
    pool = tx.get("gateway_pool", id=data["gatewayPoolId"])
    body: dict[str, Any] = {
        "_href": href(f"/enterprises/{record.logical_id}/"),
        "created": record.created,
        "modified": record.modified,
        "logicalId": record.logical_id,
        "name": record.name,
        "accountNumber": data["accountNumber"],
        "domain": data["domain"],
        "prefix": data["prefix"],
        "alertsEnabled": bool(data["alertsEnabled"]),
        "operatorAlertsEnabled": bool(data["operatorAlertsEnabled"]),
        "endpointPkiMode": data["endpointPkiMode"],
        "bastionState": data["bastionState"],
        "timezone": data["timezone"],
        "locale": data["locale"],
        "gatewayPool": {"_href": href(f"/gatewayPools/{pool.logical_id}/")} if pool else {},
    }
    for field in enterprises.ADDRESS_FIELDS:
        body[field] = data.get(field)
    for field in ("lat", "lon"):  # numbers, not nullable in v2: omitted when unset
        if data.get(field) is not None:
            body[field] = data[field]
    return body


@endpoint("getEnterprises")
async def get_enterprises(request: web.Request) -> web.Response:
    def work(tx: Tx, principal: Any) -> list[dict[str, Any]]:
        return [enterprise_resource(tx, e) for e in enterprises.list_enterprises(tx, principal)]

    items = await call_domain(request, work)
    return web.json_response(list_body(href("/enterprises/"), items, request.query))


@endpoint("createEnterprise")
async def create_enterprise(request: web.Request) -> web.Response:
    payload = await read_json(request)
    body = await call_domain(
        request, lambda tx, p: enterprise_resource(tx, enterprises.create_enterprise(tx, p, payload))
    )
    return web.json_response(body, status=201)


@endpoint("getEnterprise")
async def get_enterprise(request: web.Request) -> web.Response:
    logical_id = request.match_info["enterpriseLogicalId"]
    body = await call_domain(
        request,
        lambda tx, p: enterprise_resource(tx, enterprises.get_enterprise(tx, p, logical_id=logical_id)),
    )
    return web.json_response(body)


@endpoint("deleteEnterprise")
async def delete_enterprise(request: web.Request) -> web.Response:
    logical_id = request.match_info["enterpriseLogicalId"]
    await call_domain(request, lambda tx, p: enterprises.delete_enterprise(tx, p, logical_id=logical_id))
    return web.Response(status=204)


def add_routes(app: web.Application) -> None:
    collection = PREFIX + "/enterprises{slash:/?}"
    item = PREFIX + "/enterprises/{enterpriseLogicalId}{slash:/?}"
    app.router.add_get(collection, get_enterprises)
    app.router.add_post(collection, create_enterprise)
    app.router.add_get(item, get_enterprise)
    app.router.add_delete(item, delete_enterprise)
