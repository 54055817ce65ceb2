"""Edge clusters (v1 `enterprise/insertEnterpriseEdgeCluster`, `updateEnterpriseEdgeCluster`) and
their use as VPN hubs of a profile (`enterprise/enableClusterForEdgeHub` / `disableClusterForEdgeHub`).

A cluster is an enterprise service of type `edgeHubCluster` (or `edgeBranchCluster`), read with
`enterprise/getEnterpriseServices` and deleted with `deleteEnterpriseService`, as real clients do
(docs/evidence.md, "Hub clusters"). Each member edge is a service of type `edgeHubClusterMember`
with its `edgeId` and the cluster's id as `parentGroupId` (the member link is a guess).

Enforced: a name (1-255 characters) unique among the enterprise's clusters of that type (a
duplicate answers -32603 "duplicate edge cluster name [<name>]", as a VCO's own API test suite
expects); an edge in at most one cluster (a guess); the `data` document's fields typed as the spec
types them. As that test suite expects, edge ids that are not the enterprise's edges (`edges`,
`addEdges`) and non-members in `deleteEdges` are ignored, not refused: clients must read the
members back. `description` is accepted on insert and in `_update` (that suite sends it; the 5.1
spec does not list it).
Enabling a cluster as a hub records a reference in the profile's `deviceSettings` module `refs`
under `deviceSettings:vpn:edgeHubCluster` (the shape real profile-sync code copies between
Orchestrators); disabling removes it; a cluster so referenced cannot be deleted.

Not implemented: the maximum cluster size, HA edges refused as members, `autoRebalance`
behaviour, back-haul / edge-to-edge-bridge roles (always false), the hub list inside the
module document (`segments[].vpn`: device settings write it).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..store import Record, Tx
from . import async_operations, enterprise_services, enterprises, kinds, profile_rules, segments
from .auth import Principal
from .errors import DataConflict, FieldError, InvalidRequest, NameNotUnique, NotFound
from .validation import StrictModel, parse

CLUSTER_TYPES = ("edgeHubCluster", "edgeBranchCluster")
MEMBER_TYPE = "edgeHubClusterMember"
HUB_REF = "deviceSettings:vpn:edgeHubCluster"


class RouteSummary(StrictModel):
    prefix: str | None = None
    prefixLength: int | None = Field(None, ge=0, le=128)
    segmentLogicalId: str | None = None
    cost: int | None = None


class ClusterData(StrictModel):
    autoRebalance: bool | None = None
    routeSummaryV4: list[RouteSummary] | None = None
    routeSummaryV6: list[RouteSummary] | None = None


class NewCluster(StrictModel):
    enterpriseId: int | None = None
    name: str
    description: str | None = None
    type: Literal["edgeHubCluster", "edgeBranchCluster"] = "edgeHubCluster"
    data: ClusterData | None = None
    edges: list[int] = Field(default_factory=list)


class ClusterUpdate(StrictModel):
    name: str | None = None
    description: str | None = None
    data: ClusterData | None = None


class UpdateCluster(StrictModel):
    enterpriseId: int | None = None
    id: int
    type: Literal["edgeHubCluster", "edgeBranchCluster"] | None = None
    update: ClusterUpdate | None = Field(None, alias="_update")
    addEdges: list[int] = Field(default_factory=list)
    deleteEdges: list[int] = Field(default_factory=list)


class HubChange(StrictModel):
    """`enterprise/enableClusterForEdgeHub` / `disableClusterForEdgeHub` params."""

    enterpriseId: int | None = None
    id: int
    configurationId: int
    moduleId: int
    segmentObjectId: int | None = None


def _document(data: ClusterData | None) -> dict[str, Any]:
    document = {"autoRebalance": False, "routeSummaryV4": [], "routeSummaryV6": []}
    if data is not None:
        document.update(data.model_dump(exclude_unset=True, exclude_none=True))
    return document


def get_cluster(tx: Tx, principal: Principal, enterprise_id: int | None, id: int) -> Record:
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    cluster = tx.get(kinds.ENTERPRISE_SERVICE, id=id)
    if (
        cluster is None
        or cluster.enterprise_id != enterprise.id
        or cluster.data.get("type") not in CLUSTER_TYPES
    ):
        raise NotFound(f"edge cluster {id} not found in enterprise {enterprise.id}")
    return cluster


def members(tx: Tx, cluster: Record) -> list[Record]:
    """The cluster's member services in id order."""
    return [
        m
        for m in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=cluster.enterprise_id)
        if m.data.get("type") == MEMBER_TYPE and m.data.get("parentGroupId") == cluster.id
    ]


