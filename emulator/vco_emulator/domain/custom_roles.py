"""Custom roles of an enterprise (v1 `compositeRole/*ByEnterprise`): named sets of functional roles.

Rules enforced: names are unique per enterprise (any case), 1-255 characters; every
`functionalRoleIds` entry is a functional role of `domain/functional_roles.py` and at least
one is given; the enterprise must have the `enableRoleCustomization` capability
(`domain/enterprise_settings.py`); a role that a user holds cannot be deleted (guess: the
real Orchestrator's rule was not found); enterprise users may hold a custom role of their
own enterprise as their `roleId` (domain/users.py) and then may do what its functional roles
grant (domain/auth.py).

Not implemented: operator and partner custom roles (`*ByOperator`, `*ByEnterpriseProxy`), role
customization packages (`role/*RoleCustomization*`), precedence between roles.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..store import Record, Tx
from . import enterprise_settings, functional_roles, kinds
from .auth import Principal
from .enterprise_settings import enterprise_of
from .errors import DataConflict, FieldError, InvalidRequest, NotFound
from .validation import StrictModel, parse

KIND = kinds.COMPOSITE_ROLE


class NewCustomRole(StrictModel):
    """The v1 `create_composite_role_by_enterprise` params."""

    userType: Literal["ENTERPRISE"]
    enterpriseId: int
    name: str = Field(min_length=1, max_length=255)
    description: str
    functionalRoleIds: list[int]


class CustomRoleChanges(StrictModel):
    name: str | None = Field(None, min_length=1, max_length=255)
    description: str | None = None
    functionalRoleIds: list[int] | None = None


class UpdateCustomRole(StrictModel):
    enterpriseId: int | None = None
    roleId: int
    update: CustomRoleChanges = Field(alias="_update")


class DeleteCustomRoles(StrictModel):
    enterpriseId: int | None = None
    roleIds: list[int]


def api_id(record: Record) -> int:
    return functional_roles.CUSTOM_ROLE_ID_BASE + record.id


def _check_functional_roles(ids: list[int], path: str) -> None:
    if not ids:
        raise InvalidRequest(f"{path} must name at least one functional role", [FieldError(path, "empty")])
    unknown = [i for i in ids if functional_roles.by_id(i) is None]
    if unknown:
        valid = ", ".join(f"{r.id} ({r.name})" for r in functional_roles.FUNCTIONAL_ROLES)
        raise InvalidRequest(
            f"{path}: {unknown} are not functional roles; valid: {valid}",
            [FieldError(path, f"unknown functional role id(s) {unknown}")],
        )


def _require_unique(tx: Tx, enterprise: Record, name: str, keep: Record | None = None) -> None:
    for other in tx.find_nocase(KIND, enterprise_id=enterprise.id, name=name):
        if keep is None or other.id != keep.id:
            raise DataConflict(f"enterprise {enterprise.name!r} already has a role named {other.name!r}")


def get_custom_role(tx: Tx, enterprise_id: int, role_id: int) -> Record | None:
    """The custom role `role_id` (its API id) of the enterprise, or None."""
    row = functional_roles.custom_role_row(role_id)
    record = None if row is None else tx.get(KIND, id=row)
    return record if record is not None and record.enterprise_id == enterprise_id else None


def create(tx: Tx, principal: Principal, payload: Any) -> Record:
    principal.require_write()
    req = parse(NewCustomRole, payload, what="compositeRole/createByEnterprise params")
    enterprise = enterprise_of(tx, principal, req.enterpriseId)
    enterprise_settings.require_capability(tx, enterprise, "enableRoleCustomization")
    _check_functional_roles(req.functionalRoleIds, "functionalRoleIds")
    _require_unique(tx, enterprise, req.name)
    data = {
        "description": req.description,
        "functionalRoleIds": req.functionalRoleIds,
        "userType": "ENTERPRISE",
    }
    return tx.insert(KIND, req.name, data, enterprise_id=enterprise.id)


def list_roles(
    tx: Tx, principal: Principal, enterprise_id: int | None, role_ids: list[int] | None
) -> list[Record]:
    enterprise = enterprise_of(tx, principal, enterprise_id)
    found = tx.find(KIND, enterprise_id=enterprise.id)
    if role_ids is not None:
        found = [r for r in found if api_id(r) in role_ids]
    return found


def update(tx: Tx, principal: Principal, payload: Any) -> Record:
    principal.require_write()
    req = parse(UpdateCustomRole, payload, what="compositeRole/updateByEnterprise params")
    enterprise = enterprise_of(tx, principal, req.enterpriseId)
    record = get_custom_role(tx, enterprise.id, req.roleId)
    if record is None:
        raise NotFound(f"custom role {req.roleId} not found in enterprise {enterprise.name!r}")
    changes = req.update
    data = dict(record.data)
    name = record.name
    if changes.name is not None:
        _require_unique(tx, enterprise, changes.name, keep=record)
        name = changes.name
    if changes.description is not None:
        data["description"] = changes.description
    if changes.functionalRoleIds is not None:
        _check_functional_roles(changes.functionalRoleIds, "_update.functionalRoleIds")
        data["functionalRoleIds"] = changes.functionalRoleIds
    updated = tx.update(record, name, data)
    if name != record.name:
        for user in tx.find(kinds.ENTERPRISE_USER, enterprise_id=enterprise.id):
            if user.data.get("roleId") == api_id(record):
                tx.update(user, user.name, {**user.data, "roleName": name})
    return updated


def delete(tx: Tx, principal: Principal, payload: Any) -> int:
    """Delete the listed roles; all or nothing. Returns how many were deleted."""
    principal.require_write()
    req = parse(DeleteCustomRoles, payload, what="compositeRole/deleteByEnterprise params")
    enterprise = enterprise_of(tx, principal, req.enterpriseId)
    records = []
    for role_id in req.roleIds:
        record = get_custom_role(tx, enterprise.id, role_id)
        if record is None:
            raise NotFound(f"custom role {role_id} not found in enterprise {enterprise.name!r}")
        holders = [
            u.name
            for u in tx.find(kinds.ENTERPRISE_USER, enterprise_id=enterprise.id)
            if u.data.get("roleId") == role_id
        ]
        if holders:
            raise DataConflict(f"custom role {record.name!r} is held by user(s) {', '.join(sorted(holders))}")
        records.append(record)
    for record in records:
        tx.delete(record)
    return len(records)
