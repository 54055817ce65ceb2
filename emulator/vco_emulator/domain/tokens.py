"""API tokens of users: create, download once, list (never the secret), revoke; expiry.

A token is created PENDING with a lifetime (`lifetimeMs`); `download` generates its secret,
returns it in clear that one time and makes it ENABLED; a second download is refused.
Revoked or expired tokens authenticate nobody (the store only accepts ENABLED, unexpired
tokens). Creating a token for another user needs the privilege to manage users
(`UPDATE ENTERPRISE_USER`); downloading needs to be the token's user or its creator.
Listing shows `state` EXPIRED for an expired token.

`refreshApiToken` takes a token's secret (an enabled, unexpired token of a user the caller may
manage tokens for, or its own), revokes it and answers a new enabled token of the same user,
name and lifetime (counted from now): a guess at the real behaviour, whose spec says only that
the answer is a token. `enterpriseUser/getApiTokens` lists one user's tokens.

Not implemented: operator (`network/*ApiToken*`) and partner
(`enterpriseProxy/*ApiToken*`) token methods, the Orchestrator's maximum token lifetime.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from pydantic import Field

from ..store import ApiToken, Tx
from ..timestamps import utc_in, utc_now
from . import kinds, users
from .auth import Principal, digest, get_user, new_token
from .errors import DataConflict, FieldError, Forbidden, InvalidRequest, NotFound
from .validation import StrictModel, parse

PENDING, ENABLED, REVOKED, EXPIRED = "PENDING", "ENABLED", "REVOKED", "EXPIRED"


class NewApiToken(StrictModel):
    """The v1 `enterprise/createApiToken` params."""

    enterpriseUserId: int
    name: str = Field(min_length=1, max_length=255)
    description: str | None = None
    lifetimeMs: int = Field(gt=0)
    enterpriseId: int | None = None


def state_of(token: ApiToken) -> str:
    if token.state == ENABLED and token.expiration is not None and token.expiration <= utc_now():
        return EXPIRED
    return token.state


def create_api_token(tx: Tx, principal: Principal, payload: Any) -> ApiToken:
    req = parse(NewApiToken, payload, what="enterprise/createApiToken params")
    user = users.get_enterprise_user(tx, principal, id=req.enterpriseUserId, enterprise_id=req.enterpriseId)
    if user.id != principal.user_id and not principal.has_privilege("UPDATE", "ENTERPRISE_USER"):
        raise Forbidden(
            f"role {principal.role.name} may create API tokens only for itself, not for user {user.name}"
        )
    if not user.data.get("isActive", True):
        raise DataConflict(f"user {user.name} is deactivated")
    placeholder = digest("pending:" + secrets.token_urlsafe(32))  # never usable: state is PENDING
    return tx.insert_token(
        placeholder,
        user.id,
        state=PENDING,
        name=req.name,
        description=req.description,
        expiration=utc_in(timedelta(milliseconds=req.lifetimeMs)),
        created_by=principal.user_id,
    )


def _visible_token(tx: Tx, principal: Principal, token_id: int, enterprise_id: int | None) -> ApiToken:
    token = tx.get_token(token_id)
    user = None if token is None else get_user(tx, token.user_id)
    if (
        token is None
        or user is None
        or user.kind != kinds.ENTERPRISE_USER
        or not users.can_see_user(principal, user)
        or (enterprise_id is not None and user.enterprise_id != enterprise_id)
    ):
        raise NotFound(f"API token {token_id} not found")
    return token


def download_api_token(tx: Tx, principal: Principal, token_id: int, enterprise_id: int | None) -> str:
    """The token's secret, generated now; only once, and only for its user or creator."""
    token = _visible_token(tx, principal, token_id, enterprise_id)
    if principal.user_id not in (token.user_id, token.created_by):
        raise Forbidden(f"API token {token_id} can be downloaded only by its user or its creator")
    state = state_of(token)
    if state != PENDING:
        what = "was already downloaded" if state in (ENABLED, EXPIRED) else "is revoked"
        raise DataConflict(f"API token {token_id} {what}; a token can be downloaded only once")
    if token.expiration is not None and token.expiration <= utc_now():
        raise DataConflict(f"API token {token_id} has expired")
    secret = new_token()
    tx.update_token(token.id, state=ENABLED, token_sha256=digest(secret), downloaded=utc_now())
    return secret


