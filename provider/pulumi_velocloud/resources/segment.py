"""`NetworkSegment`: a network segment of an enterprise, through the v1 `enterprise/*NetworkSegment*` methods.

Create is `insertEnterpriseNetworkSegment`, read `getEnterpriseNetworkSegments` (the whole list,
filtered by id: a segment renamed by hand is still found), update `updateEnterpriseNetworkSegment`
(name, type, description and the whole `data`, keeping the segmentId and delegation flags the
Orchestrator holds), delete `deleteEnterpriseNetworkSegment`. The natural key is the name within
the enterprise (compared case-insensitively, as the Orchestrator does). The type changes in place.

Not implemented: choosing the segmentId (the Orchestrator gives the lowest free one), the
delegation flags (kept as they are), the segment limit (`setEnterpriseMaximumSegments`). The
Global Segment (segmentId 0) can be adopted to manage its VLAN and description; deleting it
only stops managing it, since the Orchestrator never deletes it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Literal

import pulumi
from pulumi.dynamic import CreateResult
from pydantic import BaseModel, Field

from ..client import VcoClient
from ..client.errors import NotFound
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, as_int, logical_id, vco_id
from ..mechanisms.declare import VcoResource
from ..mechanisms.enterprise_object import EnterpriseObjectProvider
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EnterpriseId, ResourceArgs, ResourceSpec, register
from ..models.segment import NetworkSegmentV1

log = logging.getLogger(__name__)

GLOBAL_SEGMENT_ID = 0
SegmentType = Literal["REGULAR", "CDE", "PRIVATE"]


class NetworkSegmentArgs(ResourceArgs):
    """The inputs of a `NetworkSegment`."""

    enterprise_id: EnterpriseId
    name: str = Field(
        min_length=1, max_length=255, description="Segment name, unique within the enterprise (any case)."
    )
    type: SegmentType = Field("REGULAR", description="REGULAR, CDE (PCI cardholder data) or PRIVATE.")
    service_vlan: int | None = Field(None, ge=1, le=4094, description="Service VLAN id (1..4094).")
    description: str | None = Field(None, description="Free-text description.")


class NetworkSegmentOutputs(BaseModel):
    logical_id: str = Field(description="The segment logicalId (also the Pulumi id).")
    vco_id: int = Field(description="The numeric id of the segment object in the v1 API.")
    segment_id: int = Field(
        description="The segmentId (0 is the Global Segment) that modules and firewall rules reference."
    )
    enterprise_id: str
    enterprise_vco_id: int
    name: str
    type: str
    service_vlan: int | None = None
    description: str | None = None
    delegate_to_enterprise: bool | None = None
    delegate_to_enterprise_proxy: bool | None = None


SPEC = register(
    ResourceSpec(
        name="NetworkSegment",
        summary="A network segment of an enterprise. Its Pulumi id is the segment logicalId.",
        args=NetworkSegmentArgs,
        outputs=NetworkSegmentOutputs,
        natural_key=("enterprise_id", "name"),
        replace_on_change=frozenset({"enterprise_id"}),
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "name": "PCI",
            "type": "CDE",
            "service_vlan": 100,
        },
        example=(
            "pci = velocloud.NetworkSegment(\n"
            '    "pci",\n'
            "    enterprise_id=acme.id,\n"
            '    name="PCI",\n'
            '    type="CDE",\n'
            "    service_vlan=100,\n"
            '    description="Card payment terminals",\n'
            ")"
        ),
        notes=(
            "Renaming and retyping happen in place; the segmentId never changes.",
            "A segment that a profile uses cannot be deleted; the error names the profiles.",
            "The Global Segment (segmentId 0) can be adopted; destroying it only stops managing it.",
        ),
    )
)


class NetworkSegmentProvider(EnterpriseObjectProvider):
    spec = SPEC

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: NetworkSegmentArgs = self.args(props)
        label = f'NetworkSegment "{args.name}"'
        vco = connect()
        client = vco.client
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            segments = client.v1.get_enterprise_network_segments(enterprise)
            existing = _by_name(segments, args.name)
            if existing is not None and not args.adopt:
                raise VcoResourceError(
                    f"{label}: the enterprise already has a segment named {existing.name!r} (logicalId "
                    f"{existing.logical_id}) that this stack does not manage; set adopt=True to manage it"
                )
            if existing is None:
                body: dict[str, Any] = {
                    "name": args.name,
                    "type": args.type,
                    "data": _data(args.service_vlan),
                }
                if args.description is not None:
                    body["description"] = args.description
                segment_id = client.v1.insert_enterprise_network_segment(enterprise, body)
                current = _get(client, enterprise, segment_id)
                outs = _outputs(args.enterprise_id, enterprise, current)
            else:
                olds = _outputs(args.enterprise_id, enterprise, existing)
                outs = self._apply(client, olds, args.model_dump(exclude={"adopt"})) or olds
        return CreateResult(outs["logical_id"], outs)

    def _apply(self, client: VcoClient, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        """One update with the changed fields; the new outputs, or None if nothing changed."""
        changed = [f for f in self.changed_fields(olds, news) if f != "enterprise_id"]
        if not changed:
            return None
        update: dict[str, Any] = {f: news.get(f) for f in ("name", "type") if f in changed}
        if "description" in changed:  # the spec types it as a string: clearing sends ""
            update["description"] = news.get("description") or ""
        if "service_vlan" in changed:
            update["data"] = _data(
                news.get("service_vlan"),
                segment_id=as_int(olds["segment_id"]),  # numbers come back from Pulumi as floats
                delegate=olds.get("delegate_to_enterprise"),
                delegate_proxy=olds.get("delegate_to_enterprise_proxy"),
            )
        enterprise, segment = vco_id(olds["enterprise_vco_id"]), vco_id(olds["vco_id"])
        client.v1.update_enterprise_network_segment(enterprise, segment, update)
        return _outputs(logical_id(olds["enterprise_id"]), enterprise, _get(client, enterprise, segment))

    def fetch(self, vco: Connection, enterprise: VcoId, numeric: VcoId) -> NetworkSegmentV1:
        return _get(vco.client, enterprise, numeric)

    def read_outputs(
        self, vco: Connection, state: Mapping[str, Any], enterprise: VcoId, current: NetworkSegmentV1
    ) -> dict[str, Any]:
        return _outputs(logical_id(state["enterprise_id"]), enterprise, current)

    def apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        return self._apply(vco.client, olds, self.args(news).model_dump(exclude={"adopt"}))

    def remove(self, client: VcoClient, enterprise: VcoId, numeric: VcoId) -> None:
        client.v1.delete_enterprise_network_segment(enterprise, numeric)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        if props.get("segment_id") == GLOBAL_SEGMENT_ID:
            log.warning("the Global Segment is never deleted; it is no longer managed by this stack")
            return
        super().delete(id_, props)


class NetworkSegment(VcoResource[NetworkSegmentArgs], provider=NetworkSegmentProvider):
    """A network segment. Its Pulumi id is the segment `logicalId`; `segment_id` is what rules reference."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    segment_id: pulumi.Output[int]
    name: pulumi.Output[str]
    type: pulumi.Output[str]
    service_vlan: pulumi.Output[int | None]
    description: pulumi.Output[str | None]