def insert_cluster(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(NewCluster, params, what="enterprise/insertEnterpriseEdgeCluster params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    name = enterprise_services.valid_name(req.name)
    _require_unique_name(tx, enterprise.id, req.type, name, except_id=None)
    cluster = tx.insert(
        kinds.ENTERPRISE_SERVICE,
        name,
        {
            "type": req.type,
            "description": req.description,
            "data": _document(req.data),
            "edgeId": None,
            "parentGroupId": None,
            "alertsEnabled": 1,
            "operatorAlertsEnabled": 1,
        },
        enterprise_id=enterprise.id,
    )
    _add_members(tx, cluster, req.edges)
    return cluster


def update_cluster(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(UpdateCluster, params, what="enterprise/updateEnterpriseEdgeCluster params")
    cluster = get_cluster(tx, principal, req.enterpriseId, req.id)
    data, name = dict(cluster.data), cluster.name
    assert cluster.enterprise_id is not None
    if req.type is not None and req.type != data["type"]:
        raise InvalidRequest(
            f"type cannot change: edge cluster {cluster.name!r} is a {data['type']}",
            [FieldError("type", f"must stay {data['type']}")],
        )
    if req.update is not None:
        if req.update.name is not None and req.update.name != cluster.name:
            name = enterprise_services.valid_name(req.update.name)
            _require_unique_name(tx, cluster.enterprise_id, str(data["type"]), name, except_id=cluster.id)
        if "description" in req.update.model_fields_set:
            data["description"] = req.update.description
        if req.update.data is not None:
            data["data"] = {
                **data["data"],
                **req.update.data.model_dump(exclude_unset=True, exclude_none=True),
            }
    cluster = tx.update(cluster, name, data)
    current = {int(m.data["edgeId"]): m for m in members(tx, cluster)}
    for edge_id in req.deleteEdges:
        if edge_id in current:  # a non-member is ignored, as the real one does
            tx.delete(current.pop(edge_id))
    _add_members(tx, cluster, req.addEdges)
    return cluster


def _require_unique_name(tx: Tx, enterprise_id: int, type: str, name: str, *, except_id: int | None) -> None:
    try:
        enterprise_services.require_unique_name(tx, enterprise_id, type, name, except_id=except_id)
    except DataConflict:
        raise NameNotUnique(f"duplicate edge cluster name [{name}]") from None


def _add_members(tx: Tx, cluster: Record, edge_ids: list[int]) -> None:
    """Add the enterprise's edges among `edge_ids` (others are ignored) not yet members."""
    assert cluster.enterprise_id is not None
    taken = {
        int(m.data["edgeId"]): m
        for m in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=cluster.enterprise_id)
        if m.data.get("type") == MEMBER_TYPE
    }
    for edge_id in edge_ids:
        edge = tx.get(kinds.EDGE, id=edge_id)
        if edge is None or edge.enterprise_id != cluster.enterprise_id:
            continue
        other = taken.get(edge_id)
        if other is not None and other.data.get("parentGroupId") == cluster.id:
            continue
        if other is not None:
            owner = tx.get(kinds.ENTERPRISE_SERVICE, id=int(other.data["parentGroupId"]))
            raise DataConflict(
                f"edge {edge.name!r} (id {edge_id}) is already a member of edge cluster "
                f"{owner.name if owner else other.data['parentGroupId']!r}"
            )
        taken[edge_id] = tx.insert(
            kinds.ENTERPRISE_SERVICE,
            edge.name,
            {
                "type": MEMBER_TYPE,
                "description": None,
                "data": {},
                "edgeId": edge_id,
                "parentGroupId": cluster.id,
                "alertsEnabled": 1,
                "operatorAlertsEnabled": 1,
            },
            enterprise_id=cluster.enterprise_id,
        )


def set_hub(tx: Tx, principal: Principal, params: Any, *, enable: bool) -> Record:
    """Record (or remove) the cluster as a VPN hub of a profile's segment in its module's refs."""
    principal.require_write()
    what = "enterprise/" + ("enable" if enable else "disable") + "ClusterForEdgeHub params"
    req = parse(HubChange, params, what=what)
    cluster = get_cluster(tx, principal, req.enterpriseId, req.id)
    assert cluster.enterprise_id is not None
    profile = profile_rules.get_profile(tx, principal, req.configurationId, cluster.enterprise_id)
    async_operations.settle(tx)
    module = profile_rules.get_module(tx, principal, req.moduleId, cluster.enterprise_id)
    if module.data.get("configurationId") != profile.id or module.name != "deviceSettings":
        raise InvalidRequest(
            f"moduleId {req.moduleId} is not the deviceSettings module of configuration {profile.id}",
            [FieldError("moduleId", "the profile's deviceSettings module id")],
        )
    segment = _segment(tx, principal, cluster.enterprise_id, req.segmentObjectId)
    refs = dict(module.data.get("refs") or {})
    existing = refs.get(HUB_REF) or []
    entries = [existing] if isinstance(existing, dict) else list(existing)
    kept = [
        r
        for r in entries
        if not (r.get("logicalId") == cluster.logical_id and r.get("segmentObjectId") == segment.id)
    ]
    if enable and len(kept) == len(entries):
        kept.append(
            {
                "enterpriseObjectId": cluster.id,
                "segmentObjectId": segment.id,
                "segmentLogicalId": segment.logical_id,
                "ref": HUB_REF,
                "logicalId": cluster.logical_id,
                "configurationId": profile.id,
                "moduleId": module.id,
                "data": {
                    str(profile.id): {
                        str(segment.data["segmentId"]): {
                            "roles": {"edgeHub": True, "backHaulEdge": False, "edgeToEdgeBridge": False}
                        }
                    }
                },
            }
        )
    elif enable:
        kept = entries  # already a hub of this segment: nothing changes
    if kept:
        refs[HUB_REF] = kept
    else:
        refs.pop(HUB_REF, None)
    tx.update(module, module.name, {**module.data, "refs": refs})
    return cluster


def _segment(tx: Tx, principal: Principal, enterprise_id: int, segment_object_id: int | None) -> Record:
    if segment_object_id is None:
        found = [s for s in segments.list_segments(tx, principal, enterprise_id) if s.data["segmentId"] == 0]
        if found:
            return found[0]
    else:
        segment = segments.find_segment(tx, principal, enterprise_id, segment_object_id)
        if segment is not None:
            return segment
    raise InvalidRequest(
        f"segmentObjectId {segment_object_id} is not a segment of enterprise {enterprise_id}",
        [FieldError("segmentObjectId", "the id of one of the enterprise's network segments")],
    )
