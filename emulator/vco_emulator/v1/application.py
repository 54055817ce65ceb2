"""v1 application-map methods: configuration/getIdentifiableApplications, getRoutableApplications,
updateApplicationMapContent, updateApplicationMapProfiles (behaviour: `domain/applications.py`).

Result shapes: `applications` are the spec's `application` items; as the OpenNMS-patched
spec has it for getRoutableApplications (real answers; the same for getIdentifiableApplications):
`applicationClasses` is the array of class names indexed by class id, `applicationToApplicationClass`
maps an application id (a string key) to its class id, `applicationClassToApplication` a class id
to its application ids. Not implemented: per-edge maps (`edgeId` only
checks that the edge belongs to the enterprise).
"""

from __future__ import annotations

from typing import Any

from ..domain import applications
from ..domain.application_catalogue import CatalogueEntry, application_object
from ..domain.auth import Principal
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .rpc import method


class _Identifiable(StrictModel):
    enterpriseId: int | None = None
    edgeId: int | None = None
    applicationIds: list[int] | None = None


class _Routable(StrictModel):
    enterpriseId: int | None = None
    edgeId: int | None = None


class _UpdateContent(StrictModel):
    ids: list[int]
    checkOnly: bool = False
    updateProfiles: bool = False


class _UpdateProfiles(StrictModel):
    id: int
    checkOnly: bool = False
    updateContent: bool = True


def map_metadata(record: Record) -> dict[str, Any]:
    """A map's metadata as the spec's `application_metadata`."""
    return {
        **applications.map_fields(record),
        "id": record.id,
        "networkId": record.data.get("networkId"),
        "created": record.created,
        "modified": record.modified,
        "blobId": record.id,
    }


def _catalogue(record: Record, entries: list[CatalogueEntry]) -> dict[str, Any]:
    by_class: dict[str, list[int]] = {}
    for entry in entries:
        by_class.setdefault(str(entry.app_class), []).append(entry.id)
    return {
        "applications": [application_object(e) for e in entries],
        "applicationClasses": [name for _, name in sorted(applications.classes(record).items())],
        "applicationClassToApplication": by_class,
        "applicationToApplicationClass": {str(e.id): e.app_class for e in entries},
    }


@method("configuration/getIdentifiableApplications")
def get_identifiable_applications(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Identifiable, params, what="configuration/getIdentifiableApplications params")
    record = applications.map_for(tx, principal, req.enterpriseId, req.edgeId)
    wanted = set(req.applicationIds) if req.applicationIds is not None else None
    entries = [e for e in applications.applications(record) if wanted is None or e.id in wanted]
    return _catalogue(record, entries)


@method("configuration/getRoutableApplications")
def get_routable_applications(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Routable, params, what="configuration/getRoutableApplications params")
    record = applications.map_for(tx, principal, req.enterpriseId, req.edgeId)
    entries = [e for e in applications.applications(record) if applications.routable(e)]
    return {**_catalogue(record, entries), "metaData": map_metadata(record)}


@method("configuration/updateApplicationMapContent")
def update_application_map_content(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_UpdateContent, params, what="configuration/updateApplicationMapContent params")
    maps = applications.refresh_content(tx, principal, req.ids, check_only=req.checkOnly)
    return [{"id": m.id, "name": m.name, "logicalId": m.logical_id} for m in maps]


@method("configuration/updateApplicationMapProfiles")
def update_application_map_profiles(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_UpdateProfiles, params, what="configuration/updateApplicationMapProfiles params")
    profiles, owners = applications.push_to_profiles(
        tx, principal, req.id, check_only=req.checkOnly, update_content=req.updateContent
    )
    return {
        "profiles": [{"id": p.id, "name": p.name, "logicalId": p.logical_id} for p in profiles],
        "enterprises": [{"id": e.id, "name": e.name, "logicalId": e.logical_id} for e in owners],
    }
