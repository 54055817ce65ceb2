"""What `AddressGroup` and `PortGroup` share: the v1 object-group lifecycle (`enterprise/*ObjectGroup*`).

Create is `insertObjectGroup`, read `getObjectGroups` filtered by id (one call), update
`updateObjectGroup` with only the changed fields (`data` is replaced whole, in the user's
order), delete `deleteObjectGroup`. The natural key is the name within the enterprise and
group type (case-insensitive, as the Orchestrator compares). The entries are compared as a
set of canonical forms, so a reorder or another spelling of the same entry is not drift.

Not implemented: renaming by hand is followed (read is by id), but moving a group between
enterprises replaces it; no limit on the number of entries is checked.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from pulumi.dynamic import CreateResult
from pydantic import BaseModel, Field

from ..client import VcoClient
from ..client.errors import NotFound, VcoError
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..models.object_group import ObjectGroupV1
from .enterprise_object import EnterpriseObjectProvider, object_outputs
from .errors import VcoResourceError, vco_errors
from .spec import EnterpriseId, ResourceArgs, SpecFamily


class ObjectGroupArgs(ResourceArgs):
    """The inputs every object group has; subclasses add their entries."""

    enterprise_id: EnterpriseId
    name: str = Field(
        min_length=1,
        max_length=255,
        description="Group name, unique among the enterprise's groups of a type.",
    )
    description: str | None = Field(None, description="Free-text description.")


class ObjectGroupOutputs(BaseModel):
    """The outputs every object group has; subclasses add their entries."""

    logical_id: str = Field(
        description="The group logicalId (also the Pulumi id), what firewall rules reference."
    )
    vco_id: int = Field(description="The numeric object group id of the v1 API.")
    enterprise_id: str
    enterprise_vco_id: int
    name: str
    description: str | None = None


# Every object group is identified by its name in the enterprise; moving it replaces it.
OBJECT_GROUPS = SpecFamily(
    natural_key=("enterprise_id", "name"), replace_on_change=frozenset({"enterprise_id"})
)


class ObjectGroupProvider(EnterpriseObjectProvider):
    """The lifecycle of one object-group type; subclasses say how their entries look."""

    group_type: ClassVar[str]
    entries_field: ClassVar[str]

    # -- what subclasses define ------------------------------------------------------

    def wire_entries(self, entries: Sequence[Any]) -> list[dict[str, Any]]:
        """The API's `data` for the validated input entries, in the user's order."""
        raise NotImplementedError

    def output_entries(self, data: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The outputs' entries for the API's `data`, in the Orchestrator's order."""
        raise NotImplementedError

    def entry_key(self, entry: Any) -> tuple[Any, ...]:
        """The canonical form of one entry (input or API form) for comparison."""
        raise NotImplementedError

    # a group type whose entries come in several input lists overrides these three

    @property
    def data_fields(self) -> tuple[str, ...]:
        """The inputs whose entries make up the group's `data`."""
        return (self.entries_field,)

    def wire_data(self, args: Any) -> list[dict[str, Any]]:
        """The API's `data` for the validated inputs."""
        return self.wire_entries(getattr(args, self.entries_field))

    def output_data(self, data: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        """The outputs' entry lists for the API's `data`."""
        return {self.entries_field: self.output_entries(data)}

    # -- comparison ------------------------------------------------------------------

    def normalise(self, field: str, value: Any) -> Any:
        if field in self.data_fields and isinstance(value, list | tuple):
            keys = []
            for entry in value:
                raw = entry.model_dump(exclude_none=True) if hasattr(entry, "model_dump") else entry
                try:
                    keys.append(self.entry_key(raw))
                except (ValueError, TypeError, KeyError, AttributeError):
                    keys.append(("unparsed", json.dumps(raw, sort_keys=True, default=str)))
            return sorted(keys, key=repr)
        return super().normalise(field, value)

    # -- lifecycle -------------------------------------------------------------------

    def create(self, props: dict[str, Any]) -> CreateResult:
        args = self.args(props)
        label = self.label_for(props)
        vco = connect()
        client = vco.client
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            existing = self._named(client, enterprise, args.name)
            if existing is not None and not args.adopt:
                raise self._taken(label, existing)
            if existing is None:
                body: dict[str, Any] = {
                    "name": args.name,
                    "type": self.group_type,
                    "data": self.wire_data(args),
                }
                if args.description is not None:
                    body["description"] = args.description
                try:
                    group_id = client.v1.insert_object_group(enterprise, body)
                except VcoError as exc:
                    # made meanwhile by someone else: the real VCO refuses it with -32603
                    # "Name must be Unique" over HTTP 500 (docs/evidence.md section 5)
                    taken = None if exc.ambiguous else self._named(client, enterprise, args.name)
                    if taken is None:
                        raise
                    raise self._taken(label, taken) from None
                outs = self._outputs(args.enterprise_id, enterprise, self._get(client, enterprise, group_id))
            else:
                olds = self._outputs(args.enterprise_id, enterprise, existing)
                outs = self.apply(vco, olds, props) or olds
        return CreateResult(outs["logical_id"], outs)

    def apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        """One `updateObjectGroup` with the changed fields; the new outputs, or None if nothing changed."""
        args = self.args(news)
        client = vco.client
        changed = [f for f in self.changed_fields(olds, news) if f != "enterprise_id"]
        if not changed:
            return None
        fields: dict[str, Any] = {"name": args.name} if "name" in changed else {}
        if "description" in changed:  # the spec types it as a string: clearing sends ""
            fields["description"] = args.description or ""
        if any(f in changed for f in self.data_fields):
            fields["data"] = self.wire_data(args)
        enterprise, group = vco_id(olds["enterprise_vco_id"]), vco_id(olds["vco_id"])
        client.v1.update_object_group(enterprise, group, fields)
        return self._outputs(
            logical_id(olds["enterprise_id"]), enterprise, self._get(client, enterprise, group)
        )

    def fetch(self, vco: Connection, enterprise: VcoId, numeric: VcoId) -> ObjectGroupV1:
        return self._get(vco.client, enterprise, numeric)

    def read_outputs(
        self, vco: Connection, state: Mapping[str, Any], enterprise: VcoId, current: ObjectGroupV1
    ) -> dict[str, Any]:
        return self._outputs(logical_id(state["enterprise_id"]), enterprise, current)

    def remove(self, client: VcoClient, enterprise: VcoId, numeric: VcoId) -> None:
        """Delete the group; one a profile's rules still use is refused, naming the profiles."""
        client.v1.delete_object_group(enterprise, numeric)

    # -- helpers ---------------------------------------------------------------------

    def _named(self, client: VcoClient, enterprise: VcoId, name: str) -> ObjectGroupV1 | None:
        """The enterprise's group of this type and name (compared as the Orchestrator does), if any."""
        groups = client.v1.get_object_groups(enterprise, type=self.group_type)
        return next((g for g in groups if g.name.casefold() == name.casefold()), None)

    def _taken(self, label: str, existing: ObjectGroupV1) -> VcoResourceError:
        return VcoResourceError(
            f"{label}: the enterprise already has a {self.group_type} named {existing.name!r} "
            f"(logicalId {existing.logical_id}) that this stack does not manage; "
            "set adopt=True to manage it"
        )

    def _get(self, client: VcoClient, enterprise: VcoId, group_id: VcoId) -> ObjectGroupV1:
        for group in client.v1.get_object_groups(enterprise, id=group_id):
            if group.id == group_id and group.type in (None, self.group_type):
                return group
        raise NotFound(
            f"enterprise {enterprise} has no {self.group_type} {group_id}", operation="getObjectGroups"
        )

    def _outputs(
        self, enterprise_id: LogicalId, enterprise_vco_id: VcoId, current: ObjectGroupV1
    ) -> dict[str, Any]:
        return {
            **object_outputs(current, enterprise_id, enterprise_vco_id),
            "name": current.name,
            "description": current.description or None,
            **self.output_data(current.data or []),
        }
