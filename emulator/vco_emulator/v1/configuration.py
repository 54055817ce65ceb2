"""v1 profile methods: `configuration/*`, `enterprise/getEnterpriseConfigurations`, edge stacks.

Also `edge/getEdgeConfigurationStack` and `edge/getEdgeConfigurationModules`.

Profiles (`model_configuration`) and modules (`configuration_module`) are shown with the
spec's field names; `with` (`with_options.py`) adds `modules`, `edgeCount` and `edges`, and for
getConfiguration `enterprises` and `enterpriseCount` (shape guessed: the spec has no field).
Behaviour lives in `domain/profile_rules.py`.

Not implemented: `with` values `counts`, `refs` and `deviceSettings` are accepted and add
nothing; `basic` of updateConfigurationModule is ignored.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..domain import edges, kinds, profile_rules
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest, NotFound
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from . import with_options
from .enterprise import enterprise_object
from .objects import missed, object_header, written
from .rpc import method

ProfileWith = Literal[
    "modules", "edgeCount", "enterprises", "enterpriseCount", "counts", "edges", "refs", "deviceSettings"
]


class _Clone(StrictModel):
    enterpriseId: int | None = None
    configurationType: Literal["SEGMENT_BASED", "NETWORK_BASED"] | None = None
    name: str | None = None
    description: str | None = None


class _GetConfiguration(StrictModel):
    id: int
    enterpriseId: int | None = None
    with_: list[ProfileWith] | None = Field(default=None, alias="with")


class _UpdateConfiguration(StrictModel):
    id: int
    enterpriseId: int | None = None
    update: dict[str, Any] = Field(alias="_update")


class _DeleteConfiguration(StrictModel):
    id: int
    enterpriseId: int | None = None


class _GetModules(StrictModel):
    configurationId: int
    enterpriseId: int | None = None
    noData: bool | None = None
    modules: list[profile_rules.ModuleName] | None = None


class _UpdateModule(StrictModel):
    id: int | None = None
    configurationModuleId: int | None = None
    enterpriseId: int | None = None
    basic: bool | None = None
    update: dict[str, Any] = Field(alias="_update")


class _EnterpriseConfigurations(StrictModel):
    enterpriseId: int | None = None
    configurationType: Literal["NETWORK_BASED", "SEGMENT_BASED"] | None = None
    with_: list[ProfileWith] | None = Field(default=None, alias="with")


class _EdgeStack(StrictModel):
    edgeId: int
    enterpriseId: int | None = None


class _EdgeModules(StrictModel):
    edgeId: int
    enterpriseId: int | None = None
    modules: list[profile_rules.ModuleName] | None = None


def _enterprise_logical_id(tx: Tx, record: Record) -> str | None:
    enterprise = None if record.enterprise_id is None else tx.get("enterprise", id=record.enterprise_id)
    return None if enterprise is None else enterprise.logical_id


def module_object(tx: Tx, module: Record, *, with_data: bool = True) -> dict[str, Any]:
    """A module as the spec's `configuration_module` shows it."""
    data = module.data
    body: dict[str, Any] = {
        "id": module.id,
        "created": module.created,
        "effective": module.modified,
        "modified": module.modified,
        "name": module.name,
        "type": data.get("type", "ENTERPRISE"),
        "description": data.get("description"),
        "configurationId": data["configurationId"],
        "enterpriseLogicalId": _enterprise_logical_id(tx, module),
        "schemaVersion": data.get("schemaVersion"),
        "version": data.get("version"),
        "refs": data.get("refs") or {},
    }
    if with_data:
        body["data"] = data.get("data") or {}
    return body


def profile_object(tx: Tx, profile: Record, with_: list[str] | None = None, *, name: str) -> dict[str, Any]:
    """A profile as the spec's `model_configuration` shows it, with what v1 method `name`'s `with`
    options add."""
    data = profile.data
    body: dict[str, Any] = {
        **object_header(profile),
        "effective": profile.modified,
        "description": data.get("description"),
        "version": data.get("version", "1"),
        "schemaVersion": data.get("schemaVersion"),
        "configurationType": data.get("configurationType", "SEGMENT_BASED"),
        "bastionState": data.get("bastionState", "UNCONFIGURED"),
        "isStaging": int(bool(data.get("isStaging"))),
        "enterpriseLogicalId": _enterprise_logical_id(tx, profile),
    }
    return with_options.expand(tx, name, profile, body, with_ or [])


GET_CONFIGURATION, ENTERPRISE_CONFIGURATIONS = (
    "configuration/getConfiguration",
    "enterprise/getEnterpriseConfigurations",
)


@with_options.adds(GET_CONFIGURATION, "modules")
@with_options.adds(ENTERPRISE_CONFIGURATIONS, "modules")
def _modules(tx: Tx, profile: Record) -> dict[str, Any]:
    return {"modules": [module_object(tx, m) for m in profile_rules.modules_of(tx, profile)]}


@with_options.adds(GET_CONFIGURATION, "edgeCount")
@with_options.adds(ENTERPRISE_CONFIGURATIONS, "edgeCount")
def _edge_count(tx: Tx, profile: Record) -> dict[str, Any]:
    return {"edgeCount": len(profile_rules.edges_using(tx, profile))}


