"""v1 edge methods: edge/getEdge, edgeProvision, updateEdgeAttributes, setEdgeEnterpriseConfiguration,
deleteEdge, and enterprise/getEnterpriseEdges, getEnterpriseEdgeList.

`with` options (`with_options.py`): `site`, `enterprise` (getEdge), `configuration` and
`configurationWithModules` (getEdge), `configuration` (the two list methods, in each one's
documented shape); `links`, `recentLinks`, `serviceGroups`, `certificates`, `licenses` are
empty lists and `selfHealing` is false (none of them is emulated). getEnterpriseEdges'
`cloudServices`, `cloudServiceSiteStatus`, `nvsFromEdge` and `vnfs` add nothing.

Not implemented: `generatedCertificate`/`token` in the edgeProvision result, `fieldsNeeded`,
and `edgeOverrides` in getEnterpriseEdgeList's configuration.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..domain import edges, enterprises, profiles, software_images
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..listing import select
from ..store import Record, Tx
from . import with_options
from .enterprise import enterprise_object
from .listing import page_body, query_of
from .objects import object_header, profile_summary, written
from .rpc import method

_EDGE_FIELDS = (
    "activationKey",
    "activationKeyExpires",
    "activationState",
    "activationTime",
    "softwareVersion",
    "bastionState",
    "buildNumber",
    "factorySoftwareVersion",
    "factoryBuildNumber",
    "platformFirmwareVersion",
    "platformBuildNumber",
    "modemFirmwareVersion",
    "modemBuildNumber",
    "softwareUpdated",
    "selfMacAddress",
    "deviceId",
    "serialNumber",
    "modelNumber",
    "deviceFamily",
    "lteRegion",
    "dnsName",
    "description",
    "edgeState",
    "edgeStateTime",
    "systemUpSince",
    "serviceUpSince",
    "lastContact",
    "serviceState",
    "endpointPkiMode",
    "haState",
    "haPreviousState",
    "haLastContact",
    "haSerialNumber",
    "customInfo",
)
_QUICK_SEARCH = ("name", "serialNumber", "description", "customInfo", "modelNumber")


def edge_object(edge: Record, enterprise: Record) -> dict[str, Any]:
    """An edge as the v1 `edge_object` shows it: numeric ids, tinyint flags."""
    data = edge.data
    body: dict[str, Any] = {
        **object_header(edge),
        "name": edge.name or None,
        "enterpriseId": enterprise.id,
        "enterpriseLogicalId": enterprise.logical_id,
        "siteId": data["siteId"],
    }
    body.update({field: data.get(field) for field in _EDGE_FIELDS})
    body.update(
        alertsEnabled=int(bool(data["alertsEnabled"])),
        operatorAlertsEnabled=int(bool(data["operatorAlertsEnabled"])),
        isLive=int(bool(data["isLive"])),
    )
    return body


def site_object(site: Record) -> dict[str, Any]:
    """An edge's site as the v1 `site` definition shows it."""
    body: dict[str, Any] = {**object_header(site), "name": site.name or None}
    body.update({field: site.data.get(field) for field in edges.SITE_FIELDS})
    body["shippingSameAsLocation"] = int(edges.shipping_same_as_location(site))
    return body


def _module_summary(module: Record, edge_specific: set[str]) -> dict[str, Any]:
    return {
        "name": module.name,
        "type": module.data.get("type", "ENTERPRISE"),
        "isEdgeSpecific": int(module.name in edge_specific),
        "version": module.data.get("version"),
    }


def _operator_profile(tx: Tx, edge: Record, enterprise: Record) -> Record | None:
    """The operator profile (software image) the edge runs: its own, else its enterprise's default."""
    return software_images.edge_profile(tx, edge, enterprise)


def _edge_configuration_summary(tx: Tx, edge: Record, enterprise: Record) -> dict[str, Any]:
    """getEnterpriseEdges' `configuration`: the operator and enterprise profiles with module names."""
    profile = edges.profile_of(tx, edge)
    specific = edges.edge_specific_profile_of(tx, edge)
    overrides = {m.name for m in profiles.profile_modules(tx, specific)} if specific else set()
    operator = _operator_profile(tx, edge, enterprise)
    return {
        "operator": None if operator is None else {"id": operator.id, "name": operator.name, "modules": []},
        "enterprise": {
            "id": profile.id,
            "name": profile.name,
            "modules": [_module_summary(m, overrides) for m in profiles.profile_modules(tx, profile)],
        },
    }


