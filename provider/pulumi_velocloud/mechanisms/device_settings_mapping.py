"""Device-settings inputs -> the v2 `deviceSettings` document, as managed paths and their values.

Typed inputs (snake_case) map to the v2 `deviceSettings` document (camelCase, as the
2022-12-15 spec names it):

- `lan_networks[]` (by `vlan_id`) -> `lan.networks[]` by `vlanId`: `name`,
  `cidrIp`/`cidrPrefix`/`netmask`, `segmentId`, `advertise`, `baseDhcpAddr`/`numDhcpAddr`
  (the DHCP range: offset from the network address, and size), `dhcp.enabled`,
  `dhcp.leaseTimeSeconds`, `dhcp.options[option=6]` (DNS servers);
- `lan_ports[]` (by `name`) -> `lan.interfaces[]` by `name`: `portMode`, `vlanIds`,
  `untaggedVlan`, `disabled`;
- `routed_interfaces[]` (by `name`) -> `routedInterfaces[]` by `name`:
  `addressing.{type,cidrIp,cidrPrefix,netmask,gateway,username,password}` (PPPoE credentials),
  `vlanId`, `segmentId`, `wanOverlay`, `natDirect`, `disabled`, `ospf` (see
  `device_settings_routing_mapping`), `cellular.{network,apn,iptype,username,password,simPin}`;
- `segments[]` (by segment name) -> `segments[]` by `segment.name`: `routes.static[]`,
  `dns.{dnsPrimaryProvider,dnsBackupProvider,localDNS}`, `vpn`, `bgp` (neighbours by
  `neighborIp`, filters by `name`), `ospf` (areas by `id`), `bfd` (rules by `peerAddress`) as
  `device_settings_routing_mapping` builds them, plus raw `extra` sections;
- `ntp` -> `ntp.enabled`, `ntp.servers[].server`;
- `snmp` -> `snmp.port`, `snmp.snmpv2c.{enabled,community,allowedIp}`, `snmp.snmpv3.{enabled,users}`;
- `software_update` -> `softwareUpdate.windowed`, `softwareUpdate.window.{day,beginHour,endHour}`;
- `extra` -> any other top-level section, raw v2 JSON.

Only what the user declares is managed: each declared leaf becomes a managed path
(`managed_paths`); lists of LAN networks, routed interfaces, segments and DHCP options are
addressed per element by key, every other list (static routes, NTP servers, SNMP users,
allowed IPs) is owned whole. At the edge level (`EdgeDeviceSettings`) the sections that
have an `override` flag get `override: true`.

Pure functions, no I/O. Not done here: reading or writing the document (see
`device_settings_provider`), checking the inputs (see `device_settings_inputs`).
"""

from __future__ import annotations

import copy
import ipaddress
from typing import TYPE_CHECKING, Any

from ..secret_scan import is_secret_path, secret_paths
from . import managed_paths as mp
from .device_settings_routing_mapping import (
    bfd_document,
    bgp_document,
    interface_ospf_document,
    ospf_document,
    vpn_document,
)

if TYPE_CHECKING:  # the inputs check themselves with `fragments`: import their types for typing only
    from .device_settings_inputs import (
        CellularArgs,
        DeviceSettingsArgs,
        LanNetworkArgs,
        LanPortArgs,
        RoutedInterfaceArgs,
        SegmentSettingsArgs,
        StaticRouteArgs,
    )

KEYED = mp.KeyedArrays(
    {
        ("lan", "networks"): "vlanId",
        ("lan", "networks", "*", "dhcp", "options"): "option",
        ("lan", "interfaces"): "name",
        ("segments", "*", "bgp", "neighbors"): "neighborIp",
        ("segments", "*", "bgp", "filters"): "name",
        ("segments", "*", "ospf", "areas"): "id",
        ("segments", "*", "bfd", "rules"): "peerAddress",
        ("routedInterfaces",): "name",
        ("segments",): "segment.name",
    }
)
DHCP_DNS_OPTION = 6


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


def lan_port_document(port: LanPortArgs, *, edge: bool) -> dict[str, Any]:
    return {
        "name": port.name,
        "portMode": port.port_mode,
        "vlanIds": None if port.vlan_ids is None else list(port.vlan_ids),
        "untaggedVlan": port.untagged_vlan,
        "disabled": port.disabled,
        "override": True if edge else None,
    }


def routed_interface_document(iface: RoutedInterfaceArgs, *, edge: bool) -> dict[str, Any]:
    addressing = {"type": iface.addressing, **_address(iface.cidr), "gateway": iface.gateway}
    addressing.update({"username": iface.pppoe_username, "password": iface.pppoe_password})
    doc = {
        "name": iface.name,
        "addressing": addressing,
        "vlanId": iface.vlan_id,
        "segmentId": iface.segment_id,
        "wanOverlay": iface.wan_overlay,
        "natDirect": iface.nat_direct,
        "disabled": iface.disabled,
        "ospf": None if iface.ospf is None else interface_ospf_document(iface.ospf),
        "cellular": None if iface.cellular is None else cellular_document(iface.cellular),
        "override": True if edge else None,
    }
    return doc


def cellular_document(cell: CellularArgs) -> dict[str, Any]:
    return {
        "network": cell.network,
        "apn": cell.apn,
        "iptype": cell.ip_type,
        "username": cell.username,
        "password": cell.password,
        "simPin": cell.sim_pin,
    }


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


def segment_document(seg: SegmentSettingsArgs, enterprise_id: str, *, edge: bool) -> dict[str, Any]:
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
    if seg.vpn is not None:
        doc["vpn"] = vpn_document(seg.vpn, enterprise_id)
    if seg.bgp is not None:
        doc["bgp"] = bgp_document(seg.bgp, seg.segment, edge=edge)
    if seg.ospf is not None:
        doc["ospf"] = ospf_document(seg.ospf)
    if seg.bfd is not None:
        doc["bfd"] = bfd_document(seg.bfd, edge=edge)
    return doc


def fragments(args: DeviceSettingsArgs, *, edge: bool) -> dict[str, dict[str, Any]]:
    """Per input field, the managed paths it sets and their v2 values."""
    docs: dict[str, dict[str, Any]] = {}
    if args.lan_networks is not None:
        docs["lan_networks"] = {
            "lan": {"networks": [lan_network_document(n, edge=edge) for n in args.lan_networks]}
        }
    if args.lan_ports is not None:
        docs["lan_ports"] = {"lan": {"interfaces": [lan_port_document(p, edge=edge) for p in args.lan_ports]}}
    if args.routed_interfaces is not None:
        docs["routed_interfaces"] = {
            "routedInterfaces": [routed_interface_document(i, edge=edge) for i in args.routed_interfaces]
        }
    if args.segments is not None:
        docs["segments"] = {
            "segments": [segment_document(s, args.enterprise_id, edge=edge) for s in args.segments]
        }
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
        ("/lan/interfaces", "lan_ports"),
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
    """Whether a managed value is or holds a secret: a secret-looking key on its path or anywhere
    inside it (`secret_scan`: SNMP community, passphrases, passwords, BGP MD5 keys, PSKs, ...)."""
    return is_secret_path(mp.split(path) if path else []) or bool(secret_paths(value))
