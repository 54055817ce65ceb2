"""Application maps: the DPI catalogue rules match applications from (v1 `configuration/*Application*`,
v2 `applicationMaps/*`, enterprise and edge `applications`).

One operator-level map is seeded (`application_catalogue.py` holds its content) and assigned to
every enterprise and edge, so an enterprise's, an edge's and the map's applications are the same
list. "First packet routable" applications are those with known subnets. Refreshing a map's
content (`updateApplicationMapContent`) marks it refreshed (`contentRefreshed`, `modified`): the
emulator has no application provider to fetch mappings from; pushing it to profiles
(`updateApplicationMapProfiles`) names every enterprise profile (none is changed: the emulator
keeps no per-profile map copy). `checkOnly` changes nothing.

Not implemented: several maps, maps per partner or per edge model, uploading a map, custom
applications, the application providers' mappings.
"""

from __future__ import annotations

from typing import Any

from ..store import Record, Tx
from ..timestamps import utc_now
from . import enterprises, kinds
from .application_catalogue import APPLICATION_CLASSES, CATALOGUE, CatalogueEntry
from .auth import Principal
from .errors import FieldError, InvalidRequest, NotFound
from .seed import APPLICATION_MAP_LOGICAL_ID, seed_application_map

MAP_LOGICAL_ID = APPLICATION_MAP_LOGICAL_ID


def default_map(tx: Tx) -> Record:
    """The map every enterprise uses (inserted on first use by a store seeded before maps existed)."""
    found = tx.get(kinds.APPLICATION_MAP, logical_id=MAP_LOGICAL_ID)
    if found is not None:
        return found
    network = tx.find(kinds.NETWORK)
    return seed_application_map(tx, network[0].id if network else 1)


def get_map(tx: Tx, principal: Principal, logical_id: str) -> Record:
    """A map by logicalId; every user sees the maps assigned to their enterprises (all of them)."""
    found = tx.get(kinds.APPLICATION_MAP, logical_id=logical_id)
    if found is None and logical_id == MAP_LOGICAL_ID:
        found = default_map(tx)
    if found is None:
        raise NotFound(f"application map {logical_id} not found")
    return found


def get_map_by_id(tx: Tx, principal: Principal, id: int, field: str = "id") -> Record:
    default_map(tx)
    found = tx.get(kinds.APPLICATION_MAP, id=id)
    if found is None:
        raise InvalidRequest(f"application map {id} does not exist", [FieldError(field, f"no map {id}")])
    return found


def enterprise_map(tx: Tx, principal: Principal, enterprise: Record) -> Record:
    """The map assigned to an enterprise (and to its edges): the default one."""
    return default_map(tx)


def map_for(tx: Tx, principal: Principal, enterprise_id: int | None, edge_id: int | None) -> Record:
    """The map a v1 caller addresses with `enterpriseId` (and optionally `edgeId`)."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    if edge_id is not None:
        edge = tx.get(kinds.EDGE, id=edge_id)
        if edge is None or edge.enterprise_id != enterprise.id:
            raise NotFound(f"edge {edge_id} not found in enterprise {enterprise.id}")
    return enterprise_map(tx, principal, enterprise)


def applications(map_record: Record) -> tuple[CatalogueEntry, ...]:
    return CATALOGUE


def application(map_record: Record, app_id: int) -> CatalogueEntry:
    for entry in applications(map_record):
        if entry.id == app_id:
            return entry
    raise NotFound(f"application {app_id} not found in application map {map_record.logical_id}")


def classes(map_record: Record) -> dict[int, str]:
    return dict(APPLICATION_CLASSES)


def routable(entry: CatalogueEntry) -> bool:
    """First-packet routable: the application's addresses are known before DPI has seen a packet."""
    return bool(entry.subnets)


def refresh_content(tx: Tx, principal: Principal, ids: list[int], *, check_only: bool) -> list[Record]:
    """`updateApplicationMapContent`: the maps named by `ids`, marked refreshed unless `check_only`."""
    principal.require_write()
    maps = [get_map_by_id(tx, principal, i, "ids") for i in ids]
    if check_only:
        return maps
    now = utc_now()
    return [tx.update(m, m.name, {**m.data, "contentRefreshed": now}) for m in maps]


def push_to_profiles(
    tx: Tx, principal: Principal, map_id: int, *, check_only: bool, update_content: bool
) -> tuple[list[Record], list[Record]]:
    """`updateApplicationMapProfiles`: the enterprise profiles (and their enterprises) the map is
    assigned to; the content is refreshed first unless `update_content` is false or `check_only`."""
    principal.require_write()
    found = get_map_by_id(tx, principal, map_id)
    if update_content and not check_only:
        refresh_content(tx, principal, [found.id], check_only=False)
    profiles = [
        p for p in tx.find(kinds.PROFILE) if p.enterprise_id is not None and not p.data.get("edgeSpecific")
    ]
    owners = {p.enterprise_id for p in profiles}
    return profiles, [e for e in tx.find(kinds.ENTERPRISE) if e.id in owners]


def map_fields(record: Record) -> dict[str, Any]:
    """The fields both APIs show of a map besides its ids and times."""
    data = record.data
    return {
        "name": record.name,
        "logicalId": record.logical_id,
        "type": data.get("type"),
        "description": data.get("description"),
        "version": data.get("version"),
        "manifest": data.get("manifest"),
        "fileName": data.get("fileName"),
        "uploadDetails": data.get("uploadDetails"),
    }
