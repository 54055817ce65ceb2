"""Profiles and their modules as clients read and change them: the Orchestrator's rules.

Names: a *profile* is what the UI and the v2 API call a profile (`/profiles/{profileLogicalId}`)
and the v1 API a `configuration` (`configuration/*` methods, `configurationId`); a *module* is
a v1 `configuration_module`. The stored rows are `domain/profiles.py`'s.

Rules enforced: a clone of the enterprise template is a new enterprise profile with fresh
modules, named uniquely within the enterprise (case-insensitive, 1-255 characters; a
generated "New Profile N" when no name is given); a profile still used by edges (any edge
whose `configurationId` is it) cannot be deleted, nor can an edge-specific profile (it
goes with its edge); a module name appears once per profile; a module update replaces the
whole document, which is checked first (`firewall`, `QOS`: shape from the spec;
`deviceSettings`: the rules of `device_settings.rule_errors`). Enterprise users see and
change only their own enterprise's profiles.

The effective modules of an edge (`edge_effective_modules`) merge its edge-specific modules over
its enterprise profile's: a module of the edge-specific profile replaces the profile's
module when its document has content (a value other than null, `{}` or `[]` somewhere);
`deviceSettings` is merged key by key instead: each top-level key with content replaces the
profile's, and `segments` are merged per `segmentId` with the same key-by-key rule.

Not implemented: operator profiles through `configuration/*` (only enterprise profiles);
`NETWORK_BASED` templates; `refs` resolution; profile staging (`isStaging`, bastion).
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import ConfigDict, Field

from ..store import Record, Tx
from . import async_operations, device_settings, kinds, module_schemas
from . import enterprises as enterprises_
from . import profiles as profiles_
from .auth import Principal
from .errors import DataConflict, FieldError, InvalidRequest, NotFound
from .validation import StrictModel, parse

NAME_MAX = 255
ModuleName = Literal[
    "imageUpdate",
    "controlPlane",
    "managementPlane",
    "firewall",
    "QOS",
    "deviceSettings",
    "WAN",
    "metaData",
    "properties",
    "analyticsSettings",
]


class ProfileUpdate(StrictModel):
    """The `_update` of `configuration/updateConfiguration`."""

    name: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    description: str | None = None
    version: str | None = None
    effective: str | None = None


class ModuleUpdate(StrictModel):
    """The `_update` of `configuration/updateConfigurationModule` (a `configuration_module`): the
    read-only fields a fetched module carries may come back, so unknown fields are kept."""

    model_config = ConfigDict(extra="allow")
    name: ModuleName | None = None
    type: Literal["ENTERPRISE", "OPERATOR", "GATEWAY"] | None = None
    description: str | None = None
    configurationId: int | None = None
    data: dict[str, Any] | None = None
    version: str | None = None


class NewModule(StrictModel):
    """The params of `configuration/insertConfigurationModule`."""

    enterpriseId: int | None = None
    name: ModuleName
    type: Literal["ENTERPRISE", "OPERATOR", "GATEWAY"] = "ENTERPRISE"
    description: str | None = None
    data: dict[str, Any]
    configurationId: int
    version: str | None = None


# -- profiles --------------------------------------------------------------------------


def get_profile(tx: Tx, principal: Principal, profile_id: int, enterprise_id: int | None = None) -> Record:
    """An enterprise's profile (edge-specific ones included) by numeric id."""
    profile = tx.get(kinds.PROFILE, id=profile_id)
    if profile is None or not principal.can_see(profile, enterprise_id):
        raise NotFound(f"configuration {profile_id} not found")
    return profile


def enterprise_profiles(
    tx: Tx, principal: Principal, enterprise_id: int | None, configuration_type: str | None = None
) -> list[Record]:
    """The enterprise's profiles (not the edge-specific ones), oldest first."""
    enterprise = enterprises_.get_enterprise(tx, principal, id=enterprise_id)
    return [
        p
        for p in tx.find(kinds.PROFILE, enterprise_id=enterprise.id)
        if not p.data.get("edgeSpecific")
        and (configuration_type is None or p.data.get("configurationType") == configuration_type)
    ]


def edges_using(tx: Tx, profile: Record) -> list[Record]:
    """The edges whose enterprise profile is `profile`."""
    return [
        e
        for e in tx.find(kinds.EDGE, enterprise_id=profile.enterprise_id)
        if e.data.get("configurationId") == profile.id
    ]


