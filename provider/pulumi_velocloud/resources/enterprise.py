"""`Enterprise`: a VCO customer, created with v2 `createEnterprise`, read and changed with v1.

The v2 API creates and deletes customers but cannot change them, and its resource shows
neither the numeric id nor the description; so create is v2, the numeric id comes from v1
`network/getNetworkEnterprises`, reads are v2 (existence) + v1 `enterprise/getEnterprise` +
`enterprise/getEnterpriseOperatorConfiguration` (the operator profile, as the Orchestrator holds
it; a token without that privilege keeps the one in the state), and updates are v1
`enterprise/updateEnterprise`. The natural key is the name. Edge image management (whether the
customer's edges may run software images of their own) is written with v1
`enterprise/updateEdgeImageManagement` and read as the enterprise property
`vco.enterprise.edgeImageManagement.enable` (`enterprise/getEnterpriseProperty`; never set reads
as off), only when the input is set.

Not implemented yet: the first enterprise user, licenses, delegation flags.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import Field
from pydantic.alias_generators import to_camel

from ..client import VcoClient
from ..client.errors import Forbidden, InvalidRequest, NotFound, VcoError
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..mechanisms.address import ADDRESS_FIELDS, AddressInputs
from ..mechanisms.declare import VcoResource
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.provider_base import VcoProvider
from ..mechanisms.spec import ResourceArgs, ResourceSpec, register
from ..models.base import AddressFields
from ..models.enterprise import EnterpriseV1

log = logging.getLogger(__name__)

NAME_MAX = 255
# the property real clients query (docs/evidence.md "Edge lifecycle")
IMAGE_MANAGEMENT_PROPERTY = "vco.enterprise.edgeImageManagement.enable"


class EnterpriseArgs(AddressInputs, ResourceArgs):
    """The inputs of an `Enterprise`: its name, account, and its contact and address."""

    name: str = Field(
        min_length=1, max_length=NAME_MAX, description="Customer name, unique in the Orchestrator."
    )
    description: str | None = Field(None, description="Free-text description.")
    account_number: str | None = Field(None, description="Account number; the VCO generates one when unset.")
    domain: str | None = Field(None, description="Customer domain.")
    gateway_pool_id: LogicalId | None = Field(
        None, description="logicalId of the gateway pool (default: the default pool)."
    )
    operator_profile_id: LogicalId | None = Field(
        None, description="logicalId of the operator profile to start from (default: the first)."
    )
    edge_image_management: bool | None = Field(
        None,
        description="Let the customer's edges run software images of their own (operator or partner "
        "token); unset: not managed.",
    )


class EnterpriseOutputs(AddressFields):
    """What an `Enterprise` reports: its inputs as the Orchestrator holds them, plus ids."""

    logical_id: str = Field(description="The enterprise logicalId (also the Pulumi id).")
    vco_id: int = Field(description="The numeric enterprise id of the v1 API.")
    name: str
    description: str | None = None
    account_number: str | None = None
    domain: str | None = None
    gateway_pool_id: str | None = None
    operator_profile_id: str | None = None
    edge_image_management: bool | None = None


SPEC = register(
    ResourceSpec(
        name="Enterprise",
        summary="A VCO customer (enterprise). Its Pulumi id is the enterprise logicalId.",
        args=EnterpriseArgs,
        outputs=EnterpriseOutputs,
        natural_key=("name",),
        replace_on_change=frozenset({"account_number", "domain"}),
        server_defaulted=frozenset(
            {
                "account_number",
                "timezone",
                "locale",
                "gateway_pool_id",
                "operator_profile_id",
                "edge_image_management",
            }
        ),
        delete_before_replace=True,  # the name must stay unique
        fixture={"name": "ACME Corp", "description": "Managed by Pulumi", "city": "New York", "lat": 40.7},
        example=(
            "acme = velocloud.Enterprise(\n"
            '    "acme",\n'
            '    name="ACME Corp",\n'
            '    description="Managed by Pulumi",\n'
            '    contact_email="netops@acme.example",\n'
            '    city="New York",\n'
            '    country="US",\n'
            ")"
        ),
        notes=(
            "account_number and domain can only be set at creation: changing them replaces the enterprise "
            "(deleted first, since the name must stay unique).",
            "operator_profile_id (the enterprise's software image) changes in place with "
            "`enterprise/setEnterpriseOperatorConfiguration` (operator tokens only).",
        ),
    )
)


class EnterpriseProvider(VcoProvider):
    spec = SPEC

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: EnterpriseArgs = self.args(props)
        label = f'Enterprise "{args.name}"'
        vco = connect()
        client = vco.client
        with vco_errors(label):
            existing = client.v2.find_enterprise(args.name) if args.adopt else None
            if existing is not None:
                return self._adopt(vco, args, existing.logical_id)
            pool_id = args.gateway_pool_id or _default_gateway_pool(vco)
            profile_id = args.operator_profile_id or _default_operator_profile(client)
            body: dict[str, Any] = {
                "name": args.name,
                "gatewayPool": pool_id,
                "operatorProfiles": [profile_id],
            }
            for field in ("account_number", "domain", *ADDRESS_FIELDS):
                if getattr(args, field) is not None:
                    body[to_camel(field)] = getattr(args, field)
            try:
                created = client.v2.create_enterprise(body)
            except InvalidRequest:
                taken = client.v2.find_enterprise(args.name)
                if taken is None:
                    raise
                raise VcoResourceError(
                    f"{label}: an enterprise with this name already exists (logicalId {taken.logical_id}) "
                    "and is not managed by this stack; set adopt=True to manage it, or choose another name"
                ) from None
        try:
            with vco_errors(label):
                numeric = vco.ids.enterprise(created.logical_id)
                if args.description is not None:
                    client.v1.update_enterprise(numeric, {"description": args.description})
                if args.edge_image_management is not None:
                    client.v1.update_edge_image_management(numeric, args.edge_image_management)
                outs = _outputs(vco, client.v1.get_enterprise(numeric), pool_id, profile_id)
                outs["edge_image_management"] = _image_management(vco, numeric, args.edge_image_management)
        except Exception:
            _rollback(client, created.logical_id)
            raise
        return CreateResult(created.logical_id, outs)

    def _adopt(self, vco: Connection, args: EnterpriseArgs, existing: LogicalId) -> CreateResult:
        """Take over an existing enterprise and bring it to the declared state."""
        numeric = vco.ids.enterprise(existing)
        current = _outputs(vco, vco.client.v1.get_enterprise(numeric), None, args.operator_profile_id)
        wanted = args.model_dump(exclude={"adopt"})
        fixed = [f for f in self.changed_fields(current, wanted) if f in self.spec.replace_on_change]
        if fixed:
            raise VcoResourceError(
                f'Enterprise "{args.name}": cannot adopt: {", ".join(fixed)} differ from the existing '
                "enterprise and cannot be changed in place"
            )
        self._apply(vco, numeric, current, wanted)
        outs = _outputs(vco, vco.client.v1.get_enterprise(numeric), None, current["operator_profile_id"])
        outs["edge_image_management"] = _image_management(vco, numeric, args.edge_image_management)
        return CreateResult(existing, outs)

    def _apply(self, vco: Connection, numeric: VcoId, olds: dict[str, Any], news: dict[str, Any]) -> None:
        """One v1 update with every changed in-place field."""
        update: dict[str, Any] = {}
        for field in self.changed_fields(olds, news):
            if field == "edge_image_management":
                vco.client.v1.update_edge_image_management(numeric, bool(news[field]))
            elif field == "operator_profile_id":
                profiles = {p.logical_id: p.id for p in vco.client.v1.get_network_configurations()}
                if news[field] not in profiles:
                    raise VcoResourceError(
                        f"operator_profile_id = {news[field]!r}: no operator profile of the Orchestrator "
                        "has this logicalId"
                    )
                vco.client.v1.set_enterprise_operator_configuration(numeric, profiles[news[field]])
            elif field == "gateway_pool_id":
                update["gatewayPoolId"] = vco.ids.gateway_pool(logical_id(news[field]))
            else:
                update[to_camel(field)] = news.get(field)
        if update:
            vco.client.v1.update_enterprise(numeric, update)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        with vco_errors(f'Enterprise "{props.get("name", id_)}"'):
            try:
                vco.client.v2.get_enterprise(logical_id(id_))
                known = props.get("vco_id")
                numeric = vco_id(known) if known else vco.ids.enterprise(logical_id(id_))
                current = vco.client.v1.get_enterprise(numeric)
            except NotFound:
                return ReadResult(None, {})
            outs = _outputs(vco, current, props.get("gateway_pool_id"), props.get("operator_profile_id"))
            outs["edge_image_management"] = _image_management(
                vco, numeric, props.get("edge_image_management")
            )
        return ReadResult(id_, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: EnterpriseArgs = self.args(news)
        vco = connect()
        with vco_errors(f'Enterprise "{args.name}"'):
            numeric = vco_id(olds["vco_id"])
            self._apply(vco, numeric, olds, args.model_dump(exclude={"adopt"}))
            outs = _outputs(vco, vco.client.v1.get_enterprise(numeric), None, olds.get("operator_profile_id"))
            outs["edge_image_management"] = _image_management(vco, numeric, args.edge_image_management)
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        client = connect().client
        with vco_errors(f'Enterprise "{props.get("name", id_)}"'), contextlib.suppress(NotFound):
            client.v2.delete_enterprise(logical_id(id_))


class Enterprise(VcoResource[EnterpriseArgs], provider=EnterpriseProvider):
    """A VCO customer (enterprise). Its Pulumi id is the enterprise `logicalId`."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    description: pulumi.Output[str | None]
    account_number: pulumi.Output[str]
    gateway_pool_id: pulumi.Output[str]
    operator_profile_id: pulumi.Output[str]


