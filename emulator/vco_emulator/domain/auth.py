"""Who is calling: API tokens, the users they belong to, and their privileges.

Tokens are stored as SHA-256 digests only; the clear token is shown once, when issued.
Not implemented yet: partner (MSP) users, role-based privileges beyond operator/enterprise
and read-only/full, session cookies from `login/*`.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

from ..store import Record, Tx
from .errors import Forbidden, Unauthenticated

UserType = Literal["OPERATOR", "PARTNER", "ENTERPRISE"]
OPERATOR_USER = "operator_user"
ENTERPRISE_USER = "enterprise_user"


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of one request."""

    user_id: int
    username: str
    user_type: UserType
    enterprise_id: int | None
    read_only: bool

    @property
    def is_operator(self) -> bool:
        return self.user_type == "OPERATOR"

    def require_write(self) -> None:
        if self.read_only:
            raise Forbidden(f"user {self.username} has read-only access")

    def require_operator(self) -> None:
        if not self.is_operator:
            raise Forbidden("this operation requires an operator user")

    def can_see_enterprise(self, enterprise_id: int) -> bool:
        return self.is_operator or self.enterprise_id == enterprise_id


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(tx: Tx, user: Record) -> str:
    """Create an API token for `user` and return it in clear (the only time it is seen)."""
    token = "vco1." + secrets.token_urlsafe(40)
    tx.insert_token(token_digest(token), user.id)
    return token


def authenticate(tx: Tx, authorization: str | None) -> Principal:
    """Resolve an `Authorization: Token <token>` header to its principal."""
    if not authorization:
        raise Unauthenticated("missing Authorization header; send 'Authorization: Token <api token>'")
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "token" or not token.strip():
        raise Unauthenticated("unsupported Authorization scheme; send 'Authorization: Token <api token>'")
    user_id = tx.token_user_id(token_digest(token.strip()))
    user = (
        None
        if user_id is None
        else (tx.get(OPERATOR_USER, id=user_id) or tx.get(ENTERPRISE_USER, id=user_id))
    )
    if user is None:
        raise Unauthenticated("invalid or revoked API token")
    return principal_of(user)


def principal_of(user: Record) -> Principal:
    user_type: UserType = "OPERATOR" if user.kind == OPERATOR_USER else "ENTERPRISE"
    return Principal(
        user_id=user.id,
        username=user.name,
        user_type=user_type,
        enterprise_id=user.enterprise_id,
        read_only=str(user.data.get("roleName", "")).endswith("READ_ONLY"),
    )
