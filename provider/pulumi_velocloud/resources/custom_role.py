"""`CustomRole`: a custom role of one enterprise, built from functional roles, through v1 `compositeRole/*`.

Create is `compositeRole/createByEnterprise`, read `compositeRole/getByEnterprise` (the role's
name and description; filtered by id, so a role renamed by hand is still found), update
`compositeRole/updateByEnterprise`, delete `compositeRole/deleteByEnterprise`. `privileges` are
functional role names, mapped to ids live with `functionalRole/getByEnterprise` (never
hard-coded: their names differ between Orchestrator releases); an unknown name fails naming the
valid ones. The natural key is the name within the enterprise (any case). Give the role to a
user with `EnterpriseUser(role=custom_role.name)`.

Not detected: a change of the role's functional roles made by hand. The spec's `role` object
carries no functional role ids; when an Orchestrator sends `functionalRoleIds` anyway it is
compared, otherwise `privileges` keeps what this stack last wrote (docs/evidence.md section 12).
Not implemented: operator and partner custom roles, role customization packages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult
from pydantic import BaseModel, Field

from ..client import VcoClient
from ..client.errors import NotFound
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..mechanisms.declare import VcoResource
from ..mechanisms.enterprise_object import EnterpriseObjectProvider
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EnterpriseId, ResourceArgs, ResourceSpec, register
from ..models.access import RoleObjectV1


class CustomRoleArgs(ResourceArgs):
    """The inputs of a `CustomRole`."""

    enterprise_id: EnterpriseId
    name: str = Field(
        min_length=1, max_length=255, description="Role name, unique within the enterprise (any case)."
    )
    description: str = Field("", description="Free-text description.")
    privileges: list[str] = Field(
        min_length=1,
        description="Functional role names as `functionalRole/getByEnterprise` lists them (any case), e.g. "
        "'Edge Management', 'Alert Management'. The role grants what any of them grants.",
    )


class CustomRoleOutputs(BaseModel):
    vco_id: int = Field(description="The numeric role id (the Pulumi id is its decimal form).")
    enterprise_id: str
    enterprise_vco_id: int
    name: str
    description: str | None = None
    privileges: list[str] = Field(description="The functional role names, sorted (as last written or read).")
    functional_role_ids: list[int] = Field(description="Their ids, sorted.")


SPEC = register(
    ResourceSpec(
        name="CustomRole",
        summary="A custom role of one enterprise, made of functional roles. "
        "Its Pulumi id is the numeric role id.",
        args=CustomRoleArgs,
        outputs=CustomRoleOutputs,
        natural_key=("enterprise_id", "name"),
        replace_on_change=frozenset({"enterprise_id"}),
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "name": "Edge Operators",
            "privileges": ["Edge Management"],
        },
        example=(
            "edge_ops = velocloud.CustomRole(\n"
            '    "edge-ops",\n'
            "    enterprise_id=acme.id,\n"
            '    name="Edge Operators",\n'
            '    privileges=["Edge Management", "Alert Management"],\n'
            ")\n"
            "velocloud.EnterpriseUser(\n"
            '    "olga",\n'
            "    enterprise_id=acme.id,\n"
            '    username="olga@acme.example",\n'
            "    role=edge_ops.name,\n"
            '    password=config.require_secret("olgaPassword"),\n'
            ")"
        ),
        notes=(
            "Privileges are functional role names, resolved live; an unknown one fails naming valid ones.",
            "A role held by a user cannot be deleted: destroy or change the users first (Pulumi orders "
            "this when the user references `role=custom_role.name`).",
            "Changes of the functional roles made by hand are not visible to `refresh` unless the "
            "Orchestrator reports them (the v1 spec's role object has no such field).",
        ),
    )
)


class CustomRoleProvider(EnterpriseObjectProvider):
    spec = SPEC

    def normalise(self, field: str, value: Any) -> Any:
        if field == "name" and isinstance(value, str):
            return value.casefold()
        if field == "privileges" and isinstance(value, list):
            return sorted({str(v).casefold() for v in value})
        return super().normalise(field, value)

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: CustomRoleArgs = self.args(props)
        label = f'CustomRole "{args.name}"'
        vco = connect()
        client = vco.client
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            names, ids = _functional(client, enterprise, args.privileges, label)
            existing = _by_name(client.v1.get_composite_roles(enterprise), args.name)
            if existing is not None and not args.adopt:
                raise VcoResourceError(
                    f"{label}: the enterprise already has a role named {existing.name!r} (id {existing.id}) "
                    "that this stack does not manage; set adopt=True to manage it"
                )
            if existing is None:
                role_id = client.v1.create_composite_role(enterprise, args.name, args.description, ids)
            else:
                role_id = existing.id
                update = {"name": args.name, "description": args.description, "functionalRoleIds": ids}
                client.v1.update_composite_role(enterprise, role_id, update)
            current = _get(client, enterprise, role_id)
            outs = _outputs(args.enterprise_id, enterprise, current, names, ids)
        return CreateResult(str(role_id), outs)

    def fetch(self, vco: Connection, enterprise: VcoId, numeric: VcoId) -> RoleObjectV1:
        return _get(vco.client, enterprise, numeric)

    def read_outputs(
        self, vco: Connection, state: Mapping[str, Any], enterprise: VcoId, current: RoleObjectV1
    ) -> dict[str, Any]:
        names = list(state.get("privileges") or [])
        ids = [int(i) for i in state.get("functional_role_ids") or []]
        if current.functional_role_ids is not None and sorted(current.functional_role_ids) != sorted(ids):
            by_id = {int(r.id): r.name for r in vco.client.v1.get_functional_roles(enterprise)}
            ids = [int(i) for i in current.functional_role_ids]
            names = [by_id.get(i, f"#{i}") for i in ids]
        return _outputs(logical_id(state["enterprise_id"]), enterprise, current, names, ids)

    def apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        args: CustomRoleArgs = self.args(news)
        changed = [f for f in self.changed_fields(olds, news) if f != "enterprise_id"]
        if not changed:
            return None
        enterprise, role_id = vco_id(olds["enterprise_vco_id"]), vco_id(olds["vco_id"])
        client = vco.client
        names = list(olds.get("privileges") or [])
        ids = [int(i) for i in olds.get("functional_role_ids") or []]
        update: dict[str, Any] = {}
        if "name" in changed:
            update["name"] = args.name
        if "description" in changed:
            update["description"] = args.description
        if "privileges" in changed:
            names, ids = _functional(client, enterprise, args.privileges, self.label_for(news))
            update["functionalRoleIds"] = ids
        client.v1.update_composite_role(enterprise, role_id, update)
        return _outputs(
            logical_id(olds["enterprise_id"]), enterprise, _get(client, enterprise, role_id), names, ids
        )

    def remove(self, client: VcoClient, enterprise: VcoId, numeric: VcoId) -> None:
        _get(client, enterprise, numeric)  # a role that is gone counts as deleted
        client.v1.delete_composite_role(enterprise, numeric)


class CustomRole(VcoResource[CustomRoleArgs], provider=CustomRoleProvider):
    """A custom role of an enterprise; users get it through `EnterpriseUser(role=...)`."""

    vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    description: pulumi.Output[str | None]
    privileges: pulumi.Output[list[str]]
    functional_role_ids: pulumi.Output[list[int]]


def _functional(
    client: VcoClient, enterprise: VcoId, wanted: list[str], label: str
) -> tuple[list[str], list[int]]:
    """The functional roles named (any case): their names as the Orchestrator spells them and ids, sorted."""
    known = {r.name.casefold(): r for r in client.v1.get_functional_roles(enterprise)}
    missing = [n for n in wanted if n.casefold() not in known]
    if missing:
        valid = ", ".join(repr(r.name) for r in sorted(known.values(), key=lambda r: r.name))
        raise VcoResourceError(
            f"{label}: field privileges: {missing} are not functional roles; valid: {valid}"
        )
    found = sorted({known[n.casefold()].id: known[n.casefold()].name for n in wanted}.items())
    return sorted(name for _, name in found), [int(i) for i, _ in found]


def _by_name(roles: list[RoleObjectV1], name: str) -> RoleObjectV1 | None:
    return next((r for r in roles if r.name.casefold() == name.casefold()), None)


def _get(client: VcoClient, enterprise: VcoId, role_id: VcoId) -> RoleObjectV1:
    for role in client.v1.get_composite_roles(enterprise):
        if role.id == role_id:
            return role
    raise NotFound(
        f"enterprise {enterprise} has no custom role {role_id}", operation="compositeRole/getByEnterprise"
    )


def _outputs(
    enterprise_id: LogicalId,
    enterprise_vco_id: VcoId,
    current: RoleObjectV1,
    names: list[str],
    ids: list[int],
) -> dict[str, Any]:
    return {
        "vco_id": current.id,
        "enterprise_id": enterprise_id,
        "enterprise_vco_id": enterprise_vco_id,
        "name": current.name,
        "description": current.description or None,
        "privileges": sorted(names),
        "functional_role_ids": sorted(ids),
    }