def list_api_tokens(tx: Tx, principal: Principal, enterprise_id: int | None) -> list[ApiToken]:
    members = users.list_enterprise_users(tx, principal, enterprise_id)
    return tx.find_tokens([u.id for u in members]) if members else []


def revoke_api_token(tx: Tx, principal: Principal, token_id: int, enterprise_id: int | None) -> int:
    """Revoke a token at once; returns the number of tokens changed (0 if already revoked)."""
    token = _visible_token(tx, principal, token_id, enterprise_id)
    if token.state == REVOKED:
        return 0
    if principal.user_id not in (token.user_id, token.created_by) and not principal.has_privilege(
        "UPDATE", "ENTERPRISE_USER"
    ):
        raise Forbidden(f"role {principal.role.name} may revoke only its own API tokens")
    tx.update_token(token.id, state=REVOKED)
    return 1


def refresh_api_token(tx: Tx, principal: Principal, payload: Any) -> str:
    """Replace an enabled token by a new one (same user, name, lifetime); the new secret, once."""
    secret = payload.get("apiToken") if isinstance(payload, dict) else None
    unknown = set(payload or {}) - {"apiToken"}
    if unknown or not isinstance(secret, str) or not secret:
        raise InvalidRequest(
            "apiToken (the token to refresh, a string) is required and alone",
            [FieldError("apiToken", "required")],
        )
    token = tx.token_by_digest(digest(secret))
    if token is None or state_of(token) != ENABLED:
        raise NotFound("API token not found, revoked or expired")
    token = _visible_token(tx, principal, token.id, None)
    if principal.user_id not in (token.user_id, token.created_by) and not principal.has_privilege(
        "UPDATE", "ENTERPRISE_USER"
    ):
        raise Forbidden(f"role {principal.role_name} may refresh only its own API tokens")
    lifetime = None
    if token.expiration is not None:
        lifetime = datetime.fromisoformat(token.expiration.replace("Z", "+00:00")) - datetime.fromisoformat(
            token.created.replace("Z", "+00:00")
        )
    fresh = new_token()
    tx.update_token(token.id, state=REVOKED)
    new = tx.insert_token(
        digest(fresh),
        token.user_id,
        state=ENABLED,
        name=token.name,
        description=token.description,
        expiration=None if lifetime is None else utc_in(lifetime),
        created_by=principal.user_id,
    )
    tx.update_token(new.id, state=ENABLED, downloaded=utc_now())
    return fresh


def user_api_tokens(tx: Tx, principal: Principal, user_id: int) -> list[ApiToken]:
    """`enterpriseUser/getApiTokens`: the tokens of one enterprise user the caller sees."""
    user = users.get_enterprise_user(tx, principal, id=user_id)
    return tx.find_tokens([user.id])


def require_ids(params: dict[str, Any]) -> tuple[int, int | None]:
    """The `id` (required) and `enterpriseId` of a download/revoke request."""
    token_id, eid = params.get("id"), params.get("enterpriseId")
    unknown = set(params) - {"id", "enterpriseId"}
    if unknown:
        raise InvalidRequest(
            f"unknown parameter(s) {sorted(unknown)}", [FieldError(k, "not allowed") for k in sorted(unknown)]
        )
    if not isinstance(token_id, int) or isinstance(token_id, bool):
        raise InvalidRequest("id (the API token id, an integer) is required", [FieldError("id", "required")])
    if eid is not None and (not isinstance(eid, int) or isinstance(eid, bool)):
        raise InvalidRequest("enterpriseId must be an integer", [FieldError("enterpriseId", "integer")])
    return token_id, eid
