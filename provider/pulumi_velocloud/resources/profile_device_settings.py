"""`ProfileDeviceSettings`: the device settings of an enterprise profile, over the v2 `deviceSettings` API.

Read is one v2 `getEnterpriseProfileDeviceSettings`; writes are one JSON Patch
(`updateEnterpriseProfileDeviceSettings`, 202 + asynchronous operation, polled until DONE
or ERROR). Finding the profile's name and its deviceSettings module (for the claim) uses v1
`configuration/getConfiguration` with modules. See `device_settings` for the inputs, the
managed paths and the lifecycle.

Not implemented: the settings of operator (network) profiles.
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
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EXAMPLE_PROFILE_ID, register


class ProfileDeviceSettingsArgs(DeviceSettingsArgs):
    """The inputs of a `ProfileDeviceSettings`."""

    profile_id: LogicalId = Field(
        min_length=1, description="logicalId of the enterprise profile (a `Profile` id)."
    )


class ProfileDeviceSettingsOutputs(DeviceSettingsOutputs):
    profile_id: str


SPEC = register(
    device_settings_family("profile_id").spec(
        name="ProfileDeviceSettings",
        summary="The device settings (LAN, interfaces, Cloud VPN, BGP, OSPF, BFD, DNS, NTP, SNMP, ...) of an "
        "enterprise profile that this stack manages. Its Pulumi id is the profile logicalId.",
        args=ProfileDeviceSettingsArgs,
        outputs=ProfileDeviceSettingsOutputs,
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "profile_id": EXAMPLE_PROFILE_ID,
            "lan_networks": [{"vlan_id": 10, "name": "Staff", "cidr": "10.0.10.1/24"}],
        },
        example=(
            "branch_settings = velocloud.ProfileDeviceSettings(\n"
            '    "branch-settings",\n'
            "    enterprise_id=acme.id,\n"
            "    profile_id=branch.id,\n"
            "    lan_networks=[\n"
            "        velocloud.LanNetworkArgs(\n"
            "            vlan_id=10,\n"
            '            name="Staff",\n'
            '            cidr="10.0.10.1/24",\n'
            "            dhcp=velocloud.DhcpArgs(\n"
            "                enabled=True,\n"
            '                range_start="10.0.10.100",\n'
            "                range_size=100,\n"
            "            ),\n"
            "        ),\n"
            "    ],\n"
            '    ntp=velocloud.NtpArgs(enabled=True, servers=["0.pool.ntp.org"]),\n'
            '    snmp={"v2c_enabled": True, "v2c_community": config.require_secret("snmpCommunity")},\n'
            "    # sections holding Outputs (ids, secrets) are written as dicts\n"
            "    segments=[\n"
            "        {\n"
            '            "segment": "Global Segment",\n'
            '            "vpn": {"enabled": True, "branch_to_hub": True, "hubs": [{"edge_id": dc_hub.id}]},\n'
            '            "bgp": {\n'
            '                "enabled": True,\n'
            '                "asn": 65001,\n'
            '                "neighbors": [\n'
            "                    {\n"
            '                        "ip": "192.0.2.2",\n'
            '                        "asn": 65002,\n'
            '                        "md5_password": config.require_secret("bgpMd5"),\n'
            "                    },\n"
            "                ],\n"
            "            },\n"
            '            "ospf": velocloud.OspfArgs(enabled=True, areas=[velocloud.OspfAreaArgs(id=0)]),\n'
            "        },\n"
            "    ],\n"
            ")"
        ),
    )
)


class ProfileDeviceSettingsProvider(DeviceSettingsProvider):
    spec = SPEC
    kind = "profile"
    target_field = "profile_id"
    edge_level = False

    def locate(self, vco: Connection, enterprise_id: LogicalId, target_id: LogicalId) -> Target:
        enterprise = vco.ids.enterprise(enterprise_id)
        profile_id = vco.ids.profile(enterprise, target_id)
        sent = time.monotonic()
        profile = vco.client.v1.get_configuration_with_modules(enterprise, profile_id)
        module = profile.module(MODULE)
        if module is None:
            raise NotFound(
                f"profile {profile.name!r} has no {MODULE} module", operation="configuration/getConfiguration"
            )
        return Target(
            enterprise, profile.name or str(profile.id), profile.id, module.id, module.description, sent
        )


class ProfileDeviceSettings(VcoResource[ProfileDeviceSettingsArgs], provider=ProfileDeviceSettingsProvider):
    """The device settings of a profile that this stack manages. Its Pulumi id is the profile logicalId."""

    profile_id: pulumi.Output[str]
    managed_paths: pulumi.Output[list[str]]
    values: pulumi.Output[dict[str, Any]]
