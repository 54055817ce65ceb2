"""`AddressGroup`: a v1 address object group (IP addresses, networks, wildcards, domain names).

Each entry is one of `{ip, mask?, rule_type}`, `{cidr, rule_type?}` or `{domain}`, checked
at `check` time with the stdlib `ipaddress` as the Orchestrator's UI checks them:

- `exact` (the default for `ip`): one address; a mask, if any, is the full-length one.
- `prefix` (the default for `cidr`): a network without host bits, as `cidr` or `ip` + `mask`.
- `netmask`: `ip` + a contiguous netmask of the same family (host bits allowed).
- `wildcard`: `ip` + any mask of the same family (the set bits are wildcards).
- `mask` is dotted (`255.255.255.0`, IPv6 form for IPv6) or a prefix length (`24`) where
  it must be contiguous; a wildcard mask must be an address.

A `cidr` is sent as `ip` = network address and `mask` = its netmask (the form the spec
documents). Entries are compared as a set, so order and spelling (`/24` vs `255.255.255.0`)
are not drift. The lifecycle is `object_group.ObjectGroupProvider`. Not implemented: IP ranges
(the v1 spec has none), address groups of a partner (MSP) or operator.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from typing import Any, Literal

import pulumi
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..mechanisms.declare import VcoResource
from ..mechanisms.object_group import (
    OBJECT_GROUPS,
    ObjectGroupArgs,
    ObjectGroupOutputs,
    ObjectGroupProvider,
)
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, register

RuleType = Literal["exact", "prefix", "netmask", "wildcard"]
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_LABEL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$")


def _invalid(message: str) -> PydanticCustomError:
    return PydanticCustomError("address_entry", message)


def _address(value: str) -> IpAddress:
    return ipaddress.ip_address(value.strip())


def _mask_bits(mask: str, version: int) -> tuple[int | None, IpAddress | None]:
    """(prefix length if the mask is contiguous, the mask as an address if written as one)."""
    bits = 32 if version == 4 else 128
    text = mask.strip().lstrip("/")
    if text.isdigit():
        if int(text) > bits:
            raise ValueError(f"a prefix length is 0..{bits}")
        return int(text), None
    value = ipaddress.ip_address(text)
    if value.version != version:
        raise ValueError(f"the mask must be IPv{version} like the address")
    inverted = ~int(value) & ((1 << bits) - 1)
    if inverted & (inverted + 1):
        return None, value
    return bits - inverted.bit_length(), value


class AddressArgs(BaseModel):
    """One address group entry: `ip` (+ `mask`), `cidr`, or `domain`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_type: RuleType | None = Field(
        None, description="exact, prefix, netmask or wildcard (default: exact for ip, prefix for cidr)."
    )
    ip: str | None = Field(None, description="An IPv4 or IPv6 address.")
    cidr: str | None = Field(None, description="A network, e.g. 10.0.0.0/24 (no host bits).")
    mask: str | None = Field(
        None,
        validate_default=True,
        description="Netmask (255.255.255.0) or prefix length (24) for ip; any mask for wildcard.",
    )
    domain: str | None = Field(None, description="A DNS name, e.g. example.com or *.example.com.")

    @field_validator("ip")
    @classmethod
    def _check_ip(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                _address(value)
            except ValueError:
                hint = " (write a network as cidr)" if "/" in value else ""
                raise _invalid(f"an IPv4 or IPv6 address is expected{hint}") from None
        return value

    @field_validator("cidr")
    @classmethod
    def _check_cidr(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ipaddress.ip_network(value.strip(), strict=True)
            except ValueError as exc:
                raise _invalid(
                    f"a CIDR network with no host bits set is expected, e.g. 10.0.0.0/24 ({exc})"
                ) from None
        return value

    @field_validator("mask")
    @classmethod
    def _check_mask(cls, mask: str | None, info: ValidationInfo) -> str | None:
        rule = info.data.get("rule_type")
        ip, cidr = info.data.get("ip"), info.data.get("cidr")
        if cidr is not None:
            if mask is not None:
                raise _invalid("give either cidr or a mask, not both")
            return mask
        if ip is None:
            if mask is not None and "ip" in info.data:
                raise _invalid("a mask needs an ip")
            return mask
        address = _address(ip)
        bits = address.max_prefixlen
        rule = rule or "exact"
        if mask is None:
            if rule != "exact":
                raise _invalid(f"a mask is required for rule_type {rule!r}")
            return mask
        try:
            length, _ = _mask_bits(mask, address.version)
        except ValueError as exc:
            raise _invalid(
                f"an IPv{address.version} mask or a prefix length 0..{bits} is expected ({exc})"
            ) from None
        if rule == "wildcard":
            if mask.strip().lstrip("/").isdigit():
                raise _invalid("a wildcard mask is written as an address, e.g. 0.0.255.255")
            return mask
        if length is None:
            raise _invalid("a netmask has contiguous leading one bits, e.g. 255.255.255.0")
        if rule == "exact" and length != bits:
            raise _invalid(f"an exact rule matches one address: mask /{bits} or none")
        if rule == "prefix":
            try:
                ipaddress.ip_network(f"{address}/{length}", strict=True)
            except ValueError:
                raise _invalid(f"{address}/{length} has host bits set; use the network address") from None
        return mask

    @field_validator("domain")
    @classmethod
    def _check_domain(cls, value: str | None) -> str | None:
        if value is not None:
            name = (value[2:] if value.startswith("*.") else value).removesuffix(".")
            if not name or len(name) > 253 or not all(_LABEL.match(label) for label in name.split(".")):
                raise _invalid("a DNS name of labels with 1-63 letters, digits, '-' or '_' is expected")
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> AddressArgs:
        given = [f for f in ("ip", "cidr", "domain") if getattr(self, f) is not None]
        if len(given) != 1:
            raise _invalid(
                f"an entry has exactly one of ip, cidr or domain (got {', '.join(given) or 'none'})"
            )
        if self.domain is not None and self.rule_type is not None:
            raise _invalid("a domain entry takes no rule_type")
        if self.cidr is not None and self.rule_type not in (None, "prefix", "netmask"):
            raise _invalid(f"a cidr takes rule_type prefix or netmask, not {self.rule_type!r}")
        return self


class AddressGroupArgs(ObjectGroupArgs):
    """The inputs of a `AddressGroup`."""

    addresses: list[AddressArgs] = Field(description="The entries; their order does not matter.")


class AddressGroupOutputs(ObjectGroupOutputs):
    addresses: list[dict[str, Any]] = Field(description="The entries as the Orchestrator holds them.")


SPEC = register(
    OBJECT_GROUPS.spec(
        name="AddressGroup",
        summary="An address object group that firewall rules and business policies reference by logicalId.",
        args=AddressGroupArgs,
        outputs=AddressGroupOutputs,
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "name": "Servers",
            "addresses": [{"cidr": "10.10.0.0/16"}],
        },
        example=(
            "servers = velocloud.AddressGroup(\n"
            '    "servers",\n'
            "    enterprise_id=acme.id,\n"
            '    name="Servers",\n'
            "    addresses=[\n"
            '        {"cidr": "10.10.0.0/16"},\n'
            '        {"ip": "192.0.2.10"},\n'
            '        {"ip": "10.0.0.1", "mask": "0.0.255.0", "rule_type": "wildcard"},\n'
            '        {"domain": "*.example.com"},\n'
            "    ],\n"
            ")"
        ),
        notes=(
            "The order of addresses does not matter: a reorder is no change; writes keep your order.",
            "A group that a profile's rules still use cannot be deleted; the error names the profiles.",
        ),
    )
)


class AddressGroupProvider(ObjectGroupProvider):
    spec = SPEC
    group_type = "address_group"
    entries_field = "addresses"

    def wire_entries(self, entries: Sequence[Any]) -> list[dict[str, Any]]:
        return [_wire(AddressArgs.model_validate(e) if isinstance(e, dict) else e) for e in entries]

    def output_entries(self, data: list[dict[str, Any]]) -> list[dict[str, Any]]:
        fields = ("ip", "mask", "rule_type", "domain")
        return [{k: e[k] for k in fields if e.get(k) is not None} for e in data]

    def entry_key(self, entry: Any) -> tuple[Any, ...]:
        return address_key(entry)


class AddressGroup(VcoResource[AddressGroupArgs], provider=AddressGroupProvider):
    """An address group. Its Pulumi id (and `logical_id`) is what firewall rules reference."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    addresses: pulumi.Output[list[dict[str, Any]]]


def _wire(entry: AddressArgs) -> dict[str, Any]:
    """The API's `ip_group_object` / `domain_group_object` for one validated entry."""
    if entry.domain is not None:
        return {"domain": entry.domain}
    if entry.cidr is not None:
        network = ipaddress.ip_network(entry.cidr.strip(), strict=True)
        return {
            "ip": str(network.network_address),
            "mask": str(network.netmask),
            "rule_type": entry.rule_type or "prefix",
        }
    assert entry.ip is not None
    body = {"ip": entry.ip.strip(), "rule_type": entry.rule_type or "exact"}
    if entry.mask is not None:
        body["mask"] = entry.mask.strip()
    return body


def address_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    """The canonical form of an entry in input or API form; raises ValueError when unparsable."""
    if entry.get("domain") is not None:
        return ("domain", str(entry["domain"]).casefold().removesuffix("."))
    network_text = entry.get("cidr") or (entry["ip"] if "/" in str(entry.get("ip")) else None)
    if network_text is not None:
        network = ipaddress.ip_network(str(network_text).strip(), strict=False)
        rule = entry.get("rule_type") or "prefix"
        return (rule, network.network_address.compressed, network.prefixlen)
    address = _address(str(entry["ip"]))
    rule = entry.get("rule_type") or "exact"
    mask = entry.get("mask")
    if mask is None:
        return (rule, address.compressed, address.max_prefixlen)
    length, value = _mask_bits(str(mask), address.version)
    if rule == "wildcard" or length is None:
        return (rule, address.compressed, value.compressed if value is not None else str(mask))
    return (rule, address.compressed, length)
