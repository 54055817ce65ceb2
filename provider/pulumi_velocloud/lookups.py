"""Lookups of objects managed elsewhere, for stacks that reference them.

    acme = velocloud.get_enterprise(name="ACME Corp")
    velocloud.Profile("branch", enterprise_id=acme.logical_id, ...)

They run in the Pulumi program (at preview and at up), read the connection settings from
stack config `velocloud:*` with env fallback like the resources do, and return typed
results. A lookup that matches nothing, or more than one object, raises `LookupError`
saying so.

Each has an `_output` variant taking Pulumi inputs and returning an `Output`, as Pulumi
providers do, for arguments that are outputs of other resources:

    acme = velocloud.Enterprise("acme", name="ACME Corp")
    found = velocloud.get_enterprise_output(name=acme.name)   # Output[EnterpriseInfo]
    pulumi.export("vco_id", found.vco_id)

It runs once its arguments are known and the resources they come from exist; in a preview
that would create one of them, the result is unknown instead of failing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import pulumi
from pydantic import BaseModel

from .client import VcoClient
from .client.errors import NotFound
from .context import Connection, provider_context
from .ids import LogicalId, VcoId
from .mechanisms import applications as app_map
from .resolver import Resolver
from .settings import CONFIG_KEYS, resolve_settings


class EnterpriseInfo(BaseModel):
    logical_id: str
    vco_id: int
    name: str
    account_number: str | None = None


def _stack_config() -> Mapping[str, Any]:
    try:
        from pulumi.runtime.config import get_config
    except ImportError:  # pragma: no cover - pulumi is a dependency
        return {}
    return {f"velocloud:{k}": get_config(f"velocloud:{k}") for k in CONFIG_KEYS}


def _connection(client: VcoClient | None) -> Connection:
    """The process's connection for the stack config, or one over the given client."""
    if client is None:
        return provider_context().connection_for(resolve_settings(_stack_config()))
    return Connection(client, Resolver(client))


def _one(kind: str, key: str, matches: list[Any], candidates: int) -> Any:
    if not matches:
        raise LookupError(f"no {kind} matches {key} (the Orchestrator has {candidates} {kind}s)")
    if len(matches) > 1:
        raise LookupError(f"{len(matches)} {kind}s match {key}; make the lookup more specific")
    return matches[0]


def get_enterprise(*, name: str, client: VcoClient | None = None) -> EnterpriseInfo:
    """The enterprise named exactly `name`."""
    refs = _connection(client).client.v1.get_network_enterprises()
    match = _one("enterprise", f"name={name!r}", [r for r in refs if r.name == name], len(refs))
    return EnterpriseInfo(logical_id=match.logical_id, vco_id=match.id, name=match.name)


class ProfileInfo(BaseModel):
    logical_id: str
    vco_id: int
    enterprise_id: str
    name: str
    description: str | None = None


class EdgeInfo(BaseModel):
    logical_id: str
    enterprise_id: str
    name: str | None
    model_number: str | None = None
    serial_number: str | None = None
    activation_state: str | None = None
    edge_state: str | None = None
    software_version: str | None = None


def get_profile(*, enterprise_id: str, name: str, client: VcoClient | None = None) -> ProfileInfo:
    """The profile named exactly `name` in the enterprise with logicalId `enterprise_id`."""
    vco = _connection(client)
    profiles = vco.client.v1.get_enterprise_configurations(_enterprise(vco, enterprise_id))
    match = _one("profile", f"name={name!r}", [p for p in profiles if p.name == name], len(profiles))
    return ProfileInfo(
        logical_id=match.logical_id or "",
        vco_id=match.id,
        enterprise_id=enterprise_id,
        name=match.name,
        description=match.description,
    )


def list_edges(
    *, enterprise_id: str, filters: dict[str, str] | None = None, client: VcoClient | None = None
) -> list[EdgeInfo]:
    """Every edge of an enterprise, optionally filtered with v2 `field[op]` filters
    (e.g. `{"modelNumber[is]": "edge6X0"}`), walked page by page."""
    edges = _connection(client).client.v2.get_enterprise_edges(LogicalId(enterprise_id), filters=filters)
    return [
        EdgeInfo(
            logical_id=e.logical_id,
            enterprise_id=enterprise_id,
            name=e.name,
            model_number=e.model_number,
            serial_number=e.serial_number,
            activation_state=e.activation_state,
            edge_state=e.edge_state,
            software_version=e.software_version,
        )
        for e in edges
    ]


def get_edge(*, enterprise_id: str, name: str, client: VcoClient | None = None) -> EdgeInfo:
    """The edge named exactly `name` in the enterprise with logicalId `enterprise_id`."""
    edges = list_edges(enterprise_id=enterprise_id, filters={"name[is]": name}, client=client)
    return _one("edge", f"name={name!r}", [e for e in edges if e.name == name], len(edges))  # type: ignore[no-any-return]


