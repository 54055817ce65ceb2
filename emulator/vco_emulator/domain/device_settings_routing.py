"""The routing sections of a deviceSettings document: VPN hub references; rules for VPN, BGP, OSPF, BFD.

Hub references (`segments[].vpn`): the module stores every hub as v1's
`device_settings_vpn_hub` `{logicalId, name, type}` (`type` `edgeHub` or `edgeHubCluster`). The
v2 schema types `edgeToEdgeHub.vpnHubs` and `edgeToEdgeDetail.vpnHubs` as references
(`EnterpriseService`: `_href`, `name`, `type`, ...) and `backHaulEdges` as `{logicalId, name,
type}`; so the two `vpnHubs` lists are shown with an `_href` ending in the hub's logicalId
(`/enterprises/{e}/edges/{id}` or `/enterprises/{e}/edgeClusters/{id}`: the v2 API has no hub or
cluster path, so that prefix is ours), and read back by that last segment (or `logicalId`).
A hub must be an edge of the enterprise (`edgeHub`) or an enterprise service of type
`edgeHubCluster`; its `name` is the Orchestrator's, whatever the client sent.

Rules (the async operation fails, nothing changes): hubs exist and appear once per list;
BGP `ASN`/`asn` and `neighborAS` are AS numbers 1..4294967295, `routerId`, `neighborIp`,
`localIp` IPv4 addresses, neighbours unique by address, filter references (`inboundFilter` /
`outboundFilter` `ids`) name filters of the same segment; OSPF area ids unique; BFD peers
IPv4 and unique; PPPoE addressing has a user name; LAN ports unique by name. Messages never
repeat a password.

Not implemented: whether a hub edge is configured as a hub (the UI only offers such edges),
IPv6 (`v6Detail`, `rulesV6`), a check of interface names against edge models.
"""

from __future__ import annotations

import copy
import ipaddress
from collections.abc import Iterator
from typing import Any

from ..store import Record, Tx
from . import kinds
from .errors import FieldError

V2 = "/api/sdwan/v2"
HUB_LISTS = (("edgeToEdgeHub", "vpnHubs"), ("edgeToEdgeDetail", "vpnHubs"))
HUB_TYPES = ("edgeHub", "edgeHubCluster")
MAX_ASN = 4_294_967_295


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _segment_vpns(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for i, entry in enumerate(_list(data.get("segments"))):
        vpn = _obj(entry).get("vpn") if isinstance(entry, dict) else None
        if isinstance(vpn, dict):
            yield f"segments.{i}.vpn", vpn


# -- hub references --------------------------------------------------------------------


def hubs_to_v2(document: dict[str, Any], enterprise_logical_id: str) -> None:
    """Show the stored hubs of the two `vpnHubs` lists as v2 references (in place)."""
    for _, vpn in _segment_vpns(document):
        for section, key in HUB_LISTS:
            hubs = _obj(vpn.get(section)).get(key)
            if not isinstance(hubs, list):
                continue
            shown = []
            for hub in hubs:
                if not isinstance(hub, dict) or "logicalId" not in hub:
                    shown.append(hub)
                    continue
                where = "edgeClusters" if hub.get("type") == "edgeHubCluster" else "edges"
                ref = {"_href": f"{V2}/enterprises/{enterprise_logical_id}/{where}/{hub['logicalId']}"}
                shown.append({**ref, "name": hub.get("name"), "type": hub.get("type")})
            vpn[section][key] = shown


class _Hubs:
    """The enterprise's edges and hub clusters, to resolve hub references."""

    def __init__(self, tx: Tx, enterprise_id: int) -> None:
        self.edges = {e.logical_id: e for e in tx.find(kinds.EDGE, enterprise_id=enterprise_id)}
        self.clusters = {
            s.logical_id: s
            for s in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=enterprise_id)
            if s.data.get("type") == "edgeHubCluster"
        }

    def find(self, logical_id: Any, type_: Any) -> Record | None:
        table = self.clusters if type_ == "edgeHubCluster" else self.edges
        return table.get(logical_id) if isinstance(logical_id, str) else None


def _hub_logical_id(hub: dict[str, Any]) -> Any:
    if hub.get("logicalId"):
        return hub["logicalId"]
    href = hub.get("_href")
    return href.rstrip("/").rsplit("/", 1)[-1] if isinstance(href, str) and href else None


def hubs_from_v2(tx: Tx, enterprise_id: int, data: dict[str, Any]) -> list[FieldError]:
    """Resolve every hub of every segment's `vpn` to the stored `{logicalId, name, type}` (in place)."""
    hubs = _Hubs(tx, enterprise_id)
    errors: list[FieldError] = []
    for where, vpn in _segment_vpns(data):
        lists = [(f"{where}.{s}.{k}", _obj(vpn.get(s)), k) for s, k in HUB_LISTS]
        lists.append((f"{where}.backHaulEdges", vpn, "backHaulEdges"))
        for path, holder, key in lists:
            items = holder.get(key)
            if not isinstance(items, list):
                continue
            stored: list[Any] = []
            seen: set[Any] = set()
            for j, hub in enumerate(items):
                here = f"{path}.{j}"
                if not isinstance(hub, dict):
                    errors.append(FieldError(here, "a hub is an object with the hub's logicalId and type"))
                    continue
                type_ = hub.get("type") or "edgeHub"
                logical_id = _hub_logical_id(hub)
                if type_ not in HUB_TYPES:
                    errors.append(FieldError(f"{here}.type", f"{type_!r} is not one of {list(HUB_TYPES)}"))
                    continue
                record = hubs.find(logical_id, type_)
                if record is None:
                    what = "hub cluster" if type_ == "edgeHubCluster" else "edge"
                    errors.append(FieldError(here, f"unknown {what} {logical_id!r} in this enterprise"))
                    continue
                if logical_id in seen:
                    errors.append(FieldError(here, f"hub {logical_id} appears twice"))
                seen.add(logical_id)
                stored.append({"logicalId": logical_id, "name": record.name, "type": type_})
            holder[key] = stored
    return errors


