"""Device settings of a profile or an edge: the v2 document, built from the `deviceSettings` module.

v2 `GET/PUT/PATCH .../profiles/{p}/deviceSettings` address the enterprise profile's
`deviceSettings` module, `.../edges/{e}/deviceSettings` the edge-specific profile's (the
edge's overrides only; the effective, merged view is v1 `edge/getEdgeConfigurationModules`).

Mapping between the stored module document (v1 field names) and the v2 document
(`BaseDeviceSettings`):
- the v2 document holds the module's keys that `BaseDeviceSettings` names, plus `_href`;
  keys only v1 knows are not shown and survive a v2 PUT unchanged;
- a segment reference `segments[i].segment`, stored as v1's `{segmentId, name, type,
  segmentLogicalId}`, is shown as v2's `SegmentSchema` `{_href, name, type}` (the `_href`
  ends with the segment's logicalId); written back, it is resolved by that `_href` (or by
  `name`) to the stored reference;
- LAN networks and routed interfaces keep v1's `segmentId`; a v2 `segment` given on one of
  them is resolved to `segmentId` and not stored.

PUT and PATCH check the request's shape at once (400, paths into the body), store an
asynchronous operation (see `async_operations`) and apply it later: PATCH (RFC 6902, via
`jsonpatch`) runs against the v2 document current at that time; then the new document must
match the schema and the rules below, or the operation ends in ERROR and nothing changes.
Rules checked (also for v1 `updateConfigurationModule` of `deviceSettings`): segments
exist in the enterprise and appear once; LAN `cidrIp` is an IPv4 address, `cidrPrefix`
0..32, `netmask` a valid mask; VLAN ids 1..4094 and unique among LAN networks; routed
interface addressing likewise; the routing sections (Cloud VPN hubs, BGP, OSPF, BFD, PPPoE,
LAN ports) as `device_settings_routing` says, which also maps VPN hub references between the
stored v1 shape and v2.

Not implemented: the `include` query parameter (accepted, no effect); per-model settings
(`models`) are stored as given; no check of interface names against edge models.
"""

from __future__ import annotations

import copy
import ipaddress
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jsonpatch
import jsonpointer
from jsonschema import Draft202012Validator

from ..store import Record, Tx
from . import async_operations, edges, enterprises, kinds
from . import device_settings_routing as routing
from . import profiles as profiles_
from .auth import Principal
from .errors import DataConflict, FieldError, InvalidRequest, NotFound

MODULE = "deviceSettings"
V2 = "/api/sdwan/v2"
OPERATION = "deviceSettings"


