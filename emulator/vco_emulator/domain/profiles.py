"""Profiles and their modules as stored: the shared model other domain modules build on.

A *profile* is the v2 API's and the UI's name; the v1 API calls it a `configuration` (stored
kind `kinds.PROFILE`, "configuration") and its modules `configuration_module`s.

A profile is a `configuration` row of an enterprise; its modules are `configuration_module`
rows (one per module name) holding the module document in `data["data"]`. An enterprise
gets one profile derived from its operator profile; every edge gets an edge-specific
profile (`edgeSpecific: true`, `edgeId`) whose modules override the enterprise profile's.

Not implemented here: module validation and the effective (merged) view; see
`domain/profile_rules.py` for those.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from ..store import Record, Tx
from . import edge_ha, kinds

ENTERPRISE_PROFILE_MODULES = (
    "deviceSettings",
    "firewall",
    "QOS",
    "WAN",
    "controlPlane",
    "managementPlane",
    "metaData",
)
# An edge-specific profile starts with its deviceSettings and an empty WAN module; firewall and
# QOS modules exist only once the edge overrides its profile's (VMware's samples insert them
# with configuration/insertConfigurationModule; docs/evidence.md section 1b).
EDGE_PROFILE_MODULES = ("deviceSettings", "WAN")
PROFILE_SCHEMA_VERSION = "5.1.0"  # a profile's: no real answer seen (a guess)
MODULE_SCHEMA_VERSION = "3.0.0"  # a module's document schema, as a real deviceSettings module has

# The deviceSettings sections of the v2 `BaseDeviceSettings` schema a new enterprise profile
# starts with, besides its LAN, segments, routed interfaces and models (see
# `default_module_data`). A GUESS at a fresh Orchestrator profile, not taken from one: no
# published sample shows these defaults. Every feature is off and nothing is configured, with
# the values the schema allows for that; numbers where the UI shows a default are marked.
NEW_PROFILE_SECTIONS: dict[str, Any] = {
    "bfd": {"enabled": False, "rules": [], "rulesV6": []},
    "ha": {"enabled": False},
    "loopbackInterfaces": {},
    "multiSourceQos": {"enabled": False},
    "ntp": {"enabled": False, "servers": []},
    "ntpServer": {"enabled": False, "authentication": "NONE", "keys": []},
    "radioSettings": {"radios": []},
    # guess: the ARP timers (minutes) the UI pre-fills when overriding them
    "l2Settings": {
        "overrideARPTimeout": False,
        "arpStaleTimeoutMinutes": 2,
        "arpDeadTimeoutMinutes": 5,
        "arpCleanupTimeoutMinutes": 10,
    },
    "globalIPv6Settings": {
        "advancedConfiguration": {
            "disableAllIPv6Traffic": False,
            "dropRoutingHeaderTypeZeroPackets": True,
            "dropnLogPacketsForRFCReservedFields": False,
            "enforceExtensionHeaderOrderCheck": False,
            "enforceExtensionHeaderValidation": False,
        },
        "icmpV6Messages": {
            "disableDestinationUnreachable": False,
            "disableParameterProblem": False,
            "disableTimeExceeded": False,
        },
    },
    "snmp": {  # guess: port 161, the SNMP agent's well-known port
        "port": 161,
        "snmpv2c": {"enabled": False, "allowedIp": []},
        "snmpv3": {"enabled": False, "users": []},
    },
    "softwareUpdate": {"windowed": False, "window": {"day": 0, "beginHour": 0, "endHour": 4}},
    "tacacs": {},
    "vnfs": {"hasVnfs": False},
    "zscaler": {},
}


# The routing sections of a new enterprise profile's Global Segment entry (v2 `DeviceSettingsSegment`
# `vpn`, `bgp`, `ospf`, `bfd`): everything off and empty. The shapes and the off values follow a real
# edge's module (docs/evidence.md section 14: BFD exactly, OSPF's NONE/true defaults, the empty
# lists); that a fresh profile has Cloud VPN off and these values is a GUESS.
NEW_SEGMENT_SECTIONS: dict[str, Any] = {
    "vpn": {
        "enabled": False,
        "edgeToDataCenter": False,
        "edgeToEdge": False,
        "edgeToEdgeHub": {"enabled": False, "vpnHubs": []},
        "edgeToEdgeDetail": {
            "useCloudGateway": True,
            "autoSelectVpnHubs": False,
            "vpnHubs": [],
            "dynamic": {"enabled": False},
            "isolation": {"enabled": False},
        },
        "conditionalBackhaul": False,
        "backHaulEdges": [],
    },
    "bgp": {"enabled": False, "neighbors": [], "networks": [], "filters": [], "aggregation": []},
    "ospf": {
        "enabled": False,
        "areas": [],
        "aggregation": [],
        "defaultRoutes": "NONE",
        "defaultRouteAdvertise": "NONE",
        "defaultPrefixes": True,
    },
    "bfd": {"enabled": False, "rules": [], "rulesV6": []},
}


def global_segment(tx: Tx, enterprise_id: int) -> Record:
    """The enterprise's Global Segment (segmentId 0), created with the enterprise."""
    for segment in tx.find(kinds.NETWORK_SEGMENT, enterprise_id=enterprise_id):
        if segment.data.get("segmentId") == 0:
            return segment
    raise LookupError(f"enterprise {enterprise_id} has no Global Segment")


def create_global_segment(tx: Tx, enterprise_id: int) -> Record:
    return tx.insert(
        kinds.NETWORK_SEGMENT,
        "Global Segment",
        {"segmentId": 0, "type": "REGULAR", "description": None, "data": {"serviceVlan": None}},
        enterprise_id=enterprise_id,
    )


