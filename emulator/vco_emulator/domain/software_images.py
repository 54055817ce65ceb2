"""Software images: which operator profile (the UI's "software image") an enterprise and its edges run.

An enterprise has operator profiles *assigned* to it (`operatorProfileIds`, set at creation;
each assignment has a `configurationAssociationId`) and one of them is its *default*
(`defaultOperatorProfileId`, else the first assigned). An edge runs the enterprise default
unless it has its own (`operatorProfileId` on the edge, set by `edge/setEdgeOperatorConfiguration`,
removed by `unsetEdgeOperatorConfiguration`). "Edge image management" is the enterprise
property `vco.enterprise.edgeImageManagement.enable` ("true"/"false", the name real clients
query, docs/evidence.md "Edge lifecycle"), switched by `enterprise/updateEdgeImageManagement`.

Rules enforced: every id given must be an operator profile (else the field is named); an
edge's own profile must be one assigned to its enterprise; an enterprise user may set or unset
an edge's profile only when its enterprise has image management enabled and delegated to it
(`delegateEdgeImageManagementToEnterprise`); an enterprise keeps at least one assigned profile.
Removing an assignment drops the edges' own choice of that profile (they run the enterprise
default again) and moves the default to the first remaining profile when needed.

Guesses: those side effects, `isTemplate` (1 for the enterprise default), and that
`removeOperatorConfigurationAssocFromEnterprises` skips an enterprise whose only profile it is.
Not implemented: network-level assignments, software upgrades actually happening (the edge's
`softwareVersion` does not change), operator-profile modules.
"""

from __future__ import annotations

from ..store import Record, Tx
from . import enterprise_properties, enterprises, kinds
from .auth import Principal
from .errors import DataConflict, FieldError, Forbidden, InvalidRequest

IMAGE_MANAGEMENT = enterprise_properties.IMAGE_MANAGEMENT
_ASSOCIATION_SEQ = "operator_profile_association_seq"


# -- reading ------------------------------------------------------------------------------


def operator_profile(tx: Tx, profile_id: int, field: str = "configurationId") -> Record:
    """The operator profile with this id; InvalidRequest naming `field` otherwise."""
    profile = tx.get(kinds.OPERATOR_PROFILE, id=profile_id)
    if profile is None:
        raise InvalidRequest(
            f"{field} {profile_id} is not an operator profile (software image)",
            [FieldError(field, "no operator profile has this id")],
        )
    return profile


def assigned(tx: Tx, enterprise: Record) -> list[Record]:
    """The operator profiles assigned to the enterprise, in assignment order."""
    found = [
        tx.get(kinds.OPERATOR_PROFILE, id=int(i)) for i in enterprise.data.get("operatorProfileIds") or []
    ]
    return [p for p in found if p is not None]


def default_profile(tx: Tx, enterprise: Record) -> Record | None:
    """The enterprise default: its chosen default if still assigned, else the first assigned."""
    profiles = assigned(tx, enterprise)
    chosen = enterprise.data.get("defaultOperatorProfileId")
    return next((p for p in profiles if p.id == chosen), profiles[0] if profiles else None)


def edge_profile(tx: Tx, edge: Record, enterprise: Record) -> Record | None:
    """The operator profile the edge runs: its own, else the enterprise default."""
    own = edge.data.get("operatorProfileId")
    profile = None if own is None else tx.get(kinds.OPERATOR_PROFILE, id=int(own))
    return profile or default_profile(tx, enterprise)


def association_id(tx: Tx, enterprise: Record, profile: Record) -> tuple[Record, int]:
    """The `configurationAssociationId` of an assignment (given one the first time it is asked)."""
    associations = dict(enterprise.data.get("operatorProfileAssociations") or {})
    key = str(profile.id)
    if key not in associations:
        associations[key] = int(tx.get_meta(_ASSOCIATION_SEQ) or "0") + 1
        tx.set_meta(_ASSOCIATION_SEQ, str(associations[key]))
        enterprise = tx.update(
            enterprise, enterprise.name, {**enterprise.data, "operatorProfileAssociations": associations}
        )
    return enterprise, int(associations[key])


def edges_running(tx: Tx, enterprise: Record, profile: Record) -> list[Record]:
    return [
        e
        for e in tx.find(kinds.EDGE, enterprise_id=enterprise.id)
        if (p := edge_profile(tx, e, enterprise)) is not None and p.id == profile.id
    ]


def image_management_enabled(tx: Tx, enterprise: Record) -> bool:
    """The property's value (however it was written); never written reads as off."""
    return enterprise_properties.value(tx, enterprise, IMAGE_MANAGEMENT).lower() == "true"


# -- enterprise assignments ---------------------------------------------------------------


def set_image_management(tx: Tx, principal: Principal, enterprise_id: int, enabled: bool) -> Record:
    """enterprise/updateEdgeImageManagement: switch the enterprise's edge image management."""
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    value = "true" if enabled else "false"
    enterprise_properties.set_value(tx, principal, enterprise, IMAGE_MANAGEMENT, value)
    return enterprise


def set_default(tx: Tx, principal: Principal, enterprise_id: int | None, profile_id: int) -> Record:
    """setDefaultEnterpriseOperatorConfiguration: make an assigned profile the default."""
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    profile = operator_profile(tx, profile_id)
    if profile.id not in _ids(enterprise):
        raise DataConflict(
            f"operator profile {profile.name!r} ({profile.id}) is not assigned to enterprise "
            f"{enterprise.name!r}; assign it first"
        )
    return tx.update(enterprise, enterprise.name, {**enterprise.data, "defaultOperatorProfileId": profile.id})


