"""Configuration profile payloads of the v1 API (`configuration/*`, `getEnterpriseConfigurations`)."""

from __future__ import annotations

from .base import ApiModel


class ProfileV1(ApiModel):
    id: int
    logical_id: str | None = None
    name: str
    created: str | None = None
    description: str | None = None
    edge_count: int | None = None
