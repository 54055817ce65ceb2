"""How v1 shows any stored object: the fields every v1 object starts with."""

from __future__ import annotations

from typing import Any

from ..store import Record


def object_header(record: Record) -> dict[str, Any]:
    """`id`, `logicalId`, `name`, `created` and `modified` of a stored object."""
    return {
        "id": record.id,
        "logicalId": record.logical_id,
        "name": record.name,
        "created": record.created,
        "modified": record.modified,
    }


def profile_summary(record: Record) -> dict[str, Any]:
    """A profile (enterprise or operator) as v1 lists it: the `configuration` header fields."""
    data = record.data
    return {
        **object_header(record),
        "effective": record.modified,
        "description": data.get("description"),
        "version": data.get("version", "1"),
        "schemaVersion": data.get("schemaVersion"),
        "configurationType": data.get("configurationType"),
        "bastionState": data.get("bastionState", "UNCONFIGURED"),
    }


def enterprise_object_base(record: Record, object_kind: str) -> dict[str, Any]:
    """An enterprise-level object (segment, object group, ...) as the spec's `enterprise_object_base`.

    `object_kind` is the `object` column (e.g. "NETWORK_SEGMENT"); `type` and `description`
    come from the record's data; `data` is left for the caller to fill in.
    """
    return {
        "id": record.id,
        "created": record.created,
        "operatorId": None,
        "networkId": None,
        "enterpriseId": record.enterprise_id,
        "edgeId": None,
        "gatewayId": None,
        "parentGroupId": None,
        "description": record.data.get("description"),
        "object": object_kind,
        "name": record.name,
        "type": record.data.get("type"),
        "logicalId": record.logical_id,
        "alertsEnabled": 1,
        "operatorAlertsEnabled": 1,
        "status": None,
        "statusModified": None,
        "previousData": None,
        "previousCreated": None,
        "draftData": None,
        "draftCreated": None,
        "draftComment": None,
        "data": None,
        "lastContact": None,
        "version": str(record.data.get("version", "1")),
        "modified": record.modified,
    }


def written(id: int | None = None) -> dict[str, Any]:
    """The result of a v1 write that changed one object: `{"id"?, "rows": 1}`."""
    return {"rows": 1} if id is None else {"id": id, "rows": 1}


def missed(message: str, id: int | None = None) -> dict[str, Any]:
    """The result of a v1 update or delete that found nothing to change: the Orchestrator answers
    200 with `{"id"?, "error", "rows": 0}`, not an error envelope."""
    result: dict[str, Any] = {"error": message, "rows": 0}
    return result if id is None else {"id": id, **result}
