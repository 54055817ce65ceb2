"""Payloads around device settings: the v1 profile/module view used to find and claim a deviceSettings module.

The v2 deviceSettings document itself is handled as plain JSON (`dict`): the resources
manage only the keys a user declares and must carry every other key through unchanged,
including keys a newer Orchestrator adds.
"""

from __future__ import annotations

from .configuration import ConfigurationModuleV1, ProfileWithModules  # noqa: F401

# Profiles with modules are the configuration models' (shared with the rule resources).
ModuleInfo = ConfigurationModuleV1