def set_enterprise_profile(
    tx: Tx, principal: Principal, enterprise_id: int | None, profile_id: int
) -> Record:
    """setEnterpriseOperatorConfiguration: the profile becomes the enterprise's default (assigned
    first if it was not)."""
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    profile = operator_profile(tx, profile_id)
    ids = [profile.id, *(i for i in _ids(enterprise) if i != profile.id)]
    data = {**enterprise.data, "operatorProfileIds": ids, "defaultOperatorProfileId": profile.id}
    return tx.update(enterprise, enterprise.name, data)


def add_to_enterprises(tx: Tx, principal: Principal, profile_id: int, enterprise_ids: list[int]) -> int:
    """addEnterpriseOperatorConfiguration: assign the profile to each enterprise; how many changed."""
    principal.require_write()
    profile = operator_profile(tx, profile_id)
    changed = 0
    for enterprise_id in dict.fromkeys(enterprise_ids):
        enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
        if profile.id not in _ids(enterprise):
            data = {**enterprise.data, "operatorProfileIds": [*_ids(enterprise), profile.id]}
            tx.update(enterprise, enterprise.name, data)
            changed += 1
    return changed


def assign(tx: Tx, principal: Principal, enterprise_id: int | None, profile_ids: list[int]) -> Record:
    """assignEnterpriseOperatorConfigurations: the enterprise's assigned profiles become these."""
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    if not profile_ids:
        raise InvalidRequest(
            "an enterprise keeps at least one operator profile",
            [FieldError("configurationIds", "must name at least one operator profile")],
        )
    wanted = [operator_profile(tx, p, f"configurationIds.{i}").id for i, p in enumerate(profile_ids)]
    return _set_assigned(tx, enterprise, list(dict.fromkeys(wanted)))


def remove_everywhere(tx: Tx, principal: Principal, profile_id: int) -> int:
    """removeOperatorConfigurationAssocFromEnterprises: unassign the profile from every enterprise
    with edge image management enabled (not from one whose only profile it is); how many changed."""
    principal.require_write()
    profile = operator_profile(tx, profile_id)
    changed = 0
    for enterprise in enterprises.list_enterprises(tx, principal):
        ids = _ids(enterprise)
        if profile.id in ids and len(ids) > 1 and image_management_enabled(tx, enterprise):
            _set_assigned(tx, enterprise, [i for i in ids if i != profile.id])
            changed += 1
    return changed


def _ids(enterprise: Record) -> list[int]:
    return [int(i) for i in enterprise.data.get("operatorProfileIds") or []]


def _set_assigned(tx: Tx, enterprise: Record, ids: list[int]) -> Record:
    """Store the assigned list; edges whose own profile left it fall back to the default."""
    data = {**enterprise.data, "operatorProfileIds": ids}
    if data.get("defaultOperatorProfileId") not in ids:
        data["defaultOperatorProfileId"] = ids[0]
    for edge in tx.find(kinds.EDGE, enterprise_id=enterprise.id):
        own = edge.data.get("operatorProfileId")
        if own is not None and int(own) not in ids:
            tx.update(edge, edge.name, {**edge.data, "operatorProfileId": None})
    return tx.update(enterprise, enterprise.name, data)


# -- edges --------------------------------------------------------------------------------


def _require_edge_rights(tx: Tx, principal: Principal, enterprise: Record) -> None:
    principal.require_write()
    if principal.user_type != "ENTERPRISE":
        return
    delegated = (enterprise.data.get("delegation") or {}).get("delegateEdgeImageManagementToEnterprise")
    if not (image_management_enabled(tx, enterprise) and delegated):
        raise Forbidden(
            f"enterprise {enterprise.name!r} does not manage its edges' software images "
            "(edge image management is off or not delegated to it)"
        )


def set_edge_profile(tx: Tx, principal: Principal, edge: Record, profile_id: int) -> Record:
    """edge/setEdgeOperatorConfiguration: the edge runs this assigned profile from now on."""
    enterprise = enterprises.get_enterprise(tx, principal, id=edge.enterprise_id)
    _require_edge_rights(tx, principal, enterprise)
    profile = operator_profile(tx, profile_id)
    if profile.id not in _ids(enterprise):
        names = ", ".join(f"{p.name!r} ({p.id})" for p in assigned(tx, enterprise))
        raise InvalidRequest(
            f"operator profile {profile.name!r} ({profile.id}) is not assigned to enterprise "
            f"{enterprise.name!r}; assigned: {names}",
            [FieldError("configurationId", "not one of the enterprise's operator profiles")],
        )
    return tx.update(edge, edge.name, {**edge.data, "operatorProfileId": profile.id})


def unset_edge_profile(tx: Tx, principal: Principal, edge: Record, profile_id: int) -> bool:
    """edge/unsetEdgeOperatorConfiguration: back to the enterprise default; False when the edge
    had not chosen this profile (nothing changes)."""
    enterprise = enterprises.get_enterprise(tx, principal, id=edge.enterprise_id)
    _require_edge_rights(tx, principal, enterprise)
    operator_profile(tx, profile_id)
    own = edge.data.get("operatorProfileId")
    if own is None or int(own) != profile_id:
        return False
    tx.update(edge, edge.name, {**edge.data, "operatorProfileId": None})
    return True
