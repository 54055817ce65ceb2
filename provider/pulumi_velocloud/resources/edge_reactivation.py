"""`EdgeReactivation`: an RMA of an edge: a replacement device takes over the edge's identity.

Create writes the replacement's serial number on the edge (v2 `updateEdge` JSON Patch, when it
differs) and asks for reactivation once (v1 `edge/edgeRequestReactivation`): the edge goes to
REACTIVATION_PENDING and the answer's new activation key is a secret output, written into the
state right then (a second request would issue yet another key, so nothing repeats it: later runs
only read). Read is the edge's activation state and serial number (the run's edge list, else v1
`edge/getEdge`); a serial number changed by hand is drift and replaces the reactivation (a new
request for the device now named). Delete cancels the request (v1 `edge/edgeCancelReactivation`)
only while it is still pending with this resource's key; a completed reactivation is history and
stays. The edge keeps its logicalId, profile and settings throughout.

Decided, and a guess where the spec is silent: a replacement of another model cannot be expressed
(neither API changes `modelNumber`), so `model_number`, when given, must be the edge's model or
the create fails before anything is written. An edge that never activated is refused by the
Orchestrator (it has its key already). Not implemented: telling a cancelled request from a
completed one after the fact (both read ACTIVATED); adopting another client's pending request
reads its key from the edge (`adopt=True`).
"""

from __future__ import annotations

import contextlib
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field

from ..client.errors import NotFound
from ..context import Connection, connect
from ..ids import LogicalId, logical_id
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
from .edge import ModelNumber, edge_lists

PENDING = "REACTIVATION_PENDING"


class EdgeReactivationArgs(ResourceArgs):
    """The inputs of an `EdgeReactivation`."""

    enterprise_id: EnterpriseId
    edge_id: LogicalId = Field(
        min_length=1, description="logicalId of the edge being replaced (an Edge's id)."
    )
    serial_number: str = Field(
        min_length=1, max_length=255, description="Serial number of the replacement device."
    )
    model_number: ModelNumber | None = Field(
        None, description="Model of the replacement device; must be the edge's model (checked on create)."
    )


class EdgeReactivationOutputs(BaseModel):
    edge_id: str = Field(description="The edge logicalId.")
    enterprise_id: str
    serial_number: str
    model_number: str | None = None
    activation_key: str = Field(description="The key the replacement device activates with (secret).")
    activation_key_expires: str | None = Field(None, description="When that key expires.")
    activation_state: str | None = Field(None, description="REACTIVATION_PENDING until the device activates.")


SPEC = register(
    ResourceSpec(
        name="EdgeReactivation",
        summary="A reactivation (RMA) of an edge for a replacement device; the new activation key is secret.",
        args=EdgeReactivationArgs,
        outputs=EdgeReactivationOutputs,
        natural_key=("enterprise_id", "edge_id"),
        replace_on_change=frozenset({"enterprise_id", "edge_id", "serial_number", "model_number"}),
        secret_outputs=frozenset({"activation_key"}),
        delete_before_replace=True,  # one pending reactivation per edge
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "edge_id": EXAMPLE_EDGE_ID,
            "serial_number": "VC0600000099",
        },
        example=(
            "rma = velocloud.EdgeReactivation(\n"
            '    "nyc-01-rma",\n'
            "    enterprise_id=acme.id,\n"
            "    edge_id=nyc.id,\n"
            '    serial_number="VC0600000099",  # the replacement device\n'
            ")\n"
            'pulumi.export("rma_key", rma.activation_key)  # a secret output'
        ),
        notes=(
            "Requested once, on create; later runs read the state and never ask again.",
            "Set the Edge's `serial_number` to the replacement's too (or leave it unset).",
            "Destroying it cancels the request while it is still pending.",
        ),
    )
)


class EdgeReactivationProvider(VcoProvider):
    spec = SPEC

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: EdgeReactivationArgs = self.args(props)
        label = self.label_for(props)
        vco = connect()
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            edge = vco.client.v1.get_edge_by_logical_id(enterprise, args.edge_id)
            if args.model_number is not None and args.model_number != edge.model_number:
                raise VcoResourceError(
                    f"{label}: model_number {args.model_number!r} differs from the edge's model "
                    f"{edge.model_number!r}; the API cannot change an edge's model (replace the Edge instead)"
                )
            if edge.activation_state == PENDING and not args.adopt:
                raise VcoResourceError(
                    f"{label}: the edge already has a pending reactivation that this stack did not request; "
                    "set adopt=True to take it over, or cancel it in the Orchestrator"
                )
            edge_lists().touched(args.enterprise_id, args.edge_id)
            if edge.serial_number != args.serial_number:
                patch = [{"op": "replace", "path": "/serialNumber", "value": args.serial_number}]
                vco.client.v2.update_edge(args.enterprise_id, args.edge_id, patch)
            if edge.activation_state == PENDING:  # adopted: the pending request's key is on the edge
                key, expires = edge.activation_key or "", None
            else:
                answer = vco.client.v1.edge_request_reactivation(enterprise, edge.id)
                key, expires = answer.activation_key, answer.activation_key_expires
        outs = {
            "edge_id": args.edge_id,
            "enterprise_id": args.enterprise_id,
            "serial_number": args.serial_number,
            "model_number": args.model_number,
            "activation_key": key,
            "activation_key_expires": expires,
            "activation_state": PENDING,
        }
        return CreateResult(f"{args.edge_id}/reactivation", outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        with vco_errors(self.label_for(props, id_)):
            current = _edge_now(vco, logical_id(props["enterprise_id"]), logical_id(props["edge_id"]))
        if current is None:
            return ReadResult(None, {})
        serial, model, state = current
        outs = {**props, "serial_number": serial, "activation_state": state}
        if props.get("model_number") is not None:
            outs["model_number"] = model
        return ReadResult(id_, {k: outs.get(k) for k in self.spec.outputs.model_fields})

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        """Every input replaces; only `adopt` can differ."""
        return UpdateResult({k: olds.get(k) for k in self.spec.outputs.model_fields})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        vco = connect()
        enterprise_id, edge_id = logical_id(props["enterprise_id"]), logical_id(props["edge_id"])
        with vco_errors(self.label_for(props, id_)), contextlib.suppress(NotFound):
            enterprise = vco.ids.enterprise(enterprise_id)
            edge = vco.client.v1.get_edge_by_logical_id(enterprise, edge_id)
            if edge.activation_state == PENDING and edge.activation_key == props.get("activation_key"):
                edge_lists().touched(enterprise_id, edge_id)
                vco.client.v1.edge_cancel_reactivation(enterprise, edge.id)


def _edge_now(
    vco: Connection, enterprise_id: LogicalId, edge_id: LogicalId
) -> tuple[str | None, str | None, str | None] | None:
    """The edge's serial number, model and activation state now; None when the edge is gone."""
    listed = edge_lists().find(enterprise_id, edge_id)
    if listed is not None and listed.item is not None:
        item = listed.item
        return item.serial_number, item.model_number, item.activation_state
    try:
        edge = vco.client.v1.get_edge_by_logical_id(vco.ids.enterprise(enterprise_id), edge_id)
    except NotFound:
        return None
    return edge.serial_number, edge.model_number, edge.activation_state


class EdgeReactivation(VcoResource[EdgeReactivationArgs], provider=EdgeReactivationProvider):
    """A reactivation (RMA) of an edge. `activation_key` is a secret output."""

    activation_key: pulumi.Output[str]
    activation_key_expires: pulumi.Output[str | None]
    activation_state: pulumi.Output[str | None]
