"""`Edge`: an SD-WAN edge with its site, provisioned into an enterprise profile.

Create is one v2 `createEdge` (name, serial, model, description, site, profile, HA), whose
answer (`include=site`) holds everything the outputs need but the profile, which is the one
asked for. Read (refresh) goes through the run's list of the enterprise's edges (v1
`enterprise/getEnterpriseEdges` with site and profile: one call per enterprise per run, shared
by all its edges, see `mechanisms/list_snapshots`); an edge this run changed, or that the list
does not show, is read on its own (v1 `edge/getEdge` by logicalId, plus v2
`getEnterpriseEdge` for the description if an Orchestrator's v1 answer lacks it, as the v1
spec's edge object does): only that read says an edge is gone. Update is one v2 JSON Patch
(`updateEdge`) for the edge's attributes and site, plus v1 `edge/setEdgeEnterpriseConfiguration`
when the profile changes, and a v2 JSON Patch of the edge's device settings (`/ha`, keeping the
section's other keys) when `ha_enabled` changes (HA is switched in place, never by re-provisioning:
docs/evidence.md "Edge lifecycle"), then that single read. Delete is v2 `deleteEdge`. The natural key is
the name within the enterprise. The activation key is a secret output. Numeric ids (v1) are
not outputs: the resolver finds them when a v1 call needs them.

Not implemented yet: HA settings beyond the `ha_enabled` flag (interface, VRRP, clusters),
certificates, licenses, analytics mode, device settings (see `EdgeDeviceSettings`); reactivation
and software image are resources of their own (`EdgeReactivation`, `EdgeSoftwareImage`).
"""

from __future__ import annotations

import contextlib
from typing import Any, Literal

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from ..client import json_patch
from ..client.errors import InvalidRequest, NotFound
from ..context import Connection, connect, provider_context
from ..ids import LogicalId, logical_id
from ..mechanisms import secret_fingerprint
from ..mechanisms.address import AddressInputs
from ..mechanisms.declare import VcoResource
from ..mechanisms.edge_directory import edge_ref, remember_edges
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.list_snapshots import ListSnapshots
from ..mechanisms.provider_base import VcoProvider, is_unknown
from ..mechanisms.spec import (
    EXAMPLE_ENTERPRISE_ID,
    EXAMPLE_PROFILE_ID,
    EnterpriseId,
    ResourceArgs,
    ResourceSpec,
    register,
)
from ..models.edge import EdgeListed, EdgeV1, EdgeV2, Site

ModelNumber = Literal[
    "edge500", "edge5X0", "edge510", "edge510lte", "edge515", "edge6X0", "edge610lte", "edge840", "edge1000",
    "edge1000qat", "edge3X00", "edge3X10", "virtual",
]  # fmt: skip


class SiteArgs(AddressInputs):
    """Where an edge is: its site's name, contact and address."""

    name: str | None = Field(None, min_length=1, max_length=255, description="Site name.")
    contact_name: str | None = Field(None, min_length=1, max_length=255, description="Contact on site.")


