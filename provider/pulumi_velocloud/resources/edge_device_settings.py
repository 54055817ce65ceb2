"""`EdgeDeviceSettings`: an edge's own device settings (its overrides of the profile's), over v2.

The v2 `.../edges/{edge}/deviceSettings` document is the edge-specific profile's
deviceSettings: only what the edge overrides. Sections this resource sets get
`override: true` where the section has that flag. Read is one v2
`getEdgeProfileDeviceSettings`; writes are one JSON Patch
(`updateEdgeProfileDeviceSettings`, asynchronous). Finding the edge's numeric id and name
goes through the run's `edge_directory` (one v1 `enterprise/getEnterpriseEdges` shared by the
lookups that miss together, `edge/getEdge` for an edge a list does not show), its
edge-specific deviceSettings module (for the claim) through v1 `edge/getEdgeConfigurationStack`.
See `device_settings` for the inputs, the managed paths and the lifecycle.

Not implemented: the effective (merged) view of an edge's settings.
"""

from __future__ import annotations

import time
from typing import Any

import pulumi
from pydantic import Field

from ..client.errors import NotFound
from ..context import Connection
from ..ids import LogicalId
from ..mechanisms.declare import VcoResource
from ..mechanisms.device_settings_inputs import DeviceSettingsArgs
from ..mechanisms.device_settings_provider import (
    MODULE,
    DeviceSettingsOutputs,
    DeviceSettingsProvider,
    Target,
    device_settings_family,
)
from ..mechanisms.edge_directory import find_edge
from ..mechanisms.spec import EXAMPLE_EDGE_ID, EXAMPLE_ENTERPRISE_ID, register


class EdgeDeviceSettingsArgs(DeviceSettingsArgs):
    """The inputs of an `EdgeDeviceSettings`."""

    edge_id: LogicalId = Field(min_length=1, description="logicalId of the edge (an `Edge` id).")


class EdgeDeviceSettingsOutputs(DeviceSettingsOutputs):
    edge_id: str


SPEC = register(
    device_settings_family("edge_id").spec(
        name="EdgeDeviceSettings",
        summary="An edge's own device settings (what it overrides of its profile's) that this stack "
        "manages. Its Pulumi id is the edge logicalId.",
        args=EdgeDeviceSettingsArgs,
        outputs=EdgeDeviceSettingsOutputs,
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "edge_id": EXAMPLE_EDGE_ID,
            "lan_networks": [{"vlan_id": 10, "name": "Staff", "cidr": "10.1.10.1/24"}],
        },
        example=(
            "nyc_settings = velocloud.EdgeDeviceSettings(\n"
            '    "nyc-01-settings",\n'
            "    enterprise_id=acme.id,\n"
            "    edge_id=nyc.id,\n"
            "    lan_networks=[\n"
            '        velocloud.LanNetworkArgs(vlan_id=10, name="Staff", cidr="10.1.10.1/24"),\n'
            "    ],\n"
            ")"
        ),
        notes=(
            "At the edge level a LAN network list, once set, replaces the profile's networks for this edge "
            "(the VCO merges edge settings over the profile's section by section).",
            "A segment's bgp and bfd, LAN ports and routed interfaces get override: true. Cloud VPN (vpn) "
            "is a profile setting in the Orchestrator's UI; setting it on an edge is allowed by the v2 "
            "schema but unproven (docs/evidence.md section 14).",
        ),
    )
)


class EdgeDeviceSettingsProvider(DeviceSettingsProvider):
    spec = SPEC
    kind = "edge"
    target_field = "edge_id"
    edge_level = True

    def locate(self, vco: Connection, enterprise_id: LogicalId, target_id: LogicalId) -> Target:
        enterprise = vco.ids.enterprise(enterprise_id)
        edge = find_edge(vco, enterprise, target_id)
        sent = time.monotonic()
        stack = vco.client.v1.get_edge_configuration_stack(enterprise, edge.id)
        if len(stack) < 2:
            raise NotFound(
                f"edge {edge.name!r} has no edge-specific profile", operation="getEdgeConfigurationStack"
            )
        module = stack[0].module(MODULE)
        if module is None:
            raise NotFound(
                f"edge {edge.name!r} has no {MODULE} module", operation="getEdgeConfigurationStack"
            )
        return Target(enterprise, edge.name or target_id, stack[0].id, module.id, module.description, sent)


class EdgeDeviceSettings(VcoResource[EdgeDeviceSettingsArgs], provider=EdgeDeviceSettingsProvider):
    """An edge's own device settings that this stack manages. Its Pulumi id is the edge logicalId."""

    edge_id: pulumi.Output[str]
    managed_paths: pulumi.Output[list[str]]
    values: pulumi.Output[dict[str, Any]]
