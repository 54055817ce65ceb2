"""Configuration module payloads of the v1 API: modules, edge configuration stacks, segments.

A module's `data` is kept as a plain JSON document: the rule resources edit it as a whole
(the API only replaces it whole) and must carry every field they do not know unchanged.
"""

from __future__ import annotations

from typing import Any

from .base import ApiModel


class ConfigurationModuleV1(ApiModel):
    """A `configuration_module` as `configuration/getConfigurationModules` returns it."""

    id: int
    name: str
    configuration_id: int | None = None
    data: dict[str, Any] | None = None


class EdgeStackProfile(ApiModel):
    """A profile of `edge/getEdgeConfigurationStack` (the edge-specific one first, then the edge's)."""

    id: int
    logical_id: str | None = None
    name: str | None = None
    modules: list[ConfigurationModuleV1] = []


class NetworkSegmentData(ApiModel):
    segment_id: int


class NetworkSegmentV1(ApiModel):
    """A `network_segment` of `enterprise/getEnterpriseNetworkSegments` (what a module document names)."""

    id: int
    logical_id: str | None = None
    name: str
    type: str | None = None
    data: NetworkSegmentData