def clone_enterprise_template(
    tx: Tx,
    principal: Principal,
    enterprise_id: int | None,
    *,
    name: str | None,
    description: str | None = None,
    configuration_type: str | None = None,
) -> Record:
    """A new enterprise profile derived from the enterprise's operator profile."""
    principal.require_write()
    enterprise = enterprises_.get_enterprise(tx, principal, id=enterprise_id)
    template_ids = enterprise.data.get("operatorProfileIds") or []
    template = tx.get(kinds.OPERATOR_PROFILE, id=template_ids[0]) if template_ids else None
    if template is None:
        raise DataConflict(f"enterprise {enterprise.name!r} has no operator profile to clone")
    template_type = template.data.get("configurationType", "SEGMENT_BASED")
    if configuration_type is not None and configuration_type != template_type:
        raise DataConflict(
            f"enterprise {enterprise.name!r} has no {configuration_type} template; "
            f"its operator profile {template.name!r} is {template_type}"
        )
    if name is None:
        name = _generated_name(tx, enterprise.id)
    _check_name(tx, enterprise.id, name, path="name")
    return profiles_.create_profile(
        tx,
        enterprise.id,
        name,
        description=description
        if description is not None
        else f"Enterprise profile derived from {template.name}",
        derived_from=template,
    )


def update_profile(tx: Tx, principal: Principal, profile: Record, changes: Any) -> Record:
    principal.require_write()
    update = parse(ProfileUpdate, changes if changes is not None else {}, what="_update")
    fields = update.model_dump(exclude_unset=True)
    name = fields.pop("name", None) or profile.name
    if name.casefold() != profile.name.casefold():
        assert profile.enterprise_id is not None
        _check_name(tx, profile.enterprise_id, name, path="_update.name")
    return tx.update(profile, name, {**profile.data, **fields})


def delete_profile(tx: Tx, principal: Principal, profile: Record) -> None:
    principal.require_write()
    if profile.data.get("edgeSpecific"):
        edge = tx.get(kinds.EDGE, id=int(profile.data["edgeId"])) if profile.data.get("edgeId") else None
        owner = f"edge {edge.name!r}" if edge else "an edge"
        raise DataConflict(
            f"configuration {profile.id} ({profile.name!r}) is the edge-specific profile of {owner}; "
            "it is deleted with its edge"
        )
    edges = edges_using(tx, profile)
    if edges:
        names = ", ".join(f"{e.name!r} (id {e.id})" for e in edges)
        raise DataConflict(
            f"configuration {profile.id} ({profile.name!r}) is used by {len(edges)} edge(s): {names}; "
            "assign them another profile first"
        )
    profiles_.delete_profile(tx, profile)


def _generated_name(tx: Tx, enterprise_id: int) -> str:
    taken = {p.name.casefold() for p in tx.find(kinds.PROFILE, enterprise_id=enterprise_id)}
    n = 1
    while f"new profile {n}" in taken:
        n += 1
    return f"New Profile {n}"


def _check_name(tx: Tx, enterprise_id: int, name: str, *, path: str) -> None:
    if not name.strip() or len(name) > NAME_MAX:
        raise InvalidRequest(
            f"{path} {name!r} is invalid: a profile name has 1 to {NAME_MAX} characters",
            [FieldError(path, f"1 to {NAME_MAX} characters")],
        )
    folded = name.casefold()
    for other in tx.find(kinds.PROFILE, enterprise_id=enterprise_id):
        if not other.data.get("edgeSpecific") and other.name.casefold() == folded:
            raise DataConflict(f"a profile named {name!r} already exists in this enterprise (id {other.id})")


# -- modules ---------------------------------------------------------------------------


def modules_of(tx: Tx, profile: Record, names: list[str] | None = None) -> list[Record]:
    """The profile's modules (filtered by name when `names` is given), settled first."""
    async_operations.settle(tx)
    modules = profiles_.profile_modules(tx, profile)
    return [m for m in modules if names is None or m.name in names]


def get_module(tx: Tx, principal: Principal, module_id: int, enterprise_id: int | None = None) -> Record:
    module = tx.get(kinds.PROFILE_MODULE, id=module_id)
    if module is None or not principal.can_see(module):
        raise NotFound(f"configuration module {module_id} not found")
    if enterprise_id is not None and module.enterprise_id != enterprise_id:
        raise NotFound(f"configuration module {module_id} not found in enterprise {enterprise_id}")
    return module


