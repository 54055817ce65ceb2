"""What a firewall rule or business policy matches: `RuleMatchArgs` and its module-document form.

A rule's `match` in the `firewall` and `QOS` documents is the spec's `firewall_rule_match`.
Unset criteria are written as the Orchestrator writes "any" (a guess from its exported
documents: `-1` for numbers, `"any"` for addresses and MACs, an all-ones mask), so a rule
made here looks like one made in the UI. Addresses are IPv4 (an address or a CIDR);
address and port groups are referenced by their logicalId (`sAddressGroup`, `dAddressGroup`,
`sPortGroup`, `dPortGroup`), which replace the address / ports of that side. An application
named by `application` is resolved by the rule's `check` (`applications.resolve_match`) to the
`application_id` / `application_class_id` the document holds (`appid` / `classid`).

Not implemented: IPv6 addresses (`sipV6`/`dipV6`), MAC, VLAN, interface, OS and hostname
criteria, wildcard masks.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PROTOCOLS = {"tcp": 6, "udp": 17, "icmp": 1, "gre": 47, "icmpv6": 58}
Protocol = Literal["tcp", "udp", "icmp", "gre", "icmpv6"]
PORTS = re.compile(r"^(\d{1,5})(?:-(\d{1,5}))?$")
ANY_MATCH: dict[str, Any] = {
    "appid": -1,
    "classid": -1,
    "dscp": -1,
    "sip": "any",
    "sport_high": -1,
    "sport_low": -1,
    "ssm": "255.255.255.255",
    "smac": "any",
    "svlan": -1,
    "os_version": -1,
    "hostname": "",
    "dip": "any",
    "dport_low": -1,
    "dport_high": -1,
    "dsm": "255.255.255.255",
    "dmac": "any",
    "dvlan": -1,
    "proto": -1,
    "s_rule_type": "prefix",
    "d_rule_type": "prefix",
}


class RuleMatchArgs(BaseModel):
    """Traffic a rule applies to; every criterion left unset means "any"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    protocol: Protocol | None = Field(None, description="IP protocol: tcp, udp, icmp, gre or icmpv6.")
    source_ip: str | None = Field(None, description="Source IPv4 address or CIDR, e.g. 10.1.0.0/16.")
    source_ports: str | None = Field(None, description='Source port or range, e.g. "443" or "1000-2000".')
    source_address_group: str | None = Field(None, description="logicalId of a source address group.")
    source_port_group: str | None = Field(None, description="logicalId of a source port group.")
    destination_ip: str | None = Field(None, description="Destination IPv4 address or CIDR.")
    destination_ports: str | None = Field(None, description="Destination port or range.")
    destination_address_group: str | None = Field(
        None, description="logicalId of a destination address group."
    )
    destination_port_group: str | None = Field(None, description="logicalId of a destination port group.")
    application_id: int | None = Field(
        None, ge=0, description="Application id of the network's application map."
    )
    application_class_id: int | None = Field(None, ge=0, description="Application class id.")
    application: str | None = Field(
        None,
        min_length=1,
        description="Application by name (its display name or name in the enterprise's application "
        "map, any case), resolved to application_id and application_class_id when the rule is checked; "
        "an unknown name fails the check.",
    )
    dscp: int | None = Field(None, ge=0, le=63, description="DSCP value, e.g. 46 (EF).")

    @field_validator("source_ip", "destination_ip")
    @classmethod
    def _ipv4(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ipaddress.IPv4Network(value, strict=True)
            except ValueError as exc:
                raise ValueError(
                    f"an IPv4 address or CIDR with no host bits set is required ({exc})"
                ) from None
        return value

    @field_validator("source_ports", "destination_ports")
    @classmethod
    def _ports(cls, value: str | None) -> str | None:
        if value is not None:
            low, high = port_range(value)
            if not (0 <= low <= high <= 65535):
                raise ValueError("ports are 0..65535 with low <= high, e.g. 443 or 1000-2000")
        return value

    @model_validator(mode="after")
    def _groups_exclusive(self) -> RuleMatchArgs:
        for side in ("source", "destination"):
            if getattr(self, f"{side}_address_group") and getattr(self, f"{side}_ip"):
                raise ValueError(f"{side}_ip and {side}_address_group cannot both be set")
            if getattr(self, f"{side}_port_group") and getattr(self, f"{side}_ports"):
                raise ValueError(f"{side}_ports and {side}_port_group cannot both be set")
        return self


def port_range(value: str) -> tuple[int, int]:
    found = PORTS.match(value.strip())
    if not found:
        raise ValueError(f"{value!r} is not a port or a port range like 1000-2000")
    low = int(found.group(1))
    return low, int(found.group(2) or low)


def ipv4_host(value: str | None) -> str | None:
    """The value, checked to be one IPv4 address (no prefix): a NAT address, a WAN link's address."""
    if value is not None:
        try:
            ipaddress.IPv4Address(value)
        except ValueError:
            raise ValueError(f"{value!r} is not an IPv4 address (e.g. 192.0.2.10)") from None
    return value


def _address(value: str) -> tuple[str, str, str]:
    net = ipaddress.IPv4Network(value, strict=True)
    rule_type = "exact" if net.prefixlen == 32 else "prefix"
    return str(net.network_address), str(net.netmask), rule_type


def render_match(value: RuleMatchArgs | dict[str, Any] | None) -> dict[str, Any]:
    """The document form (`firewall_rule_match`) of a rule's match."""
    m = value if isinstance(value, RuleMatchArgs) else RuleMatchArgs.model_validate(value or {})
    doc = dict(ANY_MATCH)
    if m.protocol is not None:
        doc["proto"] = PROTOCOLS[m.protocol]
    for side, s in (("source", "s"), ("destination", "d")):
        ip = getattr(m, f"{side}_ip")
        if ip is not None:
            doc[f"{s}ip"], doc[f"{s}sm"], doc[f"{s}_rule_type"] = _address(ip)
        ports = getattr(m, f"{side}_ports")
        if ports is not None:
            doc[f"{s}port_low"], doc[f"{s}port_high"] = port_range(ports)
        if getattr(m, f"{side}_address_group"):
            doc[f"{s}AddressGroup"] = getattr(m, f"{side}_address_group")
        if getattr(m, f"{side}_port_group"):
            doc[f"{s}PortGroup"] = getattr(m, f"{side}_port_group")
    if m.application is not None and m.application_id is None:
        raise ValueError(f"match.application {m.application!r} is not resolved to an application id yet")
    if m.application_id is not None:
        doc["appid"] = m.application_id
    if m.application_class_id is not None:
        doc["classid"] = m.application_class_id
    if m.dscp is not None:
        doc["dscp"] = m.dscp
    return doc


def match_from_document(doc: Any) -> dict[str, Any]:
    """The `match` input that renders to this document match (criteria we do not model are dropped)."""
    if not isinstance(doc, dict):
        return {}
    out: dict[str, Any] = {}
    names = {v: k for k, v in PROTOCOLS.items()}
    if doc.get("proto") in names:
        out["protocol"] = names[doc["proto"]]
    for side, s in (("source", "s"), ("destination", "d")):
        ip, mask = doc.get(f"{s}ip"), doc.get(f"{s}sm")
        if isinstance(ip, str) and ip not in ("any", ""):
            try:
                net = ipaddress.IPv4Network(f"{ip}/{mask or '255.255.255.255'}", strict=False)
                out[f"{side}_ip"] = str(net.network_address) if net.prefixlen == 32 else str(net)
            except ValueError:
                out[f"{side}_ip"] = ip
        low, high = doc.get(f"{s}port_low"), doc.get(f"{s}port_high")
        if isinstance(low, int) and low >= 0:
            out[f"{side}_ports"] = str(low) if high in (None, -1, low) else f"{low}-{high}"
        if doc.get(f"{s}AddressGroup"):
            out[f"{side}_address_group"] = doc[f"{s}AddressGroup"]
        if doc.get(f"{s}PortGroup"):
            out[f"{side}_port_group"] = doc[f"{s}PortGroup"]
    for field, key in (("application_id", "appid"), ("application_class_id", "classid"), ("dscp", "dscp")):
        if isinstance(doc.get(key), int) and doc[key] >= 0:
            out[field] = doc[key]
    return out
