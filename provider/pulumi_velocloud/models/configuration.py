"""Configuration module payloads of the v1 API: modules, edge configuration stacks, segments.

A module's `data` is kept as a plain JSON document: the rule resources edit it as a whole
(the API only replaces it whole) and must carry every field they do not know unchanged.
"""

from __future__ import annotations

from typing import Any

from ..ids import LogicalId, VcoId
from .base import ApiModel


class ConfigurationModuleV1(ApiModel):
    """A `configuration_module` as `configuration/getConfigurationModules` returns it."""

    id: VcoId
    name: str
    configuration_id: VcoId | None = None
    description: str | None = None
    data: dict[str, Any] | None = None


class ProfileWithModules(ApiModel):
    """A profile (enterprise or edge-specific) with its modules: `getConfiguration` with
    `modules`, or an item of `edge/getEdgeConfigurationStack` (edge-specific profile first)."""

    id: VcoId
    logical_id: LogicalId | None = None
    name: str | None = None
    edge_specific: bool | int | None = None
    modules: list[ConfigurationModuleV1] = []

    def module(self, name: str) -> ConfigurationModuleV1 | None:
        return next((m for m in self.modules if m.name == name), None)