@cache
def _schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("device_settings.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(root: str) -> Draft202012Validator:
    schema = _schema()
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": f"#/$defs/{root}"})


@cache
def v2_keys() -> frozenset[str]:
    """The top-level fields of a v2 deviceSettings document."""
    return frozenset(_schema()["$defs"]["BaseDeviceSettings"]["properties"])


def shape_errors(document: Any, root: str = "BaseDeviceSettings") -> list[FieldError]:
    """Where `document` does not match the v2 schema `root`; paths joined with dots."""
    errors = []
    for error in sorted(
        _validator(root).iter_errors(document), key=lambda e: list(map(str, e.absolute_path))
    ):
        path = ".".join(str(p) for p in error.absolute_path) or "body"
        errors.append(FieldError(path, _short(error.message)))
    return errors


def _short(message: str, limit: int = 300) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."


# -- what a URL addresses --------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """The profile whose deviceSettings module a v2 deviceSettings URL reads and writes."""

    enterprise: Record
    profile: Record
    href: str
    operation_prefix: str  # "EnterpriseProfile" or "EdgeProfile", as in the v2 operationIds


def profile_target(
    tx: Tx, principal: Principal, enterprise_logical_id: str, profile_logical_id: str
) -> Target:
    enterprise = enterprises.get_enterprise(tx, principal, logical_id=enterprise_logical_id)
    profile = tx.get(kinds.PROFILE, logical_id=profile_logical_id)
    if profile is None or profile.enterprise_id != enterprise.id or profile.data.get("edgeSpecific"):
        raise NotFound(f"profile {profile_logical_id} not found in enterprise {enterprise_logical_id}")
    href = f"{V2}/enterprises/{enterprise.logical_id}/profiles/{profile.logical_id}/deviceSettings"
    return Target(enterprise, profile, href, "EnterpriseProfile")


def edge_target(tx: Tx, principal: Principal, enterprise_logical_id: str, edge_logical_id: str) -> Target:
    edge = edges.get_enterprise_edge(tx, principal, enterprise_logical_id, edge_logical_id)
    enterprise = enterprises.get_enterprise(tx, principal, id=edge.enterprise_id)
    profile_id = edge.data.get("edgeSpecificConfigurationId")
    profile = None if profile_id is None else tx.get(kinds.PROFILE, id=int(profile_id))
    if profile is None:
        raise DataConflict(f"edge {edge.name!r} has no edge-specific profile")
    href = f"{V2}/enterprises/{enterprise.logical_id}/edges/{edge.logical_id}/deviceSettings"
    return Target(enterprise, profile, href, "EdgeProfile")


def module_of(tx: Tx, profile: Record) -> Record:
    """The profile's deviceSettings module; created empty if the profile lacks one."""
    for module in profiles_.profile_modules(tx, profile):
        if module.name == MODULE:
            return module
    assert profile.enterprise_id is not None
    return tx.insert(
        kinds.PROFILE_MODULE,
        MODULE,
        {
            "configurationId": profile.id,
            "type": "ENTERPRISE",
            "description": None,
            "schemaVersion": profiles_.MODULE_SCHEMA_VERSION,
            "version": "1",
            "data": {},
            "refs": {},
        },
        enterprise_id=profile.enterprise_id,
    )


# -- mapping ---------------------------------------------------------------------------


def segment_v2(enterprise_logical_id: str, ref: dict[str, Any]) -> dict[str, Any]:
    """A stored segment reference as v2's `SegmentSchema`."""
    shown: dict[str, Any] = {}
    if ref.get("segmentLogicalId"):
        shown["_href"] = f"{V2}/enterprises/{enterprise_logical_id}/segments/{ref['segmentLogicalId']}"
    shown["name"] = ref.get("name")
    shown["type"] = ref.get("type")
    return shown


def to_v2(module_data: dict[str, Any], enterprise_logical_id: str, href: str) -> dict[str, Any]:
    """The v2 document for a stored deviceSettings module document."""
    document = {k: copy.deepcopy(v) for k, v in module_data.items() if k in v2_keys() and k != "_href"}
    for entry in document.get("segments") or []:
        if isinstance(entry, dict) and isinstance(entry.get("segment"), dict):
            entry["segment"] = segment_v2(enterprise_logical_id, entry["segment"])
    routing.hubs_to_v2(document, enterprise_logical_id)
    document["_href"] = href
    return document


class _Segments:
    """The enterprise's segments, to resolve references by logicalId, id or name."""

    def __init__(self, tx: Tx, enterprise_id: int) -> None:
        self.records = tx.find(kinds.NETWORK_SEGMENT, enterprise_id=enterprise_id)

    def by_id(self, segment_id: Any) -> Record | None:
        return next((s for s in self.records if s.data.get("segmentId") == segment_id), None)

    def resolve(self, ref: Any) -> Record | None:
        if not isinstance(ref, dict):
            return None
        href = ref.get("_href") or ""
        logical_id = ref.get("segmentLogicalId") or (href.rstrip("/").rsplit("/", 1)[-1] if href else None)
        if logical_id:
            return next((s for s in self.records if s.logical_id == logical_id), None)
        if isinstance(ref.get("segmentId"), int):
            return self.by_id(ref["segmentId"])
        if ref.get("name"):
            return next((s for s in self.records if s.name == ref["name"]), None)
        return None


def from_v2(
    tx: Tx, enterprise_id: int, document: dict[str, Any], current: dict[str, Any]
) -> tuple[dict[str, Any], list[FieldError]]:
    """The module document a v2 document stands for, and what is wrong with it."""
    segments = _Segments(tx, enterprise_id)
    errors: list[FieldError] = []
    data = {k: copy.deepcopy(v) for k, v in current.items() if k not in v2_keys()}
    data.update({k: copy.deepcopy(v) for k, v in document.items() if k != "_href"})
    for i, entry in enumerate(data.get("segments") or []):
        ref = entry.get("segment")
        if ref is None:
            errors.append(
                FieldError(f"segments.{i}.segment", "required: the segment these settings apply to")
            )
            continue
        record = segments.resolve(ref)
        if record is None:
            errors.append(FieldError(f"segments.{i}.segment", f"unknown segment {_describe(ref)}"))
            continue
        entry["segment"] = profiles_.segment_ref(record)
    errors += routing.hubs_from_v2(tx, enterprise_id, data)
    lan = _obj(data.get("lan"))
    for where, items in (
        ("lan.networks", lan.get("networks")),
        ("routedInterfaces", data.get("routedInterfaces")),
    ):
        for i, item in enumerate(_list(items)):
            if not isinstance(item, dict) or item.get("segment") is None:
                continue
            record = segments.resolve(item.pop("segment"))
            if record is None:
                errors.append(FieldError(f"{where}.{i}.segment", "unknown segment"))
            elif item.get("segmentId") not in (None, record.data["segmentId"]):
                errors.append(
                    FieldError(
                        f"{where}.{i}.segmentId",
                        f"{item['segmentId']} contradicts segment {record.name!r} "
                        f"(segmentId {record.data['segmentId']})",
                    )
                )
            else:
                item["segmentId"] = record.data["segmentId"]
    return data, errors


def _describe(ref: Any) -> str:
    if isinstance(ref, dict):
        return " ".join(f"{k}={v!r}" for k, v in ref.items() if k in ("_href", "name", "segmentId"))
    return repr(ref)


# -- rules -----------------------------------------------------------------------------


def rule_errors(tx: Tx, enterprise_id: int, data: dict[str, Any]) -> list[FieldError]:
    """What in a (v1-shaped) deviceSettings module document the Orchestrator would refuse."""
    segments = _Segments(tx, enterprise_id)
    errors: list[FieldError] = []
    seen: set[Any] = set()
    for i, entry in enumerate(_list(data.get("segments"))):
        ref = entry.get("segment") if isinstance(entry, dict) else None
        segment_id = ref.get("segmentId") if isinstance(ref, dict) else None
        if segments.by_id(segment_id) is None:
            errors.append(FieldError(f"segments.{i}.segment", f"unknown segment {_describe(ref)}"))
        elif segment_id in seen:
            errors.append(FieldError(f"segments.{i}.segment", f"segmentId {segment_id} appears twice"))
        seen.add(segment_id)
    lan = _obj(data.get("lan"))
    vlans: dict[Any, int] = {}
    for i, network in enumerate(_list(lan.get("networks"))):
        if not isinstance(network, dict):
            continue
        path = f"lan.networks.{i}"
        errors += _address_errors(
            path, network.get("cidrIp"), network.get("cidrPrefix"), network.get("netmask")
        )
        errors += _vlan_errors(f"{path}.vlanId", network.get("vlanId"))
        errors += _segment_id_errors(segments, f"{path}.segmentId", network.get("segmentId"))
        vlan = network.get("vlanId")
        if vlan is not None and vlan in vlans:
            errors.append(
                FieldError(f"{path}.vlanId", f"VLAN {vlan} is already used by lan.networks.{vlans[vlan]}")
            )
        elif vlan is not None:
            vlans[vlan] = i
    for i, interface in enumerate(_list(lan.get("interfaces"))):
        if not isinstance(interface, dict):
            continue
        for j, vlan in enumerate(_list(interface.get("vlanIds"))):
            errors += _vlan_errors(f"lan.interfaces.{i}.vlanIds.{j}", vlan)
        untagged = interface.get("untaggedVlan")
        if isinstance(untagged, int | float) and not isinstance(untagged, bool):
            errors += _vlan_errors(f"lan.interfaces.{i}.untaggedVlan", untagged)
    for i, interface in enumerate(_list(data.get("routedInterfaces"))):
        if not isinstance(interface, dict):
            continue
        path = f"routedInterfaces.{i}"
        errors += _vlan_errors(f"{path}.vlanId", interface.get("vlanId"))
        errors += _segment_id_errors(segments, f"{path}.segmentId", interface.get("segmentId"))
        addressing = interface.get("addressing")
        if isinstance(addressing, dict):
            prefix = addressing.get("cidrPrefix")
            if isinstance(prefix, str) and re.fullmatch(r"[0-9]{1,3}", prefix):
                prefix = int(prefix)
            errors += _address_errors(
                f"{path}.addressing", addressing.get("cidrIp"), prefix, addressing.get("netmask")
            )
    return errors + routing.routing_errors(tx, enterprise_id, data)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _vlan_errors(path: str, vlan: Any) -> list[FieldError]:
    if vlan is None:
        return []
    if (
        isinstance(vlan, bool)
        or not isinstance(vlan, int | float)
        or vlan != int(vlan)
        or not 1 <= vlan <= 4094
    ):
        return [FieldError(path, f"VLAN id {vlan!r} is out of range; allowed 1..4094")]
    return []


def _segment_id_errors(segments: _Segments, path: str, segment_id: Any) -> list[FieldError]:
    if segment_id is None or segments.by_id(segment_id) is not None:
        return []
    known = ", ".join(f"{s.data['segmentId']} ({s.name})" for s in segments.records)
    return [FieldError(path, f"unknown segment {segment_id!r}; this enterprise has {known}")]


def _address_errors(path: str, cidr_ip: Any, prefix: Any, netmask: Any) -> list[FieldError]:
    errors = []
    if cidr_ip is not None:
        try:
            ipaddress.IPv4Address(cidr_ip)
        except (ipaddress.AddressValueError, ValueError):
            errors.append(FieldError(f"{path}.cidrIp", f"{cidr_ip!r} is not an IPv4 address"))
    if prefix is not None and (
        isinstance(prefix, bool) or not isinstance(prefix, int) or not 0 <= prefix <= 32
    ):
        errors.append(
            FieldError(f"{path}.cidrPrefix", f"prefix length {prefix!r} is out of range; allowed 0..32")
        )
    if netmask is not None:
        try:
            mask = ipaddress.IPv4Network(f"0.0.0.0/{netmask}")
        except (ipaddress.NetmaskValueError, ValueError):
            errors.append(FieldError(f"{path}.netmask", f"{netmask!r} is not a valid IPv4 netmask"))
        else:
            if isinstance(prefix, int) and 0 <= prefix <= 32 and mask.prefixlen != prefix:
                errors.append(
                    FieldError(
                        f"{path}.netmask", f"{netmask} is a /{mask.prefixlen}, but cidrPrefix is {prefix}"
                    )
                )
    return errors


# -- operations ------------------------------------------------------------------------


def get_device_settings(tx: Tx, target: Target) -> dict[str, Any]:
    async_operations.settle(tx)
    return to_v2(module_of(tx, target.profile).data["data"], target.enterprise.logical_id, target.href)


def request_replace(
    tx: Tx, principal: Principal, target: Target, payload: Any, *, delay_seconds: float
) -> Record:
    """Check a PUT body and accept it as an asynchronous operation."""
    principal.require_write()
    errors = shape_errors(payload)
    if errors:
        raise InvalidRequest(_summary("invalid deviceSettings document", errors), errors)
    return _accept(tx, target, f"replace{target.operation_prefix}DeviceSettings", payload, delay_seconds)


def request_patch(
    tx: Tx, principal: Principal, target: Target, payload: Any, *, delay_seconds: float
) -> Record:
    """Check a PATCH body (a JSON Patch) and accept it as an asynchronous operation."""
    principal.require_write()
    errors = shape_errors(payload, "PatchSchema")
    if not errors and not payload:
        errors = [FieldError("body", "a JSON Patch needs at least one operation")]
    if not errors:
        for i, op in enumerate(payload):
            for key in ("path", "from"):
                if key in op:
                    try:
                        jsonpointer.JsonPointer(op[key])
                    except jsonpointer.JsonPointerException as exc:
                        errors.append(FieldError(f"{i}.{key}", f"{op[key]!r} is not a JSON Pointer: {exc}"))
    if errors:
        raise InvalidRequest(_summary("invalid JSON Patch", errors), errors)
    return _accept(tx, target, f"update{target.operation_prefix}DeviceSettings", payload, delay_seconds)


def _accept(tx: Tx, target: Target, operation: str, body: Any, delay_seconds: float) -> Record:
    async_operations.settle(tx)
    assert target.profile.enterprise_id is not None
    return async_operations.create(
        tx,
        target.profile.enterprise_id,
        operation=OPERATION,
        target=f"configuration:{target.profile.id}:{MODULE}",
        resource_href=target.href,
        request={
            "apiOperation": operation,
            "configurationId": target.profile.id,
            "kind": "patch" if operation.startswith("update") else "replace",
            "body": body,
            "href": target.href,
            "enterpriseLogicalId": target.enterprise.logical_id,
        },
        delay_seconds=delay_seconds,
    )


def _summary(what: str, errors: list[FieldError]) -> str:
    return f"{what}: " + "; ".join(f"{e.path}: {e.message}" for e in errors[:10])


def execute(tx: Tx, operation: Record) -> None:
    """Apply an accepted PUT or PATCH; raise `OperationFailed` (changing nothing) when invalid."""
    request = operation.data["request"]
    profile = tx.get(kinds.PROFILE, id=int(request["configurationId"]))
    if profile is None or profile.enterprise_id is None:
        raise async_operations.OperationFailed("the profile these device settings belong to no longer exists")
    module = module_of(tx, profile)
    current = module.data["data"]
    if request["kind"] == "replace":
        document = copy.deepcopy(request["body"])
    else:
        view = to_v2(current, request["enterpriseLogicalId"], request["href"])
        try:
            document = jsonpatch.apply_patch(view, request["body"])
        except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException) as exc:
            raise async_operations.OperationFailed(f"JSON Patch cannot be applied: {exc}") from None
        errors = shape_errors(document)
        if errors:
            raise async_operations.OperationFailed(
                _summary("the patched deviceSettings document is invalid", errors), errors
            )
    data, errors = from_v2(tx, profile.enterprise_id, document, current)
    flagged = {e.path for e in errors}
    errors += [e for e in rule_errors(tx, profile.enterprise_id, data) if e.path not in flagged]
    if errors:
        raise async_operations.OperationFailed(_summary("invalid device settings", errors), errors)
    profiles_.write_module_data(tx, module, data)


async_operations.register(OPERATION, execute)
