"""v1 `enterprise/*` methods: getEnterprise, updateEnterprise, insertEnterprise, deleteEnterprise.

`insertEnterprise` translates its v1 parameters (numeric `configurationId`,
`gatewayPoolId`, ...) into the v2 create and applies the same domain rules.
Not implemented: `licenses.ids` (numeric license ids are accepted and ignored),
`analyticsConfiguration`, the `shipping*` site fields, `returnData`.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..domain import enterprises, kinds
from ..domain.auth import Principal
from ..domain.errors import DataConflict, FieldError, InvalidRequest, NotFound
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from . import with_options
from .objects import missed, object_header, written
from .rpc import method

_FIELDS = (
    "networkId",
    "gatewayPoolId",
    "endpointPkiMode",
    "domain",
    "prefix",
    "accountNumber",
    "description",
    *enterprises.ADDRESS_FIELDS,
    "lat",
    "lon",
    "timezone",
    "locale",
    "bastionState",
)


def enterprise_object(record: Record) -> dict[str, Any]:
    """An enterprise as v1 shows it: numeric ids, tinyint flags."""
    data = record.data
    body: dict[str, Any] = {
        **object_header(record),
        "alertsEnabled": int(bool(data["alertsEnabled"])),
        "operatorAlertsEnabled": int(bool(data["operatorAlertsEnabled"])),
    }
    body.update({field: data.get(field) for field in _FIELDS})
    return body


class _GetEnterprise(StrictModel):
    id: int | None = None
    enterpriseId: int | None = None
    with_: list[str] | None = Field(default=None, alias="with")


class _UpdateEnterprise(StrictModel):
    id: int | None = None
    enterpriseId: int | None = None
    name: str | None = None
    update: dict[str, Any] | None = Field(default=None, alias="_update")


@method("enterprise/getEnterprise")
def get_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_GetEnterprise, params, what="enterprise/getEnterprise params")
    record = enterprises.get_enterprise(tx, principal, id=req.enterpriseId or req.id)
    return with_options.expand(tx, GET_ENTERPRISE, record, enterprise_object(record), req.with_ or [])


GET_ENTERPRISE = "enterprise/getEnterprise"
_PROXY_FIELDS = ("domain", "prefix", *enterprises.ADDRESS_FIELDS, "lat", "lon")


@with_options.adds(GET_ENTERPRISE, "enterpriseProxy")
def _enterprise_proxy(tx: Tx, enterprise: Record) -> dict[str, Any]:
    """The partner (MSP) that manages the enterprise, as the spec's `enterprise_enterprise_proxy`;
    nothing when it has none (the spec's `enterpriseProxy` is an object, not nullable)."""
    proxy_id = enterprise.data.get("enterpriseProxyId")
    proxy = None if proxy_id is None else tx.get(kinds.ENTERPRISE_PROXY, id=int(proxy_id))
    if proxy is None:
        return {}
    data = proxy.data
    body: dict[str, Any] = {
        **object_header(proxy),
        "networkId": data.get("networkId"),
        "proxyType": data.get("proxyType", "MSP"),
        "operateGateways": bool(data.get("operateGateways")),
        "description": data.get("description"),
    }
    body.update({field: data.get(field) for field in _PROXY_FIELDS})
    return {"enterpriseProxy": body}


@method("enterprise/updateEnterprise")
def update_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_UpdateEnterprise, params, what="enterprise/updateEnterprise params")
    try:
        enterprises.update_enterprise(tx, principal, req.enterpriseId or req.id, req.update)
    except NotFound as exc:
        return missed(exc.message)
    return written()


_INSERT_PASSTHROUGH = {
    *enterprises.ADDRESS_FIELDS,
    "lat",
    "lon",
    "timezone",
    "locale",
    "name",
    "user",
    "serviceLicenses",
    "enableEnterpriseDelegationToOperator",
    "enableEnterpriseDelegationToProxy",
    "enableEnterpriseUserManagementDelegationToOperator",
    "delegateEdgeImageManagementToEnterprise",
    "enableExportRestriction",
}
_INSERT_IGNORED = {"networkId", "returnData", "licenses", "analyticsConfiguration"}


def _operator_profile_logical_id(tx: Tx, profile_id: Any, path: str) -> str:
    profile = tx.get("operator_profile", id=profile_id) if isinstance(profile_id, int) else None
    if profile is None:
        raise InvalidRequest(
            f"{path} {profile_id!r} is not an operator profile id",
            [FieldError(path, "no operator profile has this id")],
        )
    return profile.logical_id


@method("enterprise/insertEnterprise")
def insert_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    unknown = set(params) - _INSERT_PASSTHROUGH - _INSERT_IGNORED
    unknown -= {"configurationId", "gatewayPoolId", "assignedOperatorProfileConfigurationIds"}
    if unknown:
        raise InvalidRequest(
            f"unknown parameter(s) {sorted(unknown)} for enterprise/insertEnterprise",
            [FieldError(k, "not a parameter of enterprise/insertEnterprise") for k in sorted(unknown)],
        )
    if "configurationId" not in params:
        raise InvalidRequest(
            "configurationId (the operator profile id) is required",
            [FieldError("configurationId", "required")],
        )
    profiles = [_operator_profile_logical_id(tx, params["configurationId"], "configurationId")]
    extra = params.get("assignedOperatorProfileConfigurationIds") or []
    for i, profile_id in enumerate(extra if isinstance(extra, list) else [extra]):
        logical_id = _operator_profile_logical_id(
            tx, profile_id, f"assignedOperatorProfileConfigurationIds.{i}"
        )
        if logical_id not in profiles:
            profiles.append(logical_id)
    pool_id = params.get("gatewayPoolId")
    if pool_id is None:
        pools = [p for p in tx.find("gateway_pool") if p.data.get("isDefault")] or tx.find("gateway_pool")
        pool = pools[0] if pools else None
    else:
        pool = tx.get("gateway_pool", id=pool_id) if isinstance(pool_id, int) else None
        if pool is None:
            raise DataConflict(f"gatewayPoolId {pool_id!r} does not exist")
    if pool is None:
        raise DataConflict("the Orchestrator has no gateway pool")
    payload = {k: v for k, v in params.items() if k in _INSERT_PASSTHROUGH}
    payload.update(gatewayPool=pool.logical_id, operatorProfiles=profiles)
    record = enterprises.create_enterprise(tx, principal, payload)
    return written(record.id)


@method("enterprise/deleteEnterprise")
def delete_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    eid = params.get("enterpriseId", params.get("id"))
    if set(params) - {"enterpriseId", "id"} or not isinstance(eid, int) or isinstance(eid, bool):
        raise InvalidRequest(
            "enterprise/deleteEnterprise takes only enterpriseId (an integer)",
            [FieldError("enterpriseId", "required integer")],
        )
    try:
        enterprises.delete_enterprise(tx, principal, id=eid)
    except NotFound as exc:
        return missed(exc.message, eid)
    return written(eid)