def _enterprise(vco: Connection, enterprise_id: str) -> VcoId:
    try:
        return vco.ids.enterprise(LogicalId(enterprise_id))
    except NotFound:
        raise LookupError(f"no enterprise matches logicalId={enterprise_id!r}") from None


class SegmentInfo(BaseModel):
    logical_id: str
    vco_id: int
    enterprise_id: str
    name: str
    segment_id: int | None = None
    type: str | None = None


def get_segment(*, enterprise_id: str, name: str, client: VcoClient | None = None) -> SegmentInfo:
    """The network segment named `name` (any case, as the Orchestrator compares) in the enterprise."""
    vco = _connection(client)
    segments = vco.client.v1.get_enterprise_network_segments(_enterprise(vco, enterprise_id))
    matches = [s for s in segments if s.name.casefold() == name.casefold()]
    match = _one("segment", f"name={name!r}", matches, len(segments))
    return SegmentInfo(
        logical_id=match.logical_id or "",
        vco_id=match.id,
        enterprise_id=enterprise_id,
        name=match.name,
        segment_id=match.data.segment_id if match.data is not None else None,
        type=match.type,
    )


class ObjectGroupInfo(BaseModel):
    logical_id: str
    vco_id: int
    enterprise_id: str
    name: str
    type: str
    description: str | None = None
    entries: list[dict[str, Any]] = []


def get_object_group(
    *, enterprise_id: str, name: str, type: str, client: VcoClient | None = None
) -> ObjectGroupInfo:
    """The object group of `type` (address_group or port_group) named `name` (any case) in the
    enterprise: its `logical_id` is what firewall rules and business policies reference."""
    if type not in ("address_group", "port_group"):
        raise LookupError(f"type={type!r} is not an object group type; use address_group or port_group")
    vco = _connection(client)
    groups = vco.client.v1.get_object_groups(_enterprise(vco, enterprise_id), type=type)
    matches = [g for g in groups if g.name.casefold() == name.casefold()]
    match = _one(type.replace("_", " "), f"name={name!r}", matches, len(groups))
    return ObjectGroupInfo(
        logical_id=match.logical_id or "",
        vco_id=match.id,
        enterprise_id=enterprise_id,
        name=match.name,
        type=type,
        description=match.description or None,
        entries=list(match.data or []),
    )


class GatewayInfo(BaseModel):
    logical_id: str
    vco_id: int
    name: str
    ip_address: str | None = None
    private_ip_address: str | None = None
    state: str | None = None
    pool: str


def get_gateway(
    *, enterprise_id: str, name: str | None = None, client: VcoClient | None = None
) -> GatewayInfo:
    """A gateway of the enterprise's gateway pool: the one named `name`, or with no name the pool's
    only gateway (more than one raises `LookupError`: name one). Reads the pools through
    `network/getNetworkGatewayPools` (operator and partner tokens; an enterprise user may not list
    gateways)."""
    vco = _connection(client)
    enterprise = vco.client.v1.get_enterprise(_enterprise(vco, enterprise_id))
    pools = vco.client.v1.get_network_gateway_pools_with_gateways()
    pool = next((p for p in pools if p.id == enterprise.gateway_pool_id), None)
    if pool is None:
        raise LookupError(f"enterprise {enterprise_id!r} has no gateway pool the token can read")
    gateways = pool.gateways
    matches = [g for g in gateways if name is None or g.name == name]
    key = f"name={name!r} in pool {pool.name!r}" if name is not None else f"any gateway of pool {pool.name!r}"
    match = _one("gateway", key, matches, len(gateways))
    return GatewayInfo(
        logical_id=match.logical_id or "",
        vco_id=match.id,
        name=match.name,
        ip_address=match.ip_address,
        private_ip_address=match.private_ip_address,
        state=match.gateway_state,
        pool=pool.name,
    )


def _when_dependencies_exist(args: pulumi.Output[Any]) -> pulumi.Output[Any]:
    """`args`, kept unknown while a resource it comes from has no id yet (created by this very
    preview), as Pulumi does for the output form of provider functions."""

    async def dependency_ids(_: Any) -> pulumi.Output[list[Any]]:
        resources = await args.resources()
        return pulumi.Output.all(*[r.id for r in resources if isinstance(r, pulumi.CustomResource)])

    ids = args.apply(cast(Any, dependency_ids)).apply(lambda known: known)
    return pulumi.Output.all(args, ids).apply(lambda pair: pair[0])


