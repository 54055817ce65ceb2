"""`HubCluster`: edges grouped as one VPN hub (an edge cluster of type `edgeHubCluster`), its members
given by edge logicalIds (`Edge` ids).

Create is `enterprise/insertEnterpriseEdgeCluster` with the member edges' numeric ids, read
`getEnterpriseServices` (the cluster: type `edgeHubCluster`; its members: type
`edgeHubClusterMember`, linked by `parentGroupId`), update `updateEnterpriseEdgeCluster` (`_update`
name/data, `addEdges`, `deleteEdges` from the members read afresh), delete
`deleteEnterpriseService`. The natural key is the name among the enterprise's hub clusters.

Fail safe: the real Orchestrator ignores edge ids it does not accept (a VCO's own API tests expect
that, docs/evidence.md "Hub clusters"), so the members are read back after every write; a create
whose members did not all join deletes the cluster it made and fails naming the edges, an update
fails naming them. Its `vpn_hub` output is the `{logicalId, name, type: edgeHubCluster}` entry a
profile's `segments[].vpn` hub list takes (the v2 `DeviceSettingsVPNHub`).

Not implemented: branch clusters (`edgeBranchCluster`), route summaries, enabling the cluster as
a hub of a profile (device settings do that), cluster status (v1 monitoring).
"""

from __future__ import annotations

import contextlib
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
from ..mechanisms.enterprise_object import EnterpriseObjectProvider, object_outputs
from ..mechanisms.enterprise_service import name_taken, service_by_id, service_named
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.spec import (
    EXAMPLE_EDGE_ID,
    EXAMPLE_ENTERPRISE_ID,
    EnterpriseId,
    ResourceArgs,
    ResourceSpec,
    register,
)
from ..models.enterprise_service import EnterpriseServiceV1

CLUSTER_TYPE = "edgeHubCluster"
MEMBER_TYPE = "edgeHubClusterMember"


class HubClusterArgs(ResourceArgs):
    """The inputs of a `HubCluster`."""

    enterprise_id: EnterpriseId
    name: str = Field(
        min_length=1, max_length=255, description="Cluster name, unique among the enterprise's."
    )
    edge_ids: list[LogicalId] = Field(
        [], description="logicalIds of the member edges (`Edge` ids); order does not matter."
    )
    auto_rebalance: bool = Field(
        False, description="Whether the Orchestrator rebalances branches across hubs."
    )


class HubClusterOutputs(BaseModel):
    logical_id: str = Field(description="The cluster's logicalId (also the Pulumi id).")
    vco_id: int = Field(description="The cluster's numeric id (an enterprise service id) in the v1 API.")
    enterprise_id: str
    enterprise_vco_id: int
    name: str
    edge_ids: list[str]
    auto_rebalance: bool | None = None
    vpn_hub: dict[str, Any] = Field(
        description="The entry a profile's VPN hub list takes: {logicalId, name, type: edgeHubCluster}."
    )


SPEC = register(
    ResourceSpec(
        name="HubCluster",
        summary="Edges clustered as one VPN hub (an edge hub cluster).",
        args=HubClusterArgs,
        outputs=HubClusterOutputs,
        natural_key=("enterprise_id", "name"),
        replace_on_change=frozenset({"enterprise_id"}),
        fixture={"enterprise_id": EXAMPLE_ENTERPRISE_ID, "name": "DC Hubs", "edge_ids": [EXAMPLE_EDGE_ID]},
        example=(
            "hubs = velocloud.HubCluster(\n"
            '    "dc-hubs",\n'
            "    enterprise_id=acme.id,\n"
            '    name="DC Hubs",\n'
            "    edge_ids=[hub1.id, hub2.id],\n"
            ")"
        ),
        notes=(
            "Profiles use it as a VPN hub through their device settings: `vpn_hub` (or its id, the "
            "logicalId) goes into a segment's hub list.",
            "Members are read back after every write: an edge the Orchestrator did not take fails the "
            "resource, naming it.",
        ),
    )
)


