"""`OverlayFlowControl`: an enterprise's global routing preferences (the Orchestrator's overlay flow
control): which routes edges, hubs and partner gateways advertise into the overlay, and the order
of preferred exits. One per enterprise (v1 `enterprise/getEnterpriseRouteConfiguration` /
`updateEnterpriseRouteConfiguration`).

It owns only the settings it declares: an unset input (None) is left as the Orchestrator has it.
The update replaces the whole document, so every write is a read-modify-write of the document read
just before it; the values of the declared settings before the first write are kept in state
(`original`) and put back on destroy, and a setting no longer declared gets its original back.
`read` reports the declared settings as the Orchestrator holds them, so a change by hand shows
field by field. IPv4 only: the document's `v6Detail` is never touched.

Not implemented: IPv6 settings, `preferenceBuckets`, NSD advertisement (`nsdEdge`/`nsdGateway`),
per-route overrides (`enterprise/updateEnterpriseRoute`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, Literal

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, ConfigDict, Field

from ..client.errors import NotFound
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..mechanisms import managed_paths
from ..mechanisms.declare import VcoResource
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.provider_base import VcoProvider
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EnterpriseId, ResourceArgs, ResourceSpec, register

Entity = Literal["EDGE", "HUB", "PARTNER", "ROUTER", "NSD"]


class AdvertiseArgs(BaseModel):
    """What an edge or hub advertises into the overlay; None leaves a setting as it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    static: bool | None = Field(None, description="Advertise static routes.")
    connected: bool | None = Field(None, description="Advertise connected routes.")
    ospf_external: bool | None = Field(None, description="Advertise OSPF external routes.")
    ospf_inter_area: bool | None = Field(None, description="Advertise OSPF inter-area routes.")
    ospf_intra_area: bool | None = Field(None, description="Advertise OSPF intra-area routes.")
    bgp_internal: bool | None = Field(None, description="Advertise routes learned over iBGP.")
    bgp_external: bool | None = Field(None, description="Advertise routes learned over eBGP.")
    bgp_uplink: bool | None = Field(None, description="Advertise BGP routes tagged UPLINK.")


class PartnerGatewayArgs(BaseModel):
    """What partner gateways advertise; None leaves a setting as it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    static: bool | None = Field(None, description="Advertise static routes.")
    bgp_external: bool | None = Field(None, description="Advertise routes learned over eBGP.")


class PreferenceArgs(BaseModel):
    """One preferred VPN exit, in order of preference."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entity: Entity = Field(description="EDGE, HUB, PARTNER (gateway), ROUTER (external) or NSD.")
    allow: bool = Field(True, description="Whether this kind of exit may be used.")


# input field -> setting -> its path (JSON Pointer) in the document
_ADVERTISE = {
    "static": "/assigned/advertiseStatic",
    "connected": "/assigned/advertiseConnected",
    "ospf_external": "/ospf/advertiseExternal",
    "ospf_inter_area": "/ospf/advertiseInterArea",
    "ospf_intra_area": "/ospf/advertiseIntraArea",
    "bgp_internal": "/bgp/advertiseInternal",
    "bgp_external": "/bgp/advertiseExternal",
    "bgp_uplink": "/bgp/advertiseNeighborTags/UPLINK",
}
PATHS: dict[str, dict[str, str]] = {
    "edge": {k: "/edge" + v for k, v in _ADVERTISE.items()},
    "hub": {k: "/hub" + v for k, v in _ADVERTISE.items()},
    "partner_gateway": {
        "static": "/partnerGateway/assigned/advertiseStatic",
        "bgp_external": "/partnerGateway/bgp/advertiseExternal",
    },
}
PREFERENCE = "/routingPreference"


class OverlayFlowControlArgs(ResourceArgs):
    """The inputs of an `OverlayFlowControl`."""

    enterprise_id: EnterpriseId
    edge: AdvertiseArgs | None = Field(None, description="What edges advertise (declared settings only).")
    hub: AdvertiseArgs | None = Field(None, description="What hubs advertise (declared settings only).")
    partner_gateway: PartnerGatewayArgs | None = Field(None, description="What partner gateways advertise.")
    routing_preference: list[PreferenceArgs] | None = Field(
        None, description="Preferred VPN exits in order; None leaves the Orchestrator's order."
    )


