"""v2 application maps and the applications of an enterprise or an edge (behaviour:
`domain/applications.py`).

`ApplicationResource` has no id field in the spec: an application's id is the `appId` of its
`_href` (`.../applications/{appId}`). getEnterpriseApplicationById and getEdgeApplication answer
an array of one (`Applications`, as the spec says); getApplicationMapApplication answers the
resource itself. `knownIpPortMapping` / `protocolPortMapping` have the v1 shapes (the v2 spec
types them as any object). An enterprise's and an edge's applications are its map's.
Not implemented: `include` (accepted, ignored), `mustNotPerformDpi` other than 0, `downloadToken`
/ `downloadUrl` of a map.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from ..context import call_domain
from ..domain import applications, edges, enterprises
from ..domain.application_catalogue import CatalogueEntry, application_object
from ..domain.auth import Principal
from ..domain.errors import NotFound
from ..store import Record, Tx
from .http import PREFIX, endpoint, href


def application_resource(base: str, entry: CatalogueEntry) -> dict[str, Any]:
    """An application as `ApplicationResource`; `base` is the `_href` of its collection."""
    body = application_object(entry)
    return {
        "_href": href(f"{base}/{entry.id}"),
        "name": body["name"],
        "displayName": body["displayName"],
        "class": body["class"],
        "description": body["description"],
        "knownIpPortMapping": body["knownIpPortMapping"],
        "protocolPortMapping": body["protocolPortMapping"],
        "mustNotPerformDpi": 0,
    }


def _app_id(request: web.Request) -> int:
    """The `appId` of the path; one that is not a number names no application (404: the spec
    documents no 400 for these operations)."""
    raw = request.match_info["appId"]
    if not raw.isdigit():
        raise NotFound(f"application {raw!r} not found (application ids are numbers)")
    return int(raw)


def _map(tx: Tx, principal: Principal, request: web.Request) -> Record:
    return applications.get_map(tx, principal, request.match_info["logicalId"])


def _scope_map(tx: Tx, principal: Principal, request: web.Request) -> Record:
    """The map of the enterprise (or edge) the path addresses."""
    info = request.match_info
    if "edgeLogicalId" in info:
        edges.get_enterprise_edge(tx, principal, info["enterpriseLogicalId"], info["edgeLogicalId"])
    enterprise = enterprises.get_enterprise(tx, principal, logical_id=info["enterpriseLogicalId"])
    return applications.enterprise_map(tx, principal, enterprise)


def _base(request: web.Request) -> str:
    """The path of the applications collection the request addresses, without the v2 prefix."""
    path = request.path[len(PREFIX) :].rstrip("/")
    return path.rsplit("/", 1)[0] if "appId" in request.match_info else path


@endpoint("getApplicationMap")
async def get_application_map(request: web.Request) -> web.Response:
    record = await call_domain(request, lambda tx, p: _map(tx, p, request))
    base = f"/applicationMaps/{record.logical_id}/applications"
    return web.json_response(
        {
            "_href": href(f"/applicationMaps/{record.logical_id}"),
            **applications.map_fields(record),
            "created": record.created,
            "modified": record.modified,
            "timestamp": record.data.get("contentRefreshed") or record.modified,
            "blobContent": {
                "applications": [application_resource(base, e) for e in applications.applications(record)]
            },
        }
    )


async def _list(request: web.Request, scope: Any) -> web.Response:
    record = await call_domain(request, lambda tx, p: scope(tx, p, request))
    base = _base(request)
    return web.json_response([application_resource(base, e) for e in applications.applications(record)])


async def _one(request: web.Request, scope: Any, *, as_list: bool) -> web.Response:
    def work(tx: Tx, principal: Principal) -> CatalogueEntry:
        return applications.application(scope(tx, principal, request), _app_id(request))

    entry = await call_domain(request, work)
    body = application_resource(_base(request), entry)
    return web.json_response([body] if as_list else body)


@endpoint("getApplicationMapApplications")
async def get_application_map_applications(request: web.Request) -> web.Response:
    return await _list(request, _map)


@endpoint("getApplicationMapApplication")
async def get_application_map_application(request: web.Request) -> web.Response:
    return await _one(request, _map, as_list=False)


@endpoint("getApplicationMapApplicationClasses")
async def get_application_map_application_classes(request: web.Request) -> web.Response:
    record = await call_domain(request, lambda tx, p: _map(tx, p, request))
    base = f"/applicationMaps/{record.logical_id}/applicationClasses"
    return web.json_response(
        [
            {"_href": href(f"{base}/{class_id}"), "id": class_id, "name": name}
            for class_id, name in sorted(applications.classes(record).items())
        ]
    )


@endpoint("getEnterpriseApplications")
async def get_enterprise_applications(request: web.Request) -> web.Response:
    return await _list(request, _scope_map)


@endpoint("getEnterpriseApplicationById")
async def get_enterprise_application(request: web.Request) -> web.Response:
    return await _one(request, _scope_map, as_list=True)


@endpoint("getEdgeApplications")
async def get_edge_applications(request: web.Request) -> web.Response:
    return await _list(request, _scope_map)


@endpoint("getEdgeApplication")
async def get_edge_application(request: web.Request) -> web.Response:
    return await _one(request, _scope_map, as_list=True)


def add_routes(app: web.Application) -> None:
    maps = PREFIX + "/applicationMaps/{logicalId}"
    ent = PREFIX + "/enterprises/{enterpriseLogicalId}"
    edge = ent + "/edges/{edgeLogicalId}"
    get = app.router.add_get
    get(maps + "{slash:/?}", get_application_map)
    get(maps + "/applications{slash:/?}", get_application_map_applications)
    get(maps + "/applications/{appId}{slash:/?}", get_application_map_application)
    get(maps + "/applicationClasses{slash:/?}", get_application_map_application_classes)
    get(ent + "/applications{slash:/?}", get_enterprise_applications)
    get(ent + "/applications/{appId}{slash:/?}", get_enterprise_application)
    get(edge + "/applications{slash:/?}", get_edge_applications)
    get(edge + "/applications/{appId}{slash:/?}", get_edge_application)
