"""The inputs of the device-settings resources: typed sections (snake_case) and their checks.

`DeviceSettingsArgs` holds what `ProfileDeviceSettings` and `EdgeDeviceSettings` share
(everything but the target). Every check runs at `check` time without calling the API;
how the inputs map to the v2 document is `device_settings_mapping`, the lifecycle is
`device_settings_provider`. Not done here: anything that needs the Orchestrator (whether a
segment or DNS service of that name exists is left to the Orchestrator's answer).
"""

from __future__ import annotations

import ipaddress
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..ids import as_int
from . import managed_paths as mp
from .device_settings_mapping import fragments
from .device_settings_routing_inputs import (
    BfdArgs,
    BgpArgs,
    CloudVpnArgs,
    InterfaceOspfArgs,
    OspfArgs,
    unique,
)
from .spec import EnterpriseId, ResourceArgs

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


class CellularArgs(_Section):
    """The carrier settings of a cellular (CELL) interface, as the v2 schema's
    `DeviceSettingsRoutedInterfaceCellular`. The password and SIM PIN are secret."""

    network: Literal["ATT", "SPRINT", "VERIZON", "VODAFONE", "TELSTRA", "GENERIC"] | None = Field(
        None, description="The carrier profile, GENERIC for any other."
    )
    apn: str | None = Field(None, min_length=1, max_length=255, description="Access point name.")
    ip_type: Literal["IPv4", "IPv4v6"] | None = Field(None, description="IPv4 or IPv4v6.")
    username: str | None = Field(None, min_length=1, max_length=255, description="APN user name.")
    password: str | None = Field(None, min_length=1, max_length=255, description="APN password (secret).")
    sim_pin: str | None = Field(
        None, pattern=r"^[0-9]{4,8}$", description="The SIM card's PIN, 4 to 8 digits (secret)."
    )


class RoutedInterfaceArgs(_Section):
    """A routed interface (e.g. GE3); identified by its name. The PPPoE password is secret."""

    name: str = Field(min_length=1, description="Interface name, e.g. GE3; the interface's key.")
    addressing: Literal["DHCP", "STATIC", "PPPOE"] | None = Field(
        None, description="DHCP, STATIC or PPPOE addressing."
    )
    cidr: str | None = Field(
        None, description="STATIC: the interface address with prefix, e.g. 192.0.2.10/29."
    )
    gateway: str | None = Field(None, description="STATIC: the next hop, inside cidr.")
    pppoe_username: str | None = Field(None, min_length=1, max_length=255, description="PPPOE: user name.")
    pppoe_password: str | None = Field(
        None, min_length=1, max_length=255, description="PPPOE: password (secret)."
    )
    vlan_id: int | None = Field(None, ge=1, le=4094, description="802.1Q VLAN id, 1..4094.")
    segment_id: int | None = Field(None, ge=0, description="segmentId of the interface's segment.")
    wan_overlay: Literal["DISABLED", "AUTO_DISCOVERED", "USER_DEFINED"] | None = Field(
        None, description="Overlay on this interface."
    )
    nat_direct: bool | None = Field(None, description="NAT direct traffic.")
    disabled: bool | None = Field(None, description="Administratively down.")
    ospf: InterfaceOspfArgs | None = Field(None, description="OSPF on this interface.")
    cellular: CellularArgs | None = Field(
        None, description="CELL interfaces only: carrier, APN and credentials (password and SIM PIN secret)."
    )

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
        pppoe = self.pppoe_username is not None or self.pppoe_password is not None
        if pppoe and self.addressing != "PPPOE":
            raise ValueError('pppoe_username and pppoe_password are used only with addressing="PPPOE"')
        if self.addressing == "PPPOE" and (self.pppoe_username is None or self.pppoe_password is None):
            raise ValueError('addressing="PPPOE" needs pppoe_username and pppoe_password')
        if self.cellular is not None and not self.name.upper().startswith("CELL"):
            raise ValueError(
                f"cellular is used only on cellular interfaces (CELL1, CELL2, ...), not {self.name!r}"
            )
        return self


