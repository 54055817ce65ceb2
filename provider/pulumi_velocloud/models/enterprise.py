"""Enterprise (customer) payloads of the v2 and v1 APIs, and the network objects a create needs."""

from __future__ import annotations

from pydantic import Field

from .base import ApiModel


class EnterpriseV2(ApiModel):
    """v2 `EnterpriseResource` (no numeric id, no description)."""

    logical_id: str
    name: str
    created: str | None = None
    account_number: str | None = None
    domain: str | None = None
    endpoint_pki_mode: str | None = None
    timezone: str | None = None
    locale: str | None = None


class EnterpriseV1(ApiModel):
    """v1 `enterprise/getEnterprise` result."""

    id: int
    logical_id: str
    name: str
    description: str | None = None
    account_number: str | None = None
    domain: str | None = None
    gateway_pool_id: int | None = None
    network_id: int | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    contact_mobile: str | None = None
    street_address: str | None = None
    street_address2: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    timezone: str | None = None
    locale: str | None = None
    alerts_enabled: bool | None = None


class EnterpriseRef(ApiModel):
    """An item of v1 `network/getNetworkEnterprises`: enough to map logicalId to id."""

    id: int
    logical_id: str
    name: str


class GatewayPool(ApiModel):
    id: int
    logical_id: str
    name: str
    is_default: bool | None = None


class OperatorProfile(ApiModel):
    """An operator-level configuration profile (`network/getNetworkConfigurations`)."""

    id: int
    logical_id: str
    name: str


class RowsModified(ApiModel):
    rows: int
    error: str | None = Field(default=None)
