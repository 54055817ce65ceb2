"""Object group payloads of the v1 API (`enterprise/*ObjectGroup*`): address and port groups.

Entries keep the API's own snake_case names (`rule_type`, `port_low`), unlike the rest of v1.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from .base import ApiModel


class _Entry(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class IpGroupEntry(_Entry):
    """The spec's `ip_group_object`."""

    ip: str
    mask: str | None = None
    rule_type: str


class DomainGroupEntry(_Entry):
    """The spec's `domain_group_object`."""

    domain: str


class PortGroupEntry(_Entry):
    """The spec's `port_group_object` (`proto` 6 = TCP, 17 = UDP)."""

    proto: int
    port_low: int
    port_high: int | None = None


class ObjectGroupV1(ApiModel):
    """An item of `enterprise/getObjectGroups` (the spec's `object_group`): `data` is its entries."""

    id: int
    logical_id: str | None = None
    name: str
    created: str | None = None
    type: str | None = None
    description: str | None = None
    data: list[dict[str, Any]] | None = None
