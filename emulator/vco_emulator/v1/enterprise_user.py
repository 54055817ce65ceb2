"""v1 enterprise users: `enterprise/insertEnterpriseUser`, `enterprise/getEnterpriseUsers`,
`enterpriseUser/getEnterpriseUser`, `enterpriseUser/updateEnterpriseUser`,
`enterpriseUser/deleteEnterpriseUser`, and `role/getUserTypeRoles`.

Users are shown as the spec's `enterprise_user_with_role_info` (and `..._and_assocs` for a
single user) except `password` and `salt`, which the spec lists but this emulator never
returns. Not implemented: the `with` options, `enterpriseUser/getApiTokens`.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..domain import kinds, roles, users
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest, NotFound
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .objects import missed, written
from .rpc import method

_PROFILE = (
    "userType",
    "domain",
    "firstName",
    "lastName",
    "officePhone",
    "mobilePhone",
    "email",
    "lastLogin",
    "passwordModified",
    "roleId",
    "roleName",
    "sshUsername",
    "accessLevel",
)
_FLAGS = ("isNative", "isActive", "isLocked", "disableSecondFactor")


def user_object(tx: Tx, record: Record, *, assocs: bool = False) -> dict[str, Any]:
    """A user as v1 shows it: tinyint flags, role id and name; never a password or salt."""
    data = record.data
    role = roles.by_id(int(data.get("roleId") or 0))
    body: dict[str, Any] = {"id": record.id, "created": record.created, "username": record.name}
    body.update({field: data.get(field) for field in _PROFILE})
    body.update({flag: int(bool(data.get(flag))) for flag in _FLAGS})
    body["modified"] = record.modified
    body["isSuper"] = int(role is not None and role.is_super)
    if record.enterprise_id is not None:
        enterprise = tx.get(kinds.ENTERPRISE, id=record.enterprise_id)
        body["enterpriseLogicalId"] = enterprise.logical_id if enterprise else None
    if assocs:
        body["enterpriseId"] = record.enterprise_id
        body["enterpriseProxyId"] = data.get("enterpriseProxyId")
        body["networkId"] = data.get("networkId")
    return body


class _Target(StrictModel):
    id: int | None = None
    enterpriseId: int | None = None
    username: str | None = None


class _Update(_Target):
    update: dict[str, Any] = Field(alias="_update")
    currentPassword: str | None = None


class _UserTypeRoles(StrictModel):
    userType: str
    networkId: int | None = None


@method("enterprise/insertEnterpriseUser")
def insert_enterprise_user(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    user = users.insert_enterprise_user(tx, principal, params.get("enterpriseId"), params)
    return written(user.id)


@method("enterprise/getEnterpriseUsers")
def get_enterprise_users(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    req = parse(_Target, params, what="enterprise/getEnterpriseUsers params")
    members = users.list_enterprise_users(tx, principal, req.enterpriseId or req.id)
    return [user_object(tx, u) for u in members]


@method("enterpriseUser/getEnterpriseUser")
def get_enterprise_user(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Target, params, what="enterpriseUser/getEnterpriseUser params")
    user = users.get_enterprise_user(
        tx, principal, id=req.id, username=req.username, enterprise_id=req.enterpriseId
    )
    return user_object(tx, user, assocs=True)


@method("enterpriseUser/updateEnterpriseUser")
def update_enterprise_user(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Update, params, what="enterpriseUser/updateEnterpriseUser params")
    try:
        user = users.get_enterprise_user(
            tx, principal, id=req.id, username=req.username, enterprise_id=req.enterpriseId
        )
    except NotFound as exc:
        return missed(exc.message)
    users.update_user(tx, principal, user, req.update, req.currentPassword)
    return written()


@method("enterpriseUser/deleteEnterpriseUser")
def delete_enterprise_user(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Target, params, what="enterpriseUser/deleteEnterpriseUser params")
    try:
        user = users.get_enterprise_user(
            tx, principal, id=req.id, username=req.username, enterprise_id=req.enterpriseId
        )
    except NotFound as exc:
        return missed(exc.message)
    users.delete_user(tx, principal, user)
    return written(user.id)


BUILT_IN_CREATED = "2015-01-01T00:00:00.000Z"


def role_object(role: roles.Role, network_id: int | None) -> dict[str, Any]:
    """A system role as the spec's `role` schema shows it (timestamps fixed: built-in roles)."""
    return {
        "id": role.id,
        "created": BUILT_IN_CREATED,
        "operatorId": None,
        "networkId": network_id,
        "enterpriseId": None,
        "enterpriseProxyId": None,
        "name": role.name,
        "userType": role.user_type,
        "fromUserType": role.user_type,
        "roleType": "COMPOSITE",
        "isCustom": 0,
        "isSuper": int(role.is_super),
        "description": role.description,
        "precedence": role.id,
        "modified": BUILT_IN_CREATED,
    }


@method("role/getUserTypeRoles")
def get_user_type_roles(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    req = parse(_UserTypeRoles, params, what="role/getUserTypeRoles params")
    allowed = ("OPERATOR", "MSP", "PARTNER", "ENTERPRISE", "END_USER", "CUSTOM", "SERVICE")
    if req.userType not in allowed:
        raise InvalidRequest(
            f"userType {req.userType!r} is not one of {', '.join(allowed)}",
            [FieldError("userType", "unknown user type")],
        )
    if not principal.is_operator and req.userType == "OPERATOR":
        return []
    networks = tx.find(kinds.NETWORK)
    network_id = networks[0].id if networks else None
    return [role_object(r, network_id) for r in roles.of_user_type(req.userType)]