def segment_ref(segment: Record) -> dict[str, Any]:
    """How a module document names a segment."""
    return {
        "segmentId": segment.data["segmentId"],
        "name": segment.name,
        "type": segment.data.get("type", "REGULAR"),
        "segmentLogicalId": segment.logical_id,
    }


def default_module_data(tx: Tx, enterprise_id: int, module: str, *, edge_specific: bool) -> dict[str, Any]:
    """The document a new profile's module starts with.

    Enterprise profiles start like the Orchestrator's Quick Start Profile: a stateful
    firewall with no rules, no business policies, and device settings with one corporate
    LAN network (VLAN 1) in the Global Segment and every other section of the v2 schema, each
    off and empty (`NEW_PROFILE_SECTIONS`, and `NEW_SEGMENT_SECTIONS` for the Global Segment's
    routing: a guess). Edge-specific modules start with nothing to
    override (`{}`, WAN with no links), so an edge inherits everything from its profile
    until its own modules get content (see `domain/profile_rules.edge_effective_modules`).
    """
    if edge_specific:
        return {"links": [], "networks": []} if module == "WAN" else {}
    segment = segment_ref(global_segment(tx, enterprise_id))
    if module == "firewall":
        return {
            "firewall_enabled": True,
            "stateful_firewall_enabled": True,
            "firewall_logging_enabled": False,
            "inboundLoggingEnabled": False,
            "syslog_forwarding": False,
            "segments": [
                {
                    "segment": segment,
                    "firewall_logging_enabled": False,
                    "stateful_firewall_enabled": True,
                    "outbound": [],
                }
            ],
            "inbound": [],
        }
    if module == "QOS":
        return {
            "segments": [{"segment": segment, "rules": [], "defaults": [], "webProxy": {"providers": []}}]
        }
    if module == "deviceSettings":
        return {
            "segments": [{"segment": segment, **copy.deepcopy(NEW_SEGMENT_SECTIONS)}],
            "lan": {
                "interfaces": [],
                "networks": [
                    {
                        "name": "Corporate",
                        "segmentId": segment["segmentId"],
                        "vlanId": 1,
                        "cidrIp": "10.0.1.1",
                        "cidrPrefix": 24,
                        "netmask": "255.255.255.0",
                        "advertise": True,
                        "cost": 0,
                        "dhcp": {"enabled": True, "leaseTimeSeconds": 86400, "options": []},
                        "interfaces": [],
                    }
                ],
            },
            "routedInterfaces": [],
            "models": {},
            **copy.deepcopy(NEW_PROFILE_SECTIONS),
        }
    if module == "WAN":
        return {"links": [], "networks": []}
    if module == "controlPlane":  # no gateways are emulated: automatic selection, nothing pinned
        return {"gatewaySelection": {"mode": "automatic"}}
    if module == "managementPlane":  # the Orchestrator's default timers, no management proxy
        return {
            "heartBeatSeconds": 30,
            "managementPlaneProxy": {},
            "statsUploadSeconds": 300,
            "timeSliceSeconds": 300,
        }
    return {}


def create_profile(
    tx: Tx,
    enterprise_id: int,
    name: str,
    *,
    description: str | None,
    derived_from: Record | None = None,
    edge_id: int | None = None,
) -> Record:
    """Insert a profile and its modules; an edge-specific one when `edge_id` is given."""
    edge_specific = edge_id is not None
    profile = tx.insert(
        kinds.PROFILE,
        name,
        {
            "description": description,
            "configurationType": "SEGMENT_BASED",
            "version": "1",
            "schemaVersion": PROFILE_SCHEMA_VERSION,
            "bastionState": "UNCONFIGURED",
            "isStaging": False,
            "derivedFromId": None if derived_from is None else derived_from.id,
            "edgeSpecific": edge_specific,
            "edgeId": edge_id,
        },
        enterprise_id=enterprise_id,
    )
    for module in EDGE_PROFILE_MODULES if edge_specific else ENTERPRISE_PROFILE_MODULES:
        tx.insert(
            kinds.PROFILE_MODULE,
            module,
            {
                "configurationId": profile.id,
                "type": "ENTERPRISE",
                "description": None,
                "schemaVersion": MODULE_SCHEMA_VERSION,
                "version": "1",
                "data": default_module_data(tx, enterprise_id, module, edge_specific=edge_specific),
                "refs": {},
            },
            enterprise_id=enterprise_id,
        )
    return profile


def profile_modules(tx: Tx, profile: Record) -> list[Record]:
    """The profile's modules (indexed by configurationId: listing 1000 edges with their profiles'
    modules must not read every module of the enterprise once per edge)."""
    return tx.find_nocase(
        kinds.PROFILE_MODULE,
        enterprise_id=profile.enterprise_id,
        field="configurationId",
        value=profile.id,  # an integer: NOCASE only affects text
    )


def write_module_data(tx: Tx, module: Record, data: dict[str, Any]) -> Record:
    """Replace a module's document (firewall, QOS, deviceSettings, ...) and bump its version: the one
    place a module document is written, by v1 `updateConfigurationModule` and v2 device settings.
    An edge-specific `deviceSettings` write also moves the edge's HA state (`edge_ha`)."""
    version = str(module.data.get("version") or "0")
    next_version = str(int(version) + 1) if re.fullmatch(r"[0-9]{1,18}", version) else version
    written = tx.update(module, module.name, {**module.data, "data": data, "version": next_version})
    profile = tx.get(kinds.PROFILE, id=int(module.data["configurationId"]))
    if module.name == "deviceSettings" and profile is not None:
        edge_ha.follow_device_settings(tx, profile, data)  # an edge's HA follows its `ha.enabled`
    return written


def delete_profile(tx: Tx, profile: Record) -> None:
    for module in profile_modules(tx, profile):
        tx.delete(module)
    tx.delete(profile)
