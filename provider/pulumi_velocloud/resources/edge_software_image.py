"""`EdgeSoftwareImage`: the software image (operator profile) one edge runs instead of its
enterprise's default.

The image is named as the Orchestrator names the operator profile, and must be one of those
assigned to the enterprise (v1 `enterprise/getEnterpriseSpecificOperatorConfigurations`; an
unknown name fails listing the assigned ones). Create and update are v1
`edge/setEdgeOperatorConfiguration`; read is the operator profile the edge runs as the run's edge
list shows it (v1 `enterprise/getEnterpriseEdges` with `configuration`: `configuration.operator`),
so an image changed by hand is drift that `up` puts back; delete is
`edge/unsetEdgeOperatorConfiguration` (the edge runs the enterprise default again). The Pulumi id
is `<edge logicalId>/software-image`.

Not implemented: assigning images to the enterprise (operator or partner only:
`assignEnterpriseOperatorConfigurations`), waiting for the upgrade to happen on the device (the
edge's `software_version` output shows it once it has).
"""

from __future__ import annotations

import contextlib
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field

from ..client.errors import NotFound
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, logical_id
from ..mechanisms.declare import VcoResource
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.provider_base import VcoProvider
from ..mechanisms.spec import (
    EXAMPLE_EDGE_ID,
    EXAMPLE_ENTERPRISE_ID,
    EnterpriseId,
    ResourceArgs,
    ResourceSpec,
    register,
)
from ..models.enterprise import OperatorProfile
from .edge import edge_lists


class EdgeSoftwareImageArgs(ResourceArgs):
    """The inputs of an `EdgeSoftwareImage`."""

    enterprise_id: EnterpriseId
    edge_id: LogicalId = Field(min_length=1, description="logicalId of the edge (an Edge's id).")
    software_image: str = Field(
        min_length=1,
        max_length=255,
        description="Name of the operator profile (software image), one assigned to the enterprise.",
    )


class EdgeSoftwareImageOutputs(BaseModel):
    edge_id: str = Field(description="The edge logicalId.")
    enterprise_id: str
    software_image: str
    operator_profile_id: str | None = Field(None, description="logicalId of that operator profile.")


SPEC = register(
    ResourceSpec(
        name="EdgeSoftwareImage",
        summary="The software image (operator profile) an edge runs instead of its enterprise's default.",
        args=EdgeSoftwareImageArgs,
        outputs=EdgeSoftwareImageOutputs,
        natural_key=("enterprise_id", "edge_id"),
        replace_on_change=frozenset({"enterprise_id", "edge_id"}),
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "edge_id": EXAMPLE_EDGE_ID,
            "software_image": "Edge 5.2.0 image",
        },
        example=(
            "image = velocloud.EdgeSoftwareImage(\n"
            '    "nyc-01-image",\n'
            "    enterprise_id=acme.id,\n"
            "    edge_id=nyc.id,\n"
            '    software_image="Edge 5.2.0 image",\n'
            ")"
        ),
        notes=(
            "Changing the image updates the edge in place; destroying it returns the edge to the "
            "enterprise default image.",
        ),
    )
)


class EdgeSoftwareImageProvider(VcoProvider):
    spec = SPEC

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: EdgeSoftwareImageArgs = self.args(props)
        outs = self._set(args, self.label_for(props))
        return CreateResult(f"{args.edge_id}/software-image", outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: EdgeSoftwareImageArgs = self.args(news)
        if olds.get("software_image") == args.software_image:
            return UpdateResult({k: olds.get(k) for k in self.spec.outputs.model_fields})
        return UpdateResult(self._set(args, self.label_for(news, id_)))

    def _set(self, args: EdgeSoftwareImageArgs, label: str) -> dict[str, Any]:
        vco = connect()
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            image = _image_named(vco, enterprise, args.software_image, label)
            edge_lists().touched(args.enterprise_id, args.edge_id)
            edge = vco.ids.edge(enterprise, args.edge_id)
            vco.client.v1.set_edge_operator_configuration(enterprise, edge, image.id)
        return {
            "edge_id": args.edge_id,
            "enterprise_id": args.enterprise_id,
            "software_image": image.name,
            "operator_profile_id": image.logical_id,
        }

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        enterprise_id, edge_id = logical_id(props["enterprise_id"]), logical_id(props["edge_id"])
        with vco_errors(self.label_for(props, id_)):
            running = _running(vco, enterprise_id, edge_id)
            if running is None:
                return ReadResult(None, {})
            same = running[1] == props.get("software_image")
            image_id = (
                props.get("operator_profile_id") if same else _logical_id_of(vco, enterprise_id, running[0])
            )
        outs = {**{k: props.get(k) for k in self.spec.outputs.model_fields}, "software_image": running[1]}
        return ReadResult(id_, {**outs, "operator_profile_id": image_id})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        vco = connect()
        enterprise_id, edge_id = logical_id(props["enterprise_id"]), logical_id(props["edge_id"])
        with vco_errors(self.label_for(props, id_)), contextlib.suppress(NotFound):
            enterprise = vco.ids.enterprise(enterprise_id)
            running = _running(vco, enterprise_id, edge_id)
            if running is None:
                return
            edge_lists().touched(enterprise_id, edge_id)
            # only the edge's own choice is unset: an edge on the enterprise default answers rows 0
            vco.client.v1.unset_edge_operator_configuration(
                enterprise, vco.ids.edge(enterprise, edge_id), running[0]
            )


def _image_named(vco: Connection, enterprise: VcoId, name: str, label: str) -> OperatorProfile:
    images = vco.client.v1.get_enterprise_specific_operator_configurations(enterprise)
    for image in images:
        if image.name == name:
            return image
    names = ", ".join(repr(i.name) for i in images) or "none"
    raise VcoResourceError(
        f"{label}: software_image {name!r} is not assigned to the enterprise; assigned images: {names}"
    )


def _logical_id_of(vco: Connection, enterprise_id: LogicalId, image_id: VcoId) -> str | None:
    images = vco.client.v1.get_enterprise_specific_operator_configurations(vco.ids.enterprise(enterprise_id))
    return next((i.logical_id for i in images if i.id == image_id), None)


def _running(vco: Connection, enterprise_id: LogicalId, edge_id: LogicalId) -> tuple[VcoId, str] | None:
    """The numeric id and name of the operator profile the edge runs; None when the edge is gone."""
    listed = edge_lists().find(enterprise_id, edge_id)
    item = listed.item if listed is not None else None
    if item is None:  # changed by this run, or not listed: the enterprise's edges now
        enterprise = vco.ids.enterprise(enterprise_id)
        item = next(
            (e for e in vco.client.v1.get_enterprise_edges_detailed(enterprise) if e.logical_id == edge_id),
            None,
        )
    operator = item.profiles.operator if item is not None and item.profiles is not None else None
    if item is None:
        return None
    if operator is None or operator.name is None:
        raise VcoResourceError(
            f'EdgeSoftwareImage "{edge_id}": the Orchestrator does not show which software image '
            "the edge runs (no configuration.operator in enterprise/getEnterpriseEdges)"
        )
    return operator.id, operator.name


class EdgeSoftwareImage(VcoResource[EdgeSoftwareImageArgs], provider=EdgeSoftwareImageProvider):
    """The software image (operator profile) an edge runs instead of its enterprise's default."""

    software_image: pulumi.Output[str]
    operator_profile_id: pulumi.Output[str | None]