def insert_module(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(NewModule, params, what="configuration/insertConfigurationModule params")
    profile = get_profile(tx, principal, req.configurationId, req.enterpriseId)
    if any(m.name == req.name for m in profiles_.profile_modules(tx, profile)):
        raise DataConflict(f"configuration {profile.id} already has a {req.name} module; update it instead")
    assert profile.enterprise_id is not None
    data = check_module_data(tx, profile.enterprise_id, req.name, req.data, path="data")
    return tx.insert(
        kinds.PROFILE_MODULE,
        req.name,
        {
            "configurationId": profile.id,
            "type": req.type,
            "description": req.description,
            "schemaVersion": profiles_.SCHEMA_VERSION,
            "version": req.version or "1",
            "data": data,
            "refs": {},
        },
        enterprise_id=profile.enterprise_id,
    )


def update_module(tx: Tx, principal: Principal, module: Record, changes: Any) -> Record:
    """Replace a module's whole `data` (and/or its description), after checking it."""
    principal.require_write()
    async_operations.settle(tx)
    module = tx.get(kinds.PROFILE_MODULE, id=module.id) or module
    update = parse(ModuleUpdate, changes if changes is not None else {}, what="_update")
    if update.name is not None and update.name != module.name:
        raise InvalidRequest(
            f"_update.name {update.name!r} is not the module's name {module.name!r}; modules keep their name",
            [FieldError("_update.name", f"must be {module.name}")],
        )
    if update.configurationId is not None and update.configurationId != module.data["configurationId"]:
        raise InvalidRequest(
            "_update.configurationId cannot move a module to another profile",
            [FieldError("_update.configurationId", f"must be {module.data['configurationId']}")],
        )
    if "description" in update.model_fields_set:
        module = tx.update(module, module.name, {**module.data, "description": update.description})
    if update.data is not None:
        assert module.enterprise_id is not None
        data = check_module_data(tx, module.enterprise_id, module.name, update.data, path="_update.data")
        module = profiles_.write_module_data(tx, module, data)
    return module


def check_module_data(tx: Tx, enterprise_id: int, name: str, data: Any, *, path: str) -> dict[str, Any]:
    """A module document that may be stored, or `InvalidRequest` naming what is wrong."""
    checked = module_schemas.validate_module_data(name, data, path)
    if name == device_settings.MODULE:
        errors = [
            FieldError(f"{path}.{e.path}", e.message)
            for e in device_settings.rule_errors(tx, enterprise_id, checked)
        ]
        if errors:
            summary = "; ".join(f"{e.path}: {e.message}" for e in errors)
            raise InvalidRequest(f"invalid deviceSettings module document: {summary}", errors)
    return checked


# -- edges -----------------------------------------------------------------------------


def edge_stack(tx: Tx, edge: Record) -> list[Record]:
    """The edge-specific profile, then the enterprise profile (those that exist)."""
    stack = []
    for key in ("edgeSpecificConfigurationId", "configurationId"):
        profile_id = edge.data.get(key)
        profile = None if profile_id is None else tx.get(kinds.PROFILE, id=int(profile_id))
        if profile is not None:
            stack.append(profile)
    return stack


def edge_effective_modules(
    tx: Tx, edge: Record, names: list[str] | None = None
) -> dict[str, tuple[Record, dict[str, Any]]]:
    """For each module name: the module record that answers for it and the effective document."""
    async_operations.settle(tx)
    edge_modules: dict[str, Record] = {}
    profile_modules: dict[str, Record] = {}
    for profile in edge_stack(tx, edge):
        target = edge_modules if profile.data.get("edgeSpecific") else profile_modules
        for module in profiles_.profile_modules(tx, profile):
            target[module.name] = module
    result: dict[str, tuple[Record, dict[str, Any]]] = {}
    for name in [*profile_modules, *(n for n in edge_modules if n not in profile_modules)]:
        if names is not None and name not in names:
            continue
        own, inherited = edge_modules.get(name), profile_modules.get(name)
        data = effective_module_data(
            name,
            inherited.data["data"] if inherited else None,
            own.data["data"] if own else None,
        )
        record = own if own is not None and has_content(own.data["data"]) else (inherited or own)
        assert record is not None
        result[name] = (record, data)
    return result


def has_content(value: Any) -> bool:
    """True when a document sets anything: a value other than null, `{}` or `[]` somewhere."""
    if value is None:
        return False
    if isinstance(value, dict):
        return any(has_content(v) for v in value.values())
    if isinstance(value, list):
        return len(value) > 0
    return True


def effective_module_data(
    name: str, profile_data: dict[str, Any] | None, edge_data: dict[str, Any] | None
) -> dict[str, Any]:
    """The document an edge runs with for one module (see the module docstring for the rule)."""
    base = copy.deepcopy(profile_data) if profile_data is not None else {}
    if edge_data is None or not has_content(edge_data):
        return base
    if name != device_settings.MODULE:
        return copy.deepcopy(edge_data)
    return merge_device_settings(base, edge_data)


def merge_device_settings(profile_data: dict[str, Any], edge_data: dict[str, Any]) -> dict[str, Any]:
    """Edge deviceSettings over profile deviceSettings: keys with content win, segments per id."""
    merged = copy.deepcopy(profile_data)
    for key, value in edge_data.items():
        if not has_content(value):
            continue
        if key == "segments" and isinstance(value, list) and isinstance(merged.get("segments"), list):
            merged["segments"] = _merge_segments(merged["segments"], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _segment_id(entry: Any) -> Any:
    if isinstance(entry, dict) and isinstance(entry.get("segment"), dict):
        return entry["segment"].get("segmentId")
    return None


def _merge_segments(profile_segments: list[Any], edge_segments: list[Any]) -> list[Any]:
    merged = [copy.deepcopy(s) for s in profile_segments]
    index = {_segment_id(s): i for i, s in enumerate(merged)}
    for entry in edge_segments:
        i = index.get(_segment_id(entry))
        if i is None or not isinstance(merged[i], dict):
            merged.append(copy.deepcopy(entry))
            continue
        for key, value in entry.items():
            if key != "segment" and has_content(value):
                merged[i][key] = copy.deepcopy(value)
    return merged