def _outputs(
    vco: Connection, current: EnterpriseV1, gateway_pool_id: str | None, operator_profile_id: str | None
) -> dict[str, Any]:
    if current.gateway_pool_id is not None:
        gateway_pool_id = vco.ids.gateway_pool_logical_id(current.gateway_pool_id) or gateway_pool_id
    # read from the Orchestrator; a token that may not read operator profiles keeps the known one,
    with contextlib.suppress(Forbidden, NotFound, InvalidRequest):  # or an Orchestrator without it
        operator_profile_id = vco.client.v1.get_enterprise_operator_configuration(current.id).logical_id
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
    for field in ADDRESS_FIELDS:
        outs[field] = getattr(current, field)
    return outs


def _image_management(vco: Connection, numeric: VcoId, known: bool | None) -> bool | None:
    """Edge image management as the Orchestrator holds it; only read when managed (`known` set):
    a property never written reads as off, a token that may not read it keeps the known value."""
    if known is None:
        return None
    try:
        prop = vco.client.v1.get_enterprise_property(numeric, IMAGE_MANAGEMENT_PROPERTY)
    except NotFound:
        return False
    except Forbidden:
        return known
    return prop is not None and str(prop.value).lower() == "true"


def _default_gateway_pool(vco: Connection) -> LogicalId:
    pools = vco.ids.gateway_pools()  # remembered: the outputs map the pool's id back without a call
    if not pools:
        raise NotFound(
            "the Orchestrator has no gateway pool; set gateway_pool_id", operation="getNetworkGatewayPools"
        )
    return next((p for p in pools if p.is_default), pools[0]).logical_id


def _default_operator_profile(client: VcoClient) -> LogicalId:
    profiles = client.v1.get_network_configurations()
    if not profiles:
        raise NotFound(
            "the Orchestrator has no operator profile; set operator_profile_id",
            operation="getNetworkConfigurations",
        )
    return profiles[0].logical_id


def _rollback(client: VcoClient, created: LogicalId) -> None:
    """Undo a create whose follow-up calls failed, so a retry does not meet a duplicate name."""
    try:
        client.v2.delete_enterprise(created)
    except VcoError as exc:
        log.warning("could not remove half-created enterprise %s: %s", created, exc)