class HubClusterProvider(EnterpriseObjectProvider):
    spec = SPEC

    def normalise(self, field: str, value: Any) -> Any:
        if field == "edge_ids":
            return sorted(str(v) for v in value or [])
        return super().normalise(field, value)

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: HubClusterArgs = self.args(props)
        label = self.label_for(props)
        vco = connect()
        client = vco.client
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            existing = service_named(client, enterprise, CLUSTER_TYPE, args.name)
            if existing is not None and not args.adopt:
                raise name_taken(label, "hub cluster", existing)
            if existing is None:
                members = [vco.ids.edge(enterprise, e) for e in args.edge_ids]
                body = {"name": args.name, "data": {"autoRebalance": args.auto_rebalance}, "edges": members}
                cluster_id = client.v1.insert_enterprise_edge_cluster(enterprise, body)
                outs = _outputs(vco, args.enterprise_id, enterprise, _get(client, enterprise, cluster_id))
                missing = _missing(args.edge_ids, outs["edge_ids"])
                if missing:  # nothing half-written: the cluster we just made goes again
                    with contextlib.suppress(NotFound):
                        client.v1.delete_enterprise_service(enterprise, cluster_id)
                    raise _not_joined(label, missing)
            else:
                olds = _outputs(vco, args.enterprise_id, enterprise, existing)
                outs = self.apply(vco, olds, props) or olds
        return CreateResult(outs["logical_id"], outs)

    def apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        args: HubClusterArgs = self.args(news)
        changed = [f for f in self.changed_fields(olds, news) if f != "enterprise_id"]
        if not changed:
            return None
        enterprise, cluster_id = vco_id(olds["enterprise_vco_id"]), vco_id(olds["vco_id"])
        client = vco.client
        current = _outputs(
            vco, logical_id(olds["enterprise_id"]), enterprise, _get(client, enterprise, cluster_id)
        )
        wanted = {vco.ids.edge(enterprise, e): e for e in args.edge_ids}
        have = {vco.ids.edge(enterprise, LogicalId(e)): e for e in current["edge_ids"]}
        params: dict[str, Any] = {
            "_update": {"name": args.name, "data": {"autoRebalance": args.auto_rebalance}},
            "addEdges": sorted(set(wanted) - set(have)),
            "deleteEdges": sorted(set(have) - set(wanted)),
        }
        client.v1.update_enterprise_edge_cluster(enterprise, cluster_id, params)
        outs = _outputs(
            vco, logical_id(olds["enterprise_id"]), enterprise, _get(client, enterprise, cluster_id)
        )
        missing = _missing(args.edge_ids, outs["edge_ids"])
        if missing:
            raise _not_joined(self.label_for(news), missing)
        return outs

    def fetch(self, vco: Connection, enterprise: VcoId, numeric: VcoId) -> EnterpriseServiceV1:
        return _get(vco.client, enterprise, numeric)

    def read_outputs(
        self, vco: Connection, state: Mapping[str, Any], enterprise: VcoId, current: EnterpriseServiceV1
    ) -> dict[str, Any]:
        return _outputs(vco, logical_id(state["enterprise_id"]), enterprise, current)

    def remove(self, client: VcoClient, enterprise: VcoId, numeric: VcoId) -> None:
        client.v1.delete_enterprise_service(enterprise, numeric)


class HubCluster(VcoResource[HubClusterArgs], provider=HubClusterProvider):
    """An edge hub cluster. Its Pulumi id is the cluster's `logicalId`, the id a VPN hub list takes."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    edge_ids: pulumi.Output[list[str]]
    auto_rebalance: pulumi.Output[bool]
    vpn_hub: pulumi.Output[dict[str, Any]]


def _outputs(
    vco: Connection, enterprise_id: LogicalId, enterprise: VcoId, cluster: EnterpriseServiceV1
) -> dict[str, Any]:
    services = vco.client.v1.get_enterprise_services(enterprise, type=MEMBER_TYPE)
    member_ids = {s.edge_id for s in services if s.parent_group_id == cluster.id and s.edge_id is not None}
    edges = {e.id: e.logical_id for e in vco.client.v1.get_enterprise_edges(enterprise)}
    return {
        **object_outputs(cluster, enterprise_id, enterprise),
        "name": cluster.name,
        "edge_ids": sorted(str(edges.get(i, i)) for i in member_ids),
        "auto_rebalance": (cluster.data or {}).get("autoRebalance"),
        "vpn_hub": {"logicalId": cluster.logical_id, "name": cluster.name, "type": CLUSTER_TYPE},
    }


def _missing(wanted: list[LogicalId], members: list[str]) -> list[str]:
    return sorted(set(map(str, wanted)) - set(members))


def _not_joined(label: str, missing: list[str]) -> VcoResourceError:
    return VcoResourceError(
        f"{label}: edge_ids: the Orchestrator did not take edge(s) {', '.join(missing)} into the cluster "
        "(an edge already in another cluster, or one it does not accept as a hub); nothing was left changed"
        " on create; fix the edge list"
    )


def _get(client: VcoClient, enterprise: VcoId, numeric: VcoId) -> EnterpriseServiceV1:
    return service_by_id(client, enterprise, CLUSTER_TYPE, numeric, "hub cluster")
