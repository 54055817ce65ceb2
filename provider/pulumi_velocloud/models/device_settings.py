"""Payloads around device settings: the v1 profile/module view used to find and claim a deviceSettings module.

The v2 deviceSettings document itself is handled as plain JSON (`dict`): the resources
manage only the keys a user declares and must carry every other key through unchanged,
including keys a newer Orchestrator adds.
"""

from __future__ import annotations

from .base import ApiModel


class ModuleInfo(ApiModel):
    """A configuration module without its data: its id, name and free-text description."""

    id: int
    name: str
    description: str | None = None
    configuration_id: int | None = None


class ProfileWithModules(ApiModel):
    """A profile (enterprise or edge-specific) with its modules, as `with: ["modules"]` returns it."""

    id: int
    logical_id: str | None = None
    name: str
    edge_specific: bool | int | None = None
    modules: list[ModuleInfo] = []

    def module(self, name: str) -> ModuleInfo | None:
        return next((m for m in self.modules if m.name == name), None)
