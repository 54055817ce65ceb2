"""Network segments of an enterprise: create, list, update, delete, and the segment limit.

Rules enforced: every enterprise has a Global Segment (segmentId 0, made with the
enterprise) that can be neither deleted, renamed nor retyped; names are unique within the
enterprise (case-insensitive) and 1-255 characters; a new segment gets the lowest free
`segmentId` below the enterprise's maximum number of segments (16 unless an operator
raised it, at most 128), and a client may ask for a particular free one; `segmentId` never
changes; `serviceVlan` is a VLAN id 1..4094; `description` (the spec's insert and update
take it) is free text; a segment a profile uses cannot be deleted.
Renaming or retyping a segment rewrites the segment's name and type where the enterprise's
module documents name it. Enterprise users see only their own enterprise; read-only users
cannot write.

Not implemented: usage by partner gateway hand-offs and multi-path gateways (always
empty); CDE/PRIVATE segments have no effect on gateways or flow statistics.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..store import Record, Tx
from . import enterprise_properties, enterprises, kinds, usage
from .auth import Principal
from .errors import DataConflict, FieldError, InvalidRequest
from .validation import StrictModel, parse

NAME_MAX = 255
VLAN_MIN, VLAN_MAX = 1, 4094
MAXIMUM_SEGMENTS = enterprise_properties.MAXIMUM_SEGMENTS
DEFAULT_MAXIMUM_SEGMENTS = int(MAXIMUM_SEGMENTS.default)
MAXIMUM_SEGMENTS_LIMIT = 128
GLOBAL_SEGMENT_ID = 0

SegmentType = Literal["REGULAR", "CDE", "PRIVATE"]


class SegmentData(StrictModel):
    """The spec's `network_segment_data`."""

    segmentId: int | None = None
    serviceVlan: int | None = None
    delegateToEnterprise: bool = True
    delegateToEnterpriseProxy: bool = True


class NewSegment(StrictModel):
    """`enterprise/insertEnterpriseNetworkSegment` params."""

    enterpriseId: int | None = None
    name: str
    description: str | None = None
    type: SegmentType
    data: SegmentData


class SegmentChanges(StrictModel):
    name: str | None = None
    description: str | None = None
    type: SegmentType | None = None
    data: SegmentData | None = None


class UpdateSegment(StrictModel):
    """`enterprise/updateEnterpriseNetworkSegment` params."""

    enterpriseId: int | None = None
    id: int
    update: SegmentChanges = Field(default_factory=SegmentChanges, alias="_update")


class SetMaximumSegments(StrictModel):
    enterpriseId: int | None = None
    value: int


def segment_data(record: Record) -> dict[str, Any]:
    """The segment's `network_segment_data` as the API shows it (unset fields omitted)."""
    stored = record.data.get("data") or {}
    data: dict[str, Any] = {"segmentId": record.data["segmentId"]}
    if stored.get("serviceVlan") is not None:
        data["serviceVlan"] = stored["serviceVlan"]
    data["delegateToEnterprise"] = stored.get("delegateToEnterprise", True)
    data["delegateToEnterpriseProxy"] = stored.get("delegateToEnterpriseProxy", True)
    return data


def list_segments(
    tx: Tx,
    principal: Principal,
    enterprise_id: int | None,
    *,
    name: str | None = None,
    type: str | None = None,
) -> list[Record]:
    """The enterprise's segments in segmentId order, optionally only those of a name or type."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    found = [
        s
        for s in tx.find(kinds.NETWORK_SEGMENT, enterprise_id=enterprise.id)
        if (name is None or s.name == name) and (type is None or s.data.get("type") == type)
    ]
    return sorted(found, key=lambda s: int(s.data["segmentId"]))


def find_segment(tx: Tx, principal: Principal, enterprise_id: int | None, id: int) -> Record | None:
    """One segment of the enterprise by its numeric id; None when the enterprise has no such segment."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    segment = tx.get(kinds.NETWORK_SEGMENT, id=id)
    return segment if segment is not None and segment.enterprise_id == enterprise.id else None


