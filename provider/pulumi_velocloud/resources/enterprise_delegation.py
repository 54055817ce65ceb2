"""`EnterpriseDelegation`: the access a customer delegates to its operator and partner (v1 `role/*`).

Each declared flag is written with `role/setEnterprise<what>DelegatedTo<whom>` and read back with
`role/isEnterprise<what>DelegatedTo<whom>` (served by real Orchestrators: the vendor's own API test
suite and a current Python client call them, although the 5.1 spec lists only the setters); only
the flags a program declares are managed. The first write records the values there were, and
destroy puts them back. The Pulumi id is `<enterprise logicalId>/delegation`.

Only the customer grants access to itself: the Orchestrator refuses these calls from operator and
partner users (`UPDATE ENTERPRISE_DELEGATION`), so a stack managing this resource runs with an
API token of one of the enterprise's own superusers; any other token fails with a clear error and
nothing half-written. At creation an operator sets the same flags through `Enterprise`
(v2 `enableEnterpriseDelegationTo*` of the create).

Not implemented: partner delegation to the operator (`setEnterpriseProxyDelegatedToOperator`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field, model_validator

from ..client import VcoClient
from ..client.errors import Forbidden, NotFound
from ..context import connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..mechanisms.declare import VcoResource
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.provider_base import VcoProvider
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EnterpriseId, ResourceArgs, ResourceSpec, register

# field -> the `<what>DelegatedTo<whom>` part of the setter and reader names
FLAGS: dict[str, str] = {
    "to_operator": "EnterpriseDelegatedToOperator",
    "user_management_to_operator": "EnterpriseUserManagementDelegatedToOperator",
    "to_partner": "EnterpriseDelegatedToEnterpriseProxy",
    "sensitive_data_to_operator": "EnterpriseViewSensitiveDataDelegatedToOperator",
    "sensitive_data_to_partner": "EnterpriseViewSensitiveDataDelegatedToEnterpriseProxy",
}


class EnterpriseDelegationArgs(ResourceArgs):
    """The inputs of an `EnterpriseDelegation` (unset flags are left as they are)."""

    enterprise_id: EnterpriseId
    to_operator: bool | None = Field(
        None, description="The operator may access (view and configure) the customer."
    )
    user_management_to_operator: bool | None = Field(
        None, description="The operator may manage the customer's users."
    )
    to_partner: bool | None = Field(None, description="The managing partner (MSP) may access the customer.")
    sensitive_data_to_operator: bool | None = Field(None, description="The operator may view sensitive data.")
    sensitive_data_to_partner: bool | None = Field(None, description="The partner may view sensitive data.")

    @model_validator(mode="after")
    def _one_flag(self) -> EnterpriseDelegationArgs:
        if all(getattr(self, f) is None for f in FLAGS):
            raise ValueError(f"declare at least one of {', '.join(FLAGS)}")
        return self


class EnterpriseDelegationOutputs(BaseModel):
    enterprise_id: str
    enterprise_vco_id: int
    to_operator: bool | None = None
    user_management_to_operator: bool | None = None
    to_partner: bool | None = None
    sensitive_data_to_operator: bool | None = None
    sensitive_data_to_partner: bool | None = None
    previous: dict[str, bool] = Field(
        description="The values before this stack first set them (put back on destroy)."
    )


SPEC = register(
    ResourceSpec(
        name="EnterpriseDelegation",
        summary="The access a customer delegates to its operator and partner. Its Pulumi id is "
        "`<enterprise logicalId>/delegation`.",
        args=EnterpriseDelegationArgs,
        outputs=EnterpriseDelegationOutputs,
        natural_key=("enterprise_id",),
        replace_on_change=frozenset({"enterprise_id"}),
        fixture={"enterprise_id": EXAMPLE_ENTERPRISE_ID, "to_operator": True, "to_partner": False},
        example=(
            "velocloud.EnterpriseDelegation(\n"
            '    "acme-delegation",\n'
            "    enterprise_id=acme.id,\n"
            "    to_operator=True,\n"
            "    user_management_to_operator=False,\n"
            ")"
        ),
        notes=(
            "Run with an API token of one of the enterprise's own superusers: the Orchestrator lets only "
            "the customer grant access to itself.",
            "Only declared flags are managed; destroy puts back the values there were before.",
        ),
    )
)


class EnterpriseDelegationProvider(VcoProvider):
    spec = SPEC

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: EnterpriseDelegationArgs = self.args(props)
        label = self.label_for(props)
        vco = connect()
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            declared = _declared(args.model_dump())
            previous = {f: vco.client.v1.is_enterprise_delegated(enterprise, FLAGS[f]) for f in declared}
            _write(vco.client, enterprise, declared, label)
            outs = _outputs(args.enterprise_id, enterprise, _read(vco.client, enterprise, declared), previous)
        return CreateResult(f"{args.enterprise_id}/delegation", outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        enterprise = vco_id(props["enterprise_vco_id"])
        managed = [f for f in FLAGS if props.get(f) is not None]
        with vco_errors(self.label_for(props, id_)):
            try:
                current = _read(vco.client, enterprise, managed)
            except NotFound:
                return ReadResult(None, {})
        return ReadResult(
            id_,
            _outputs(logical_id(props["enterprise_id"]), enterprise, current, props.get("previous") or {}),
        )

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: EnterpriseDelegationArgs = self.args(news)
        label = self.label_for(news, id_)
        vco = connect()
        enterprise = vco_id(olds["enterprise_vco_id"])
        declared = _declared(args.model_dump())
        previous = dict(olds.get("previous") or {})
        with vco_errors(label):
            for field in declared:  # a newly declared flag: remember its value before
                if field not in previous:
                    previous[field] = vco.client.v1.is_enterprise_delegated(enterprise, FLAGS[field])
            changed = {f: v for f, v in declared.items() if olds.get(f) != v}
            _write(vco.client, enterprise, changed, label)
            undeclared = {f: v for f, v in previous.items() if f not in declared}
            _write(vco.client, enterprise, undeclared, label)  # no longer managed: as it was
            previous = {f: v for f, v in previous.items() if f in declared}
            outs = _outputs(args.enterprise_id, enterprise, _read(vco.client, enterprise, declared), previous)
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        vco = connect()
        with vco_errors(self.label_for(props, id_)):
            try:
                _write(
                    vco.client,
                    vco_id(props["enterprise_vco_id"]),
                    dict(props.get("previous") or {}),
                    self.label_for(props, id_),
                )
            except NotFound:
                return


class EnterpriseDelegation(VcoResource[EnterpriseDelegationArgs], provider=EnterpriseDelegationProvider):
    """What a customer delegates to its operator and partner; manage it with the customer's own token."""

    to_operator: pulumi.Output[bool | None]
    user_management_to_operator: pulumi.Output[bool | None]
    to_partner: pulumi.Output[bool | None]
    sensitive_data_to_operator: pulumi.Output[bool | None]
    sensitive_data_to_partner: pulumi.Output[bool | None]


def _declared(inputs: Mapping[str, Any]) -> dict[str, bool]:
    return {f: bool(inputs[f]) for f in FLAGS if inputs.get(f) is not None}


def _read(client: VcoClient, enterprise: VcoId, fields: Any) -> dict[str, bool]:
    return {f: client.v1.is_enterprise_delegated(enterprise, FLAGS[f]) for f in fields}


def _write(client: VcoClient, enterprise: VcoId, values: Mapping[str, bool], label: str) -> None:
    for field, value in values.items():
        try:
            client.v1.set_enterprise_delegated(enterprise, FLAGS[field], value)
        except Forbidden as exc:
            raise VcoResourceError(
                f"{label}: field {field} = {value}: the Orchestrator refused ({exc.message}); only the "
                "customer's own superusers may delegate access: run this stack with such a user's API token"
            ) from None


def _outputs(
    enterprise_id: LogicalId,
    enterprise_vco_id: VcoId,
    current: Mapping[str, bool],
    previous: Mapping[str, Any],
) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise_id,
        "enterprise_vco_id": enterprise_vco_id,
        **{f: current.get(f) for f in FLAGS},
        "previous": {k: bool(v) for k, v in previous.items()},
    }
