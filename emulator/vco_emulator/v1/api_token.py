"""v1 API tokens of enterprise users: `enterprise/createApiToken`, `enterprise/downloadApiToken`,
`enterprise/getApiTokens`, `enterprise/revokeApiToken`.

Tokens are shown as the spec's `api_token` (never the secret; the spec's result of
`getApiTokens` is a single object, which must be a slip: this emulator returns a list).
`enterprise/refreshApiToken` answers the new token's secret; `enterpriseUser/getApiTokens` one
user's tokens (a list, like `getApiTokens`).
Not implemented: the `network/*` and `enterpriseProxy/*` token methods.
"""

from __future__ import annotations

from typing import Any

from ..domain import kinds, tokens
from ..domain.auth import Principal, get_user
from ..domain.errors import FieldError, InvalidRequest
from ..store import ApiToken, Tx
from .objects import written
from .rpc import method


def token_object(tx: Tx, token: ApiToken) -> dict[str, Any]:
    user = get_user(tx, token.user_id)
    creator = None if token.created_by is None else get_user(tx, token.created_by)
    state = tokens.state_of(token)

    def user_id_if(record: Any, kind: str) -> int | None:
        return record.id if record is not None and record.kind == kind else None

    return {
        "id": token.id,
        "tokenUuid": token.token_uuid,
        "name": token.name,
        "created": token.created,
        "modified": token.modified,
        "expiration": token.expiration,
        "downloaded": token.downloaded,
        "isRevoked": state == tokens.REVOKED,
        "createdByEnterpriseUserId": user_id_if(creator, kinds.ENTERPRISE_USER),
        "createdByOperatorUserId": user_id_if(creator, kinds.OPERATOR_USER),
        "networkId": None if user is None else user.data.get("networkId"),
        "enterpriseProxyId": None if user is None else user.data.get("enterpriseProxyId"),
        "enterpriseId": None if user is None else user.enterprise_id,
        "createdForOperatorUserId": user_id_if(user, kinds.OPERATOR_USER),
        "createdForEnterpriseUserId": user_id_if(user, kinds.ENTERPRISE_USER),
        "state": state,
    }


@method("enterprise/createApiToken")
def create_api_token(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    token = tokens.create_api_token(tx, principal, params)
    return written(token.id)


@method("enterprise/downloadApiToken")
def download_api_token(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    token_id, enterprise_id = tokens.require_ids(params)
    return {"token": tokens.download_api_token(tx, principal, token_id, enterprise_id)}


@method("enterprise/getApiTokens")
def get_api_tokens(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    unknown = set(params) - {"enterpriseId"}
    if unknown:
        raise InvalidRequest(
            f"unknown parameter(s) {sorted(unknown)}", [FieldError(k, "not allowed") for k in sorted(unknown)]
        )
    found = tokens.list_api_tokens(tx, principal, params.get("enterpriseId"))
    return [token_object(tx, t) for t in found]


@method("enterprise/revokeApiToken")
def revoke_api_token(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    token_id, enterprise_id = tokens.require_ids(params)
    return {"rows": tokens.revoke_api_token(tx, principal, token_id, enterprise_id)}


@method("enterprise/refreshApiToken")
def refresh_api_token(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return {"token": tokens.refresh_api_token(tx, principal, params)}


@method("enterpriseUser/getApiTokens")
def get_user_api_tokens(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    unknown = set(params) - {"id"}
    user_id = params.get("id")
    if unknown or not isinstance(user_id, int) or isinstance(user_id, bool):
        raise InvalidRequest(
            "id (the enterprise user id, an integer) is required and alone", [FieldError("id", "required")]
        )
    return [token_object(tx, t) for t in tokens.user_api_tokens(tx, principal, user_id)]
