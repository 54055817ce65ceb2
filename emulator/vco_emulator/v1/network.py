"""v1 `network/*` methods: getNetworkEnterprises, getNetworkGatewayPools, getNetworkConfigurations
(the operator profiles, v1 `configuration`s), and `enterprise/getEnterpriseOperatorConfiguration`
(the enterprise's default operator profile, see `domain/software_images.py`).

`with` (`with_options.py`): getNetworkEnterprises adds each enterprise's `edges` (v1
`edge_object`s), `edgeCount`, `serviceLicenses` (as stored at creation; none by default) and
`edgeConfigUpdate` (a guess, see `EDGE_CONFIG_UPDATE`); getNetworkGatewayPools adds the
`enterprises` that use each pool, and `gateways` (and `gatewaysWithRoles`, the same key): the
pool's seeded gateways (`domain/gateways.py`), without roles; getNetworkConfigurations adds
`modules`, empty: operator profiles carry no module rows here. `counts` adds nothing (the spec's
result has no field for it).
Other parameters (`networkId`, `id`, `enterprises`, `_count`) are accepted and ignored: there is
one network.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from ..domain import enterprises, gateways, kinds, network, software_images
from ..domain.auth import Principal
from ..domain.errors import NotFound
from ..domain.validation import parse
from ..store import Record, Tx
from . import with_options
from .edge import edge_object
from .enterprise import enterprise_object
from .gateway import gateway_object
from .objects import object_header, profile_summary
from .rpc import method

NETWORK_ENTERPRISES, GATEWAY_POOLS, NETWORK_CONFIGURATIONS = (
    "network/getNetworkEnterprises",
    "network/getNetworkGatewayPools",
    "network/getNetworkConfigurations",
)
OPERATOR_CONFIGURATION = "enterprise/getEnterpriseOperatorConfiguration"
# A guess: the enterprise setting a fresh Orchestrator shows for edge configuration updates.
EDGE_CONFIG_UPDATE = {"enabled": True, "enabledOnUpgrade": False}


def gateway_pool_object(record: Record) -> dict[str, Any]:
    return {**object_header(record), **record.data}


@with_options.adds(NETWORK_ENTERPRISES, "edges")
def _edges(tx: Tx, enterprise: Record) -> dict[str, Any]:
    return {"edges": [edge_object(e, enterprise) for e in tx.find(kinds.EDGE, enterprise_id=enterprise.id)]}


@with_options.adds(NETWORK_ENTERPRISES, "edgeCount")
def _edge_count(tx: Tx, enterprise: Record) -> dict[str, Any]:
    return {"edgeCount": len(tx.find(kinds.EDGE, enterprise_id=enterprise.id))}


@with_options.adds(NETWORK_ENTERPRISES, "serviceLicenses")
def _service_licenses(tx: Tx, enterprise: Record) -> dict[str, Any]:
    return {"serviceLicenses": dict(enterprise.data.get("serviceLicenses") or {})}


@with_options.adds(NETWORK_ENTERPRISES, "edgeConfigUpdate")
def _edge_config_update(tx: Tx, enterprise: Record) -> dict[str, Any]:
    return {"edgeConfigUpdate": dict(enterprise.data.get("edgeConfigUpdate") or EDGE_CONFIG_UPDATE)}


@with_options.adds(GATEWAY_POOLS, "enterprises")
def _pool_enterprises(tx: Tx, pool: Record) -> dict[str, Any]:
    """The enterprises using the pool, as the spec's `enterprise_with_proxy_attributes`."""
    users = [e for e in tx.find(kinds.ENTERPRISE) if e.data.get("gatewayPoolId") == pool.id]
    return {"enterprises": [_with_proxy(tx, e) for e in users]}


def _with_proxy(tx: Tx, enterprise: Record) -> dict[str, Any]:
    proxy_id = enterprise.data.get("enterpriseProxyId")
    proxy = None if proxy_id is None else tx.get(kinds.ENTERPRISE_PROXY, id=int(proxy_id))
    return {
        **enterprise_object(enterprise),
        "enterpriseProxyId": proxy_id,
        "enterpriseProxyName": None if proxy is None else proxy.name,
    }


@with_options.adds(GATEWAY_POOLS, "gateways", "gatewaysWithRoles")
def _pool_gateways(tx: Tx, pool: Record) -> dict[str, Any]:
    """The pool's gateways as the spec's `gateway_pool_gateway` (no roles emulated)."""
    return {
        "gateways": [
            {
                **{k: v for k, v in gateway_object(g).items() if v is not None},
                "gatewayPoolAssocId": g.id,
                "poolName": pool.name,
                "roles": [],
            }
            for g in gateways.pool_gateways(tx, pool.id)
        ]
    }


with_options.adds(NETWORK_CONFIGURATIONS, "modules")(with_options.constant("modules", []))
with_options.not_shown(
    NETWORK_CONFIGURATIONS, "the spec's result has no field for it and its shape is unknown", "counts"
)


@method(NETWORK_ENTERPRISES)
def get_network_enterprises(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    principal.require_operator()
    options = with_options.requested(params)
    return [
        with_options.expand(tx, NETWORK_ENTERPRISES, r, enterprise_object(r), options)
        for r in enterprises.list_enterprises(tx, principal)
    ]


@method(GATEWAY_POOLS)
def get_network_gateway_pools(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    options = with_options.requested(params)
    return [
        with_options.expand(tx, GATEWAY_POOLS, r, gateway_pool_object(r), options)
        for r in network.list_gateway_pools(tx, principal)
    ]


@method(NETWORK_CONFIGURATIONS)
def get_network_configurations(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    options = with_options.requested(params)
    return [
        with_options.expand(tx, NETWORK_CONFIGURATIONS, r, profile_summary(r), options)
        for r in network.list_operator_profiles(tx, principal)
    ]


class _GetOperatorConfiguration(BaseModel):
    model_config = ConfigDict(extra="forbid")
    enterpriseId: int
    with_: str | list[str] | None = None
    noData: bool | None = None


@method(OPERATOR_CONFIGURATION)
def get_enterprise_operator_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    """The enterprise's default operator profile (`with: modules` adds no modules here)."""
    params = {("with_" if k == "with" else k): v for k, v in params.items()}
    req = parse(
        _GetOperatorConfiguration, params, what="enterprise/getEnterpriseOperatorConfiguration params"
    )
    principal.require_operator()
    record = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    profile = software_images.default_profile(tx, record)
    if profile is None:
        raise NotFound(f"enterprise {req.enterpriseId} has no operator profile")
    options = [req.with_] if isinstance(req.with_, str) else list(req.with_ or [])
    return with_options.expand(tx, OPERATOR_CONFIGURATION, profile, profile_summary(profile), options)


# `with: modules`: operator profiles carry no module rows here
with_options.adds(OPERATOR_CONFIGURATION, "modules")(with_options.constant("modules", []))
