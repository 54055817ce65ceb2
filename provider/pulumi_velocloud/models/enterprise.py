"""Enterprise (customer) payloads of the v2 and v1 APIs, and the network objects a create needs."""

from __future__ import annotations

from pydantic import Field

from ..ids import LogicalId, VcoId
from .base import Address, ApiModel


class EnterpriseV2(ApiModel):
    """v2 `EnterpriseResource` (no numeric id, no description)."""

    logical_id: LogicalId
    name: str
    created: str | None = None
    account_number: str | None = None
    domain: str | None = None
    endpoint_pki_mode: str | None = None
    timezone: str | None = None
    locale: str | None = None


class EnterpriseV1(Address):
    """v1 `enterprise/getEnterprise` result."""

    id: VcoId
    logical_id: LogicalId
    name: str
    description: str | None = None
    account_number: str | None = None
    domain: str | None = None
    gateway_pool_id: VcoId | None = None
    network_id: VcoId | None = None
    contact_mobile: str | None = None
    street_address2: str | None = None
    alerts_enabled: bool | None = None


class EnterpriseRef(ApiModel):
    """An item of v1 `network/getNetworkEnterprises`: enough to map logicalId to id."""

    id: VcoId
    logical_id: LogicalId
    name: str


class GatewayPool(ApiModel):
    id: VcoId
    logical_id: LogicalId
    name: str
    is_default: bool | None = None


class OperatorProfile(ApiModel):
    """An operator-level configuration profile (`network/getNetworkConfigurations`)."""

    id: VcoId
    logical_id: LogicalId
    name: str


class EnterpriseProperty(ApiModel):
    """An enterprise property (v1 `enterprise_property`): a named string value."""

    name: str
    value: str | None = None


class RowsModified(ApiModel):
    rows: int
    error: str | None = Field(default=None)