class EdgeArgs(ResourceArgs):
    """The inputs of an `Edge`."""

    enterprise_id: EnterpriseId
    profile_id: LogicalId = Field(
        min_length=1, description="logicalId of the enterprise profile the edge uses."
    )
    name: str = Field(min_length=1, max_length=255, description="Edge name, unique within the enterprise.")
    model_number: ModelNumber = Field(description="Hardware model, e.g. edge6X0, or virtual.")
    serial_number: str | None = Field(None, min_length=1, max_length=255, description="Serial number.")
    description: str | None = Field(None, description="Free-text description.")
    site: SiteArgs | None = Field(None, description="The edge's site.")
    ha_enabled: bool = Field(
        False, description="Run as a high-availability (active/standby) pair; switched in place."
    )
    custom_info: str | None = Field(None, description="Free-text custom information.")
    local_ui_username: str | None = Field(
        None, min_length=1, max_length=255, description="Username of the edge's local web UI."
    )
    local_ui_password: SecretStr | None = Field(
        None,
        description="Password of the edge's local web UI (a secret; write-only: the Orchestrator "
        "never shows it, so only a change in the program is applied).",
    )

    @field_validator("local_ui_password")
    @classmethod
    def _password_not_empty(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value():
            raise PydanticCustomError("local_ui_password", "must not be empty")
        return value


class EdgeOutputs(BaseModel):
    logical_id: str = Field(description="The edge logicalId (also the Pulumi id).")
    enterprise_id: str
    profile_id: str
    name: str
    model_number: str
    serial_number: str | None = None
    description: str | None = None
    site: dict[str, Any] | None = None
    ha_enabled: bool = False
    custom_info: str | None = None
    activation_key: str | None = Field(None, description="Key the edge is activated with (secret).")
    activation_state: str | None = Field(None, description="PENDING, ACTIVATED, ...")
    edge_state: str | None = Field(None, description="NEVER_ACTIVATED, CONNECTED, OFFLINE, ...")
    software_version: str | None = None
    local_ui_username: str | None = None
    local_ui_password_fingerprint: str | None = Field(
        None, description="Salted SHA-256 of the local UI password last written (secret)."
    )


SPEC = register(
    ResourceSpec(
        name="Edge",
        summary="An SD-WAN edge and its site. Its Pulumi id is the edge logicalId.",
        args=EdgeArgs,
        outputs=EdgeOutputs,
        natural_key=("enterprise_id", "name"),
        replace_on_change=frozenset({"enterprise_id", "model_number"}),
        secret_outputs=frozenset({"activation_key", "local_ui_password_fingerprint"}),
        secret_inputs=frozenset({"local_ui_password"}),
        # the Orchestrator fills the serial number in on activation: not drift while the input is unset
        server_defaulted=frozenset({"serial_number", "local_ui_username"}),
        delete_before_replace=True,  # name and serial number must stay unique
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "profile_id": EXAMPLE_PROFILE_ID,
            "name": "nyc-01",
            "model_number": "edge6X0",
            "site": {"name": "NYC", "lat": 40.7},
        },
        example=(
            "nyc = velocloud.Edge(\n"
            '    "nyc-01",\n'
            "    enterprise_id=acme.id,\n"
            "    profile_id=branch.id,\n"
            '    name="nyc-01",\n'
            '    model_number="edge6X0",\n'
            '    serial_number="VC0600000001",\n'
            '    site=velocloud.SiteArgs(name="NYC", city="New York", country="US", lat=40.7, lon=-74.0),\n'
            ")"
        ),
        notes=(
            "Changing the profile moves the edge in place (edge/setEdgeEnterpriseConfiguration).",
            "Switching `ha_enabled` keeps the edge (its logicalId, activation and settings): it writes "
            "`ha.enabled` in the edge's own device settings; the edge reads as HA-enabled unless its "
            "`haState` is UNCONFIGURED or PENDING_DISSOCIATION.",
            "Site fields you do not set are not managed: the Orchestrator's values are kept.",
            "The local UI password is written with edge/updateEdgeAdminPassword when it changes in the "
            "program; the state keeps only a salted fingerprint (a secret), never the password.",
        ),
    )
)

_ATTRIBUTES = ("name", "serial_number", "description", "custom_info")
# `haState`s of an edge without HA, or whose pair is being dissolved after HA was switched off
HA_OFF_STATES = (None, "UNCONFIGURED", "PENDING_DISSOCIATION")


