"""v1 edge-cluster methods: `enterprise/insertEnterpriseEdgeCluster`, `updateEnterpriseEdgeCluster`,
`enableClusterForEdgeHub`, `disableClusterForEdgeHub`; each answers the cluster as the spec's
`enterprise_object_base` (its document in `data`). Clusters are listed and deleted through the
enterprise-service methods (`enterprise_service.py`). Not implemented: see domain/edge_clusters.py.
"""

from __future__ import annotations

from typing import Any

from ..domain import edge_clusters
from ..domain.auth import Principal
from ..store import Tx
from .enterprise_service import service_object
from .rpc import method


@method("enterprise/insertEnterpriseEdgeCluster")
def insert_enterprise_edge_cluster(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return service_object(edge_clusters.insert_cluster(tx, principal, params))


@method("enterprise/updateEnterpriseEdgeCluster")
def update_enterprise_edge_cluster(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return service_object(edge_clusters.update_cluster(tx, principal, params))


@method("enterprise/enableClusterForEdgeHub")
def enable_cluster_for_edge_hub(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return service_object(edge_clusters.set_hub(tx, principal, params, enable=True))


@method("enterprise/disableClusterForEdgeHub")
def disable_cluster_for_edge_hub(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return service_object(edge_clusters.set_hub(tx, principal, params, enable=False))
