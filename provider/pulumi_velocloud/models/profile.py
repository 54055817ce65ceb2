"""Profile payloads of the v1 API. A profile is what the API calls a *configuration*.

The provider says "profile" throughout (as the Orchestrator's UI does); the v1 API names the
same object `configuration` (`configuration/*` methods, `configurationId` parameters,
`configuration_module`s). Field aliases keep the API's names on the wire.

A module's `data` is kept as a plain JSON document: the rule resources edit it as a whole
(the API only replaces it whole) and must carry every field they do not know unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..ids import LogicalId, VcoId
from .base import ApiModel


class ProfileV1(ApiModel):
    """A profile: `configuration/getConfiguration`, an item of `enterprise/getEnterpriseConfigurations`."""

    id: VcoId
    logical_id: LogicalId | None = None
    name: str
    created: str | None = None
    description: str | None = None
    edge_count: int | None = None


class ProfileModuleV1(ApiModel):
    """A module of a profile (API: `configuration_module`, from `configuration/getConfigurationModules`)."""

    id: VcoId
    name: str
    profile_id: VcoId | None = Field(None, alias="configurationId")
    description: str | None = None
    data: dict[str, Any] | None = None


class ProfileWithModules(ApiModel):
    """A profile (enterprise or edge-specific) with its modules: `getConfiguration` with
    `modules`, or an item of `edge/getEdgeConfigurationStack` (edge-specific profile first)."""

    id: VcoId
    logical_id: LogicalId | None = None
    name: str | None = None
    edge_specific: bool | int | None = None
    modules: list[ProfileModuleV1] = []

    def module(self, name: str) -> ProfileModuleV1 | None:
        return next((m for m in self.modules if m.name == name), None)