def _edge_list_configuration(tx: Tx, edge: Record, enterprise: Record) -> dict[str, Any]:
    """getEnterpriseEdgeList's `configuration`: the operator and enterprise profiles' ids and names."""
    profile = edges.profile_of(tx, edge)
    operator = _operator_profile(tx, edge, enterprise)
    return {
        "operator": None
        if operator is None
        else {"id": operator.id, "name": operator.name, "isEdgeSpecific": False},
        "enterprise": {"id": profile.id, "name": profile.name},
    }


def _module_object(module: Record) -> dict[str, Any]:
    data = module.data
    return {
        **object_header(module),
        "effective": module.modified,
        "type": data.get("type"),
        "description": data.get("description"),
        "configurationId": data.get("configurationId"),
        "schemaVersion": data.get("schemaVersion"),
        "version": data.get("version"),
        "data": data.get("data"),
        "refs": data.get("refs"),
    }


GET_EDGE, ENTERPRISE_EDGES, EDGE_LIST = (
    "edge/getEdge",
    "enterprise/getEnterpriseEdges",
    "enterprise/getEnterpriseEdgeList",
)
_EDGE_METHODS = (GET_EDGE, ENTERPRISE_EDGES, EDGE_LIST)
# No WAN links, service groups, certificates or licenses are emulated: these are empty.
_EMPTY_LISTS = ("links", "recentLinks", "serviceGroups", "certificates", "licenses")


def _with(tx: Tx, edge: Record, enterprise: Record, options: list[str], *, name: str) -> dict[str, Any]:
    """The edge as v1 method `name` shows it, with what its `with` options add."""
    return with_options.expand(tx, name, edge, edge_object(edge, enterprise), options)


for _method in _EDGE_METHODS:
    with_options.adds(_method, "site")(lambda tx, edge: {"site": site_object(edges.site_of(tx, edge))})
    for _option in _EMPTY_LISTS:
        with_options.adds(_method, _option)(with_options.constant(_option, []))
    with_options.adds(_method, "selfHealing")(with_options.constant("selfHealing", False))
for _method in (ENTERPRISE_EDGES, EDGE_LIST):
    with_options.not_shown(
        _method,
        "no cloud services, non-SD-WAN services or VNFs are emulated; the spec result has no field",
        "cloudServices",
        "cloudServiceSiteStatus",
        "nvsFromEdge",
        "vnfs",
    )


@with_options.adds(GET_EDGE, "enterprise")
def _enterprise(tx: Tx, edge: Record) -> dict[str, Any]:
    return {"enterprise": enterprise_object(edges.enterprise_of(tx, edge))}


@with_options.adds(GET_EDGE, "configuration")
def _configuration(tx: Tx, edge: Record) -> dict[str, Any]:
    return {"configuration": profile_summary(edges.profile_of(tx, edge))}


@with_options.adds(GET_EDGE, "configurationWithModules")
def _configuration_with_modules(tx: Tx, edge: Record) -> dict[str, Any]:
    profile = edges.profile_of(tx, edge)
    modules = [_module_object(m) for m in profiles.profile_modules(tx, profile)]
    return {"configuration": {**profile_summary(profile), "modules": modules}}


@with_options.adds(ENTERPRISE_EDGES, "configuration")
def _enterprise_edges_configuration(tx: Tx, edge: Record) -> dict[str, Any]:
    return {"configuration": _edge_configuration_summary(tx, edge, edges.enterprise_of(tx, edge))}


@with_options.adds(EDGE_LIST, "configuration")
def _edge_list_configuration_option(tx: Tx, edge: Record) -> dict[str, Any]:
    return {"configuration": _edge_list_configuration(tx, edge, edges.enterprise_of(tx, edge))}


class _GetEdge(StrictModel):
    id: int | None = None
    edgeId: int | None = None  # what real clients also send (evidence N)
    enterpriseId: int | None = None
    logicalId: str | None = None
    activationKey: str | None = None
    name: str | None = None
    with_: list[str] = Field(default_factory=list, alias="with")


class _EdgeRef(StrictModel):
    id: int | None = None
    edgeId: int | None = None
    enterpriseId: int | None = None


class _UpdateEdgeAttributes(_EdgeRef):
    update: dict[str, Any] = Field(alias="_update")


class _SetEdgeEnterpriseConfiguration(_EdgeRef):
    configurationId: int
    skipEdgeRoutingUpdates: bool | None = None


class _DeleteEdge(_EdgeRef):
    ids: list[int] | None = None
    edgeIds: list[int] | None = None


