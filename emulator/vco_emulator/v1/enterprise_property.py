"""v1 enterprise property reads: enterprise/getEnterpriseProperty, getEnterprisesWithProperty.

Properties are the `enterprise_property` rows other methods write (`vco.enterprise.segments.maximum`,
`vco.enterprise.edgeImageManagement.enable`, ...). A property never written is not found
(-32004), also for one whose default a method reports (the spec's result has no "unset" shape);
a property marked `isPassword` answers its value as null. Not implemented: writing arbitrary
properties (`insertOrUpdateEnterpriseProperty`).
"""

from __future__ import annotations

from typing import Any

from ..domain import enterprises, kinds
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest, NotFound
from ..domain.validation import StrictModel, parse
from ..store import Tx
from .enterprise import enterprise_object
from .network_segment import enterprise_property_object
from .rpc import method


class _GetProperty(StrictModel):
    enterpriseId: int | None = None
    name: str | None = None
    id: int | None = None


class _WithProperty(StrictModel):
    name: str
    value: str
    enterpriseIds: list[int] | None = None


@method("enterprise/getEnterpriseProperty")
def get_enterprise_property(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_GetProperty, params, what="enterprise/getEnterpriseProperty params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    if req.name is None and req.id is None:
        raise InvalidRequest("a property name or id is required", [FieldError("name", "required (or id)")])
    found = [
        p
        for p in tx.find(kinds.ENTERPRISE_PROPERTY, enterprise_id=enterprise.id, name=req.name)
        if req.id is None or p.id == req.id
    ]
    if not found:
        raise NotFound(f"enterprise {enterprise.id} has no property {req.name or req.id!r}")
    body = enterprise_property_object(found[0])
    return {**body, "value": None} if body["isPassword"] else body


@method("enterprise/getEnterprisesWithProperty")
def get_enterprises_with_property(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    """The enterprises whose property `name` has exactly `value` (among `enterpriseIds` if given)."""
    req = parse(_WithProperty, params, what="enterprise/getEnterprisesWithProperty params")
    wanted = None if req.enterpriseIds is None else set(req.enterpriseIds)
    result = []
    for enterprise in enterprises.list_enterprises(tx, principal):
        if wanted is not None and enterprise.id not in wanted:
            continue
        props = tx.find(kinds.ENTERPRISE_PROPERTY, enterprise_id=enterprise.id, name=req.name)
        if any(str(p.data.get("value")) == req.value for p in props):
            result.append(enterprise_object(enterprise))
    return result
