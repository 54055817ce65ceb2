"""v1 `enterprise/*` segment methods: insert/get/update/deleteEnterpriseNetworkSegment(s), and
get/setEnterpriseMaximumSegments.

`with` of getEnterpriseNetworkSegments: `profileCount` and `configuration` come from the
profiles whose modules name the segment; `edgeUsage` lists edges whose edge-specific
profile names it (edges that only inherit it from their profile are not counted);
`handoffUsage` and `mpgUsage` are always empty (gateway hand-offs are not emulated).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..domain import kinds, segments
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from . import with_options
from .objects import enterprise_object_base, missed, profile_summary, written
from .rpc import method

_WITH = ("profileCount", "edgeUsage", "configuration", "handoffUsage", "mpgUsage")


def network_segment_object(record: Record) -> dict[str, Any]:
    """A segment as the spec's `network_segment`."""
    return {**enterprise_object_base(record, "NETWORK_SEGMENT"), "data": segments.segment_data(record)}


class _GetSegments(StrictModel):
    enterpriseId: int | None = None
    name: str | None = None
    type: str | None = None
    with_: list[str] | None = Field(default=None, alias="with")


class _DeleteSegment(StrictModel):
    enterpriseId: int | None = None
    id: int


class _GetMaximum(StrictModel):
    enterpriseId: int | None = None


GET_SEGMENTS = "enterprise/getEnterpriseNetworkSegments"


def _enterprise_usage(tx: Tx, segment: Record) -> list[tuple[Record, Record]]:
    """(profile, module) of the enterprise (not edge-specific) profiles that name the segment."""
    return [(p, m) for p, m in segments.segment_usage(tx, segment) if not p.data.get("edgeSpecific")]


@with_options.adds(GET_SEGMENTS, "profileCount")
def _profile_count(tx: Tx, segment: Record) -> dict[str, Any]:
    return {"profileCount": len({p.id for p, _ in _enterprise_usage(tx, segment)})}


@with_options.adds(GET_SEGMENTS, "configuration")
def _configuration(tx: Tx, segment: Record) -> dict[str, Any]:
    """One entry per profile; its moduleId is the deviceSettings module where it has one."""
    modules: dict[int, tuple[Record, Record]] = {}
    for profile, module in _enterprise_usage(tx, segment):
        if profile.id not in modules or module.name == "deviceSettings":
            modules[profile.id] = (profile, module)
    return {
        "configuration": [
            {**profile_summary(p), "moduleId": m.id, "segmentObjectId": segment.id}
            for p, m in modules.values()
        ]
    }


@with_options.adds(GET_SEGMENTS, "edgeUsage")
def _edge_usage(tx: Tx, segment: Record) -> dict[str, Any]:
    usage: dict[int, dict[str, Any]] = {}
    for profile, _ in segments.segment_usage(tx, segment):
        edge_id = profile.data.get("edgeId")
        edge = tx.get(kinds.EDGE, id=int(edge_id)) if profile.data.get("edgeSpecific") and edge_id else None
        if edge is not None and edge.id not in usage:
            usage[edge.id] = {
                "configurationId": edge.data.get("configurationId"),
                "edgeSpecificId": profile.id,
                "name": edge.name,
                "logicalId": edge.logical_id,
                "profileId": edge.data.get("configurationId"),
            }
    return {"edgeUsage": list(usage.values()), "edgeCount": len(usage)}


with_options.adds(GET_SEGMENTS, "handoffUsage")(with_options.constant("handoffUsage", []))
with_options.adds(GET_SEGMENTS, "mpgUsage")(with_options.constant("mpgUsage", []))


@method("enterprise/getEnterpriseNetworkSegments")
def get_enterprise_network_segments(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_GetSegments, params, what="enterprise/getEnterpriseNetworkSegments params")
    wanted = set(req.with_ or ())
    unknown = wanted - set(_WITH)
    if unknown:
        raise InvalidRequest(
            f"with {sorted(unknown)} not supported: allowed {', '.join(_WITH)}",
            [FieldError("with", f"allowed values: {', '.join(_WITH)}")],
        )
    records = segments.list_segments(tx, principal, req.enterpriseId, name=req.name, type=req.type)
    return [with_options.expand(tx, GET_SEGMENTS, r, network_segment_object(r), wanted) for r in records]


@method("enterprise/insertEnterpriseNetworkSegment")
def insert_enterprise_network_segment(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    record = segments.insert_segment(tx, principal, params)
    return written(record.id)


@method("enterprise/updateEnterpriseNetworkSegment")
def update_enterprise_network_segment(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    record = segments.update_segment(tx, principal, params)
    if record is None:
        return missed(f"segment {params.get('id')} not found in this enterprise")
    return written()


@method("enterprise/deleteEnterpriseNetworkSegment")
def delete_enterprise_network_segment(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_DeleteSegment, params, what="enterprise/deleteEnterpriseNetworkSegment params")
    record = segments.delete_segment(tx, principal, req.enterpriseId, req.id)
    if record is None:
        return missed(f"segment {req.id} not found in this enterprise", req.id)
    return written(req.id)


def enterprise_property_object(record: Record) -> dict[str, Any]:
    """The spec's `enterprise_property`."""
    return {
        "id": record.id,
        "enterpriseId": record.enterprise_id,
        "created": record.created,
        "name": record.name,
        "value": record.data["value"],
        "isPassword": bool(record.data.get("isPassword", False)),
        "dataType": record.data.get("dataType", "STRING"),
        "description": record.data.get("description"),
        "modified": record.modified,
    }


@method("enterprise/getEnterpriseMaximumSegments")
def get_enterprise_maximum_segments(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_GetMaximum, params, what="enterprise/getEnterpriseMaximumSegments params")
    return enterprise_property_object(segments.maximum_segments(tx, principal, req.enterpriseId))


@method("enterprise/setEnterpriseMaximumSegments")
def set_enterprise_maximum_segments(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    record = segments.set_maximum_segments(tx, principal, params)
    return written(record.id)
