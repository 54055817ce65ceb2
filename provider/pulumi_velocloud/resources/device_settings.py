"""Device settings shared by `ProfileDeviceSettings` and `EdgeDeviceSettings`: inputs, mapping, provider.

Typed inputs (snake_case) map to the v2 `deviceSettings` document (camelCase, as the
2022-12-15 spec names it):

- `lan_networks[]` (by `vlan_id`) -> `lan.networks[]` by `vlanId`: `name`,
  `cidrIp`/`cidrPrefix`/`netmask`, `segmentId`, `advertise`, `baseDhcpAddr`/`numDhcpAddr`
  (the DHCP range: offset from the network address, and size), `dhcp.enabled`,
  `dhcp.leaseTimeSeconds`, `dhcp.options[option=6]` (DNS servers);
- `routed_interfaces[]` (by `name`) -> `routedInterfaces[]` by `name`:
  `addressing.{type,cidrIp,cidrPrefix,netmask,gateway}`, `vlanId`, `segmentId`,
  `wanOverlay`, `natDirect`, `disabled`;
- `segments[]` (by segment name) -> `segments[]` by `segment.name`: `routes.static[]`,
  `dns.{dnsPrimaryProvider,dnsBackupProvider,localDNS}`, plus raw `extra` sections;
- `ntp` -> `ntp.enabled`, `ntp.servers[].server`;
- `snmp` -> `snmp.port`, `snmp.snmpv2c.{enabled,community,allowedIp}`, `snmp.snmpv3.{enabled,users}`;
- `software_update` -> `softwareUpdate.windowed`, `softwareUpdate.window.{day,beginHour,endHour}`;
- `extra` -> any other top-level section, raw v2 JSON.

Only what the user declares is managed: each declared leaf becomes a managed path
(`managed_paths`); lists of LAN networks, routed interfaces, segments and DHCP options are
addressed per element by key, every other list (static routes, NTP servers, SNMP users,
allowed IPs) is owned whole. At the edge level (`EdgeDeviceSettings`) the sections that
have an `override` flag get `override: true`.

Lifecycle: create reads the document, records what the managed paths held before
(`snapshot`), sends one JSON Patch and waits for the asynchronous operation; read returns
only the managed paths; update restores paths the user no longer declares and sets the
declared ones in one JSON Patch; delete restores every managed path to what it held before
the resource took it over (keys that did not exist are removed), so destroying a stack
gives back the settings the profile or edge had before. A claim in the deviceSettings
module's description (v1 `updateConfigurationModule`) makes a second resource for the same
target fail unless `adopt=True`.

Not implemented: IPv6 addressing, OSPF/BGP/multicast per interface, LAN interfaces (ports),
Wi-Fi, per-model settings (reachable through `extra` where the section is top-level);
PPPoE credentials on routed interfaces (use `extra` with a secret).
"""

from __future__ import annotations

import copy
import ipaddress
import logging
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from pulumi.dynamic import CreateResult, DiffResult, ReadResult, UpdateResult
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..client import VcoClient, json_patch
from ..client.errors import AsyncOperationFailed, AsyncOperationTimeout, NotFound
from . import managed_paths as mp
from .base import VcoProvider, VcoResourceError, current_client, is_unknown, vco_errors
from .spec import ResourceArgs

log = logging.getLogger(__name__)

MODULE = "deviceSettings"
CLAIM_PREFIX = "pulumi-velocloud:"
KEYED = mp.KeyedArrays(
    {
        ("lan", "networks"): "vlanId",
        ("lan", "networks", "*", "dhcp", "options"): "option",
        ("routedInterfaces",): "name",
        ("segments",): "segment.name",
    }
)
# Top-level sections of a v2 deviceSettings document (`BaseDeviceSettings`) and of a segment entry.
TOP_LEVEL = frozenset(
    {
        "bfd", "globalIPv6Settings", "ha", "l2Settings", "lan", "loopbackInterfaces", "models",
        "multiSourceQos", "ntp", "ntpServer", "radioSettings", "routedInterfaces", "segments", "snmp",
        "softwareUpdate", "tacacs", "vnfs", "zscaler",
    }
)  # fmt: skip
SEGMENT_LEVEL = frozenset(
    {
        "analyticsSettings", "authentication", "bfd", "bgp", "css", "dns", "edgeDirect", "handOffControllers",
        "handOffGateways", "multiSourceQos", "multicast", "nat", "netflow", "ntp", "ospf", "routes",
        "secureAccess", "snmp", "syslog", "vpn", "vqm", "vrrp",
    }
)  # fmt: skip
SECRET_KEYS = frozenset(
    {
        "community", "password", "passphrase", "authpassphrase", "secret", "psk", "sharedsecret", "key",
        "privatekeypassword", "challengepassword",
    }
)  # fmt: skip
DHCP_DNS_OPTION = 6


