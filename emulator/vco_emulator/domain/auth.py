"""Who is calling: API tokens and login sessions, the users they belong to, and their roles.

A request authenticates with `Authorization: Token <token>` or, failing that, with the
`velocloud.session` cookie that `login/*` sets. Tokens and sessions are stored as SHA-256
digests only; the clear value is shown once. A deactivated user (`isActive` false) is
refused whatever the credential. What a principal may do comes from its role
(`domain/roles.py`) and is checked per operation by `domain/privileges.py`.

Not implemented: service accounts, edge/gateway principals, SAML/second factor.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

from ..store import Record, Tx
from ..timestamps import utc_in
from . import functional_roles, kinds, roles
from .errors import Forbidden, Unauthenticated

UserType = Literal["OPERATOR", "PARTNER", "ENTERPRISE"]
AuthType = Literal["OPERATOR_USER", "MSP_USER", "ENTERPRISE_USER"]
OPERATOR_USER = kinds.OPERATOR_USER
ENTERPRISE_USER = kinds.ENTERPRISE_USER
USER_KINDS = (kinds.OPERATOR_USER, kinds.ENTERPRISE_PROXY_USER, kinds.ENTERPRISE_USER)
SESSION_COOKIE = "velocloud.session"
SESSION_LIFETIME = timedelta(hours=24)

_USER_TYPE: dict[str, UserType] = {
    kinds.OPERATOR_USER: "OPERATOR",
    kinds.ENTERPRISE_PROXY_USER: "PARTNER",
    kinds.ENTERPRISE_USER: "ENTERPRISE",
}
_AUTH_TYPE: dict[UserType, AuthType] = {
    "OPERATOR": "OPERATOR_USER",
    "PARTNER": "MSP_USER",
    "ENTERPRISE": "ENTERPRISE_USER",
}


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of one request.

    `partner_enterprise_ids` are the customers of an MSP user's partner, read when the
    request authenticated.
    """

    user_id: int
    username: str
    user_type: UserType
    enterprise_id: int | None
    read_only: bool
    role_id: int = roles.OPERATOR_SUPERUSER.id
    enterprise_proxy_id: int | None = None
    partner_enterprise_ids: frozenset[int] = field(default_factory=frozenset)
    # A custom role's privileges (`ACTION:OBJECT`, domain/functional_roles.py), or None for a
    # system role; `role_id` is then the custom role's id and `role` its base system role.
    grants: frozenset[str] | None = None
    custom_role_name: str | None = None

    @property
    def is_operator(self) -> bool:
        return self.user_type == "OPERATOR"

    @property
    def is_partner(self) -> bool:
        return self.user_type == "PARTNER"

    @property
    def auth_type(self) -> AuthType:
        return _AUTH_TYPE[self.user_type]

    @property
    def role(self) -> roles.Role:
        role = roles.by_id(self.role_id) if self.grants is None else roles.ENTERPRISE_READ_ONLY
        assert role is not None
        return role

    @property
    def role_name(self) -> str:
        return self.custom_role_name if self.custom_role_name is not None else self.role.name

    def has_privilege(self, action: str, obj: str | None) -> bool:
        if self.grants is not None:
            return functional_roles.allows(self.grants, action, obj)
        return self.role.allows(action, obj)

    def require_write(self) -> None:
        if self.read_only:
            raise Forbidden(f"user {self.username} has the read-only role {self.role.name}")

    def require_operator(self) -> None:
        if not self.is_operator:
            raise Forbidden("this operation requires an operator user")

    def can_see_enterprise(self, enterprise_id: int) -> bool:
        if self.is_operator:
            return True
        if self.is_partner:
            return enterprise_id in self.partner_enterprise_ids
        return self.enterprise_id == enterprise_id

    def can_see(self, record: Record | None, enterprise_id: int | None = None) -> bool:
        """Whether `record` exists, belongs to an enterprise the caller sees and, when
        `enterprise_id` is given, to that enterprise (else the caller is told "not found")."""
        return (
            record is not None
            and record.enterprise_id is not None
            and self.can_see_enterprise(record.enterprise_id)
            and (enterprise_id is None or record.enterprise_id == enterprise_id)
        )


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


