"""v1 `enterprise/*EnterpriseService*` methods: insertEnterpriseService, getEnterpriseServices,
updateEnterpriseService, deleteEnterpriseService (non-SD-WAN destinations and other services).

`getEnterpriseServices` answers the spec's `enterprise_object_base` items; `with` values
`profileCount` and `edgeUsage` (as `edgeCount`) are counted from the profiles' modules that
reference the service. Not implemented: `groupCount`, `edgeQOSUsage`, `saUsage`,
`configuration` (accepted, not shown), `includePartnerGateways`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..domain import enterprise_services, usage
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .objects import enterprise_object_base
from .rpc import method

WithOption = Literal["profileCount", "edgeUsage", "configuration", "groupCount", "edgeQOSUsage", "saUsage"]


def service_object(record: Record) -> dict[str, Any]:
    """A service as the spec's `enterprise_object_base` with its document in `data`."""
    return {
        **enterprise_object_base(record, "NETWORK_SERVICE"),
        "edgeId": record.data.get("edgeId"),
        "parentGroupId": record.data.get("parentGroupId"),
        "alertsEnabled": record.data.get("alertsEnabled", 1),
        "operatorAlertsEnabled": record.data.get("operatorAlertsEnabled", 1),
        "data": record.data.get("data"),
    }


class _GetServices(StrictModel):
    enterpriseId: int | None = None
    type: str | None = None
    name: str | None = None
    with_: list[WithOption] | None = Field(None, alias="with")
    includePartnerGateways: bool | None = None


class _UpdateService(StrictModel):
    enterpriseId: int | None = None
    id: int
    update: dict[str, Any] = Field(alias="_update")


class _DeleteService(StrictModel):
    enterpriseId: int | None = None
    id: int | None = None
    logicalId: str | None = None


@method("enterprise/getEnterpriseServices")
def get_enterprise_services(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    req = parse(_GetServices, params, what="enterprise/getEnterpriseServices params")
    found = enterprise_services.list_services(tx, principal, req.enterpriseId, type=req.type, name=req.name)
    options = set(req.with_ or [])
    out = []
    for record in found:
        item = service_object(record)
        if options & {"profileCount", "edgeUsage"}:
            profiles = usage.profiles_of(tx, enterprise_services.service_modules(tx, record))
            if "profileCount" in options:
                item["profileCount"] = sum(1 for p in profiles if not p.data.get("edgeSpecific"))
            if "edgeUsage" in options:
                item["edgeCount"] = sum(1 for p in profiles if p.data.get("edgeSpecific"))
        out.append(item)
    return out


@method("enterprise/insertEnterpriseService")
def insert_enterprise_service(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    record = enterprise_services.insert_service(tx, principal, params)
    return {"id": record.id, "rows": 1}


@method("enterprise/updateEnterpriseService")
def update_enterprise_service(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_UpdateService, params, what="enterprise/updateEnterpriseService params")
    service = enterprise_services.find_service(tx, principal, req.enterpriseId, id=req.id)
    if service is None:
        return {"error": f"enterprise service {req.id} not found in this enterprise", "rows": 0}
    enterprise_services.update_service(tx, principal, service, req.update)
    return {"rows": 1}


@method("enterprise/deleteEnterpriseService")
def delete_enterprise_service(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_DeleteService, params, what="enterprise/deleteEnterpriseService params")
    if req.id is None and req.logicalId is None:
        raise InvalidRequest("id or logicalId is required", [FieldError("id", "required")])
    service = enterprise_services.find_service(
        tx, principal, req.enterpriseId, id=req.id, logical_id=req.logicalId
    )
    if service is None:
        return {"id": req.id, "error": "enterprise service not found in this enterprise", "rows": 0}
    enterprise_services.delete_service(tx, principal, service)
    return {"id": service.id, "rows": 1}
