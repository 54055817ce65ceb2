"""API token payloads of the v1 API (`enterprise/*ApiToken*`); the token's value never comes in a list."""

from __future__ import annotations

from ..ids import VcoId
from .base import ApiModel


class ApiTokenV1(ApiModel):
    """An item of `enterprise/getApiTokens` (the spec's `api_token`)."""

    id: VcoId
    token_uuid: str | None = None
    name: str | None = None
    description: str | None = None
    created: str | None = None
    expiration: str | None = None
    downloaded: str | None = None
    is_revoked: bool | None = None
    state: str | None = None
    enterprise_id: VcoId | None = None
    created_for_enterprise_user_id: VcoId | None = None