token_digest = digest


def new_token() -> str:
    return "vco1." + secrets.token_urlsafe(40)


def issue_token(tx: Tx, user: Record) -> str:
    """Create an enabled, non-expiring API token for `user` and return it in clear (once)."""
    token = new_token()
    tx.insert_token(digest(token), user.id, name="emulator operator token", created_by=user.id)
    return token


def start_session(tx: Tx, user: Record) -> str:
    """Open a login session for `user`; returns the cookie value."""
    session = secrets.token_urlsafe(32)
    tx.insert_session(digest(session), user.id, utc_in(SESSION_LIFETIME))
    return session


def end_session(tx: Tx, session: str) -> None:
    tx.delete_session(digest(session))


def get_user(tx: Tx, user_id: int) -> Record | None:
    """A user of any kind (operator, partner, enterprise) by numeric id."""
    for kind in USER_KINDS:
        user = tx.get(kind, id=user_id)
        if user is not None:
            return user
    return None


def authenticate(tx: Tx, authorization: str | None, session: str | None = None) -> Principal:
    """Resolve an `Authorization: Token <token>` header, else a session cookie, to its principal."""
    if authorization:
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "token" or not token.strip():
            raise Unauthenticated("unsupported Authorization scheme; send 'Authorization: Token <api token>'")
        user_id = tx.token_user_id(digest(token.strip()))
        what = "invalid, expired or revoked API token"
    elif session:
        user_id = tx.session_user_id(digest(session))
        what = "invalid or expired session cookie; log in again"
    else:
        raise Unauthenticated(
            "missing credentials; send 'Authorization: Token <api token>' or a velocloud.session cookie"
        )
    user = None if user_id is None else get_user(tx, user_id)
    if user is None:
        raise Unauthenticated(what)
    if not user.data.get("isActive", True):
        raise Unauthenticated(f"user {user.name} is deactivated")
    return principal_of(tx, user)


def principal_of(tx: Tx, user: Record) -> Principal:
    user_type = _USER_TYPE[user.kind]
    role_id = int(user.data.get("roleId") or 0)
    custom_row = functional_roles.custom_role_row(role_id)
    custom = None if custom_row is None else tx.get(kinds.COMPOSITE_ROLE, id=custom_row)
    if custom is not None and custom.enterprise_id == user.enterprise_id:
        grants = functional_roles.grants_of(list(custom.data.get("functionalRoleIds", [])))
        return Principal(
            user_id=user.id,
            username=user.name,
            user_type=user_type,
            enterprise_id=user.enterprise_id,
            read_only=not grants,
            role_id=role_id,
            grants=grants,
            custom_role_name=custom.name,
        )
    if custom_row is not None:  # a custom role that is gone grants nothing but reading
        role = roles.ENTERPRISE_READ_ONLY
    else:
        role = roles.by_id(role_id) or _legacy_role(user)
    proxy_id = user.data.get("enterpriseProxyId") if user_type == "PARTNER" else None
    partner_enterprises: frozenset[int] = frozenset()
    if proxy_id is not None:
        partner_enterprises = frozenset(
            e.id for e in tx.find(kinds.ENTERPRISE) if e.data.get("enterpriseProxyId") == proxy_id
        )
    return Principal(
        user_id=user.id,
        username=user.name,
        user_type=user_type,
        enterprise_id=user.enterprise_id,
        read_only=role.read_only,
        role_id=role.id,
        enterprise_proxy_id=proxy_id,
        partner_enterprise_ids=partner_enterprises,
    )


def _legacy_role(user: Record) -> roles.Role:
    """The role of a user stored without `roleId`: the superuser of its type."""
    return {
        "OPERATOR": roles.OPERATOR_SUPERUSER,
        "PARTNER": roles.MSP_SUPERUSER,
        "ENTERPRISE": roles.ENTERPRISE_SUPERUSER,
    }[_USER_TYPE[user.kind]]
