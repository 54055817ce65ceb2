"""`EnterpriseApiToken`: an API token of an enterprise user (v1 `enterprise/*ApiToken*`).

Create is `createApiToken` then `downloadApiToken`: the Orchestrator shows a token's value once,
on its first download, so the value is a secret output written into the state right then and
never read again. Read is `getApiTokens` (the item with our id); a token revoked or expired
(by hand, or by time) reads as gone, so `up` makes a new one. Delete is `revokeApiToken` (a
token cannot be deleted, only revoked). Nothing can change in place: every input replaces it.

Not implemented: adopting an existing token (its value cannot be shown again); operator and
partner tokens (`network/*`, `enterpriseProxy/*`); `refreshApiToken`; rotation before expiry
(replace it, e.g. by changing its name).
"""

from __future__ import annotations

import contextlib
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field, field_validator

from ..client.errors import NotFound
from ..context import connect
from ..ids import as_int, vco_id
from ..mechanisms.declare import VcoResource
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.provider_base import VcoProvider
from ..mechanisms.spec import (
    EXAMPLE_ENTERPRISE_ID,
    EXAMPLE_USER_ID,
    EnterpriseId,
    ResourceArgs,
    ResourceSpec,
    register,
)
from ..models.api_token import ApiTokenV1

DAY_MS = 86_400_000
LIVE_STATES = frozenset({"PENDING", "ENABLED"})


class EnterpriseApiTokenArgs(ResourceArgs):
    """The inputs of an `EnterpriseApiToken`."""

    enterprise_id: EnterpriseId
    user_id: int = Field(ge=1, description="The enterprise user's numeric id (an EnterpriseUser's id).")
    name: str = Field(min_length=1, max_length=255, description="Token name, shown in the Orchestrator.")
    description: str | None = Field(None, description="Free-text description.")
    lifetime_days: int = Field(365, ge=1, le=3650, description="Days until the token expires.")

    @field_validator("user_id", mode="before")
    @classmethod
    def _user_id(cls, value: Any) -> Any:
        return as_int(int(value) if isinstance(value, str) and value.strip().isdigit() else value)


class EnterpriseApiTokenOutputs(BaseModel):
    token_uuid: str = Field(description="The token's uuid (also the Pulumi id).")
    vco_id: int = Field(description="The numeric token id of the v1 API.")
    enterprise_id: str
    enterprise_vco_id: int
    user_id: int
    name: str
    description: str | None = None
    lifetime_days: int
    expiration: str | None = Field(None, description="When the token expires.")
    state: str | None = Field(None, description="PENDING, ENABLED, REVOKED or EXPIRED.")
    token: str = Field(description="The token value (a secret, known only from the create on).")


SPEC = register(
    ResourceSpec(
        name="EnterpriseApiToken",
        summary="An API token of an enterprise user; its value is a secret output, shown once.",
        args=EnterpriseApiTokenArgs,
        outputs=EnterpriseApiTokenOutputs,
        natural_key=("enterprise_id", "user_id", "name"),
        replace_on_change=frozenset({"enterprise_id", "user_id", "name", "description", "lifetime_days"}),
        secret_outputs=frozenset({"token"}),
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "user_id": EXAMPLE_USER_ID,
            "name": "ci",
            "lifetime_days": 90,
        },
        example=(
            "ci_token = velocloud.EnterpriseApiToken(\n"
            '    "ci",\n'
            "    enterprise_id=acme.id,\n"
            "    user_id=automation.id,\n"
            '    name="ci",\n'
            "    lifetime_days=90,\n"
            ")\n"
            'pulumi.export("ci_token", ci_token.token)  # a secret output'
        ),
        notes=(
            "Every change replaces the token: a new value, the old token revoked.",
            "A token revoked or expired outside Pulumi reads as gone; `up` creates a new one.",
        ),
    )
)


class EnterpriseApiTokenProvider(VcoProvider):
    spec = SPEC

    def normalise(self, field: str, value: Any) -> Any:
        if field == "user_id" and isinstance(value, str) and value.strip().isdigit():
            value = int(value)  # an EnterpriseUser's id is its numeric id in decimal
        return super().normalise(field, value)

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: EnterpriseApiTokenArgs = self.args(props)
        label = self.label_for(props)
        if args.adopt:
            raise VcoResourceError(
                f"{label}: an existing API token cannot be adopted (the Orchestrator shows its value only "
                "once); unset adopt to create a new token"
            )
        vco = connect()
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            body: dict[str, Any] = {
                "enterpriseUserId": args.user_id,
                "name": args.name,
                "lifetimeMs": args.lifetime_days * DAY_MS,
            }
            if args.description is not None:
                body["description"] = args.description
            token_id = vco.client.v1.create_api_token(enterprise, body)
            value = vco.client.v1.download_api_token(enterprise, token_id)
            current = _get(vco.client.v1.get_api_tokens(enterprise), token_id)
        outs = _outputs(props, enterprise, current, value)
        return CreateResult(outs["token_uuid"], outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        enterprise = vco_id(props["enterprise_vco_id"])
        with vco_errors(self.label_for(props, id_)):
            try:
                current = _get(vco.client.v1.get_api_tokens(enterprise), vco_id(props["vco_id"]))
            except NotFound:
                return ReadResult(None, {})
        if current.state not in LIVE_STATES or current.is_revoked:
            return ReadResult(None, {})  # revoked or expired: `up` makes a new one
        return ReadResult(id_, _outputs(props, enterprise, current, str(props.get("token") or "")))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        """Nothing changes in place (every input replaces); only `adopt` can differ."""
        return UpdateResult({k: olds.get(k) for k in self.spec.outputs.model_fields})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        client = connect().client
        with vco_errors(self.label_for(props, id_)), contextlib.suppress(NotFound):
            client.v1.revoke_api_token(vco_id(props["enterprise_vco_id"]), vco_id(props["vco_id"]))


class EnterpriseApiToken(VcoResource[EnterpriseApiTokenArgs], provider=EnterpriseApiTokenProvider):
    """An enterprise user's API token. `token` is a secret output."""

    token_uuid: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    expiration: pulumi.Output[str | None]
    state: pulumi.Output[str | None]
    token: pulumi.Output[str]


def _get(tokens: list[ApiTokenV1], token_id: int) -> ApiTokenV1:
    for token in tokens:
        if token.id == token_id:
            return token
    raise NotFound(f"API token {token_id} not found", operation="enterprise/getApiTokens")


def _outputs(props: dict[str, Any], enterprise: int, current: ApiTokenV1, value: str) -> dict[str, Any]:
    return {
        "token_uuid": current.token_uuid or str(current.id),
        "vco_id": current.id,
        "enterprise_id": props.get("enterprise_id"),
        "enterprise_vco_id": enterprise,
        "user_id": current.created_for_enterprise_user_id or as_int(props.get("user_id")),
        "name": current.name,
        "description": current.description if current.description is not None else props.get("description"),
        "lifetime_days": as_int(props.get("lifetime_days", 365)),
        "expiration": current.expiration,
        "state": current.state,
        "token": value,
    }