class OverlayFlowControlOutputs(BaseModel):
    logical_id: str = Field(description="The routing configuration's logicalId (also the Pulumi id).")
    vco_id: int
    enterprise_id: str
    enterprise_vco_id: int
    edge: dict[str, Any] | None = None
    hub: dict[str, Any] | None = None
    partner_gateway: dict[str, Any] | None = None
    routing_preference: list[dict[str, Any]] | None = None
    original: dict[str, Any] = Field(
        description="What the declared settings held before the first write (put back on destroy)."
    )


SPEC = register(
    ResourceSpec(
        name="OverlayFlowControl",
        summary="The enterprise's overlay flow control: route advertisement and preferred exits.",
        args=OverlayFlowControlArgs,
        outputs=OverlayFlowControlOutputs,
        natural_key=("enterprise_id",),
        replace_on_change=frozenset({"enterprise_id"}),
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "hub": {"bgp_external": True},
            "routing_preference": [{"entity": "HUB"}, {"entity": "EDGE"}],
        },
        example=(
            "ofc = velocloud.OverlayFlowControl(\n"
            '    "routing",\n'
            "    enterprise_id=acme.id,\n"
            "    hub=velocloud.AdvertiseArgs(bgp_external=True, static=True),\n"
            "    routing_preference=[\n"
            '        velocloud.PreferenceArgs(entity="HUB"),\n'
            '        velocloud.PreferenceArgs(entity="EDGE"),\n'
            "    ],\n"
            ")"
        ),
        notes=(
            "One per enterprise; only declared settings are managed, destroy puts back their earlier values.",
        ),
    )
)


def declared(args: OverlayFlowControlArgs) -> dict[str, Any]:
    """The document paths these inputs set, with their values."""
    out: dict[str, Any] = {}
    for field, paths in PATHS.items():
        block = getattr(args, field)
        if block is None:
            continue
        for name, path in paths.items():
            value = getattr(block, name)
            if value is not None:
                out[path] = value
    if args.routing_preference is not None:
        out[PREFERENCE] = [p.model_dump() for p in args.routing_preference]
    return out


def _value(document: Any, path: str) -> Any:
    value = managed_paths.get(document, path)
    return None if value is managed_paths.MISSING else copy.deepcopy(value)


