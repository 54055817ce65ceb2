"""Object groups of an enterprise (address groups and port groups): create, list, update, delete.

Address group entries are the spec's `ip_group_object` (`ip`, `mask`, `rule_type`) or
`domain_group_object` (`domain`); port group entries are `port_group_object` (`proto`,
`port_low`, `port_high`). Entries are validated as the Orchestrator's UI would:

- `exact`: `ip` is one IPv4/IPv6 address; a `mask`, if any, is the full-length one.
- `prefix`: `ip` is a CIDR network (`10.0.0.0/24`), or an address with `mask` as a
  contiguous netmask or a prefix length; host bits must be zero.
- `netmask`: `ip` plus a contiguous `mask` of the same family.
- `wildcard`: `ip` plus any `mask` of the same family (wildcard bits).
- `domain`: a DNS name (labels of 1-63 letters, digits, `-`, `_`; an optional leading `*.`).
- ports: `proto` 6 (TCP) or 17 (UDP); `port_low`, `port_high` in 0..65535, low <= high.

Entries are stored as sent (no normalisation), so a client reads back what it wrote. Names
are unique within the enterprise and type (case-insensitive), 1-255 characters; the type
never changes. A group a profile's module references (by its logicalId, e.g. a firewall
rule's `sAddressGroup`) cannot be deleted.

Not implemented: the usage of a group by edges' own rules is found only through their
edge-specific profiles; no limit on the number of groups or entries.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any, Literal

from ..store import Record, Tx
from . import enterprises, kinds, usage
from .auth import Principal
from .errors import DataConflict, FieldError, InvalidRequest
from .validation import StrictModel, parse

NAME_MAX = 255
PORT_MIN, PORT_MAX = 0, 65535
PORT_PROTOCOLS = {6: "TCP", 17: "UDP"}

GroupType = Literal["address_group", "port_group"]
RuleType = Literal["exact", "prefix", "netmask", "wildcard"]

_LABEL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$")
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class IpEntry(StrictModel):
    """The spec's `ip_group_object`."""

    ip: str
    mask: str | None = None
    rule_type: RuleType


class DomainEntry(StrictModel):
    """The spec's `domain_group_object`."""

    domain: str


class PortEntry(StrictModel):
    """The spec's `port_group_object`."""

    proto: int
    port_low: int
    port_high: int | None = None


class NewObjectGroup(StrictModel):
    """`enterprise/insertObjectGroup` params (`data` is checked against the type separately)."""

    enterpriseId: int | None = None
    name: str
    type: GroupType = "port_group"
    description: str | None = None
    data: Any


class UpdateObjectGroup(StrictModel):
    """`enterprise/updateObjectGroup` params."""

    enterpriseId: int | None = None
    id: int
    name: str | None = None
    description: str | None = None
    data: Any = None


