"""Cloning an enterprise profile (v1 `configuration/cloneConfiguration`): a new profile of the same
enterprise with a copy of every module document of the source.

Rules keep their place but get new `ruleLogicalId`s (they are globally unique: real tools strip
them before copying rules, docs/evidence.md section 1); everything else is copied as is, so the
clone references the same segments, object groups and services. A name is required to be unique
among the enterprise's profiles (the source's name + " (copy)" when none is given).

Not implemented: cloning an operator profile (`networkId`), edge-specific profiles as sources.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from ..store import Record, Tx
from . import profile_rules, profiles
from .auth import Principal
from .errors import FieldError, InvalidRequest


def clone_profile(
    tx: Tx,
    principal: Principal,
    source_id: int,
    enterprise_id: int | None,
    *,
    name: str | None,
    description: str | None,
) -> Record:
    principal.require_write()
    source = profile_rules.get_profile(tx, principal, source_id, enterprise_id)
    if source.data.get("edgeSpecific"):
        raise InvalidRequest(
            f"configuration {source_id} is an edge-specific profile; only enterprise profiles are cloned",
            [FieldError("configurationId", "an enterprise profile")],
        )
    assert source.enterprise_id is not None
    name = name if name is not None else f"{source.name} (copy)"
    profile_rules._check_name(tx, source.enterprise_id, name, path="name")
    clone = profiles.create_profile(
        tx,
        source.enterprise_id,
        name,
        description=description if description is not None else source.data.get("description"),
        derived_from=None,
    )
    clone = tx.update(
        clone,
        clone.name,
        {**clone.data, "configurationType": source.data.get("configurationType", "SEGMENT_BASED")},
    )
    copies = {m.name: m for m in profiles.profile_modules(tx, clone)}
    for module in profile_rules.modules_of(tx, source):
        document = _with_new_rule_ids(copy.deepcopy(module.data.get("data") or {}))
        target = copies.get(module.name)
        if target is None:
            continue
        target = profiles.write_module_data(tx, target, document)
        tx.update(target, target.name, {**target.data, "refs": copy.deepcopy(module.data.get("refs") or {})})
    return clone


def _with_new_rule_ids(document: dict[str, Any]) -> dict[str, Any]:
    for segment in document.get("segments") or []:
        if not isinstance(segment, dict):
            continue
        for key in ("outbound", "rules"):
            for rule in segment.get(key) or []:
                if isinstance(rule, dict) and rule.get("ruleLogicalId"):
                    rule["ruleLogicalId"] = str(uuid.uuid4())
    for rule in document.get("inbound") or []:
        if isinstance(rule, dict) and rule.get("ruleLogicalId"):
            rule["ruleLogicalId"] = str(uuid.uuid4())
    return document
