"""v1 routing methods of an enterprise: `enterprise/getEnterpriseRouteConfiguration`,
`updateEnterpriseRouteConfiguration`, `recalcRefreshRoutesVersion`, `getEnterpriseRouteTable`.
The configuration is answered as the spec's `enterprise_object_base` (object
"ROUTING_CONFIGURATION"). Not implemented: see domain/route_configuration.py.
"""

from __future__ import annotations

from typing import Any

from ..domain import route_configuration
from ..domain.auth import Principal
from ..domain.validation import StrictModel, parse
from ..store import Tx
from .objects import enterprise_object_base, profile_summary, written
from .rpc import method


class _EnterpriseOnly(StrictModel):
    enterpriseId: int | None = None


@method("enterprise/getEnterpriseRouteConfiguration")
def get_enterprise_route_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(_EnterpriseOnly, params, what="enterprise/getEnterpriseRouteConfiguration params")
    record = route_configuration.get_configuration(tx, principal, req.enterpriseId)
    return {**enterprise_object_base(record, "ROUTING_CONFIGURATION"), "data": record.data["data"]}


@method("enterprise/updateEnterpriseRouteConfiguration")
def update_enterprise_route_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    route_configuration.update_configuration(tx, principal, params)
    return written()


@method("enterprise/recalcRefreshRoutesVersion")
def recalc_refresh_routes_version(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EnterpriseOnly, params, what="enterprise/recalcRefreshRoutesVersion params")
    return written(route_configuration.recalc_refresh_routes(tx, principal, req.enterpriseId).id)


@method("enterprise/getEnterpriseRouteTable")
def get_enterprise_route_table(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    table = route_configuration.route_table(tx, principal, params)
    return {**table, "profiles": [profile_summary(p) for p in table["profiles"]]}
