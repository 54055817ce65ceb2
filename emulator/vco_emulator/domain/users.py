"""Users of the Orchestrator: operator, partner (MSP) and enterprise users, with their rules.

Rules enforced: usernames are e-mail addresses, unique across all users (case-insensitive);
`email`, when given, is an e-mail address too; a new user needs a password of at least
`passwords.MIN_LENGTH` characters (and `password2`, when given, must repeat it) and a
`roleId` of its user type; passwords are stored as salted hashes and never returned. A
caller sees the users of the customers it can see (enterprise users only their own
customer's); a user cannot delete itself; changing one's own password needs
`currentPassword`; deleting or deactivating a user ends its tokens' and sessions' use.

Not implemented: second factor, SSH keys, lock-out after failed logins, native/SSO users
(`isNative` and `domain` are stored only), role-escalation rules (who may grant which role).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from ..store import Record, Tx
from ..timestamps import utc_now
from . import functional_roles, kinds, passwords, roles
from .auth import USER_KINDS, Principal
from .enterprise_settings import enterprise_of
from .errors import DataConflict, FieldError, Forbidden, InvalidRequest, NotFound, Unauthenticated
from .validation import StrictModel, parse

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_ROLE_USER_TYPE = {
    kinds.OPERATOR_USER: "OPERATOR",
    kinds.ENTERPRISE_PROXY_USER: "MSP",
    kinds.ENTERPRISE_USER: "ENTERPRISE",
}
AccessLevel = Literal["BASIC", "PRIVILEGED"]


class _Profile(StrictModel):
    """Fields a user has that a create and an update both set."""

    domain: str | None = None
    firstName: str | None = None
    lastName: str | None = None
    password: str | None = None
    password2: str | None = None
    roleId: int | None = None
    isActive: bool | None = None
    isNative: bool | None = None
    disableSecondFactor: bool | None = None
    officePhone: str | None = None
    mobilePhone: str | None = None
    email: str | None = None
    sshUsername: str | None = None
    accessLevel: AccessLevel | None = None


class NewUser(_Profile):
    """The v1 `new_user_abstract` (plus the `userType` / `enterpriseId` a caller may repeat)."""

    username: str
    password: str
    roleId: int
    userType: str | None = None
    enterpriseId: int | None = None
    enterpriseProxyId: int | None = None


class UserUpdate(_Profile):
    """The v1 `enterprise_user_update_enterprise_user` `_update` object."""


def _check_profile(fields: _Profile, kind: str, prefix: str = "") -> None:
    errors: list[FieldError] = []
    if fields.email is not None and not EMAIL.match(fields.email):
        errors.append(FieldError(f"{prefix}email", f"{fields.email!r} is not an e-mail address"))
    if fields.password is not None and len(fields.password) < passwords.MIN_LENGTH:
        errors.append(
            FieldError(f"{prefix}password", f"must have at least {passwords.MIN_LENGTH} characters")
        )
    if fields.password2 is not None and fields.password2 != fields.password:
        errors.append(FieldError(f"{prefix}password2", "must repeat password"))
    if fields.roleId is not None and functional_roles.custom_role_row(fields.roleId) is None:
        role = roles.by_id(fields.roleId)
        if role is None or role.user_type != _ROLE_USER_TYPE[kind]:
            allowed = ", ".join(f"{r.id} ({r.name})" for r in roles.of_user_type(_ROLE_USER_TYPE[kind]))
            errors.append(FieldError(f"{prefix}roleId", f"{fields.roleId} is not one of {allowed}"))
    if errors:
        raise InvalidRequest("invalid user: " + "; ".join(f"{e.path}: {e.message}" for e in errors), errors)


def _require_unique_username(tx: Tx, username: str) -> None:
    folded = username.casefold()
    for kind in USER_KINDS:
        if any(u.name.casefold() == folded for u in tx.find(kind)):
            raise DataConflict(f"a user named {username!r} already exists")


def create_user(
    tx: Tx,
    kind: str,
    payload: Any,
    *,
    enterprise_id: int | None = None,
    enterprise_proxy_id: int | None = None,
    prefix: str = "",
) -> Record:
    """Validate and store a new user of `kind` (no privilege check: callers do that)."""
    new = parse(NewUser, payload, what="user")
    if not EMAIL.match(new.username):
        raise InvalidRequest(
            f"username {new.username!r} is not an e-mail address",
            [FieldError(f"{prefix}username", "must be an e-mail address")],
        )
    _check_profile(new, kind, prefix)
    _require_unique_username(tx, new.username)
    role_id, role_name, user_type = _role_of(tx, new.roleId, kind, enterprise_id, f"{prefix}roleId")
    now = utc_now()
    data: dict[str, Any] = {
        "userType": user_type,
        "email": new.email or new.username,
        "domain": new.domain,
        "firstName": new.firstName,
        "lastName": new.lastName,
        "officePhone": new.officePhone,
        "mobilePhone": new.mobilePhone,
        "roleId": role_id,
        "roleName": role_name,
        "isActive": True if new.isActive is None else new.isActive,
        "isNative": True if new.isNative is None else new.isNative,
        "isLocked": False,
        "disableSecondFactor": bool(new.disableSecondFactor),
        "sshUsername": new.sshUsername,
        "accessLevel": new.accessLevel or "BASIC",
        "lastLogin": None,
        "passwordModified": now,
        "passwordHash": passwords.hash_password(new.password),
        "networkId": _network_id(tx),
        "enterpriseProxyId": enterprise_proxy_id,
    }
    return tx.insert(kind, new.username, data, enterprise_id=enterprise_id)


def insert_enterprise_user(tx: Tx, principal: Principal, enterprise_id: int | None, payload: Any) -> Record:
    """`enterprise/insertEnterpriseUser`: a new user of a customer the caller can see."""
    principal.require_write()
    eid = enterprise_of(tx, principal, enterprise_id).id
    if isinstance(payload, dict) and payload.get("userType") not in (None, "ENTERPRISE"):
        raise InvalidRequest(
            f"userType {payload['userType']!r} is not allowed here",
            [FieldError("userType", "must be ENTERPRISE")],
        )
    return create_user(tx, kinds.ENTERPRISE_USER, payload, enterprise_id=eid)


def can_see_user(principal: Principal, user: Record) -> bool:
    if principal.is_operator:
        return True
    if user.kind == kinds.ENTERPRISE_USER and user.enterprise_id is not None:
        return principal.can_see_enterprise(user.enterprise_id)
    if user.kind == kinds.ENTERPRISE_PROXY_USER:
        return principal.is_partner and user.data.get("enterpriseProxyId") == principal.enterprise_proxy_id
    return False


def get_enterprise_user(
    tx: Tx,
    principal: Principal,
    *,
    id: int | None = None,
    username: str | None = None,
    enterprise_id: int | None = None,
) -> Record:
    """One enterprise user by id or username; without either, the caller itself."""
    if id is None and username is None:
        if principal.user_type != "ENTERPRISE":
            raise InvalidRequest("id or username is required", [FieldError("id", "required")])
        id = principal.user_id
    if id is not None:
        user = tx.get(kinds.ENTERPRISE_USER, id=id)
    else:
        folded = (username or "").casefold()
        user = next((u for u in tx.find(kinds.ENTERPRISE_USER) if u.name.casefold() == folded), None)
    if (
        user is None
        or not can_see_user(principal, user)
        or (enterprise_id is not None and user.enterprise_id != enterprise_id)
    ):
        raise NotFound(f"enterprise user {id if id is not None else username!r} not found")
    return user


def list_enterprise_users(tx: Tx, principal: Principal, enterprise_id: int | None) -> list[Record]:
    return tx.find(kinds.ENTERPRISE_USER, enterprise_id=enterprise_of(tx, principal, enterprise_id).id)


def update_user(
    tx: Tx, principal: Principal, user: Record, changes: Any, current_password: str | None = None
) -> Record:
    """Apply an `_update` to a user; changing one's own password needs the current one."""
    update = parse(UserUpdate, changes if changes is not None else {}, what="_update")
    _check_profile(update, user.kind, "_update.")
    fields = update.model_dump(exclude_unset=True)
    data = dict(user.data)
    password = fields.pop("password", None)
    fields.pop("password2", None)
    if password is not None:
        if user.id == principal.user_id and not passwords.verify_password(
            current_password or "", data.get("passwordHash")
        ):
            raise Forbidden("changing your own password needs the correct currentPassword")
        data["passwordHash"] = passwords.hash_password(password)
        data["passwordModified"] = utc_now()
    if "roleId" in fields:
        if user.id == principal.user_id and fields["roleId"] != data.get("roleId"):
            raise Forbidden("users cannot change their own role")
        _, data["roleName"], _ = _role_of(
            tx, fields["roleId"], user.kind, user.enterprise_id, "_update.roleId"
        )
    if user.id == principal.user_id and fields.get("isActive") is False:
        raise Forbidden("users cannot deactivate themselves")
    data.update(fields)
    return tx.update(user, user.name, data)


