"""v1 `network/*` methods: getNetworkEnterprises, getNetworkGatewayPools, getNetworkConfigurations
(the operator profiles, v1 `configuration`s)."""

from __future__ import annotations

from typing import Any

from ..domain import enterprises, network
from ..domain.auth import Principal
from ..store import Record, Tx
from .enterprise import enterprise_object
from .objects import object_header
from .rpc import method


def gateway_pool_object(record: Record) -> dict[str, Any]:
    return {**object_header(record), **record.data}


def profile_summary(record: Record) -> dict[str, Any]:
    """A profile (enterprise or operator) as v1 lists it: the `configuration` header fields."""
    data = record.data
    return {
        **object_header(record),
        "effective": record.modified,
        "description": data.get("description"),
        "version": data.get("version", "1"),
        "schemaVersion": data.get("schemaVersion"),
        "configurationType": data.get("configurationType"),
        "bastionState": data.get("bastionState", "UNCONFIGURED"),
    }


@method("network/getNetworkEnterprises")
def get_network_enterprises(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    principal.require_operator()
    return [enterprise_object(r) for r in enterprises.list_enterprises(tx, principal)]


@method("network/getNetworkGatewayPools")
def get_network_gateway_pools(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [gateway_pool_object(r) for r in network.list_gateway_pools(tx, principal)]


@method("network/getNetworkConfigurations")
def get_network_configurations(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [profile_summary(r) for r in network.list_operator_profiles(tx, principal)]
