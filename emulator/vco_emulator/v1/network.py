"""v1 `network/*` methods: getNetworkGatewayPools, getNetworkConfigurations (operator profiles), and
`enterprise/getEnterpriseOperatorConfiguration` (an enterprise's operator profile)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from ..domain import enterprises, kinds, network
from ..domain.auth import Principal
from ..domain.errors import NotFound
from ..domain.validation import parse
from ..store import Record, Tx
from .enterprise import enterprise_object
from .objects import object_header
from .rpc import method


def gateway_pool_object(record: Record) -> dict[str, Any]:
    return {
        "id": record.id,
        "logicalId": record.logical_id,
        "name": record.name,
        "created": record.created,
        "modified": record.modified,
        **record.data,
    }


def configuration_object(record: Record) -> dict[str, Any]:
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
    return [configuration_object(r) for r in network.list_operator_profiles(tx, principal)]


class _GetOperatorConfiguration(BaseModel):
    model_config = ConfigDict(extra="forbid")
    enterpriseId: int
    with_: str | None = None
    noData: bool | None = None


@method("enterprise/getEnterpriseOperatorConfiguration")
def get_enterprise_operator_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    """The operator profile the enterprise was created from (`with: modules` adds no modules here)."""
    params = {("with_" if k == "with" else k): v for k, v in params.items()}
    req = parse(
        _GetOperatorConfiguration, params, what="enterprise/getEnterpriseOperatorConfiguration params"
    )
    principal.require_operator()
    record = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    profile_ids = record.data.get("operatorProfileIds") or []
    profile = tx.get(kinds.OPERATOR_PROFILE, id=profile_ids[0]) if profile_ids else None
    if profile is None:
        raise NotFound(f"enterprise {req.enterpriseId} has no operator profile")
    return configuration_object(profile)