def delete_user(tx: Tx, principal: Principal, user: Record) -> None:
    if user.id == principal.user_id:
        raise DataConflict(f"user {user.name!r} cannot delete itself")
    tx.delete_user_credentials(user.id)
    tx.delete(user)


def check_login(tx: Tx, user_kinds: tuple[str, ...], username: str, password: str) -> Record:
    """The active user of `user_kinds` with this username and password; records the login."""
    folded = username.strip().casefold()
    for kind in user_kinds:
        for user in tx.find(kind):
            if user.name.casefold() != folded:
                continue
            if not passwords.verify_password(password, user.data.get("passwordHash")):
                break
            if not user.data.get("isActive", True):
                raise Unauthenticated(f"user {user.name} is deactivated")
            return tx.update(user, user.name, {**user.data, "lastLogin": utc_now()})
    raise Unauthenticated("invalid username or password")


def _role_of(tx: Tx, role_id: int, kind: str, enterprise_id: int | None, path: str) -> tuple[int, str, str]:
    """The id, name and user type of the role `role_id` a user of `kind` is given: a system role
    (checked by `_check_profile`) or a custom role of the user's own enterprise."""
    row = functional_roles.custom_role_row(role_id)
    if row is None:
        role = roles.by_id(role_id)
        assert role is not None
        return role.id, role.name, role.user_type
    custom = tx.get(kinds.COMPOSITE_ROLE, id=row)
    if custom is None or kind != kinds.ENTERPRISE_USER or custom.enterprise_id != enterprise_id:
        raise InvalidRequest(
            f"{path} {role_id} is not a custom role of this user's enterprise",
            [FieldError(path, "unknown custom role")],
        )
    return role_id, custom.name, "ENTERPRISE"


def _network_id(tx: Tx) -> int | None:
    networks = tx.find(kinds.NETWORK)
    return networks[0].id if networks else None