def insert_segment(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(NewSegment, params, what="segment")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    name = _valid_name(req.name, "name")
    existing = tx.find(kinds.NETWORK_SEGMENT, enterprise_id=enterprise.id)
    _require_unique_name(existing, name)
    _check_vlan(req.data.serviceVlan, "data.serviceVlan")
    limit = _maximum(tx, enterprise)
    if len(existing) >= limit:
        raise DataConflict(
            f"enterprise {enterprise.name!r} already has {len(existing)} segments, its maximum is {limit}; "
            "an operator can raise it with enterprise/setEnterpriseMaximumSegments"
        )
    used = {int(s.data["segmentId"]) for s in existing}
    segment_id = req.data.segmentId
    if segment_id is None:
        segment_id = min(set(range(1, limit)) - used)
    elif not 1 <= segment_id < limit or segment_id in used:
        raise InvalidRequest(
            f"data.segmentId {segment_id} is not available: allowed are the free ids 1..{limit - 1}",
            [FieldError("data.segmentId", f"{segment_id} is in use or outside 1..{limit - 1}")],
        )
    return tx.insert(
        kinds.NETWORK_SEGMENT,
        name,
        {
            "segmentId": segment_id,
            "type": req.type,
            "description": req.description,
            "data": req.data.model_dump(exclude={"segmentId"}),
        },
        enterprise_id=enterprise.id,
    )


def update_segment(tx: Tx, principal: Principal, params: Any) -> Record | None:
    """Apply `_update` (name, type, whole `data`); None when the enterprise has no such segment."""
    principal.require_write()
    req = parse(UpdateSegment, params, what="segment update")
    segment = find_segment(tx, principal, req.enterpriseId, req.id)
    if segment is None:
        return None
    changes = req.update
    is_global = segment.data["segmentId"] == GLOBAL_SEGMENT_ID
    name = segment.name
    if changes.name is not None and changes.name != segment.name:
        if is_global:
            raise DataConflict("the Global Segment cannot be renamed")
        name = _valid_name(changes.name, "_update.name")
        others = [
            s
            for s in tx.find(kinds.NETWORK_SEGMENT, enterprise_id=segment.enterprise_id)
            if s.id != segment.id
        ]
        _require_unique_name(others, name)
    data = dict(segment.data)
    if changes.type is not None and changes.type != data.get("type"):
        if is_global:
            raise DataConflict(f"the Global Segment is always REGULAR; it cannot become {changes.type}")
        data["type"] = changes.type
    if "description" in changes.model_fields_set:
        data["description"] = changes.description
    if changes.data is not None:
        if changes.data.segmentId is not None and changes.data.segmentId != data["segmentId"]:
            raise InvalidRequest(
                f"_update.data.segmentId cannot change: segment {segment.name!r} has segmentId "
                f"{data['segmentId']}, not {changes.data.segmentId}",
                [FieldError("_update.data.segmentId", f"must stay {data['segmentId']}")],
            )
        _check_vlan(changes.data.serviceVlan, "_update.data.serviceVlan")
        data["data"] = changes.data.model_dump(exclude={"segmentId"})
    updated = tx.update(segment, name, data)
    if (updated.name, updated.data.get("type")) != (segment.name, segment.data.get("type")):
        _rewrite_module_references(tx, updated)
    return updated


def delete_segment(tx: Tx, principal: Principal, enterprise_id: int | None, id: int) -> Record | None:
    """Delete a segment no profile uses; None when the enterprise has no such segment."""
    principal.require_write()
    segment = find_segment(tx, principal, enterprise_id, id)
    if segment is None:
        return None
    if segment.data["segmentId"] == GLOBAL_SEGMENT_ID:
        raise DataConflict("the Global Segment cannot be deleted")
    profiles = usage.profiles_of(tx, segment_modules(tx, segment))
    if profiles:
        raise DataConflict(
            f"segment {segment.name!r} (id {segment.id}) is used by profile(s) "
            f"{usage.describe_profiles(profiles)}; remove it from them first"
        )
    tx.delete(segment)
    return segment


def segment_modules(tx: Tx, segment: Record) -> list[Record]:
    """The enterprise's configuration modules that name this segment."""
    assert segment.enterprise_id is not None
    return usage.referencing_modules(tx, segment.enterprise_id, _names_segment(segment))


def segment_usage(tx: Tx, segment: Record) -> list[tuple[Record, Record]]:
    """(profile, module) for every module that names this segment, in module id order."""
    pairs = []
    for module in segment_modules(tx, segment):
        profile = tx.get(kinds.PROFILE, id=int(module.data["configurationId"]))
        if profile is not None:
            pairs.append((profile, module))
    return pairs


# -- the segment limit -----------------------------------------------------------------


def maximum_segments(tx: Tx, principal: Principal, enterprise_id: int | None) -> Record:
    """The enterprise property holding its maximum number of segments (made with the default)."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    return enterprise_properties.read_or_create(tx, enterprise, MAXIMUM_SEGMENTS)


def set_maximum_segments(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_operator()
    principal.require_write()
    req = parse(SetMaximumSegments, params, what="maximum segments")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    if not 1 <= req.value <= MAXIMUM_SEGMENTS_LIMIT:
        raise InvalidRequest(
            f"value {req.value} is not a valid maximum number of segments: "
            f"allowed 1..{MAXIMUM_SEGMENTS_LIMIT}",
            [FieldError("value", f"must be 1..{MAXIMUM_SEGMENTS_LIMIT}")],
        )
    segments = tx.find(kinds.NETWORK_SEGMENT, enterprise_id=enterprise.id)
    needed = max([len(segments), *(int(s.data["segmentId"]) + 1 for s in segments)])
    if req.value < needed:
        raise DataConflict(
            f"enterprise {enterprise.name!r} has {len(segments)} segment(s) with segmentIds up to "
            f"{needed - 1}; the maximum cannot be lower than {needed}"
        )
    return enterprise_properties.set_value(tx, principal, enterprise, MAXIMUM_SEGMENTS, str(req.value))


def _maximum(tx: Tx, enterprise: Record) -> int:
    """The stored maximum; a value written through `insertOrUpdateEnterpriseProperty` that is not
    a whole number 1..MAXIMUM_SEGMENTS_LIMIT counts as the default (a guess)."""
    text = enterprise_properties.value(tx, enterprise, MAXIMUM_SEGMENTS)
    try:
        number = float(text)
    except ValueError:
        return DEFAULT_MAXIMUM_SEGMENTS
    whole = number.is_integer() and 1 <= number <= MAXIMUM_SEGMENTS_LIMIT
    return int(number) if whole else DEFAULT_MAXIMUM_SEGMENTS


# -- helpers ---------------------------------------------------------------------------


def _valid_name(name: str, path: str) -> str:
    if not name.strip() or len(name) > NAME_MAX:
        raise InvalidRequest(
            f"{path} {name!r} is not a valid segment name: 1-{NAME_MAX} characters, not only blanks",
            [FieldError(path, f"must be 1-{NAME_MAX} characters, not only blanks")],
        )
    return name


def _require_unique_name(segments: list[Record], name: str) -> None:
    folded = name.casefold()
    for s in segments:
        if s.name.casefold() == folded:
            raise DataConflict(f"a segment named {s.name!r} already exists in this enterprise (id {s.id})")


def _check_vlan(vlan: int | None, path: str) -> None:
    if vlan is not None and not VLAN_MIN <= vlan <= VLAN_MAX:
        raise InvalidRequest(
            f"{path} {vlan} is not a VLAN id: allowed {VLAN_MIN}..{VLAN_MAX}",
            [FieldError(path, f"{vlan} is outside {VLAN_MIN}..{VLAN_MAX}")],
        )


def _names_segment(segment: Record) -> usage.Predicate:
    """True for a JSON value that names the segment: by logicalId, or a `segment` object by segmentId."""
    logical_id, segment_id = segment.logical_id, segment.data["segmentId"]

    def test(value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        if value.get("segmentLogicalId") == logical_id or value.get("logicalId") == logical_id:
            return True
        ref = value.get("segment")
        return (
            isinstance(ref, dict)
            and ref.get("segmentLogicalId") in (None, logical_id)
            and ref.get("segmentId") == segment_id
        )

    return test


def _rewrite_module_references(tx: Tx, segment: Record) -> None:
    """After a rename or retype, show the new name and type wherever a module names the segment."""
    for module in segment_modules(tx, segment):
        document = module.data.get("data")
        changed = False
        for value in usage.walk(document):
            if isinstance(value, dict) and value.get("segmentLogicalId") == segment.logical_id:
                if "name" in value and value["name"] != segment.name:
                    value["name"] = segment.name
                    changed = True
                if "type" in value and value["type"] != segment.data["type"]:
                    value["type"] = segment.data["type"]
                    changed = True
        if changed:
            tx.update(module, module.name, {**module.data, "data": document})