def _data(
    service_vlan: int | None,
    *,
    segment_id: int | None = None,
    delegate: bool | None = None,
    delegate_proxy: bool | None = None,
) -> dict[str, Any]:
    """A `network_segment_data` (the update replaces it whole, so it repeats what must stay)."""
    data: dict[str, Any] = {}
    if segment_id is not None:
        data["segmentId"] = segment_id
    if service_vlan is not None:
        data["serviceVlan"] = service_vlan
    if delegate is not None:
        data["delegateToEnterprise"] = delegate
    if delegate_proxy is not None:
        data["delegateToEnterpriseProxy"] = delegate_proxy
    return data


def _by_name(segments: list[NetworkSegmentV1], name: str) -> NetworkSegmentV1 | None:
    return next((s for s in segments if s.name.casefold() == name.casefold()), None)


def _get(client: VcoClient, enterprise: VcoId, numeric: VcoId) -> NetworkSegmentV1:
    for segment in client.v1.get_enterprise_network_segments(enterprise):
        if segment.id == numeric:
            return segment
    raise NotFound(
        f"enterprise {enterprise} has no segment {numeric}",
        operation="enterprise/getEnterpriseNetworkSegments",
    )


def _outputs(enterprise_id: LogicalId, enterprise_vco_id: VcoId, current: NetworkSegmentV1) -> dict[str, Any]:
    data = current.data
    return {
        "logical_id": current.logical_id,
        "vco_id": current.id,
        "segment_id": data.segment_id if data is not None else None,
        "enterprise_id": enterprise_id,
        "enterprise_vco_id": enterprise_vco_id,
        "name": current.name,
        "type": current.type,
        "service_vlan": data.service_vlan if data is not None else None,
        "description": current.description or None,
        "delegate_to_enterprise": data.delegate_to_enterprise if data is not None else None,
        "delegate_to_enterprise_proxy": data.delegate_to_enterprise_proxy if data is not None else None,
    }
