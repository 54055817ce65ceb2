"""Enterprise events: one `event` row for every successful write made through v1 or v2.

The hook (`record_write`) runs inside the write's own transaction, so an event exists exactly
when the write was committed. The event name follows the Orchestrator's catalogue where one
fits the operation (CREATE_ENTERPRISE, EDGE_PROVISION, EDIT_PROFILE, ...), else
EXTERNAL_API_CALL; severity is always INFO.

Simplified: no events from the devices themselves (heartbeats, link up/down, HA), none for
logins or reads, and the message is the emulator's own wording, not the Orchestrator's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..store import Record, Tx
from .auth import Principal
from .kinds import EDGE, ENTERPRISE, EVENT

# operation (v2 operationId or the v1 method name after the slash) -> (event, category)
_EVENTS: dict[str, tuple[str, str]] = {
    "createEnterprise": ("CREATE_ENTERPRISE", "ENTERPRISE"),
    "deleteEnterprise": ("DELETE_ENTERPRISE", "ENTERPRISE"),
    "createEdge": ("EDGE_PROVISION", "EDGE"),
    "edgeProvision": ("EDGE_PROVISION", "EDGE"),
    "deleteEdge": ("DELETE_EDGE", "EDGE"),
    "updateEdge": ("EDGE_UPDATE_ATTRIBUTES", "EDGE"),
    "updateEdgeAttributes": ("EDGE_UPDATE_ATTRIBUTES", "EDGE"),
    "cloneEnterpriseTemplate": ("CREATE_PROFILE", "CONFIGURATION"),
    "cloneConfiguration": ("CREATE_PROFILE", "CONFIGURATION"),
    "deleteConfiguration": ("DELETE_PROFILE", "CONFIGURATION"),
    "updateConfiguration": ("EDIT_PROFILE", "CONFIGURATION"),
    "updateConfigurationModule": ("EDIT_PROFILE", "CONFIGURATION"),
    "insertConfigurationModule": ("EDIT_PROFILE", "CONFIGURATION"),
    "updateEnterpriseProfileDeviceSettings": ("EDIT_PROFILE", "CONFIGURATION"),
    "replaceEnterpriseProfileDeviceSettings": ("EDIT_PROFILE", "CONFIGURATION"),
    "updateEdgeProfileDeviceSettings": ("EDIT_PROFILE", "CONFIGURATION"),
    "replaceEdgeProfileDeviceSettings": ("EDIT_PROFILE", "CONFIGURATION"),
    "insertEnterpriseNetworkSegment": ("CREATE_NETWORK_SEGMENT", "CONFIGURATION"),
    "updateEnterpriseNetworkSegment": ("UPDATE_NETWORK_SEGMENT", "CONFIGURATION"),
    "deleteEnterpriseNetworkSegment": ("DELETE_NETWORK_SEGMENT", "CONFIGURATION"),
    "insertEnterpriseUser": ("CREATE_USER", "USER"),
    "deleteEnterpriseUser": ("DELETE_USER", "USER"),
    "insertApiToken": ("CREATE_API_TOKEN", "USER"),
    "revokeApiToken": ("REVOKE_API_TOKEN", "USER"),
}
GENERIC_EVENT = ("EXTERNAL_API_CALL", "SYSTEM")

# the request parameters that name the object a v1 write changed, most specific first
_V1_SUBJECT_PARAMS = ("edgeId", "configurationId", "id", "enterpriseId")
_V2_SUBJECT_PARAMS = ("edgeLogicalId", "profileLogicalId", "enterpriseLogicalId")


def event_for(operation: str) -> tuple[str, str]:
    """The (event, category) recorded for a write operation."""
    return _EVENTS.get(operation.rsplit("/", 1)[-1], GENERIC_EVENT)


def record_write(
    tx: Tx,
    principal: Principal,
    operation: str,
    api: str,
    *,
    result: Any = None,
    path_ids: Mapping[str, str] | None = None,
    params: Mapping[str, Any] | None = None,
) -> Record:
    """Insert the event of one successful write; finds the object from the result or the request."""
    subject = _visible(principal, _subject(tx, result, path_ids or {}, params or {}))
    enterprise_id = _enterprise_of(tx, subject, path_ids or {}, params or {}, principal)
    event, category = event_for(operation)
    name = subject.name if subject is not None else None
    key = (path_ids or {}).get("edgeLogicalId") or (path_ids or {}).get("enterpriseLogicalId")
    what = f"{subject.kind} {name!r}" if subject is not None else (key or "")
    edge_id = None
    if subject is not None and subject.kind == EDGE:
        edge_id = subject.id
    elif subject is not None and isinstance(subject.data.get("edgeId"), int):
        edge_id = subject.data["edgeId"]
    data = {
        "event": event,
        "category": category,
        "severity": "INFO",
        "message": f"{operation} {what} by {principal.username}".replace("  ", " "),
        "detail": json.dumps(
            {
                "api": api,
                "operation": operation,
                "objectKind": subject.kind if subject is not None else None,
                "objectLogicalId": subject.logical_id if subject is not None else key,
            }
        ),
        "operation": operation,
        "api": api,
        "username": principal.username,
        "userId": principal.user_id,
        "objectKind": subject.kind if subject is not None else None,
        "objectId": subject.id if subject is not None else None,
        "objectLogicalId": subject.logical_id if subject is not None else key,
        "edgeId": edge_id,
    }
    return tx.insert(EVENT, event, data, enterprise_id=enterprise_id)


def list_events(tx: Tx, enterprise_id: int) -> list[Record]:
    """An enterprise's events, newest first."""
    return list(reversed(tx.find(EVENT, enterprise_id=enterprise_id)))


def _subject(tx: Tx, result: Any, path_ids: Mapping[str, str], params: Mapping[str, Any]) -> Record | None:
    if isinstance(result, Record):
        return result
    if isinstance(result, dict):
        if isinstance(result.get("logicalId"), str):
            found = tx.lookup(logical_id=result["logicalId"])
            if found is not None:
                return found
        if isinstance(result.get("id"), int) and not isinstance(result.get("id"), bool):
            found = tx.lookup(id=result["id"])
            if found is not None:
                return found
    for key in _V2_SUBJECT_PARAMS:
        if isinstance(path_ids.get(key), str):
            found = tx.lookup(logical_id=path_ids[key])
            if found is not None:
                return found
    for key in _V1_SUBJECT_PARAMS:
        value = params.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            found = tx.lookup(id=value)
            if found is not None:
                return found
    return None


def _visible(principal: Principal, subject: Record | None) -> Record | None:
    """The subject, unless it belongs to an enterprise the caller cannot see (then none):
    a parameter naming another customer's object must never file an event there."""
    if subject is None:
        return None
    owner = subject.id if subject.kind == ENTERPRISE else subject.enterprise_id
    if owner is not None and not principal.can_see_enterprise(owner):
        return None
    return subject


def _enterprise_of(
    tx: Tx,
    subject: Record | None,
    path_ids: Mapping[str, str],
    params: Mapping[str, Any],
    principal: Principal,
) -> int | None:
    if subject is not None and subject.kind == ENTERPRISE:
        return subject.id
    if subject is not None and subject.enterprise_id is not None:
        return subject.enterprise_id
    logical_id = path_ids.get("enterpriseLogicalId")
    if logical_id:
        enterprise = tx.get(ENTERPRISE, logical_id=logical_id)
        if enterprise is not None:
            return enterprise.id
    enterprise_id = params.get("enterpriseId")
    if isinstance(enterprise_id, int) and tx.get(ENTERPRISE, id=enterprise_id) is not None:
        return enterprise_id
    return principal.enterprise_id