def list_object_groups(
    tx: Tx, principal: Principal, enterprise_id: int | None, *, id: int | None = None, type: str | None = None
) -> list[Record]:
    """The enterprise's object groups in id order, optionally one id or one type."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    return [
        g
        for g in tx.find(kinds.OBJECT_GROUP, enterprise_id=enterprise.id)
        if (id is None or g.id == id) and (type is None or g.data.get("type") == type)
    ]


def find_object_group(tx: Tx, principal: Principal, enterprise_id: int | None, id: int) -> Record | None:
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    group = tx.get(kinds.OBJECT_GROUP, id=id)
    return group if group is not None and group.enterprise_id == enterprise.id else None


def insert_object_group(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(NewObjectGroup, params, what="object group")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    name = _valid_name(req.name, "name")
    entries = validate_entries(req.type, req.data, "data")
    _require_unique_name(tx, enterprise.id, req.type, name, except_id=None)
    return tx.insert(
        kinds.OBJECT_GROUP,
        name,
        {"type": req.type, "description": req.description, "data": entries},
        enterprise_id=enterprise.id,
    )


def update_object_group(tx: Tx, principal: Principal, params: Any) -> Record | None:
    """Change name, description and/or the whole `data`; None when the enterprise has no such group."""
    principal.require_write()
    req = parse(UpdateObjectGroup, params, what="object group update")
    group = find_object_group(tx, principal, req.enterpriseId, req.id)
    if group is None:
        return None
    fields = req.model_fields_set
    group_type = str(group.data["type"])
    data = dict(group.data)
    name = group.name
    if req.name is not None and req.name != group.name:
        name = _valid_name(req.name, "name")
        assert group.enterprise_id is not None
        _require_unique_name(tx, group.enterprise_id, group_type, name, except_id=group.id)
    if "description" in fields:
        data["description"] = req.description
    if "data" in fields:
        data["data"] = validate_entries(group_type, req.data, "data")
    return tx.update(group, name, data)


def delete_object_group(tx: Tx, principal: Principal, enterprise_id: int | None, id: int) -> Record | None:
    """Delete a group no profile references; None when the enterprise has no such group."""
    principal.require_write()
    group = find_object_group(tx, principal, enterprise_id, id)
    if group is None:
        return None
    profiles = usage.profiles_of(tx, group_modules(tx, group))
    if profiles:
        raise DataConflict(
            f"{group.data['type']} {group.name!r} (id {group.id}) is used by profile(s) "
            f"{usage.describe_profiles(profiles)}; remove it from their rules first"
        )
    tx.delete(group)
    return group


def group_modules(tx: Tx, group: Record) -> list[Record]:
    """The enterprise's configuration modules that reference the group's logicalId."""
    assert group.enterprise_id is not None
    logical_id = group.logical_id
    return usage.referencing_modules(tx, group.enterprise_id, lambda value: value == logical_id)


# -- entries ---------------------------------------------------------------------------


def validate_entries(group_type: str, data: Any, path: str) -> list[dict[str, Any]]:
    """Check a group's `data` (a list of entries) for its type; returns it as sent."""
    what = "address group entries" if group_type == "address_group" else "port group entries"
    if not isinstance(data, list):
        raise InvalidRequest(
            f"{path} of a {group_type} must be a list of {what}, not {type(data).__name__}",
            [FieldError(path, f"must be a list of {what}")],
        )
    for i, entry in enumerate(data):
        entry_path = f"{path}.{i}"
        if group_type == "port_group":
            _check_port_entry(_parse_entry(PortEntry, entry, entry_path), entry_path)
        elif isinstance(entry, dict) and "domain" in entry:
            _check_domain(_parse_entry(DomainEntry, entry, entry_path).domain, f"{entry_path}.domain")
        else:
            _check_ip_entry(_parse_entry(IpEntry, entry, entry_path), entry_path)
    return list(data)


def _parse_entry(model: type[StrictModel], entry: Any, path: str) -> Any:
    return parse(model, entry, what=f"entry {path} ({entry!r})", at=path)


def _invalid(path: str, value: Any, allowed: str) -> InvalidRequest:
    return InvalidRequest(f"{path} {value!r} is not valid: {allowed}", [FieldError(path, allowed)])


def _address(value: str, path: str) -> IpAddress:
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        raise _invalid(path, value, "an IPv4 or IPv6 address is expected") from None


def _prefix_length(mask: str, version: int, path: str, *, contiguous: bool) -> int | None:
    """The prefix length a netmask (or, if allowed, a prefix length) stands for; None for a wildcard."""
    bits = 32 if version == 4 else 128
    if contiguous and mask.isdigit():
        if int(mask) > bits:
            raise _invalid(path, mask, f"a prefix length is 0..{bits}")
        return int(mask)
    try:
        value = ipaddress.ip_address(mask)
    except ValueError:
        raise _invalid(
            path, mask, f"an IPv{version} mask (or a prefix length 0..{bits}) is expected"
        ) from None
    if value.version != version:
        raise _invalid(path, mask, f"the mask must be IPv{version} like the ip")
    if not contiguous:
        return None
    inverted = ~int(value) & ((1 << bits) - 1)
    if inverted & (inverted + 1):
        raise _invalid(path, mask, "a netmask has contiguous leading one bits, e.g. 255.255.255.0")
    return bits - inverted.bit_length()


