"""v1 software-image methods: the operator profiles an enterprise and its edges run.

enterprise/getEnterpriseSpecificOperatorConfigurations, getEnterpriseDefaultOperatorConfiguration,
setDefaultEnterpriseOperatorConfiguration, setEnterpriseOperatorConfiguration,
addEnterpriseOperatorConfiguration, assignEnterpriseOperatorConfigurations,
updateEdgeImageManagement, updateEdgeImageManagementForEnterprises;
configuration/removeOperatorConfigurationAssocFromEnterprises; edge/setEdgeOperatorConfiguration,
unsetEdgeOperatorConfiguration. The rules are in `domain/software_images.py`.

`setEdgeOperatorConfiguration` answers `{"rows": 1}` without an id, as a VMware upgrade sample
expects (docs/evidence.md "Edge lifecycle"); `networkId`, which that sample also sends, is accepted and
ignored (one network). `withModules` adds `modules: []` (operator profiles carry no module rows
here); `setDefaultEnterpriseOperatorConfiguration`'s result items are guessed as one
`{id, rows}` for the enterprise (the spec's result item has no documented fields).
"""

from __future__ import annotations

from typing import Any

from ..domain import edges, enterprises, software_images
from ..domain.auth import Principal
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .objects import missed, profile_summary, written
from .rpc import method


class _Enterprise(StrictModel):
    enterpriseId: int | None = None


class _SpecificConfigurations(StrictModel):
    enterpriseId: int
    withModules: bool | None = None
    withEdgeCount: bool | None = None


class _EnterpriseProfile(StrictModel):
    enterpriseId: int | None = None
    configurationId: int
    networkId: int | None = None


class _AddProfile(StrictModel):
    configurationId: int
    enterpriseIds: list[int]


class _AssignProfiles(StrictModel):
    enterpriseId: int | None = None
    configurationIds: list[int]


class _RemoveProfile(StrictModel):
    configurationId: int


class _EdgeProfile(StrictModel):
    edgeId: int
    enterpriseId: int | None = None
    configurationId: int
    networkId: int | None = None


class _ImageManagement(StrictModel):
    enterpriseId: int
    edgeImageManagement: bool


class _ImageManagementMany(StrictModel):
    enterpriseIds: list[int]
    edgeImageManagement: bool


def _assignment(
    tx: Tx, enterprise: Record, profile: Record, default: Record | None
) -> tuple[Record, dict[str, Any]]:
    enterprise, association = software_images.association_id(tx, enterprise, profile)
    is_default = default is not None and default.id == profile.id
    return enterprise, {
        **profile_summary(profile),
        "configurationAssociationId": association,
        "isTemplate": is_default,
    }


@method("enterprise/getEnterpriseSpecificOperatorConfigurations")
def get_enterprise_specific_operator_configurations(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(
        _SpecificConfigurations, params, what="enterprise/getEnterpriseSpecificOperatorConfigurations params"
    )
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    default = software_images.default_profile(tx, enterprise)
    result = []
    for profile in software_images.assigned(tx, enterprise):
        enterprise, item = _assignment(tx, enterprise, profile, default)
        item["isTemplate"] = int(item["isTemplate"])
        if req.withModules:
            item["modules"] = []
        if req.withEdgeCount:
            item["edgeCount"] = len(software_images.edges_running(tx, enterprise, profile))
        result.append(item)
    return result


@method("enterprise/getEnterpriseDefaultOperatorConfiguration")
def get_enterprise_default_operator_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(_Enterprise, params, what="enterprise/getEnterpriseDefaultOperatorConfiguration params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    default = software_images.default_profile(tx, enterprise)
    return {} if default is None else profile_summary(default)


@method("enterprise/setDefaultEnterpriseOperatorConfiguration")
def set_default_enterprise_operator_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(
        _EnterpriseProfile, params, what="enterprise/setDefaultEnterpriseOperatorConfiguration params"
    )
    enterprise = software_images.set_default(tx, principal, req.enterpriseId, req.configurationId)
    return [written(enterprise.id)]


@method("enterprise/setEnterpriseOperatorConfiguration")
def set_enterprise_operator_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(_EnterpriseProfile, params, what="enterprise/setEnterpriseOperatorConfiguration params")
    enterprise = software_images.set_enterprise_profile(tx, principal, req.enterpriseId, req.configurationId)
    return written(enterprise.id)


@method("enterprise/addEnterpriseOperatorConfiguration")
def add_enterprise_operator_configuration(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(_AddProfile, params, what="enterprise/addEnterpriseOperatorConfiguration params")
    return {"rows": software_images.add_to_enterprises(tx, principal, req.configurationId, req.enterpriseIds)}


@method("enterprise/assignEnterpriseOperatorConfigurations")
def assign_enterprise_operator_configurations(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_AssignProfiles, params, what="enterprise/assignEnterpriseOperatorConfigurations params")
    enterprise = software_images.assign(tx, principal, req.enterpriseId, req.configurationIds)
    default = software_images.default_profile(tx, enterprise)
    result = []
    for profile in software_images.assigned(tx, enterprise):
        enterprise, item = _assignment(tx, enterprise, profile, default)
        item["version"] = int(item["version"]) if str(item["version"]).isdigit() else 0
        result.append({**item, "enterpriseId": enterprise.id})
    return result


@method("configuration/removeOperatorConfigurationAssocFromEnterprises")
def remove_operator_configuration_assoc_from_enterprises(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(
        _RemoveProfile, params, what="configuration/removeOperatorConfigurationAssocFromEnterprises params"
    )
    return {"rowsAffected": software_images.remove_everywhere(tx, principal, req.configurationId)}


@method("edge/setEdgeOperatorConfiguration")
def set_edge_operator_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EdgeProfile, params, what="edge/setEdgeOperatorConfiguration params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    software_images.set_edge_profile(tx, principal, edge, req.configurationId)
    return written()


@method("edge/unsetEdgeOperatorConfiguration")
def unset_edge_operator_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EdgeProfile, params, what="edge/unsetEdgeOperatorConfiguration params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    if not software_images.unset_edge_profile(tx, principal, edge, req.configurationId):
        return missed(
            f"edge {edge.id} does not run operator profile {req.configurationId} of its own", edge.id
        )
    return written(edge.id)


@method("enterprise/updateEdgeImageManagement")
def update_edge_image_management(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_ImageManagement, params, what="enterprise/updateEdgeImageManagement params")
    software_images.set_image_management(tx, principal, req.enterpriseId, req.edgeImageManagement)
    return {"rowsAffected": 1}


@method("enterprise/updateEdgeImageManagementForEnterprises")
def update_edge_image_management_for_enterprises(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(
        _ImageManagementMany, params, what="enterprise/updateEdgeImageManagementForEnterprises params"
    )
    result = []
    for enterprise_id in dict.fromkeys(req.enterpriseIds):
        software_images.set_image_management(tx, principal, enterprise_id, req.edgeImageManagement)
        result.append({"enterpriseId": enterprise_id, "rowsAffected": 1})
    return result
