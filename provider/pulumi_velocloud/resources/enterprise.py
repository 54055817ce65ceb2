"""`Enterprise`: a VCO customer, created with v2 `createEnterprise`, read and changed with v1.

The v2 API creates and deletes customers but cannot change them, and its resource shows
neither the numeric id nor the description; so create is v2, the numeric id comes from v1
`network/getNetworkEnterprises`, reads are v2 (existence) + v1 `enterprise/getEnterprise`,
and updates are v1 `enterprise/updateEnterprise`.

Not implemented yet: adopting an existing enterprise (`adopt=True`), the first enterprise
user, licenses, delegation flags.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, Resource, UpdateResult
from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from ..client import VcoClient
from ..client.errors import NotFound, VcoError
from ..models.enterprise import EnterpriseV1
from .base import VcoProvider, current_client, vco_errors

log = logging.getLogger(__name__)

NAME_MAX = 255
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class EnterpriseArgs(BaseModel):
    """The inputs of an `Enterprise`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(
        min_length=1, max_length=NAME_MAX, description="Customer name, unique in the Orchestrator."
    )
    description: str | None = Field(None, description="Free-text description.")
    account_number: str | None = Field(
        None, description="Account number; the VCO generates one if unset. Replaces."
    )
    domain: str | None = Field(None, description="Customer domain. Changing it replaces the enterprise.")
    contact_name: str | None = Field(None, description="Contact person.")
    contact_email: str | None = Field(None, pattern=EMAIL_PATTERN, description="Contact e-mail address.")
    contact_phone: str | None = Field(None, description="Contact phone number.")
    street_address: str | None = Field(None, description="Street address.")
    city: str | None = Field(None, description="City.")
    state: str | None = Field(None, description="State or region.")
    postal_code: str | None = Field(None, description="Postal code.")
    country: str | None = Field(None, description="Country (ISO 3166 code or name).")
    lat: float | None = Field(None, ge=-90, le=90, description="Latitude in degrees.")
    lon: float | None = Field(None, ge=-180, le=180, description="Longitude in degrees.")
    timezone: str | None = Field(
        None, description="IANA time zone, e.g. America/New_York (VCO default if unset)."
    )
    locale: str | None = Field(None, description="Locale, e.g. en-US (VCO default if unset).")
    gateway_pool_id: str | None = Field(
        None, description="logicalId of the gateway pool (default: the default pool)."
    )
    operator_profile_id: str | None = Field(
        None, description="logicalId of the operator profile to start from (default: the first). Replaces."
    )


# Inputs sent as-is (camelCase) in v2 create and v1 update.
_SITE_FIELDS = (
    "contact_name",
    "contact_email",
    "contact_phone",
    "street_address",
    "city",
    "state",
    "postal_code",
    "country",
    "lat",
    "lon",
    "timezone",
    "locale",
)
# Inputs the Orchestrator fills in when unset: only compared when the user sets them.
_SERVER_DEFAULTED = frozenset(
    {"account_number", "timezone", "locale", "gateway_pool_id", "operator_profile_id"}
)
OUTPUTS = ("logical_id", "vco_id")


