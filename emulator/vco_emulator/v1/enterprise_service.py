"""v1 `enterprise/*EnterpriseService*` methods: insertEnterpriseService, getEnterpriseServices,
updateEnterpriseService, deleteEnterpriseService (non-SD-WAN destinations and other services).

`getEnterpriseServices` answers the spec's `enterprise_object_base` items; `with` values
(`with_options.py`) `profileCount` and `edgeUsage` (as `edgeCount`) are counted from the
profiles' modules that reference the service; `groupCount`, `edgeQOSUsage` and `saUsage` show
zero/empty (gateway groups, edges' QOS use and secure access are not emulated);
`configuration` has no result field. Not implemented: `includePartnerGateways`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..domain import enterprise_services, usage
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from . import with_options
from .objects import enterprise_object_base, missed, written
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


GET_SERVICES = "enterprise/getEnterpriseServices"


def _profiles(tx: Tx, service: Record) -> list[Record]:
    return usage.profiles_of(tx, enterprise_services.service_modules(tx, service))


@with_options.adds(GET_SERVICES, "profileCount")
def _profile_count(tx: Tx, service: Record) -> dict[str, Any]:
    return {"profileCount": sum(1 for p in _profiles(tx, service) if not p.data.get("edgeSpecific"))}


@with_options.adds(GET_SERVICES, "edgeUsage")
def _edge_count(tx: Tx, service: Record) -> dict[str, Any]:
    return {"edgeCount": sum(1 for p in _profiles(tx, service) if p.data.get("edgeSpecific"))}


with_options.adds(GET_SERVICES, "groupCount")(with_options.constant("groupCount", 0))
with_options.adds(GET_SERVICES, "edgeQOSUsage")(with_options.constant("edgeQOSUsage", []))


@with_options.adds(GET_SERVICES, "saUsage")
def _secure_access(tx: Tx, service: Record) -> dict[str, Any]:
    return {"secureAccessCount": 0, "secureAccess": []}  # secure access is not emulated


with_options.not_shown(
    GET_SERVICES, "the result schema has no field for the profiles' configuration", "configuration"
)


@method(GET_SERVICES)
def get_enterprise_services(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    req = parse(_GetServices, params, what="enterprise/getEnterpriseServices params")
    found = enterprise_services.list_services(tx, principal, req.enterpriseId, type=req.type, name=req.name)
    wanted = list(req.with_ or [])
    return [with_options.expand(tx, GET_SERVICES, r, service_object(r), wanted) for r in found]


@method("enterprise/insertEnterpriseService")
def insert_enterprise_service(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    record = enterprise_services.insert_service(tx, principal, params)
    return written(record.id)


@method("enterprise/updateEnterpriseService")
def update_enterprise_service(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_UpdateService, params, what="enterprise/updateEnterpriseService params")
    service = enterprise_services.find_service(tx, principal, req.enterpriseId, id=req.id)
    if service is None:
        return missed(f"enterprise service {req.id} not found in this enterprise")
    enterprise_services.update_service(tx, principal, service, req.update)
    return written()


@method("enterprise/deleteEnterpriseService")
def delete_enterprise_service(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_DeleteService, params, what="enterprise/deleteEnterpriseService params")
    if req.id is None and req.logicalId is None:
        raise InvalidRequest("id or logicalId is required", [FieldError("id", "required")])
    service = enterprise_services.find_service(
        tx, principal, req.enterpriseId, id=req.id, logical_id=req.logicalId
    )
    if service is None:
        return missed("enterprise service not found in this enterprise", req.id)
    enterprise_services.delete_service(tx, principal, service)
    return written(service.id)
