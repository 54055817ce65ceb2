"""Configuration profile payloads of the v1 API (`configuration/*`, `getEnterpriseConfigurations`)."""

from __future__ import annotations

from ..ids import LogicalId, VcoId
from .base import ApiModel


class ProfileV1(ApiModel):
    id: VcoId
    logical_id: LogicalId | None = None
    name: str
    description: str | None = None
    edge_count: int | None = None