class EdgeProvider(VcoProvider):
    spec = SPEC

    def normalise(self, field: str, value: Any) -> Any:
        if field == "site":
            return _site_dict(value)
        return super().normalise(field, value)

    def changed_fields(self, olds: Any, news: Any) -> list[str]:
        changed = [f for f in super().changed_fields(olds, news) if f != "local_ui_password"]
        if "site" in changed and _site_matches(news.get("site"), olds.get("site")):
            changed.remove("site")
        password = news.get("local_ui_password")
        if password is not None and (
            is_unknown(password)
            or not secret_fingerprint.matches(password, olds.get("local_ui_password_fingerprint"))
        ):
            changed.append("local_ui_password")
        return changed

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: EdgeArgs = self.args(props)
        label = f'Edge "{args.name}"'
        vco = connect()
        with vco_errors(label):
            if args.adopt:
                existing = _find(vco, args.enterprise_id, args.name)
                if existing is not None:
                    return self._adopt(vco, args, existing)
            body: dict[str, Any] = {
                "name": args.name,
                "modelNumber": args.model_number,
                "profile": args.profile_id,
                "haEnabled": args.ha_enabled,
            }
            for field in ("serial_number", "description", "custom_info"):
                if getattr(args, field) is not None:
                    body[to_camel(field)] = getattr(args, field)
            if args.site is not None:
                body["site"] = _site_body(args.site)
            try:
                edge = vco.client.v2.create_edge(args.enterprise_id, body)
            except InvalidRequest as exc:
                taken = _find(vco, args.enterprise_id, args.name)
                if taken is None:
                    raise
                raise VcoResourceError(
                    f"{label}: the enterprise already has an edge with this name "
                    f"(logicalId {taken.logical_id}) "
                    f"that this stack does not manage; set adopt=True to manage it ({exc.message})"
                ) from None
            edge_lists().touched(args.enterprise_id, edge.logical_id)
            outs = _outputs_from(args.enterprise_id, edge, edge.description, args.profile_id)
            outs.update(_write_credentials(vco, args, edge.logical_id, {}))
        if outs["site"] is None and args.site is not None:
            # an Orchestrator that ignores `include=site` on create: the site is the one sent (derived)
            outs["site"] = _site_dict(args.site)
        return CreateResult(edge.logical_id, outs)

    def _adopt(self, vco: Connection, args: EdgeArgs, existing: EdgeV2) -> CreateResult:
        olds = self._current(vco, args.enterprise_id, existing.logical_id)
        news = args.model_dump(exclude={"adopt"})
        fixed = [f for f in self.changed_fields(olds, news) if f in self.spec.replace_on_change]
        if fixed:
            raise VcoResourceError(
                f'Edge "{args.name}": cannot adopt: {", ".join(fixed)} differ from the existing edge '
                "and cannot be changed in place"
            )
        return CreateResult(existing.logical_id, self._apply(vco, olds, news))

    def _current(self, vco: Connection, enterprise_id: LogicalId, edge_id: LogicalId) -> dict[str, Any]:
        """The edge as the Orchestrator holds it now, read on its own: one v1 getEdge by logicalId,
        plus the v2 edge only when the v1 answer lacks the description (the v1 spec's edge object
        does not list it). NotFound when the edge is gone."""
        enterprise = vco.ids.enterprise(enterprise_id)
        edge = vco.client.v1.get_edge_by_logical_id(enterprise, edge_id)
        remember_edges(vco, enterprise, [edge_ref(edge)])
        description = edge.description
        if "description" not in edge.model_fields_set:
            description = vco.client.v2.get_enterprise_edge(enterprise_id, edge_id).description
        profile_id = edge.profile.logical_id if edge.profile else None
        return _outputs_from(enterprise_id, edge, description, profile_id)

    def _listed(
        self, vco: Connection, enterprise_id: LogicalId, edge: EdgeListed, known_profile: str | None
    ) -> dict[str, Any]:
        """Outputs from the edge as the run's list shows it (its profile by numeric id)."""
        enterprise = vco.ids.enterprise(enterprise_id)
        profile_id: str | None = None
        if edge.profiles is not None and edge.profiles.enterprise is not None:
            numeric = edge.profiles.enterprise.id
            if known_profile and vco.ids.find_profile(enterprise, logical_id(known_profile)) == numeric:
                profile_id = known_profile
            else:  # moved (or its profile unknown to this run): which profile is it now
                profile_id = vco.ids.profile_logical_id(enterprise, numeric)
        return _outputs_from(enterprise_id, edge, edge.description, profile_id)

    def _apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any]:
        """Bring the edge from `olds` to `news`: one JSON Patch, and a profile move if needed."""
        changed = self.changed_fields(olds, news)
        enterprise_id, edge_id = logical_id(olds["enterprise_id"]), logical_id(olds["logical_id"])
        patch = json_patch.diff(_patchable(olds), _patchable(news, base=olds))
        if patch:
            edge_lists().touched(enterprise_id, edge_id)
            vco.client.v2.update_edge(enterprise_id, edge_id, patch)
        if "profile_id" in changed:
            edge_lists().touched(enterprise_id, edge_id)
            enterprise = vco.ids.enterprise(enterprise_id)
            profile = vco.ids.profile(enterprise, logical_id(news["profile_id"]))
            vco.client.v1.set_edge_enterprise_configuration(
                enterprise, vco.ids.edge(enterprise, edge_id), profile
            )
        if "ha_enabled" in changed:
            edge_lists().touched(enterprise_id, edge_id)
            _set_ha(vco, enterprise_id, edge_id, bool(news["ha_enabled"]))
        credentials = _kept_credentials(olds)
        if {"local_ui_password", "local_ui_username"} & set(changed):
            credentials = _write_credentials(vco, self.args(news), edge_id, olds)
        if not patch and not {"profile_id", "ha_enabled"} & set(changed):
            return {**olds, **credentials}
        current = self._current(vco, enterprise_id, edge_id)
        kept = {"activation_key": current.get("activation_key") or olds.get("activation_key")}
        return current | kept | credentials

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        enterprise_id, edge_id = logical_id(props["enterprise_id"]), logical_id(id_)
        with vco_errors(f'Edge "{props.get("name", id_)}"'):
            listed = edge_lists().find(enterprise_id, edge_id)
            if (
                listed is not None
                and listed.item is not None
                and "description" in listed.item.model_fields_set
            ):
                current = self._listed(vco, enterprise_id, listed.item, props.get("profile_id"))
            else:  # changed by this run, not listed (gone?), or listed without its description
                try:
                    current = self._current(vco, enterprise_id, edge_id)
                except NotFound:
                    return ReadResult(None, {})
        current["activation_key"] = current.get("activation_key") or props.get("activation_key")
        return ReadResult(id_, current | _kept_credentials(props))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: EdgeArgs = self.args(news)
        vco = connect()
        with vco_errors(f'Edge "{args.name}"'):
            outs = self._apply(vco, olds, args.model_dump(exclude={"adopt"}))
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        client = connect().client
        enterprise_id, edge_id = logical_id(props["enterprise_id"]), logical_id(id_)
        edge_lists().touched(enterprise_id, edge_id)
        with vco_errors(f'Edge "{props.get("name", id_)}"'), contextlib.suppress(NotFound):
            client.v2.delete_edge(enterprise_id, edge_id)


