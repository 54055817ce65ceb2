"""`Profile`: an enterprise configuration profile, through the v1 `configuration/*` methods.

The v2 API has no profile operations, so every call is v1: create is
`configuration/cloneEnterpriseTemplate` with the description (then `updateConfiguration` only
when the profile read back differs: an unset description clears the template's),
read is `getConfiguration`, update `updateConfiguration`, delete `deleteConfiguration`.
The natural key is the name within the enterprise.

Not implemented yet: cloning from a profile other than the enterprise template, network-
based profiles, the profile's modules (see the device-settings and rule resources).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult
from pydantic import BaseModel, Field

from ..client import VcoClient
from ..client.errors import InvalidRequest
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..mechanisms.declare import VcoResource
from ..mechanisms.enterprise_object import EnterpriseObjectProvider, object_outputs
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EnterpriseId, ResourceArgs, ResourceSpec, register
from ..models.profile import ProfileV1


class ProfileArgs(ResourceArgs):
    """The inputs of a `Profile`."""

    enterprise_id: EnterpriseId
    name: str = Field(min_length=1, max_length=255, description="Profile name, unique within the enterprise.")
    description: str | None = Field(None, description="Free-text description.")


class ProfileOutputs(BaseModel):
    logical_id: str = Field(description="The profile logicalId (also the Pulumi id).")
    vco_id: int = Field(description="The numeric profile id of the v1 API (its configuration id).")
    enterprise_id: str
    enterprise_vco_id: int
    name: str
    description: str | None = None


SPEC = register(
    ResourceSpec(
        name="Profile",
        summary="An enterprise configuration profile that edges use. Its Pulumi id is the profile logicalId.",
        args=ProfileArgs,
        outputs=ProfileOutputs,
        natural_key=("enterprise_id", "name"),
        replace_on_change=frozenset({"enterprise_id"}),
        fixture={"enterprise_id": EXAMPLE_ENTERPRISE_ID, "name": "Branch"},
        example=(
            "branch = velocloud.Profile(\n"
            '    "branch",\n'
            "    enterprise_id=acme.id,\n"
            '    name="Branch",\n'
            '    description="Standard branch profile",\n'
            ")"
        ),
        notes=("A profile that edges still use cannot be deleted; the error names the edges.",),
    )
)


class ProfileProvider(EnterpriseObjectProvider):
    spec = SPEC

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: ProfileArgs = self.args(props)
        label = f'Profile "{args.name}"'
        vco = connect()
        client = vco.client
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            existing = _find(client, enterprise, args.name)
            if existing is not None and not args.adopt:
                raise VcoResourceError(
                    f"{label}: the enterprise already has a profile with this name (logicalId "
                    f"{existing.logical_id}) that this stack does not manage; set adopt=True to manage it"
                )
            if existing is None:
                try:
                    profile_id = client.v1.clone_enterprise_template(enterprise, args.name, args.description)
                except InvalidRequest as exc:
                    raise VcoResourceError(f"{label}: {exc}") from None
                current = client.v1.get_configuration(enterprise, profile_id)
            else:
                current = existing
            olds = _outputs(vco, args.enterprise_id, enterprise, current)
            outs = self._apply(vco, olds, args.model_dump(exclude={"adopt"})) or olds
        return CreateResult(outs["logical_id"], outs)

    def _apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        """One `updateConfiguration` with the changed fields; the new outputs, or None if nothing changed."""
        changed = [f for f in self.changed_fields(olds, news) if f != "enterprise_id"]
        if not changed:
            return None
        enterprise, profile_id = vco_id(olds["enterprise_vco_id"]), vco_id(olds["vco_id"])
        vco.client.v1.update_configuration(enterprise, profile_id, {f: news.get(f) for f in changed})
        current = vco.client.v1.get_configuration(enterprise, profile_id)
        return _outputs(vco, logical_id(olds["enterprise_id"]), enterprise, current)

    def fetch(self, vco: Connection, enterprise: VcoId, numeric: VcoId) -> ProfileV1:
        return vco.client.v1.get_configuration(enterprise, numeric)

    def read_outputs(
        self, vco: Connection, state: Mapping[str, Any], enterprise: VcoId, current: ProfileV1
    ) -> dict[str, Any]:
        return _outputs(vco, logical_id(state["enterprise_id"]), enterprise, current)

    def apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        return self._apply(vco, olds, self.args(news).model_dump(exclude={"adopt"}))

    def remove(self, client: VcoClient, enterprise: VcoId, numeric: VcoId) -> None:
        client.v1.delete_configuration(enterprise, numeric)


class Profile(VcoResource[ProfileArgs], provider=ProfileProvider):
    """An enterprise configuration profile. Its Pulumi id is the profile `logicalId`."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    enterprise_vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    description: pulumi.Output[str | None]


def _find(client: VcoClient, enterprise: VcoId, name: str) -> ProfileV1 | None:
    matches = [p for p in client.v1.get_enterprise_configurations(enterprise) if p.name == name]
    return matches[0] if matches else None


def _outputs(
    vco: Connection, enterprise_id: LogicalId, enterprise_vco_id: VcoId, current: ProfileV1
) -> dict[str, Any]:
    if current.logical_id:
        vco.ids.remember_profile(current.logical_id, current.id)
    return {
        **object_outputs(current, enterprise_id, enterprise_vco_id),
        "name": current.name,
        "description": current.description,
    }