class EnterpriseProvider(VcoProvider):
    kind = "Enterprise"
    args_model = EnterpriseArgs
    replace_on_change = frozenset({"account_number", "domain", "operator_profile_id"})
    delete_before_replace = True  # the name must stay unique

    def changed_fields(self, olds: Any, news: Any) -> list[str]:
        return [
            f
            for f in super().changed_fields(olds, news)
            if not (f in _SERVER_DEFAULTED and news.get(f) is None)
        ]

    def create(self, props: dict[str, Any]) -> CreateResult:
        args = EnterpriseArgs.model_validate(_inputs(props))
        label = f'Enterprise "{args.name}"'
        client = current_client()
        with vco_errors(label):
            pool_id = args.gateway_pool_id or _default_gateway_pool(client)
            profile_id = args.operator_profile_id or _default_operator_profile(client)
            body: dict[str, Any] = {
                "name": args.name,
                "gatewayPool": pool_id,
                "operatorProfiles": [profile_id],
            }
            for field in ("account_number", "domain", *_SITE_FIELDS):
                if getattr(args, field) is not None:
                    body[to_camel(field)] = getattr(args, field)
            created = client.v2.create_enterprise(body)
        try:
            with vco_errors(label):
                vco_id = _numeric_id(client, created.logical_id)
                if args.description is not None:
                    client.v1.update_enterprise(vco_id, {"description": args.description})
                outs = _outputs(client, client.v1.get_enterprise(vco_id), pool_id, profile_id)
        except Exception:
            _rollback(client, created.logical_id)
            raise
        return CreateResult(created.logical_id, outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        client = current_client()
        with vco_errors(f'Enterprise "{props.get("name", id_)}"'):
            try:
                client.v2.get_enterprise(id_)
                vco_id = props.get("vco_id") or _numeric_id(client, id_)
                current = client.v1.get_enterprise(int(vco_id))
            except NotFound:
                return ReadResult(None, {})
            outs = _outputs(client, current, None, props.get("operator_profile_id"))
        return ReadResult(id_, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args = EnterpriseArgs.model_validate(_inputs(news))
        client = current_client()
        with vco_errors(f'Enterprise "{args.name}"'):
            update: dict[str, Any] = {}
            for field in self.changed_fields(olds, news):
                if field == "gateway_pool_id":
                    update["gatewayPoolId"] = _gateway_pool_numeric_id(client, args.gateway_pool_id or "")
                else:
                    update[to_camel(field)] = getattr(args, field)
            vco_id = int(olds["vco_id"])
            if update:
                client.v1.update_enterprise(vco_id, update)
            outs = _outputs(client, client.v1.get_enterprise(vco_id), None, olds.get("operator_profile_id"))
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        client = current_client()
        with vco_errors(f'Enterprise "{props.get("name", id_)}"'), contextlib.suppress(NotFound):
            client.v2.delete_enterprise(id_)


class Enterprise(Resource, module="velocloud", name="Enterprise"):
    """A VCO customer (enterprise). Its Pulumi id is the enterprise `logicalId`."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    description: pulumi.Output[str | None]
    account_number: pulumi.Output[str]
    gateway_pool_id: pulumi.Output[str]
    operator_profile_id: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        args: EnterpriseArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        """Declare an enterprise: `Enterprise("acme", name="ACME Corp", description=...)`.

        Inputs are the fields of `EnterpriseArgs` (given as keyword arguments or as one
        `EnterpriseArgs`); they may be plain values or Pulumi Outputs.
        """
        inputs = dict(kwargs) if args is None else {**args.model_dump(exclude_none=True), **kwargs}
        unknown = sorted(set(inputs) - set(EnterpriseArgs.model_fields))
        if unknown:
            raise TypeError(
                f"Enterprise {resource_name!r}: unknown input(s) {', '.join(unknown)}; "
                f"valid inputs: {', '.join(EnterpriseArgs.model_fields)}"
            )
        props = {field: inputs.get(field) for field in EnterpriseArgs.model_fields}
        props.update({field: None for field in OUTPUTS})
        super().__init__(EnterpriseProvider(), resource_name, props, opts)


def _inputs(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k in EnterpriseArgs.model_fields and v is not None}


def _outputs(
    client: VcoClient, current: EnterpriseV1, gateway_pool_id: str | None, operator_profile_id: str | None
) -> dict[str, Any]:
    if gateway_pool_id is None and current.gateway_pool_id is not None:
        pools = {p.id: p.logical_id for p in client.v1.get_network_gateway_pools()}
        gateway_pool_id = pools.get(current.gateway_pool_id)
    outs: dict[str, Any] = {
        "logical_id": current.logical_id,
        "vco_id": current.id,
        "name": current.name,
        "description": current.description,
        "account_number": current.account_number,
        "domain": current.domain,
        "gateway_pool_id": gateway_pool_id,
        "operator_profile_id": operator_profile_id,
    }
    for field in _SITE_FIELDS:
        outs[field] = getattr(current, field)
    return outs


def _default_gateway_pool(client: VcoClient) -> str:
    pools = client.v1.get_network_gateway_pools()
    if not pools:
        raise NotFound(
            "the Orchestrator has no gateway pool; set gateway_pool_id", operation="getNetworkGatewayPools"
        )
    return next((p for p in pools if p.is_default), pools[0]).logical_id


def _gateway_pool_numeric_id(client: VcoClient, logical_id: str) -> int:
    for pool in client.v1.get_network_gateway_pools():
        if pool.logical_id == logical_id:
            return pool.id
    raise NotFound(f"no gateway pool has logicalId {logical_id!r}", operation="getNetworkGatewayPools")


def _default_operator_profile(client: VcoClient) -> str:
    profiles = client.v1.get_network_configurations()
    if not profiles:
        raise NotFound(
            "the Orchestrator has no operator profile; set operator_profile_id",
            operation="getNetworkConfigurations",
        )
    return profiles[0].logical_id


def _numeric_id(client: VcoClient, logical_id: str) -> int:
    for ref in client.v1.get_network_enterprises():
        if ref.logical_id == logical_id:
            return ref.id
    raise NotFound(
        f"enterprise {logical_id} is not listed by network/getNetworkEnterprises",
        operation="network/getNetworkEnterprises",
    )


def _rollback(client: VcoClient, logical_id: str) -> None:
    """Undo a create whose follow-up calls failed, so a retry does not meet a duplicate name."""
    try:
        client.v2.delete_enterprise(logical_id)
    except VcoError as exc:
        log.warning("could not remove half-created enterprise %s: %s", logical_id, exc)
