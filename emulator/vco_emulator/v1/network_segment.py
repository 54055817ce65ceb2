"""v1 `enterprise/*` segment methods: insert/get/update/deleteEnterpriseNetworkSegment(s), and
get/setEnterpriseMaximumSegments.

`with` of getEnterpriseNetworkSegments: `profileCount` and `configuration` come from the
profiles whose modules name the segment; `edgeUsage` lists edges whose edge-specific
profile names it (edges that only inherit it from their profile are not counted);
`handoffUsage` and `mpgUsage` are always empty (gateway hand-offs are not emulated).
"""

from __future__ import annotations

from typing import Any

from ..domain import kinds, segments
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .network import profile_summary
from .objects import enterprise_object_base, missed, written
from .rpc import method

_WITH = ("profileCount", "edgeUsage", "configuration", "handoffUsage", "mpgUsage")


def network_segment_object(record: Record) -> dict[str, Any]:
    """A segment as the spec's `network_segment`."""
    return {**enterprise_object_base(record, "NETWORK_SEGMENT"), "data": segments.segment_data(record)}


class _GetSegments(StrictModel):
    enterpriseId: int | None = None
    name: str | None = None
    type: str | None = None
    with_: list[str] | None = None


class _DeleteSegment(StrictModel):
    enterpriseId: int | None = None
    id: int


class _GetMaximum(StrictModel):
    enterpriseId: int | None = None


def _with_usage(tx: Tx, record: Record, wanted: set[str]) -> dict[str, Any]:
    body: dict[str, Any] = {}
    pairs = segments.segment_usage(tx, record)
    enterprise_pairs = [(p, m) for p, m in pairs if not p.data.get("edgeSpecific")]
    if "profileCount" in wanted:
        body["profileCount"] = len({p.id for p, _ in enterprise_pairs})
    if "configuration" in wanted:
        # one entry per profile; its moduleId is the deviceSettings module where it has one
        modules: dict[int, tuple[Record, Record]] = {}
        for profile, module in enterprise_pairs:
            if profile.id not in modules or module.name == "deviceSettings":
                modules[profile.id] = (profile, module)
        body["configuration"] = [
            {
                **profile_summary(p),
                "moduleId": m.id,
                "segmentObjectId": record.id,
            }
            for p, m in modules.values()
        ]
    if "edgeUsage" in wanted:
        usage: dict[int, dict[str, Any]] = {}
        for profile, _ in pairs:
            edge_id = profile.data.get("edgeId")
            edge = (
                tx.get(kinds.EDGE, id=int(edge_id)) if profile.data.get("edgeSpecific") and edge_id else None
            )
            if edge is not None and edge.id not in usage:
                usage[edge.id] = {
                    "configurationId": edge.data.get("configurationId"),
                    "edgeSpecificId": profile.id,
                    "name": edge.name,
                    "logicalId": edge.logical_id,
                    "profileId": edge.data.get("configurationId"),
                }
        body["edgeUsage"] = list(usage.values())
        body["edgeCount"] = len(usage)
    if "handoffUsage" in wanted:
        body["handoffUsage"] = []
    if "mpgUsage" in wanted:
        body["mpgUsage"] = []
    return body


@method("enterprise/getEnterpriseNetworkSegments")
def get_enterprise_network_segments(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    params = {("with_" if k == "with" else k): v for k, v in params.items()}
    req = parse(_GetSegments, params, what="enterprise/getEnterpriseNetworkSegments params")
    wanted = set(req.with_ or ())
    unknown = wanted - set(_WITH)
    if unknown:
        raise InvalidRequest(
            f"with {sorted(unknown)} not supported: allowed {', '.join(_WITH)}",
            [FieldError("with", f"allowed values: {', '.join(_WITH)}")],
        )
    records = segments.list_segments(tx, principal, req.enterpriseId, name=req.name, type=req.type)
    return [{**network_segment_object(r), **_with_usage(tx, r, wanted)} for r in records]


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