# -- rules -----------------------------------------------------------------------------


def _ipv4_error(path: str, value: Any) -> list[FieldError]:
    if value in (None, ""):
        return []
    try:
        ipaddress.IPv4Address(value)
    except (ipaddress.AddressValueError, ValueError):
        return [FieldError(path, f"{value!r} is not an IPv4 address")]
    return []


def _asn_error(path: str, value: Any) -> list[FieldError]:
    if value in (None, ""):
        return []
    text = str(value)
    if not text.isdigit() or not 1 <= int(text) <= MAX_ASN:
        return [FieldError(path, f"{value!r} is not an AS number (1..{MAX_ASN})")]
    return []


def _bgp_errors(path: str, bgp: dict[str, Any]) -> list[FieldError]:
    errors = _asn_error(f"{path}.ASN", bgp.get("ASN")) + _asn_error(f"{path}.asn", bgp.get("asn"))
    errors += _ipv4_error(f"{path}.routerId", bgp.get("routerId"))
    filter_ids = {i for f in _list(bgp.get("filters")) for i in _list(_obj(f).get("ids"))}
    names: dict[Any, int] = {}
    for i, f in enumerate(_list(bgp.get("filters"))):
        name = _obj(f).get("name")
        if name is not None and name in names:
            errors.append(FieldError(f"{path}.filters.{i}.name", f"filter {name!r} appears twice"))
        names[name] = i
    peers: dict[Any, int] = {}
    for i, n in enumerate(_list(bgp.get("neighbors"))):
        n, here = _obj(n), f"{path}.neighbors.{i}"
        errors += _ipv4_error(f"{here}.neighborIp", n.get("neighborIp"))
        errors += _ipv4_error(f"{here}.localIp", n.get("localIp"))
        errors += _asn_error(f"{here}.neighborAS", n.get("neighborAS"))
        ip = n.get("neighborIp")
        if ip is not None and ip in peers:
            errors.append(
                FieldError(f"{here}.neighborIp", f"neighbour {ip} is already neighbors.{peers[ip]}")
            )
        peers.setdefault(ip, i)
        for which in ("inboundFilter", "outboundFilter"):
            for j, ref in enumerate(_list(_obj(n.get(which)).get("ids"))):
                if ref not in filter_ids:
                    errors.append(
                        FieldError(f"{here}.{which}.ids.{j}", f"no filter of this segment has id {ref!r}")
                    )
        if n.get("enableMd5") is True and not n.get("md5Password"):
            errors.append(FieldError(f"{here}.md5Password", "enableMd5 needs an MD5 password"))
    return errors


def _unique_errors(path: str, items: list[Any], key: str, what: str) -> list[FieldError]:
    errors, seen = [], set()
    for i, item in enumerate(items):
        value = _obj(item).get(key)
        if value is None:
            continue
        if value in seen:
            errors.append(FieldError(f"{path}.{i}.{key}", f"{what} {value!r} appears twice"))
        seen.add(value)
    return errors


def routing_errors(tx: Tx, enterprise_id: int, data: dict[str, Any]) -> list[FieldError]:
    """What in the routing sections of a (v1-shaped) module document the Orchestrator would refuse."""
    errors = hubs_from_v2(tx, enterprise_id, copy.deepcopy(data))
    for i, entry in enumerate(_list(data.get("segments"))):
        entry, path = _obj(entry), f"segments.{i}"
        errors += _bgp_errors(f"{path}.bgp", _obj(entry.get("bgp")))
        areas = _list(_obj(entry.get("ospf")).get("areas"))
        errors += _unique_errors(f"{path}.ospf.areas", areas, "id", "area")
        rules = _list(_obj(entry.get("bfd")).get("rules"))
        errors += _unique_errors(f"{path}.bfd.rules", rules, "peerAddress", "BFD peer")
        for j, rule in enumerate(rules):
            errors += _ipv4_error(f"{path}.bfd.rules.{j}.peerAddress", _obj(rule).get("peerAddress"))
    for i, iface in enumerate(_list(data.get("routedInterfaces"))):
        addressing = _obj(_obj(iface).get("addressing"))
        if addressing.get("type") == "PPPOE" and not addressing.get("username"):
            errors.append(FieldError(f"routedInterfaces.{i}.addressing.username", "PPPoE needs a user name"))
    ports = _list(_obj(data.get("lan")).get("interfaces"))
    errors += _unique_errors("lan.interfaces", ports, "name", "LAN port")
    return errors