def get_enterprise_output(
    *, name: pulumi.Input[str], client: VcoClient | None = None
) -> pulumi.Output[EnterpriseInfo]:
    """`get_enterprise` for a name that may be a Pulumi output."""
    args = _when_dependencies_exist(pulumi.Output.from_input(name))
    return args.apply(lambda n: get_enterprise(name=n, client=client))


def get_profile_output(
    *, enterprise_id: pulumi.Input[str], name: pulumi.Input[str], client: VcoClient | None = None
) -> pulumi.Output[ProfileInfo]:
    """`get_profile` for arguments that may be Pulumi outputs."""
    args = _when_dependencies_exist(pulumi.Output.all(enterprise_id, name))
    return args.apply(lambda a: get_profile(enterprise_id=a[0], name=a[1], client=client))


def get_edge_output(
    *, enterprise_id: pulumi.Input[str], name: pulumi.Input[str], client: VcoClient | None = None
) -> pulumi.Output[EdgeInfo]:
    """`get_edge` for arguments that may be Pulumi outputs."""
    args = _when_dependencies_exist(pulumi.Output.all(enterprise_id, name))
    return args.apply(lambda a: get_edge(enterprise_id=a[0], name=a[1], client=client))


def list_edges_output(
    *,
    enterprise_id: pulumi.Input[str],
    filters: pulumi.Input[dict[str, str]] | None = None,
    client: VcoClient | None = None,
) -> pulumi.Output[list[EdgeInfo]]:
    """`list_edges` for arguments that may be Pulumi outputs."""
    args = _when_dependencies_exist(pulumi.Output.all(enterprise_id, filters))
    return args.apply(lambda a: list_edges(enterprise_id=a[0], filters=a[1], client=client))


def get_segment_output(
    *, enterprise_id: pulumi.Input[str], name: pulumi.Input[str], client: VcoClient | None = None
) -> pulumi.Output[SegmentInfo]:
    """`get_segment` for arguments that may be Pulumi outputs."""
    args = _when_dependencies_exist(pulumi.Output.all(enterprise_id, name))
    return args.apply(lambda a: get_segment(enterprise_id=a[0], name=a[1], client=client))


def get_object_group_output(
    *,
    enterprise_id: pulumi.Input[str],
    name: pulumi.Input[str],
    type: pulumi.Input[str],
    client: VcoClient | None = None,
) -> pulumi.Output[ObjectGroupInfo]:
    """`get_object_group` for arguments that may be Pulumi outputs."""
    args = _when_dependencies_exist(pulumi.Output.all(enterprise_id, name, type))
    return args.apply(lambda a: get_object_group(enterprise_id=a[0], name=a[1], type=a[2], client=client))


def get_gateway_output(
    *,
    enterprise_id: pulumi.Input[str],
    name: pulumi.Input[str] | None = None,
    client: VcoClient | None = None,
) -> pulumi.Output[GatewayInfo]:
    """`get_gateway` for arguments that may be Pulumi outputs."""
    args = _when_dependencies_exist(pulumi.Output.all(enterprise_id, name))
    return args.apply(lambda a: get_gateway(enterprise_id=a[0], name=a[1], client=client))


class ApplicationInfo(BaseModel):
    """An application of the enterprise's application map: `id` is what a rule's
    `match.application_id` takes (or name it directly with `match.application`)."""

    id: int
    name: str | None = None
    display_name: str | None = None
    class_id: int
    class_name: str | None = None
    enterprise_id: str


def get_application(
    *, enterprise_id: str, name: str, app_class: str | int | None = None, client: VcoClient | None = None
) -> ApplicationInfo:
    """The application named `name` (its display name or name, any case) in the enterprise's
    application map; `app_class` (a class name or id) narrows the match."""
    vco = _connection(client)
    catalogue = app_map.catalogue(vco, _enterprise(vco, enterprise_id))
    try:
        found = app_map.find(catalogue, name, app_class)
    except app_map.ApplicationNotFound as exc:
        raise LookupError(str(exc)) from None
    return ApplicationInfo(
        id=found.id,
        name=found.name,
        display_name=found.display_name,
        class_id=found.app_class,
        class_name=catalogue.class_name(found.app_class),
        enterprise_id=enterprise_id,
    )


def get_application_output(
    *,
    enterprise_id: pulumi.Input[str],
    name: pulumi.Input[str],
    app_class: pulumi.Input[str] | pulumi.Input[int] | None = None,
    client: VcoClient | None = None,
) -> pulumi.Output[ApplicationInfo]:
    """`get_application` for arguments that may be Pulumi outputs."""
    args = _when_dependencies_exist(pulumi.Output.all(enterprise_id, name, app_class))
    return args.apply(lambda a: get_application(enterprise_id=a[0], name=a[1], app_class=a[2], client=client))