# -- typed inputs ----------------------------------------------------------------------


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _ipv4(value: str, what: str) -> ipaddress.IPv4Address:
    try:
        return ipaddress.IPv4Address(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an IPv4 address ({what}), e.g. 10.0.10.1") from None


def _interface(value: str) -> ipaddress.IPv4Interface:
    """An address with its prefix length, e.g. 10.0.10.1/24 (the edge's address on the network)."""
    if "/" not in value:
        raise ValueError(
            f"{value!r} needs a prefix length: the edge's address and network, e.g. 10.0.10.1/24"
        )
    try:
        iface = ipaddress.IPv4Interface(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an IPv4 address with prefix length, e.g. 10.0.10.1/24") from None
    net = iface.network
    if net.prefixlen <= 30 and iface.ip in (net.network_address, net.broadcast_address):
        which = "network" if iface.ip == net.network_address else "broadcast"
        raise ValueError(
            f"{value!r}: {iface.ip} is the {which} address of {net}; give the edge's own address, "
            f"e.g. {net.network_address + 1}/{net.prefixlen}"
        )
    return iface


class DhcpArgs(_Section):
    """The DHCP server of a LAN network."""

    enabled: bool | None = Field(None, description="Serve DHCP on this network.")
    range_start: str | None = Field(None, description="First address handed out, inside the network's CIDR.")
    range_size: int | None = Field(
        None, ge=1, description="How many addresses are handed out from range_start."
    )
    lease_time_seconds: int | None = Field(None, ge=60, description="Lease time in seconds.")
    dns_servers: list[str] | None = Field(None, description="DNS servers offered to clients (DHCP option 6).")

    @field_validator("range_start")
    @classmethod
    def _start(cls, value: str | None) -> str | None:
        return None if value is None else str(_ipv4(value, "range_start"))

    @field_validator("dns_servers")
    @classmethod
    def _dns(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else [str(_ipv4(v, "dns_servers")) for v in value]

    @model_validator(mode="after")
    def _range(self) -> DhcpArgs:
        if (self.range_start is None) != (self.range_size is None):
            raise ValueError("range_start and range_size go together: set both or neither")
        return self


class LanNetworkArgs(_Section):
    """A LAN network (VLAN) of the profile or edge; identified by its VLAN id."""

    vlan_id: int = Field(ge=1, le=4094, description="VLAN id, 1..4094; the network's key.")
    name: str | None = Field(None, min_length=1, max_length=255, description="Network name.")
    cidr: str | None = Field(
        None, description="The edge's address on the network with its prefix, e.g. 10.0.10.1/24."
    )
    segment_id: int | None = Field(
        None, ge=0, description="segmentId of the network's segment (0: Global Segment)."
    )
    advertise: bool | None = Field(None, description="Advertise the network over the overlay.")
    dhcp: DhcpArgs | None = Field(None, description="DHCP server settings.")

    @field_validator("cidr")
    @classmethod
    def _cidr(cls, value: str | None) -> str | None:
        return None if value is None else str(_interface(value))

    @model_validator(mode="after")
    def _dhcp_in_network(self) -> LanNetworkArgs:
        dhcp = self.dhcp
        if dhcp is None or dhcp.range_start is None or dhcp.range_size is None:
            return self
        if self.cidr is None:
            raise ValueError("dhcp.range_start needs the network's cidr")
        iface = ipaddress.IPv4Interface(self.cidr)
        net = iface.network
        start = ipaddress.IPv4Address(dhcp.range_start)
        end = start + dhcp.range_size - 1 if int(start) + dhcp.range_size - 1 <= 0xFFFFFFFF else None
        first, last = net.network_address + 1, net.broadcast_address - 1
        if end is None or not (first <= start and end <= last):
            shown = f"{start}-{end}" if end is not None else f"{start}+{dhcp.range_size}"
            raise ValueError(
                f"DHCP range {shown} ({dhcp.range_size} addresses) is outside {net} "
                f"(usable {first}-{last}); move range_start or shrink range_size"
            )
        if start <= iface.ip <= end:
            raise ValueError(f"DHCP range {start}-{end} includes the edge's own address {iface.ip}")
        return self


class RoutedInterfaceArgs(_Section):
    """A routed interface (e.g. GE3); identified by its name."""

    name: str = Field(min_length=1, description="Interface name, e.g. GE3; the interface's key.")
    addressing: Literal["DHCP", "STATIC"] | None = Field(None, description="DHCP or STATIC addressing.")
    cidr: str | None = Field(
        None, description="STATIC: the interface address with prefix, e.g. 192.0.2.10/29."
    )
    gateway: str | None = Field(None, description="STATIC: the next hop, inside cidr.")
    vlan_id: int | None = Field(None, ge=1, le=4094, description="802.1Q VLAN id, 1..4094.")
    segment_id: int | None = Field(None, ge=0, description="segmentId of the interface's segment.")
    wan_overlay: Literal["DISABLED", "AUTO_DISCOVERED", "USER_DEFINED"] | None = Field(
        None, description="Overlay on this interface."
    )
    nat_direct: bool | None = Field(None, description="NAT direct traffic.")
    disabled: bool | None = Field(None, description="Administratively down.")

    @field_validator("cidr")
    @classmethod
    def _cidr(cls, value: str | None) -> str | None:
        return None if value is None else str(_interface(value))

    @field_validator("gateway")
    @classmethod
    def _gateway(cls, value: str | None) -> str | None:
        return None if value is None else str(_ipv4(value, "gateway"))

    @model_validator(mode="after")
    def _static(self) -> RoutedInterfaceArgs:
        if (self.cidr or self.gateway) and self.addressing != "STATIC":
            raise ValueError('cidr and gateway are used only with addressing="STATIC"')
        if self.cidr and self.gateway:
            net = ipaddress.IPv4Interface(self.cidr).network
            if ipaddress.IPv4Address(self.gateway) not in net:
                raise ValueError(f"gateway {self.gateway} is outside the interface's network {net}")
        return self


class StaticRouteArgs(_Section):
    """A static route of a segment."""

    destination: str = Field(description="Destination network, e.g. 10.20.0.0/16.")
    gateway: str | None = Field(None, description="Next hop address.")
    cost: int | None = Field(None, ge=0, le=255, description="Route cost.")
    preferred: bool | None = Field(None, description="Prefer over routes learned dynamically.")
    advertise: bool | None = Field(None, description="Advertise over the overlay.")
    description: str | None = Field(None, description="Free text.")
    wan_interface: str | None = Field(None, description="Interface the route leaves by, e.g. GE3.")
    vlan_id: int | None = Field(None, ge=1, le=4094, description="VLAN id, 1..4094.")

    @field_validator("destination")
    @classmethod
    def _destination(cls, value: str) -> str:
        try:
            return str(ipaddress.IPv4Network(value))
        except ValueError as exc:
            if "host bits" in str(exc):
                net = ipaddress.IPv4Network(value, strict=False)
                raise ValueError(f"{value!r} has host bits set; did you mean {net}?") from None
            raise ValueError(f"{value!r} is not an IPv4 network, e.g. 10.20.0.0/16") from None

    @field_validator("gateway")
    @classmethod
    def _gateway(cls, value: str | None) -> str | None:
        return None if value is None else str(_ipv4(value, "gateway"))


class LocalDnsArgs(_Section):
    """A local DNS entry answered by the edge."""

    fqdn: str = Field(min_length=1, description="Fully qualified name.")
    ipv4_addresses: list[str] = Field(min_length=1, description="Its IPv4 addresses.")

    @field_validator("ipv4_addresses")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        return [str(_ipv4(v, "ipv4_addresses")) for v in value]


class DnsArgs(_Section):
    """DNS of a segment: the enterprise DNS services used as primary and backup, and local entries."""

    primary_provider: str | None = Field(
        None, min_length=1, description="Name of the enterprise DNS service."
    )
    backup_provider: str | None = Field(None, min_length=1, description="Name of the backup DNS service.")
    local_dns: list[LocalDnsArgs] | None = Field(None, description="Local DNS entries (owned as a whole).")


class SegmentSettingsArgs(_Section):
    """Settings of one segment (by name): static routes, DNS, and raw segment-level sections."""

    segment: str = Field(min_length=1, description='Segment name, e.g. "Global Segment"; the entry\'s key.')
    static_routes: list[StaticRouteArgs] | None = Field(
        None, description="The segment's static routes (owned as a whole: others are removed)."
    )
    dns: DnsArgs | None = Field(None, description="DNS settings of the segment.")
    extra: dict[str, Any] | None = Field(
        None, description="Other segment-level sections as raw v2 JSON, e.g. {'syslog': {...}}."
    )

    @field_validator("extra")
    @classmethod
    def _extra(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None:
            bad = sorted(set(value) - SEGMENT_LEVEL)
            if bad:
                raise ValueError(
                    f"unknown segment section(s) {bad}; allowed: {', '.join(sorted(SEGMENT_LEVEL))}"
                )
        return value


class NtpArgs(_Section):
    """NTP client settings."""

    enabled: bool | None = Field(None, description="Use the NTP servers below.")
    servers: list[str] | None = Field(None, description="NTP server names or addresses (owned as a whole).")

    @field_validator("servers")
    @classmethod
    def _servers(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and any(not s.strip() or " " in s.strip() for s in value):
            raise ValueError(f"{value!r}: each server is a host name or address without spaces")
        return None if value is None else [s.strip() for s in value]


class SnmpV3UserArgs(_Section):
    """An SNMPv3 user."""

    name: str = Field(min_length=1, description="User name.")
    passphrase: str | None = Field(None, min_length=8, description="Passphrase (secret).")
    authentication: bool | None = Field(None, description="Use authentication.")
    auth_alg: str | None = Field(None, description="Authentication algorithm, e.g. SHA.")
    privacy: bool | None = Field(None, description="Use privacy (encryption).")
    encr_alg: str | None = Field(None, description="Encryption algorithm, e.g. AES.")


class SnmpArgs(_Section):
    """SNMP agent settings. The v2c community and v3 passphrases are secrets."""

    port: int | None = Field(None, ge=1, le=65535, description="UDP port.")
    v2c_enabled: bool | None = Field(None, description="Enable SNMP v2c.")
    v2c_community: str | None = Field(None, min_length=1, description="v2c community (secret).")
    allowed_ips: list[str] | None = Field(None, description="Addresses or networks allowed to poll (v2c).")
    v3_enabled: bool | None = Field(None, description="Enable SNMP v3.")
    v3_users: list[SnmpV3UserArgs] | None = Field(None, description="v3 users (owned as a whole).")

    @field_validator("allowed_ips")
    @classmethod
    def _allowed(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        out = []
        for v in value:
            try:
                net = ipaddress.IPv4Network(v, strict=False)
            except ValueError:
                raise ValueError(f"{v!r} is not an IPv4 address or network") from None
            out.append(str(net.network_address) if net.prefixlen == 32 and "/" not in v else str(net))
        return out


class SoftwareUpdateArgs(_Section):
    """When the edges may install software updates."""

    windowed: bool | None = Field(None, description="Install updates only inside the window.")
    day: int | None = Field(None, ge=0, le=6, description="Day of the window, 0 (Sunday) .. 6 (Saturday).")
    begin_hour: int | None = Field(None, ge=0, le=23, description="First hour of the window, 0..23.")
    end_hour: int | None = Field(None, ge=0, le=23, description="Last hour of the window, 0..23.")


class DeviceSettingsArgs(ResourceArgs):
    """The inputs both device-settings resources share (everything but the target)."""

    enterprise_id: str = Field(min_length=1, description="logicalId of the enterprise (an `Enterprise` id).")
    lan_networks: list[LanNetworkArgs] | None = Field(None, description="LAN networks (VLANs), by VLAN id.")
    routed_interfaces: list[RoutedInterfaceArgs] | None = Field(
        None, description="Routed interfaces, by name."
    )
    segments: list[SegmentSettingsArgs] | None = Field(None, description="Per-segment settings, by name.")
    ntp: NtpArgs | None = Field(None, description="NTP client.")
    snmp: SnmpArgs | None = Field(None, description="SNMP agent (community and passphrases are secret).")
    software_update: SoftwareUpdateArgs | None = Field(None, description="Software update window.")
    extra: dict[str, Any] | None = Field(
        None, description="Other top-level sections as raw v2 JSON (camelCase), e.g. {'ha': {...}}."
    )

    @field_validator("lan_networks")
    @classmethod
    def _unique_vlans(cls, value: list[LanNetworkArgs] | None) -> list[LanNetworkArgs] | None:
        _unique([n.vlan_id for n in value or []], "vlan_id")
        return value

    @field_validator("routed_interfaces")
    @classmethod
    def _unique_interfaces(cls, value: list[RoutedInterfaceArgs] | None) -> list[RoutedInterfaceArgs] | None:
        _unique([i.name for i in value or []], "name")
        return value

    @field_validator("segments")
    @classmethod
    def _unique_segments(cls, value: list[SegmentSettingsArgs] | None) -> list[SegmentSettingsArgs] | None:
        _unique([s.segment for s in value or []], "segment")
        return value

    @field_validator("extra")
    @classmethod
    def _extra(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is None:
            return None
        if "segments" in value:
            raise ValueError(
                "segments cannot go in extra: use segments=[SegmentSettingsArgs(..., extra={...})]"
            )
        bad = sorted(set(value) - TOP_LEVEL)
        if bad:
            raise ValueError(f"unknown top-level section(s) {bad}; allowed: {', '.join(sorted(TOP_LEVEL))}")
        return value

    @model_validator(mode="after")
    def _no_overlap(self) -> DeviceSettingsArgs:
        owners = [(p, f) for f, flat in fragments(self, edge=False).items() for p in flat]
        for i, (a, fa) in enumerate(owners):
            for b, fb in owners[i + 1 :]:
                if fa != fb and (mp.is_prefix(a, b) or mp.is_prefix(b, a)):
                    raise ValueError(f"{fa} and {fb} both set {min(a, b, key=len)}; declare each key once")
        return self


def _unique(values: list[Any], what: str) -> None:
    seen = set()
    for v in values:
        if v in seen:
            raise ValueError(f"{what} {v!r} appears twice; each must be unique")
        seen.add(v)


# -- mapping inputs -> v2 document -----------------------------------------------------


def _compact(value: Any) -> Any:
    """Drop None values and empty objects (what the user did not declare)."""
    if isinstance(value, dict):
        out = {k: _compact(v) for k, v in value.items() if v is not None}
        return {k: v for k, v in out.items() if v != {}}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def _address(cidr: str | None) -> dict[str, Any]:
    if cidr is None:
        return {}
    iface = ipaddress.IPv4Interface(cidr)
    return {"cidrIp": str(iface.ip), "cidrPrefix": iface.network.prefixlen, "netmask": str(iface.netmask)}


def lan_network_document(net: LanNetworkArgs, *, edge: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {"vlanId": net.vlan_id, "name": net.name, **_address(net.cidr)}
    doc.update({"segmentId": net.segment_id, "advertise": net.advertise})
    if net.dhcp is not None:
        dhcp = net.dhcp
        if dhcp.range_start is not None and net.cidr is not None:
            network = ipaddress.IPv4Interface(net.cidr).network.network_address
            doc["baseDhcpAddr"] = int(ipaddress.IPv4Address(dhcp.range_start)) - int(network)
            doc["numDhcpAddr"] = dhcp.range_size
        options = None
        if dhcp.dns_servers is not None:
            options = [{"option": DHCP_DNS_OPTION, "type": "ip", "value": list(dhcp.dns_servers)}]
        doc["dhcp"] = {
            "enabled": dhcp.enabled,
            "leaseTimeSeconds": dhcp.lease_time_seconds,
            "options": options,
        }
    if edge:
        doc["override"] = True
    return doc


def routed_interface_document(iface: RoutedInterfaceArgs, *, edge: bool) -> dict[str, Any]:
    addressing = {"type": iface.addressing, **_address(iface.cidr), "gateway": iface.gateway}
    doc = {
        "name": iface.name,
        "addressing": addressing,
        "vlanId": iface.vlan_id,
        "segmentId": iface.segment_id,
        "wanOverlay": iface.wan_overlay,
        "natDirect": iface.nat_direct,
        "disabled": iface.disabled,
        "override": True if edge else None,
    }
    return doc


def static_route_document(route: StaticRouteArgs) -> dict[str, Any]:
    net = ipaddress.IPv4Network(route.destination)
    return {
        "destination": str(net.network_address),
        "cidrPrefix": str(net.prefixlen),  # a string in the v2 schema
        "netmask": str(net.netmask),
        "gateway": route.gateway,
        "cost": route.cost,
        "preferred": route.preferred,
        "advertise": route.advertise,
        "description": route.description,
        "wanInterface": route.wan_interface,
        "vlanId": route.vlan_id,
    }


def segment_document(seg: SegmentSettingsArgs, *, edge: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {"segment": {"name": seg.segment}, **copy.deepcopy(seg.extra or {})}
    if seg.static_routes is not None:
        doc["routes"] = {"static": [static_route_document(r) for r in seg.static_routes]}
    if seg.dns is not None:
        dns = seg.dns
        doc["dns"] = {
            "dnsPrimaryProvider": None if dns.primary_provider is None else {"name": dns.primary_provider},
            "dnsBackupProvider": None if dns.backup_provider is None else {"name": dns.backup_provider},
            "localDNS": None
            if dns.local_dns is None
            else [{"fqdn": e.fqdn, "ipv4Address": list(e.ipv4_addresses)} for e in dns.local_dns],
            "override": True if edge else None,
        }
    return doc


def fragments(args: DeviceSettingsArgs, *, edge: bool) -> dict[str, dict[str, Any]]:
    """Per input field, the managed paths it sets and their v2 values."""
    docs: dict[str, dict[str, Any]] = {}
    if args.lan_networks is not None:
        docs["lan_networks"] = {
            "lan": {"networks": [lan_network_document(n, edge=edge) for n in args.lan_networks]}
        }
    if args.routed_interfaces is not None:
        docs["routed_interfaces"] = {
            "routedInterfaces": [routed_interface_document(i, edge=edge) for i in args.routed_interfaces]
        }
    if args.segments is not None:
        docs["segments"] = {"segments": [segment_document(s, edge=edge) for s in args.segments]}
    if args.ntp is not None:
        servers = None if args.ntp.servers is None else [{"server": s} for s in args.ntp.servers]
        docs["ntp"] = {
            "ntp": {"enabled": args.ntp.enabled, "servers": servers, "override": True if edge else None}
        }
    if args.snmp is not None:
        s = args.snmp
        users = None
        if s.v3_users is not None:
            users = [
                _compact(
                    {
                        "name": u.name,
                        "passphrase": u.passphrase,
                        "authentication": u.authentication,
                        "authAlg": u.auth_alg,
                        "privacy": u.privacy,
                        "encrAlg": u.encr_alg,
                    }
                )
                for u in s.v3_users
            ]
        docs["snmp"] = {
            "snmp": {
                "port": s.port,
                "snmpv2c": {
                    "enabled": s.v2c_enabled,
                    "community": s.v2c_community,
                    "allowedIp": s.allowed_ips,
                },
                "snmpv3": {"enabled": s.v3_enabled, "users": users},
                "override": True if edge else None,
            }
        }
    if args.software_update is not None:
        u = args.software_update
        window = {"day": u.day, "beginHour": u.begin_hour, "endHour": u.end_hour}
        docs["software_update"] = {"softwareUpdate": {"windowed": u.windowed, "window": window}}
    if args.extra:
        docs["extra"] = copy.deepcopy(args.extra)
    return {name: mp.flatten(_compact(doc), KEYED) for name, doc in docs.items()}


def desired_paths(args: DeviceSettingsArgs, *, edge: bool) -> dict[str, Any]:
    return {p: v for flat in fragments(args, edge=edge).values() for p, v in flat.items()}


def field_of(path: str) -> str:
    """The input field a managed path belongs to."""
    for prefix, name in (
        ("/lan/networks", "lan_networks"),
        ("/routedInterfaces", "routed_interfaces"),
        ("/segments", "segments"),
        ("/ntp", "ntp"),
        ("/snmp", "snmp"),
        ("/softwareUpdate", "software_update"),
    ):
        if mp.is_prefix(prefix, path):
            return name
    return "extra"


def is_secret(path: str, value: Any) -> bool:
    """Whether a managed value holds a secret (an SNMP community, a passphrase, a password)."""
    last = mp.split(path)[-1].lower() if path else ""
    return last in SECRET_KEYS or _holds_secret(value)


def _holds_secret(value: Any) -> bool:
    if isinstance(value, dict):
        return any(k.lower() in SECRET_KEYS or _holds_secret(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_secret(v) for v in value)
    return False


# -- the provider ----------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where a device-settings resource writes: names and ids of the profile or edge."""

    enterprise_vco_id: int
    name: str
    configuration_vco_id: int  # the (edge-specific) profile holding the deviceSettings module
    module_vco_id: int
    module_description: str | None


_claims_lock = threading.Lock()
_claimed_here: dict[str, str] = {}  # target logicalId -> claim, for creates in this provider process


class DeviceSettingsOutputs(BaseModel):
    enterprise_id: str
    target_name: str = Field(description="Name of the profile or edge.")
    enterprise_vco_id: int
    configuration_vco_id: int = Field(
        description="Numeric id of the profile holding the deviceSettings module."
    )
    module_vco_id: int = Field(
        description="Numeric id of the deviceSettings module (its description holds the claim)."
    )
    claim: str = Field(description="This resource's claim on the module.")
    module_description: str | None = Field(None, description="The module description before the claim.")
    managed_paths: list[str] = Field(
        description="JSON Pointers (with [key=value] selectors) this resource manages."
    )
    values: dict[str, Any] = Field(description="Current value of each managed path that holds no secret.")
    secret_values: dict[str, Any] = Field(description="Current value of each managed path holding a secret.")
    snapshot: dict[str, Any] = Field(description="What the managed paths held before (restored on delete).")


class DeviceSettingsProvider(VcoProvider):
    """Shared lifecycle; subclasses name the target (`kind`, `target_field`) and its API calls."""

    kind: ClassVar[str]
    target_field: ClassVar[str]
    edge_level: ClassVar[bool]

    # -- target hooks ----------------------------------------------------------------

    def locate(self, client: VcoClient, enterprise_id: str, target_id: str) -> Target:
        raise NotImplementedError

    def get_document(self, client: VcoClient, enterprise_id: str, target_id: str) -> dict[str, Any]:
        raise NotImplementedError

    def patch_document(
        self, client: VcoClient, enterprise_id: str, target_id: str, patch: list[dict[str, Any]]
    ) -> None:
        raise NotImplementedError

    def label(self, name: str) -> str:
        return f'DeviceSettings for {self.kind} "{name}"'

    # -- diff ------------------------------------------------------------------------

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = self.changed_fields(olds, news)
        replaces = [f for f in ("enterprise_id", self.target_field) if f in changed]
        return DiffResult(
            changes=bool(changed), replaces=replaces, delete_before_replace=True if replaces else None
        )

    def changed_fields(self, olds: Mapping[str, Any], news: Mapping[str, Any]) -> list[str]:
        """Target fields that differ, and input fields whose managed paths differ from the last read."""
        changed = [
            f
            for f in ("enterprise_id", self.target_field)
            if is_unknown(news.get(f)) or news.get(f) != olds.get(f)
        ]
        fields = [f for f in self.spec.managed_fields if f not in ("enterprise_id", self.target_field)]
        unknown = [f for f in fields if is_unknown(news.get(f))]
        if unknown:
            return changed + unknown
        args: DeviceSettingsArgs = self.args(news)
        actual = {**(olds.get("values") or {}), **(olds.get("secret_values") or {})}
        wanted = fragments(args, edge=self.edge_level)
        for name in fields:
            flat = wanted.get(name, {})
            if any(p not in actual or not mp.matches(v, actual[p]) for p, v in flat.items()):
                changed.append(name)
        desired = {p for flat in wanted.values() for p in flat}
        for path in olds.get("managed_paths") or []:
            if path not in desired and field_of(path) not in changed:
                changed.append(field_of(path))
        return changed

    # -- CRUD ------------------------------------------------------------------------

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: DeviceSettingsArgs = self.args(props)
        target_id = str(props[self.target_field])
        client = current_client()
        with vco_errors(f"DeviceSettings for {self.kind} {target_id}"):
            target = self.locate(client, args.enterprise_id, target_id)
        label = self.label(target.name)
        with vco_errors(label):
            owner = _claim_of(target.module_description)
            claim = uuid.uuid4().hex
            with _claims_lock:  # look and take in one step: two resources of one stack run in parallel
                here = _claimed_here.get(target_id)
                if (owner is not None or here is not None) and not args.adopt:
                    raise VcoResourceError(
                        f"{label}: another {self.spec.name} resource already manages these device settings "
                        f"(claim {owner or here}); only one per {self.kind} makes sense. Merge the two, "
                        "or set adopt=True to take them over (then remove the other one from its stack with "
                        "`pulumi state delete`)"
                    )
                _claimed_here[target_id] = claim
            written = False
            try:
                current = self.get_document(client, args.enterprise_id, target_id)
                snapshot = mp.Snapshot()
                wanted = desired_paths(args, edge=self.edge_level)
                self._write(client, args.enterprise_id, target_id, label, current, wanted, snapshot)
                written = True
                client.v1.update_configuration_module(
                    target.enterprise_vco_id, target.module_vco_id, {"description": CLAIM_PREFIX + claim}
                )
                after = self.get_document(client, args.enterprise_id, target_id)
            except BaseException:
                with _claims_lock:
                    _claimed_here.pop(target_id, None)
                if written:  # Pulumi will not record this resource: undo what it changed
                    self._undo_create(client, args.enterprise_id, target_id, label, target, snapshot)
                raise
        base = {
            "enterprise_id": args.enterprise_id,
            self.target_field: target_id,
            "target_name": target.name,
            "enterprise_vco_id": target.enterprise_vco_id,
            "configuration_vco_id": target.configuration_vco_id,
            "module_vco_id": target.module_vco_id,
            "claim": claim,
            "module_description": None if owner is not None else target.module_description,
        }
        return CreateResult(target_id, _outputs(base, list(wanted), snapshot, after))

    def _write(
        self,
        client: VcoClient,
        enterprise_id: str,
        target_id: str,
        label: str,
        current: dict[str, Any],
        wanted: dict[str, Any],
        snapshot: mp.Snapshot,
    ) -> None:
        """Restore what is no longer managed, set what is, in one JSON Patch; wait for it."""
        target = copy.deepcopy(current)
        mp.restore(target, snapshot, mp.unmanaged_records(snapshot, wanted))
        try:
            for path, value in wanted.items():
                mp.set_value(target, path, value, snapshot)
        except ValueError as exc:
            raise VcoResourceError(f"{label}: {exc}") from None
        self._send(client, enterprise_id, target_id, label, current, target)

    def _send(
        self,
        client: VcoClient,
        enterprise_id: str,
        target_id: str,
        label: str,
        current: dict[str, Any],
        target: dict[str, Any],
    ) -> None:
        patch = json_patch.diff(_strip(current), _strip(target))
        if not patch:
            return
        try:
            self.patch_document(client, enterprise_id, target_id, patch)
        except AsyncOperationFailed as exc:
            raise VcoResourceError(f"{label}: VCO rejected the change: {exc.message}") from None
        except AsyncOperationTimeout as exc:
            raise VcoResourceError(
                f"{label}: the change to {', '.join(sorted({op['path'] for op in patch}))} is still "
                f"{exc.last_status} at the VCO after the wait (asynchronous operation {exc.operation_id}); "
                "it may still be applied. Check it, then run "
                "`pulumi refresh` and `pulumi up` (raise velocloud:asyncTimeout to wait longer)"
            ) from None

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        client = current_client()
        with vco_errors(self.label(str(props.get("target_name") or id_))):
            try:
                current = self.get_document(client, props["enterprise_id"], str(props[self.target_field]))
            except NotFound:
                return ReadResult(None, {})
        snapshot = mp.Snapshot.from_json(props.get("snapshot"))
        return ReadResult(
            id_,
            _outputs(_base(props, self.target_field), props.get("managed_paths") or [], snapshot, current),
        )

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: DeviceSettingsArgs = self.args(news)
        client = current_client()
        target_id = str(olds[self.target_field])
        label = self.label(str(olds.get("target_name") or id_))
        snapshot = mp.Snapshot.from_json(olds.get("snapshot"))
        with vco_errors(label):
            current = self.get_document(client, args.enterprise_id, target_id)
            wanted = desired_paths(args, edge=self.edge_level)
            self._write(client, args.enterprise_id, target_id, label, current, wanted, snapshot)
            after = self.get_document(client, args.enterprise_id, target_id)
        return UpdateResult(_outputs(_base(olds, self.target_field), list(wanted), snapshot, after))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """Put back what the managed paths held before, then release the claim."""
        client = current_client()
        target_id = str(props[self.target_field])
        label = self.label(str(props.get("target_name") or id_))
        with vco_errors(label):
            try:
                current = self.get_document(client, props["enterprise_id"], target_id)
            except NotFound:
                return
            target = copy.deepcopy(current)
            mp.restore(target, mp.Snapshot.from_json(props.get("snapshot")))
            self._send(client, props["enterprise_id"], target_id, label, current, target)
            self._release(client, props)
        with _claims_lock:
            if _claimed_here.get(target_id) == props.get("claim"):
                _claimed_here.pop(target_id, None)

    def _undo_create(
        self,
        client: VcoClient,
        enterprise_id: str,
        target_id: str,
        label: str,
        target: Any,
        snapshot: mp.Snapshot,
    ) -> None:
        """Best effort after a create failed half-way: put back the snapshot and the module description."""
        try:
            current = self.get_document(client, enterprise_id, target_id)
            restored = copy.deepcopy(current)
            mp.restore(restored, snapshot)
            self._send(client, enterprise_id, target_id, label, current, restored)
            client.v1.update_configuration_module(
                target.enterprise_vco_id, target.module_vco_id, {"description": target.module_description}
            )
        except Exception as exc:  # the original failure is what the user must see
            log.warning("%s: could not undo a half-finished create: %s", label, exc)

    def _release(self, client: VcoClient, props: Mapping[str, Any]) -> None:
        enterprise, configuration = int(props["enterprise_vco_id"]), int(props["configuration_vco_id"])
        try:
            modules = client.v1.get_configuration_modules(
                enterprise, configuration, [MODULE], with_data=False
            )
        except NotFound:
            return
        module = next((m for m in modules if m.id == int(props["module_vco_id"])), None)
        if module is not None and module.description == CLAIM_PREFIX + str(props.get("claim")):
            client.v1.update_configuration_module(
                enterprise, module.id, {"description": props.get("module_description")}
            )


def _claim_of(description: str | None) -> str | None:
    if description and description.startswith(CLAIM_PREFIX):
        return description[len(CLAIM_PREFIX) :]
    return None


def _strip(document: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "_href"}


def _base(props: Mapping[str, Any], target_field: str) -> dict[str, Any]:
    keys = ("enterprise_id", target_field, "target_name", "enterprise_vco_id", "configuration_vco_id",
            "module_vco_id", "claim", "module_description")  # fmt: skip
    return {k: props.get(k) for k in keys}


def _outputs(
    base: dict[str, Any], paths: list[str], snapshot: mp.Snapshot, document: dict[str, Any]
) -> dict[str, Any]:
    found = mp.read(document, paths)
    return {
        **base,
        "managed_paths": list(paths),
        "values": {p: v for p, v in found.items() if not is_secret(p, v)},
        "secret_values": {p: v for p, v in found.items() if is_secret(p, v)},
        "snapshot": snapshot.to_json(),
    }


def secret_inputs(props: dict[str, Any]) -> dict[str, Any]:
    """Inputs with the secret-bearing sections wrapped as Pulumi secrets (encrypted in state)."""
    import pulumi

    out = dict(props)
    for name in ("snmp",):
        if out.get(name) is not None:
            out[name] = pulumi.Output.secret(out[name])
    for name in ("extra", "segments"):  # raw sections may carry any secret: always encrypted
        if out.get(name) is not None:
            out[name] = pulumi.Output.secret(out[name])
    return out


def plain_inputs(props: dict[str, Any]) -> dict[str, Any]:
    """Typed section models in the inputs as plain dicts (what Pulumi can serialise)."""

    def plain(value: Any) -> Any:
        if isinstance(value, BaseModel):
            return value.model_dump(exclude_none=True)
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    return {k: plain(v) for k, v in props.items()}