class OverlayFlowControlProvider(VcoProvider):
    spec = SPEC

    def normalise(self, field: str, value: Any) -> Any:
        if field in PATHS and isinstance(value, Mapping):
            return {k: v for k, v in value.items() if v is not None} or None
        if field == "routing_preference" and isinstance(value, list):
            return [PreferenceArgs.model_validate(p).model_dump() for p in value]
        return super().normalise(field, value)

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: OverlayFlowControlArgs = self.args(props)
        label = self.label_for(props)
        vco = connect()
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            outs = self._write(vco, label, args, enterprise, managed_paths.Snapshot())
        return CreateResult(outs["logical_id"], outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: OverlayFlowControlArgs = self.args(news)
        label = self.label_for(news, id_)
        vco = connect()
        with vco_errors(label):
            enterprise = vco_id(olds["enterprise_vco_id"])
            snapshot = managed_paths.Snapshot.from_json(olds.get("original"))
            outs = self._write(vco, label, args, enterprise, snapshot)
        return UpdateResult(outs)

    def _write(
        self,
        vco: Connection,
        label: str,
        args: OverlayFlowControlArgs,
        enterprise: VcoId,
        snapshot: managed_paths.Snapshot,
    ) -> dict[str, Any]:
        """Read the document, put back the settings no longer declared, set the declared ones
        (recording what they held the first time), write it whole if it changed, verify."""
        config = vco.client.v1.get_enterprise_route_configuration(enterprise)
        document = copy.deepcopy(config.data)
        wanted = declared(args)
        managed_paths.restore(document, snapshot, managed_paths.unmanaged_records(snapshot, wanted))
        for path, value in wanted.items():
            managed_paths.set_value(document, path, value, snapshot)
        if document != config.data:
            vco.client.v1.update_enterprise_route_configuration(enterprise, config.id, document)
            config = vco.client.v1.get_enterprise_route_configuration(enterprise)
            wrong = [p for p, v in wanted.items() if not managed_paths.matches(v, _value(config.data, p))]
            if wrong:
                raise VcoResourceError(
                    f"{label}: the Orchestrator did not keep the routing setting(s) {', '.join(wrong)} as "
                    "written; check the values (the document was written whole)"
                )
        return _outputs(
            args.enterprise_id, enterprise, config.id, config.logical_id, config.data, args, snapshot
        )

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        enterprise = vco_id(props["enterprise_vco_id"])
        with vco_errors(self.label_for(props, id_)):
            try:
                config = vco.client.v1.get_enterprise_route_configuration(enterprise)
            except NotFound:
                return ReadResult(None, {})
        snapshot = managed_paths.Snapshot.from_json(props.get("original"))
        args = _declared_in(props)
        outs = _outputs(
            logical_id(props["enterprise_id"]),
            enterprise,
            config.id,
            config.logical_id,
            config.data,
            args,
            snapshot,
        )
        return ReadResult(id_, outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """Put back what the declared settings held before; the configuration itself stays."""
        snapshot = managed_paths.Snapshot.from_json(props.get("original"))
        if not snapshot.original and not snapshot.created:
            return
        vco = connect()
        enterprise = vco_id(props["enterprise_vco_id"])
        with vco_errors(self.label_for(props, id_)):
            config = vco.client.v1.get_enterprise_route_configuration(enterprise)
            document = copy.deepcopy(config.data)
            managed_paths.restore(document, snapshot)
            if document != config.data:
                vco.client.v1.update_enterprise_route_configuration(enterprise, config.id, document)


def _declared_in(props: Mapping[str, Any]) -> OverlayFlowControlArgs:
    """Which settings the last state declared (the outputs carry the declared keys only)."""
    return OverlayFlowControlArgs.model_validate(
        {
            "enterprise_id": props["enterprise_id"],
            **{f: props.get(f) for f in (*PATHS, "routing_preference") if props.get(f) is not None},
        }
    )


def _outputs(
    enterprise_id: LogicalId,
    enterprise: VcoId,
    config_id: VcoId,
    config_logical_id: LogicalId | None,
    document: Mapping[str, Any],
    args: OverlayFlowControlArgs,
    snapshot: managed_paths.Snapshot,
) -> dict[str, Any]:
    """The declared settings as the document holds them (undeclared ones are not reported)."""
    outs: dict[str, Any] = {
        "logical_id": config_logical_id or f"{enterprise_id}/overlay-flow-control",
        "vco_id": config_id,
        "enterprise_id": enterprise_id,
        "enterprise_vco_id": enterprise,
        "original": snapshot.to_json(),
    }
    for field, paths in PATHS.items():
        block = getattr(args, field)
        outs[field] = (
            None
            if block is None
            else {n: _value(document, p) for n, p in paths.items() if getattr(block, n) is not None}
        )
    outs["routing_preference"] = None if args.routing_preference is None else _value(document, PREFERENCE)
    return outs


class OverlayFlowControl(VcoResource[OverlayFlowControlArgs], provider=OverlayFlowControlProvider):
    """The enterprise's overlay flow control (one per enterprise). Its Pulumi id is the routing
    configuration's logicalId."""

    logical_id: pulumi.Output[str]
    edge: pulumi.Output[dict[str, Any] | None]
    hub: pulumi.Output[dict[str, Any] | None]
    partner_gateway: pulumi.Output[dict[str, Any] | None]
    routing_preference: pulumi.Output[list[dict[str, Any]] | None]