def _check_ip_entry(entry: IpEntry, path: str) -> None:
    ip_path, mask_path = f"{path}.ip", f"{path}.mask"
    if entry.rule_type == "prefix" and "/" in entry.ip:
        try:
            network = ipaddress.ip_network(entry.ip, strict=True)
        except ValueError as exc:
            raise _invalid(
                ip_path, entry.ip, f"a CIDR network with no host bits set is expected ({exc})"
            ) from None
        if entry.mask is not None:
            length = _prefix_length(entry.mask, network.version, mask_path, contiguous=True)
            if length != network.prefixlen:
                raise _invalid(
                    mask_path, entry.mask, f"the mask must agree with the prefix /{network.prefixlen}"
                )
        return
    address = _address(entry.ip, ip_path)
    bits = address.max_prefixlen
    if entry.rule_type == "exact":
        if entry.mask is not None:
            length = _prefix_length(entry.mask, address.version, mask_path, contiguous=True)
            if length != bits:
                raise _invalid(
                    mask_path, entry.mask, f"an exact rule matches one address (mask /{bits} or none)"
                )
        return
    if entry.mask is None:
        raise InvalidRequest(
            f"{mask_path} is required for rule_type {entry.rule_type!r}",
            [FieldError(mask_path, f"required for rule_type {entry.rule_type}")],
        )
    length = _prefix_length(entry.mask, address.version, mask_path, contiguous=entry.rule_type != "wildcard")
    if entry.rule_type == "prefix" and length is not None:
        network_text = f"{entry.ip}/{length}"
        try:
            ipaddress.ip_network(network_text, strict=True)
        except ValueError:
            raise _invalid(
                ip_path, entry.ip, f"{network_text} has host bits set; use the network address"
            ) from None


def _check_domain(domain: str, path: str) -> None:
    name = domain[2:] if domain.startswith("*.") else domain
    name = name.removesuffix(".")
    labels = name.split(".")
    if not name or len(name) > 253 or not all(_LABEL.match(label) for label in labels):
        raise _invalid(path, domain, "a DNS name of labels with 1-63 letters, digits, '-' or '_' is expected")


def _check_port_entry(entry: PortEntry, path: str) -> None:
    if entry.proto not in PORT_PROTOCOLS:
        allowed = ", ".join(f"{n} ({name})" for n, name in PORT_PROTOCOLS.items())
        raise _invalid(f"{path}.proto", entry.proto, f"port groups take protocol {allowed}")
    for field, port in (("port_low", entry.port_low), ("port_high", entry.port_high)):
        if port is not None and not PORT_MIN <= port <= PORT_MAX:
            raise _invalid(f"{path}.{field}", port, f"a port is {PORT_MIN}..{PORT_MAX}")
    if entry.port_high is not None and entry.port_high < entry.port_low:
        raise _invalid(
            f"{path}.port_high", entry.port_high, f"port_high must not be below port_low {entry.port_low}"
        )


# -- names -----------------------------------------------------------------------------


def _valid_name(name: str, path: str) -> str:
    if not name.strip() or len(name) > NAME_MAX:
        raise _invalid(path, name, f"a name is 1-{NAME_MAX} characters, not only blanks")
    return name


def _require_unique_name(
    tx: Tx, enterprise_id: int, group_type: str, name: str, *, except_id: int | None
) -> None:
    folded = name.casefold()
    for g in tx.find(kinds.OBJECT_GROUP, enterprise_id=enterprise_id):
        if g.id != except_id and g.data.get("type") == group_type and g.name.casefold() == folded:
            raise DataConflict(
                f"the enterprise already has an object group of type {group_type} "
                f"named {g.name!r} (id {g.id})"
            )
