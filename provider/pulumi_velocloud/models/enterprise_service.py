"""Enterprise service payloads of the v1 API (`enterprise/*EnterpriseService*`): non-SD-WAN destinations,
hub clusters and their members."""

from __future__ import annotations

from typing import Any

from ..ids import LogicalId, VcoId
from .base import ApiModel


class EnterpriseServiceV1(ApiModel):
    """An item of `enterprise/getEnterpriseServices` (the spec's `enterprise_object_base`)."""

    id: VcoId
    logical_id: LogicalId | None = None
    name: str
    type: str | None = None
    description: str | None = None
    created: str | None = None
    data: dict[str, Any] | None = None
    edge_id: VcoId | None = None  # a hub cluster member's edge (type edgeHubClusterMember)
    parent_group_id: VcoId | None = None  # a hub cluster member's cluster


class RouteConfigurationV1(ApiModel):
    """`enterprise/getEnterpriseRouteConfiguration`: the enterprise's overlay flow control document."""

    id: VcoId
    logical_id: LogicalId | None = None
    data: dict[str, Any]


class GatewayV1(ApiModel):
    """A gateway of a pool (`network/getNetworkGatewayPools` with `gateways`)."""

    id: VcoId
    logical_id: LogicalId | None = None
    name: str
    ip_address: str | None = None
    private_ip_address: str | None = None
    gateway_state: str | None = None


class GatewayPoolWithGateways(ApiModel):
    id: VcoId
    logical_id: LogicalId | None = None
    name: str
    gateways: list[GatewayV1] = []
