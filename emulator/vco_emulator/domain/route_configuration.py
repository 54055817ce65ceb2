"""An enterprise's routing configuration (overlay flow control): v1
`enterprise/getEnterpriseRouteConfiguration`, `updateEnterpriseRouteConfiguration`,
`recalcRefreshRoutesVersion`, and the composite route table `getEnterpriseRouteTable`.

One `route_configuration` row per enterprise (name "GLOBAL", type "DEFAULT", object
"ROUTING_CONFIGURATION", as a VCO's own API test suite expects), made on first read with the
spec's defaults: `data` is the document (`edge`, `hub`, `partnerGateway`, `nsdEdge`,
`nsdGateway`, `routingPreference`, `preferenceBuckets`, `v6Detail` for IPv6), `refreshRoutesVersion`
a counter. An update replaces the whole document, which must match the spec's schema (every
required section, booleans, the `routingPreference` entities NSD/EDGE/HUB/ROUTER/PARTNER).

Guessed: the default `routingPreference` order (EDGE, HUB, PARTNER, ROUTER, NSD, all allowed) and
the empty default `preferenceBuckets`. Not implemented: learned routes (the route table lists the
enterprise's profiles and exits, no subnets), `enterprise/updateEnterpriseRoute` (there is no
route to update), filters of the route table.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import Field

from ..store import Record, Tx
from . import enterprises, gateways, kinds, profile_rules
from .auth import Principal
from .errors import FieldError, InvalidRequest
from .validation import StrictModel, parse

KIND = "route_configuration"
CLUSTER_TYPES = ("edgeHubCluster",)


class _Ospf(StrictModel):
    advertiseExternal: bool
    advertiseInterArea: bool
    advertiseIntraArea: bool


class _Tags(StrictModel):
    UPLINK: bool | None


class _Bgp(StrictModel):
    advertiseInternal: bool
    advertiseExternal: bool
    advertiseNeighborTags: _Tags


class _Assigned(StrictModel):
    advertiseStatic: bool
    advertiseConnected: bool


class _EdgeRoutes(StrictModel):
    ospf: _Ospf
    bgp: _Bgp
    assigned: _Assigned


class _Static(StrictModel):
    advertiseStatic: bool


class _PartnerBgp(StrictModel):
    advertiseExternal: bool


class _Partner(StrictModel):
    bgp: _PartnerBgp
    assigned: _Static


class _NsdEdge(StrictModel):
    bgp: _Bgp
    assigned: _Static


class _NsdGatewayBgp(StrictModel):
    advertiseInternal: bool
    advertiseExternal: bool


class _NsdGateway(StrictModel):
    bgp: _NsdGatewayBgp
    assigned: _Static


class _Preference(StrictModel):
    entity: Literal["NSD", "EDGE", "HUB", "ROUTER", "PARTNER"]
    allow: bool


class _Bucket(StrictModel):
    entity: str | None = None
    exitType: str | None = None
    protocol: str | None = None
    routeType: str | None = None
    neighborTag: str | None = None
    preference: int | None = None


class _Detail(StrictModel):
    nsdEdge: _NsdEdge | None = None
    nsdGateway: _NsdGateway | None = None
    edge: _EdgeRoutes
    hub: _EdgeRoutes
    partnerGateway: _Partner
    routingPreference: list[_Preference]
    preferenceBuckets: list[_Bucket] | None = None


class RouteDocument(_Detail):
    v6Detail: _Detail


class UpdateRequest(StrictModel):
    enterpriseId: int | None = None
    id: int | None = None
    data: RouteDocument


def _routes() -> dict[str, Any]:
    return {
        "ospf": {"advertiseExternal": False, "advertiseInterArea": True, "advertiseIntraArea": True},
        "bgp": {
            "advertiseInternal": True,
            "advertiseExternal": False,
            "advertiseNeighborTags": {"UPLINK": False},
        },
        "assigned": {"advertiseStatic": True, "advertiseConnected": True},
    }


def default_document() -> dict[str, Any]:
    """The spec's defaults (the preference order is a guess)."""
    detail: dict[str, Any] = {
        "nsdEdge": {
            "bgp": {
                "advertiseInternal": False,
                "advertiseExternal": True,
                "advertiseNeighborTags": {"UPLINK": False},
            },
            "assigned": {"advertiseStatic": True},
        },
        "nsdGateway": {
            "bgp": {"advertiseInternal": False, "advertiseExternal": True},
            "assigned": {"advertiseStatic": True},
        },
        "edge": _routes(),
        "hub": _routes(),
        "partnerGateway": {"bgp": {"advertiseExternal": True}, "assigned": {"advertiseStatic": True}},
        "routingPreference": [
            {"entity": entity, "allow": True} for entity in ("EDGE", "HUB", "PARTNER", "ROUTER", "NSD")
        ],
        "preferenceBuckets": [],
    }
    return {**copy.deepcopy(detail), "v6Detail": copy.deepcopy(detail)}


def get_configuration(tx: Tx, principal: Principal, enterprise_id: int | None) -> Record:
    """The enterprise's routing configuration, made with the defaults on first use."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    found = tx.find(KIND, enterprise_id=enterprise.id)
    if found:
        return found[0]
    return tx.insert(
        KIND,
        "GLOBAL",
        {"type": "DEFAULT", "data": default_document(), "refreshRoutesVersion": 0},
        enterprise_id=enterprise.id,
    )


def update_configuration(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(UpdateRequest, params, what="enterprise/updateEnterpriseRouteConfiguration params")
    config = get_configuration(tx, principal, req.enterpriseId)
    if req.id is not None and req.id != config.id:
        raise InvalidRequest(
            f"id {req.id} is not the routing configuration of enterprise {config.enterprise_id} "
            f"(id {config.id})",
            [FieldError("id", f"must be {config.id}")],
        )
    document = req.data.model_dump(exclude_unset=True)
    return tx.update(config, config.name, {**config.data, "data": document})


def recalc_refresh_routes(tx: Tx, principal: Principal, enterprise_id: int | None) -> Record:
    principal.require_write()
    config = get_configuration(tx, principal, enterprise_id)
    version = int(config.data.get("refreshRoutesVersion", 0)) + 1
    return tx.update(config, config.name, {**config.data, "refreshRoutesVersion": version})


class RouteTableRequest(StrictModel):
    enterpriseId: int | None = None
    profiles: list[int] | None = None
    filter: dict[str, Any] | None = Field(None)


def route_table(tx: Tx, principal: Principal, params: Any) -> dict[str, Any]:
    """The profiles (optionally those named) and the possible exits; no learned subnets."""
    req = parse(RouteTableRequest, params, what="enterprise/getEnterpriseRouteTable params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    profiles = profile_rules.enterprise_profiles(tx, principal, enterprise.id)
    if req.profiles is not None:
        profiles = [p for p in profiles if p.id in req.profiles]
    services = tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=enterprise.id)

    def exit_of(record: Record, type: str) -> dict[str, Any]:
        return {"id": record.id, "name": record.name, "logicalId": record.logical_id, "type": type}

    return {
        "profiles": profiles,
        "subnets": [],
        "exits": {
            "edges": [exit_of(e, "EDGE") for e in tx.find(kinds.EDGE, enterprise_id=enterprise.id)],
            "hubs": [exit_of(s, "CLUSTER") for s in services if s.data.get("type") in CLUSTER_TYPES],
            "gateways": [exit_of(g, "GATEWAY") for g in gateways.enterprise_gateways(tx, enterprise)],
            "nvs": [exit_of(s, "NVS") for s in services if s.data.get("type") == "nvsViaEdgeService"],
        },
    }