@with_options.adds(GET_CONFIGURATION, "edges")
@with_options.adds(ENTERPRISE_CONFIGURATIONS, "edges")
def _edges(tx: Tx, profile: Record) -> dict[str, Any]:
    return {
        "edges": [
            {
                "id": e.id,
                "logicalId": e.logical_id,
                "name": e.name,
                "activationState": e.data.get("activationState"),
                "modelNumber": e.data.get("modelNumber"),
                "softwareVersion": e.data.get("softwareVersion"),
                "buildNumber": e.data.get("buildNumber"),
                "lastContact": e.data.get("lastContact"),
            }
            for e in profile_rules.edges_using(tx, profile)
        ]
    }


@with_options.adds(GET_CONFIGURATION, "enterprises", "enterpriseCount")
def _enterprises(tx: Tx, profile: Record) -> dict[str, Any]:
    """The enterprises that use the profile: an enterprise profile has one, its owner. The spec's
    result has no field for either; the names and shapes (a v1 `enterprise`, a count) are a guess."""
    owner = None if profile.enterprise_id is None else tx.get(kinds.ENTERPRISE, id=profile.enterprise_id)
    users = [] if owner is None else [enterprise_object(owner)]
    return {"enterprises": users, "enterpriseCount": len(users)}


with_options.not_shown(
    GET_CONFIGURATION, "the spec's result has no field for it and its shape is unknown", "counts"
)
with_options.not_shown(
    ENTERPRISE_CONFIGURATIONS,
    "the spec's result has no field for them (modules already carry their `refs`)",
    "refs",
    "deviceSettings",
)


@method("configuration/cloneEnterpriseTemplate")
def clone_enterprise_template(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Clone, params, what="configuration/cloneEnterpriseTemplate params")
    profile = profile_rules.clone_enterprise_template(
        tx,
        principal,
        req.enterpriseId,
        name=req.name,
        description=req.description,
        configuration_type=req.configurationType,
    )
    return {"id": profile.id}


@method("configuration/getConfiguration")
def get_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_GetConfiguration, params, what="configuration/getConfiguration params")
    profile = profile_rules.get_profile(tx, principal, req.id, req.enterpriseId)
    return profile_object(tx, profile, list(req.with_ or []), name=GET_CONFIGURATION)


@method("configuration/updateConfiguration")
def update_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_UpdateConfiguration, params, what="configuration/updateConfiguration params")
    try:
        profile = profile_rules.get_profile(tx, principal, req.id, req.enterpriseId)
    except NotFound as exc:
        return missed(exc.message)
    profile_rules.update_profile(tx, principal, profile, req.update)
    return written()


@method("configuration/deleteConfiguration")
def delete_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_DeleteConfiguration, params, what="configuration/deleteConfiguration params")
    profile = profile_rules.get_profile(tx, principal, req.id, req.enterpriseId)
    profile_rules.delete_profile(tx, principal, profile)
    return written(profile.id)


@method("configuration/getConfigurationModules")
def get_configuration_modules(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    req = parse(_GetModules, params, what="configuration/getConfigurationModules params")
    profile = profile_rules.get_profile(tx, principal, req.configurationId, req.enterpriseId)
    names: list[str] | None = list(req.modules) if req.modules is not None else None
    return [
        module_object(tx, m, with_data=not req.noData) for m in profile_rules.modules_of(tx, profile, names)
    ]


@method("configuration/insertConfigurationModule")
def insert_configuration_module(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    module = profile_rules.insert_module(tx, principal, params)
    return written(module.id)


@method("configuration/updateConfigurationModule")
def update_configuration_module(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_UpdateModule, params, what="configuration/updateConfigurationModule params")
    module_id = req.configurationModuleId if req.configurationModuleId is not None else req.id
    if module_id is None:
        raise InvalidRequest(
            "configurationModuleId (or its alias id) is required",
            [FieldError("configurationModuleId", "required")],
        )
    module = profile_rules.get_module(tx, principal, module_id, req.enterpriseId)
    profile_rules.update_module(tx, principal, module, req.update)
    return written()


@method("enterprise/getEnterpriseConfigurations")
def get_enterprise_configurations(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_EnterpriseConfigurations, params, what="enterprise/getEnterpriseConfigurations params")
    profiles = profile_rules.enterprise_profiles(tx, principal, req.enterpriseId, req.configurationType)
    return [profile_object(tx, p, list(req.with_ or []), name=ENTERPRISE_CONFIGURATIONS) for p in profiles]


@method("edge/getEdgeConfigurationStack")
def get_edge_configuration_stack(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_EdgeStack, params, what="edge/getEdgeConfigurationStack params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    return [
        profile_object(tx, p, ["modules"], name=GET_CONFIGURATION) for p in profile_rules.edge_stack(tx, edge)
    ]


@method("edge/getEdgeConfigurationModules")
def get_edge_configuration_modules(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_EdgeModules, params, what="edge/getEdgeConfigurationModules params")
    edge = edges.get_edge(tx, principal, id=req.edgeId, enterprise_id=req.enterpriseId)
    names: list[str] | None = list(req.modules) if req.modules is not None else None
    result = {}
    for name, (record, data) in profile_rules.edge_effective_modules(tx, edge, names).items():
        result[name] = {**module_object(tx, record, with_data=False), "data": data}
    return result