def edge_lists() -> ListSnapshots[LogicalId, EdgeListed]:
    """This run's lists of edges, per enterprise logicalId (one v1 getEnterpriseEdges each)."""

    def fetch(enterprise_id: LogicalId) -> dict[str, EdgeListed]:
        vco = connect()
        enterprise = vco.ids.enterprise(enterprise_id)
        edges = vco.client.v1.get_enterprise_edges_detailed(enterprise)
        remember_edges(vco, enterprise, (edge_ref(edge) for edge in edges))
        return {edge.logical_id: edge for edge in edges}

    return provider_context().per_run("edge-lists", lambda: ListSnapshots(fetch))


class Edge(VcoResource[EdgeArgs], provider=EdgeProvider):
    """An SD-WAN edge. Its Pulumi id is the edge `logicalId`; `activation_key` is a secret."""

    logical_id: pulumi.Output[str]
    name: pulumi.Output[str]
    activation_key: pulumi.Output[str]
    activation_state: pulumi.Output[str]
    edge_state: pulumi.Output[str]
    software_version: pulumi.Output[str | None]


def _site_body(site: SiteArgs) -> dict[str, Any]:
    return {to_camel(k): v for k, v in site.model_dump(exclude_none=True).items()}


def _site_dict(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    data = value.model_dump() if isinstance(value, BaseModel) else dict(value)
    return {k: v for k, v in data.items() if v is not None and k in SiteArgs.model_fields} or None


def _site_matches(wanted: Any, actual: Any) -> bool:
    """Only the site fields the user sets are managed: compare those."""
    want, have = _site_dict(wanted) or {}, _site_dict(actual) or {}
    return all(have.get(k) == v for k, v in want.items())


def _patchable(state: dict[str, Any], base: dict[str, Any] | None = None) -> dict[str, Any]:
    """The v2 EdgeResource fields an edge's JSON Patch changes, from our outputs/inputs."""
    doc = {to_camel(f): state.get(f) for f in _ATTRIBUTES}
    if base is not None:  # an unset server-filled field keeps the Orchestrator's value
        kept = SPEC.server_defaulted & set(_ATTRIBUTES)
        doc.update({to_camel(f): base.get(f) for f in kept if state.get(f) is None})
    site = _site_dict(state.get("site")) or {}
    if base is not None:  # unmanaged site fields keep the Orchestrator's values
        site = {**(_site_dict(base.get("site")) or {}), **site}
    doc["site"] = {to_camel(k): v for k, v in site.items()}
    return doc


def _find(vco: Connection, enterprise_id: LogicalId, name: str) -> EdgeV2 | None:
    """The edge named exactly `name` (v2, filtered by name), or None."""
    found = vco.client.v2.get_enterprise_edges(enterprise_id, filters={"name[is]": name})
    matches = [e for e in found if e.name == name]
    return matches[0] if matches else None


def _outputs_from(
    enterprise_id: LogicalId,
    edge: EdgeV1 | EdgeV2 | EdgeListed,
    description: str | None,
    profile_id: str | None,
) -> dict[str, Any]:
    site = edge.site.model_dump(exclude={"id"}) if isinstance(edge.site, Site) else None
    return {
        "logical_id": edge.logical_id,
        "enterprise_id": enterprise_id,
        "profile_id": profile_id,
        "name": edge.name,
        "model_number": edge.model_number,
        "serial_number": edge.serial_number,
        "description": description,
        "site": {k: v for k, v in (site or {}).items() if v is not None} or None,
        "custom_info": edge.custom_info,
        "ha_enabled": edge.ha_state not in HA_OFF_STATES,
        "activation_key": edge.activation_key,
        "activation_state": edge.activation_state,
        "edge_state": edge.edge_state,
        "software_version": edge.software_version,
    }


def _set_ha(vco: Connection, enterprise_id: LogicalId, edge_id: LogicalId, enabled: bool) -> None:
    """Switch HA in the edge's own device settings: `/ha` with `enabled` set and the section's
    other keys (interface, ...) as the edge has them (one v2 JSON Patch, asynchronous)."""
    current = vco.client.v2.get_edge_device_settings(enterprise_id, edge_id).get("ha")
    section = {**(current if isinstance(current, dict) else {}), "enabled": enabled}
    vco.client.v2.update_edge_device_settings(
        enterprise_id, edge_id, [{"op": "add", "path": "/ha", "value": section}]
    )


def _kept_credentials(state: dict[str, Any]) -> dict[str, Any]:
    """The local UI credential outputs as last written (the API never shows them)."""
    return {f: state.get(f) for f in ("local_ui_username", "local_ui_password_fingerprint")}


def _write_credentials(
    vco: Connection, args: EdgeArgs, edge_id: LogicalId, olds: dict[str, Any]
) -> dict[str, Any]:
    """Write the declared local UI credentials (v1 `edge/updateEdgeAdminPassword`, queued for the
    edge); the outputs that remember them. Nothing is written without a password."""
    if args.local_ui_password is None:
        return _kept_credentials(olds) | {"local_ui_username": args.local_ui_username}
    enterprise = vco.ids.enterprise(args.enterprise_id)
    password = args.local_ui_password.get_secret_value()
    vco.client.v1.update_edge_admin_password(
        vco.ids.edge(enterprise, edge_id), args.local_ui_username, password
    )
    return {
        "local_ui_username": args.local_ui_username,
        "local_ui_password_fingerprint": secret_fingerprint.fingerprint(args.local_ui_password),
    }
