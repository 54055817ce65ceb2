"""v1 edge lifecycle methods: reactivation, local UI credentials, bastion state, analytics,
client visibility (edge/edgeRequestReactivation, edgeCancelReactivation, updateEdgeAdminPassword,
updateEdgeCredentialsByConfiguration, setEdgeBastionState, getClientVisibilityMode,
updateAnalyticsSettingsForEdges; enterprise/setEnterpriseBastionState, getAnalyticsConfiguration,
insertOrUpdateAnalyticsConfiguration). The rules are in `domain/edge_lifecycle.py`.

`revokeCertificate`, which a VMware RMA sample sends (not in the spec), is accepted and ignored
(no certificates are emulated). A request that changes nothing (cancelling a reactivation that
is not pending) answers 200 with `{"rows": 0, "error"}`, as v1 updates do. Not implemented:
`getClientVisibilityMode` always answers the edge's stored mode (MAC; nothing here sets it).
"""

from __future__ import annotations

from typing import Any

from ..domain import edge_lifecycle, edges, enterprises, profile_rules
from ..domain.auth import Principal
from ..domain.validation import StrictModel, parse
from ..store import Tx
from .objects import missed, written
from .rpc import method


class _EdgeRef(StrictModel):
    enterpriseId: int | None = None
    edgeId: int


class _RequestReactivation(_EdgeRef):
    # undocumented, sent by a VMware RMA sample (docs/evidence.md "Edge lifecycle"); ignored
    revokeCertificate: bool | None = None


class _AdminPassword(StrictModel):
    id: int
    username: str | None = None
    password: str


class _CredentialsByProfile(StrictModel):
    configurationId: int
    credentials: dict[str, Any]


class _EdgeBastion(_EdgeRef):
    bastionState: edge_lifecycle.EdgeBastionState


class _EnterpriseBastion(StrictModel):
    enterpriseId: int
    configurationId: int | None = None
    bastionState: edge_lifecycle.EnterpriseBastionState


class _EdgeVisibility(StrictModel):
    enterpriseId: int | None = None
    edgeId: int


class _EdgesAnalytics(StrictModel):
    enterpriseId: int | None = None
    edgeId: list[int]
    configData: dict[str, Any] | None = None


class _EnterpriseRef(StrictModel):
    enterpriseId: int | None = None


class _AnalyticsConfiguration(StrictModel):
    enterpriseId: int
    analyticsCapability: Any = None
    analyticsEdgeLimit: Any = None
    analyticsSelfHealing: Any = None


@method("edge/edgeRequestReactivation")
def edge_request_reactivation(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_RequestReactivation, params, what="edge/edgeRequestReactivation params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    edge = edge_lifecycle.request_reactivation(tx, principal, edge)
    return {
        "activationKey": edge.data["activationKey"],
        "activationKeyExpires": edge.data["activationKeyExpires"],
    }


@method("edge/edgeCancelReactivation")
def edge_cancel_reactivation(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EdgeRef, params, what="edge/edgeCancelReactivation params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    if not edge_lifecycle.cancel_reactivation(tx, principal, edge):
        return missed(f"edge {edge.id} has no pending reactivation")
    return written()


@method("edge/updateEdgeAdminPassword")
def update_edge_admin_password(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_AdminPassword, params, what="edge/updateEdgeAdminPassword params")
    edge = edges.get_edge(tx, principal, id=req.id)
    creds = req.model_dump(include={"username", "password"}, exclude_none=True)
    return {"id": str(edge_lifecycle.update_admin_password(tx, principal, edge, creds))}


@method("edge/updateEdgeCredentialsByConfiguration")
def update_edge_credentials_by_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(_CredentialsByProfile, params, what="edge/updateEdgeCredentialsByConfiguration params")
    profile = profile_rules.get_profile(tx, principal, req.configurationId)
    return {
        "actionIds": edge_lifecycle.update_credentials_by_profile(tx, principal, profile, req.credentials)
    }


@method("edge/setEdgeBastionState")
def set_edge_bastion_state(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EdgeBastion, params, what="edge/setEdgeBastionState params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    edge_lifecycle.set_edge_bastion_state(tx, principal, edge, req.bastionState)
    return written()


@method("enterprise/setEnterpriseBastionState")
def set_enterprise_bastion_state(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EnterpriseBastion, params, what="enterprise/setEnterpriseBastionState params")
    edge_lifecycle.set_enterprise_bastion_state(tx, principal, req.enterpriseId, req.bastionState)
    return written()


@method("edge/getClientVisibilityMode")
def get_client_visibility_mode(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EdgeVisibility, params, what="edge/getClientVisibilityMode params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    return {"edgeClientVisibilityMode": edge.data.get("clientVisibilityMode") or "MAC"}


@method("edge/updateAnalyticsSettingsForEdges")
def update_analytics_settings_for_edges(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(_EdgesAnalytics, params, what="edge/updateAnalyticsSettingsForEdges params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    rows = edge_lifecycle.update_edges_analytics(tx, principal, enterprise, req.edgeId, req.configData)
    return {"rows": rows}


@method("enterprise/getAnalyticsConfiguration")
def get_analytics_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EnterpriseRef, params, what="enterprise/getAnalyticsConfiguration params")
    return edge_lifecycle.analytics_configuration(
        enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    )


@method("enterprise/insertOrUpdateAnalyticsConfiguration")
def insert_or_update_analytics_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(
        _AnalyticsConfiguration, params, what="enterprise/insertOrUpdateAnalyticsConfiguration params"
    )
    changes = req.model_dump(exclude={"enterpriseId"}, exclude_none=True)
    enterprise = edge_lifecycle.set_analytics_configuration(tx, principal, req.enterpriseId, changes)
    return written(enterprise.id)