class _GetEnterpriseEdges(StrictModel):
    id: int | None = None
    enterpriseId: int | None = None
    with_: list[str] = Field(default_factory=list, alias="with")
    limit: int | None = None
    nextPageLink: str | None = None
    prevPageLink: str | None = None
    count: bool | None = Field(default=None, alias="_count")
    quickSearch: str | None = None
    filters: Any = None
    filterSpec: bool | None = Field(default=None, alias="_filterSpec")
    fieldsNeeded: list[str] | None = None
    sortBy: Any = None


def _edge_id(req: _EdgeRef) -> int:
    edge_id = req.id if req.id is not None else req.edgeId
    if edge_id is None:
        raise InvalidRequest("an edge id is required", [FieldError("id", "required (or edgeId)")])
    return edge_id


@method("edge/getEdge")
def get_edge(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_GetEdge, params, what="edge/getEdge params")
    edge = edges.get_edge(
        tx,
        principal,
        id=req.id if req.id is not None else req.edgeId,
        logical_id=req.logicalId,
        enterprise_id=req.enterpriseId,
        name=req.name,
        activation_key=req.activationKey,
    )
    return _with(tx, edge, edges.enterprise_of(tx, edge), req.with_, name=GET_EDGE)


@method("edge/edgeProvision")
def edge_provision(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    edge = edges.provision_edge(tx, principal, params)
    return {"id": edge.id, "activationKey": edge.data["activationKey"]}  # as the real answer: no logicalId


@method("edge/updateEdgeAttributes")
def update_edge_attributes(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_UpdateEdgeAttributes, params, what="edge/updateEdgeAttributes params")
    edge = edges.get_edge(tx, principal, id=_edge_id(req), enterprise_id=req.enterpriseId)
    edges.update_edge_attributes(tx, principal, edge, req.update)
    return written()


@method("edge/setEdgeEnterpriseConfiguration")
def set_edge_enterprise_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_SetEdgeEnterpriseConfiguration, params, what="edge/setEdgeEnterpriseConfiguration params")
    edge = edges.get_edge(tx, principal, id=_edge_id(req), enterprise_id=req.enterpriseId)
    edges.set_edge_profile(tx, principal, edge, req.configurationId)
    return written()


@method("edge/deleteEdge")
def delete_edge(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    req = parse(_DeleteEdge, params, what="edge/deleteEdge params")
    ids = [i for i in (req.id, req.edgeId) if i is not None] + (req.ids or []) + (req.edgeIds or [])
    if not ids:
        raise InvalidRequest("deleteEdge needs id, edgeId, ids or edgeIds", [FieldError("id", "required")])
    found = [edges.get_edge(tx, principal, id=i, enterprise_id=req.enterpriseId) for i in dict.fromkeys(ids)]
    for edge in found:
        edges.delete_edge(tx, principal, edge)
    return [written(edge.id) for edge in found]


def _enterprise_edges(
    tx: Tx, principal: Principal, req: _GetEnterpriseEdges, name: str
) -> list[dict[str, Any]]:
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId or req.id)
    return [
        _with(tx, e, enterprise, req.with_, name=name) for e in edges.list_edges(tx, principal, enterprise.id)
    ]


@method("enterprise/getEnterpriseEdges")
def get_enterprise_edges(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    """All edges of the enterprise (filters, quick search, sort and limit applied; no page links)."""
    req = parse(_GetEnterpriseEdges, params, what="enterprise/getEnterpriseEdges params")
    query = query_of(req.model_dump(by_alias=True, exclude_none=True))
    rows = select(_enterprise_edges(tx, principal, req, ENTERPRISE_EDGES), query, _QUICK_SEARCH)
    return rows[: query.limit] if query.limit else rows


@method("enterprise/getEnterpriseEdgeList")
def get_enterprise_edge_list(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any] | list[dict[str, Any]]:
    """The enterprise's edges: a page `{metaData, data}` walked with `nextPageLink` when the call
    pages (`limit`, a page link or `_count`), else the plain array the OpenNMS-patched spec shows."""
    req = parse(_GetEnterpriseEdges, params, what="enterprise/getEnterpriseEdgeList params")
    query = query_of(req.model_dump(by_alias=True, exclude_none=True))
    rows = select(_enterprise_edges(tx, principal, req, EDGE_LIST), query, _QUICK_SEARCH)
    paged = any(v is not None for v in (req.limit, req.nextPageLink, req.prevPageLink, req.count))
    return page_body(rows, query, count=bool(req.count)) if paged else rows