class LanPortArgs(_Section):
    """A LAN switch port (e.g. GE1) of the `lan` section; identified by its name."""

    name: str = Field(min_length=1, description="Port name, e.g. GE1; the port's key.")
    port_mode: Literal["access", "trunk"] | None = Field(None, description="Access (one VLAN) or trunk.")
    vlan_ids: list[int] | None = Field(None, description="VLANs on the port (access: exactly one).")
    untagged_vlan: int | Literal["drop"] | None = Field(
        None, description='Trunk: the VLAN untagged frames belong to, or "drop".'
    )
    disabled: bool | None = Field(None, description="Administratively down.")

    @field_validator("vlan_ids", mode="before")
    @classmethod
    def _vlans(cls, value: Any) -> Any:
        return [as_int(v) for v in value] if isinstance(value, list) else value

    @field_validator("untagged_vlan", mode="before")
    @classmethod
    def _untagged(cls, value: Any) -> Any:
        return as_int(value)

    @model_validator(mode="after")
    def _mode(self) -> LanPortArgs:
        vlans = self.vlan_ids
        for v in [*(vlans or []), *([self.untagged_vlan] if isinstance(self.untagged_vlan, int) else [])]:
            if not 1 <= v <= 4094:
                raise ValueError(f"VLAN id {v} is out of range; allowed 1..4094")
        unique(list(vlans or []), "vlan id")
        if self.port_mode == "access" and vlans is not None and len(vlans) != 1:
            raise ValueError(f"an access port carries exactly one VLAN, not {vlans}")
        if self.untagged_vlan is not None and self.port_mode != "trunk":
            raise ValueError('untagged_vlan is used only with port_mode="trunk"')
        if isinstance(self.untagged_vlan, int) and vlans is not None and self.untagged_vlan not in vlans:
            raise ValueError(f"untagged_vlan {self.untagged_vlan} is not one of the port's vlan_ids {vlans}")
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
    """Settings of one segment (by name): static routes, DNS, Cloud VPN, BGP, OSPF, BFD, and raw sections."""

    segment: str = Field(min_length=1, description='Segment name, e.g. "Global Segment"; the entry\'s key.')
    static_routes: list[StaticRouteArgs] | None = Field(
        None, description="The segment's static routes (owned as a whole: others are removed)."
    )
    dns: DnsArgs | None = Field(None, description="DNS settings of the segment.")
    vpn: CloudVpnArgs | None = Field(None, description="Cloud VPN: hubs, branch to branch, backhaul.")
    bgp: BgpArgs | None = Field(None, description="BGP: AS, router id, neighbours (MD5 secret), filters.")
    ospf: OspfArgs | None = Field(
        None, description="OSPF: areas (interfaces join them in routed_interfaces)."
    )
    bfd: BfdArgs | None = Field(None, description="BFD peers.")
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
        return None if value is None else {k: whole_numbers(v) for k, v in value.items()}

    @model_validator(mode="after")
    def _typed_not_in_extra(self) -> SegmentSettingsArgs:
        typed: dict[str, object] = {"routes": self.static_routes, "dns": self.dns, "vpn": self.vpn}
        typed.update({"bgp": self.bgp, "ospf": self.ospf, "bfd": self.bfd})
        both = sorted(k for k, v in typed.items() if v is not None and k in (self.extra or {}))
        if both:
            raise ValueError(f"{both} set both typed and in extra; declare each section once")
        return self


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

    enterprise_id: EnterpriseId
    lan_networks: list[LanNetworkArgs] | None = Field(None, description="LAN networks (VLANs), by VLAN id.")
    lan_ports: list[LanPortArgs] | None = Field(
        None, description="LAN switch ports (lan.interfaces), by name."
    )
    routed_interfaces: list[RoutedInterfaceArgs] | None = Field(
        None, description="Routed interfaces, by name (PPPoE password secret)."
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
        unique([n.vlan_id for n in value or []], "vlan_id")
        return value

    @field_validator("lan_ports")
    @classmethod
    def _unique_ports(cls, value: list[LanPortArgs] | None) -> list[LanPortArgs] | None:
        unique([p.name for p in value or []], "name")
        return value

    @field_validator("routed_interfaces")
    @classmethod
    def _unique_interfaces(cls, value: list[RoutedInterfaceArgs] | None) -> list[RoutedInterfaceArgs] | None:
        unique([i.name for i in value or []], "name")
        return value

    @field_validator("segments")
    @classmethod
    def _unique_segments(cls, value: list[SegmentSettingsArgs] | None) -> list[SegmentSettingsArgs] | None:
        unique([s.segment for s in value or []], "segment")
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
        return None if value is None else {k: whole_numbers(v) for k, v in value.items()}

    @model_validator(mode="after")
    def _no_overlap(self) -> DeviceSettingsArgs:
        owned = fragments(self, edge=False)
        order = list(owned)
        owners = [(p, f) for f, flat in owned.items() for p in flat]
        for a, b in mp.overlaps(p for p, _ in owners):
            fields = sorted({f for p, f in owners if p in (a, b)}, key=order.index)
            if len(fields) > 1:
                raise ValueError(f"{fields[0]} and {fields[1]} both set {a}; declare each key once")
        return self

    @model_validator(mode="after")
    def _ospf_areas_declared(self) -> DeviceSettingsArgs:
        """An interface joins an OSPF area this resource declares (when it declares any)."""
        areas = {a.id for s in self.segments or [] if s.ospf and s.ospf.areas for a in s.ospf.areas}
        for iface in self.routed_interfaces or []:
            area = iface.ospf.area if iface.ospf else None
            if areas and area is not None and area not in areas:
                raise ValueError(
                    f"routed interface {iface.name}: ospf area {area} is not one of the declared areas "
                    f"{sorted(areas)}"
                )
        return self


def whole_numbers(value: Any) -> Any:
    """A raw section with every whole float an int again: Pulumi hands numbers back as floats, and
    161.0 where the Orchestrator holds 161 would be a change to write (and a float it may refuse)."""
    if isinstance(value, dict):
        return {k: whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [whole_numbers(v) for v in value]
    return as_int(value)
