"""Enterprise services (v1 `enterprise/*EnterpriseService*`): non-SD-WAN destinations and the
other network services an enterprise defines (DNS, Netflow collectors, ...), each a typed JSON
document that profiles' and edges' device settings reference by logicalId.

Enforced: a name (1-255 characters) unique within the enterprise and type (case-insensitive,
as object groups: a guess); `data` an object. For non-SD-WAN destinations via edges
(`nvsViaEdgeService`) the document is checked against the spec's
`nvs_from_edge_service_provider_data` enums (`provider`/`type`, `tunnelMode`,
`providerCategory`, `tunnelingProtocol`) and public IP addresses (`nvsPublicIp`) where present.
An update replaces the fields it names (`name`, `type`, `data` whole, alert switches). A
service a profile's module references (its logicalId anywhere in the document) cannot be
deleted: the error names the profiles.

Not implemented: the documents of the other service types are stored unchecked; usage counts
other than through configuration modules; partner gateways (`includePartnerGateways`).
"""

from __future__ import annotations

import ipaddress
from typing import Any

from ..store import Record, Tx
from . import enterprises, kinds, usage
from .auth import Principal
from .errors import DataConflict, FieldError, InvalidRequest
from .validation import StrictModel, parse

NAME_MAX = 255
NVS_VIA_EDGE = "nvsViaEdgeService"
# the spec's nvs_from_edge_service_provider_data enums
NVS_ENUMS: dict[str, tuple[str, ...]] = {
    "provider": ("genericIKEv2Router", "genericIKEv1Router", "microsoftAzureVirtualWan", "Zscaler"),
    "type": ("genericIKEv2Router", "genericIKEv1Router", "microsoftAzureVirtualWan", "Zscaler"),
    "tunnelMode": ("ACTIVE_ACTIVE", "ACTIVE_HOT_STANDBY", "ACTIVE_STANDBY"),
    "providerCategory": ("DATACENTER", "CSS"),
    "tunnelingProtocol": ("IPSEC", "GRE"),
}


class NewEnterpriseService(StrictModel):
    """`enterprise/insertEnterpriseService` params."""

    enterpriseId: int | None = None
    type: str
    name: str
    data: dict[str, Any]
    edgeId: int | None = None
    parentGroupId: int | None = None


class ServiceUpdate(StrictModel):
    """The `_update` of `enterprise/updateEnterpriseService`."""

    name: str | None = None
    type: str | None = None
    data: dict[str, Any] | None = None
    alertsEnabled: int | None = None
    operatorAlertsEnabled: int | None = None


def list_services(
    tx: Tx,
    principal: Principal,
    enterprise_id: int | None,
    *,
    type: str | None = None,
    name: str | None = None,
) -> list[Record]:
    """The enterprise's services in id order, optionally of one type and/or one name."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    return [
        s
        for s in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=enterprise.id)
        if (type is None or s.data.get("type") == type) and (name is None or s.name == name)
    ]


def find_service(
    tx: Tx, principal: Principal, enterprise_id: int | None, *, id: int | None, logical_id: str | None = None
) -> Record | None:
    """The enterprise's service with this id (or logicalId), or None."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    for service in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=enterprise.id):
        if (id is not None and service.id == id) or (id is None and service.logical_id == logical_id):
            return service
    return None


def insert_service(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(NewEnterpriseService, params, what="enterprise/insertEnterpriseService params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    name = valid_name(req.name)
    require_unique_name(tx, enterprise.id, req.type, name, except_id=None)
    _check_document(req.type, req.data)
    return tx.insert(
        kinds.ENTERPRISE_SERVICE,
        name,
        {
            "type": req.type,
            "description": None,
            "data": req.data,
            "edgeId": req.edgeId,
            "parentGroupId": req.parentGroupId,
            "alertsEnabled": 1,
            "operatorAlertsEnabled": 1,
        },
        enterprise_id=enterprise.id,
    )


def update_service(tx: Tx, principal: Principal, service: Record, update: Any) -> Record:
    """Apply `_update` (the fields it names; `data` replaced whole)."""
    principal.require_write()
    req = parse(ServiceUpdate, update, what="enterprise/updateEnterpriseService _update", at="_update")
    data = dict(service.data)
    name = service.name
    fields = req.model_fields_set
    new_type = req.type if req.type is not None else str(data.get("type"))
    assert service.enterprise_id is not None
    if (req.name is not None and req.name != service.name) or new_type != data.get("type"):
        name = valid_name(req.name if req.name is not None else service.name)
        require_unique_name(tx, service.enterprise_id, new_type, name, except_id=service.id)
    data["type"] = new_type
    if "data" in fields:
        if req.data is None:
            raise InvalidRequest("_update.data must be an object", [FieldError("_update.data", "an object")])
        _check_document(new_type, req.data)
        data["data"] = req.data
    for switch in ("alertsEnabled", "operatorAlertsEnabled"):
        if switch in fields:
            data[switch] = getattr(req, switch)
    return tx.update(service, name, data)


def delete_service(tx: Tx, principal: Principal, service: Record) -> None:
    """Delete a service no profile references."""
    principal.require_write()
    profiles = usage.profiles_of(tx, service_modules(tx, service))
    if profiles:
        raise DataConflict(
            f"service {service.name!r} (id {service.id}) is used by profile(s) "
            f"{usage.describe_profiles(profiles)}; remove it from their settings first"
        )
    for member in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=service.enterprise_id):
        if member.data.get("parentGroupId") == service.id:
            tx.delete(member)  # a hub cluster's members (domain/edge_clusters.py) go with it
    tx.delete(service)


def service_modules(tx: Tx, service: Record) -> list[Record]:
    """The enterprise's configuration modules that reference the service's logicalId."""
    assert service.enterprise_id is not None
    logical_id = service.logical_id
    return usage.referencing_modules(tx, service.enterprise_id, lambda value: value == logical_id)


# -- checks --------------------------------------------------------------------------------


def valid_name(name: str) -> str:
    if not name.strip() or len(name) > NAME_MAX:
        raise InvalidRequest(
            f"name {name!r} is invalid: a name is 1-{NAME_MAX} characters, not only blanks",
            [FieldError("name", f"1-{NAME_MAX} characters")],
        )
    return name


def require_unique_name(tx: Tx, enterprise_id: int, type: str, name: str, *, except_id: int | None) -> None:
    folded = name.casefold()
    for s in tx.find(kinds.ENTERPRISE_SERVICE, enterprise_id=enterprise_id):
        if s.id != except_id and s.data.get("type") == type and s.name.casefold() == folded:
            raise DataConflict(f"the enterprise already has a {type} service named {s.name!r} (id {s.id})")


def _check_document(type: str, data: dict[str, Any]) -> None:
    """The checks the spec allows for a non-SD-WAN destination via edges; others are stored as sent."""
    if type != NVS_VIA_EDGE:
        return
    errors = [
        FieldError(f"data.{key}", f"{data[key]!r} is not one of {', '.join(allowed)}")
        for key, allowed in NVS_ENUMS.items()
        if key in data and data[key] not in allowed
    ]
    for server in ("primaryServer", "backupServer"):
        block = data.get(server)
        if block is not None and not isinstance(block, dict):
            errors.append(FieldError(f"data.{server}", "must be an object"))
            continue
        ip = (block or {}).get("nvsPublicIp")
        if ip not in (None, "") and not _is_address(ip):
            errors.append(FieldError(f"data.{server}.nvsPublicIp", f"{ip!r} is not an IP address"))
    if errors:
        summary = "; ".join(f"{e.path}: {e.message}" for e in errors)
        raise InvalidRequest(f"invalid non-SD-WAN destination document: {summary}", errors)


def _is_address(value: Any) -> bool:
    try:
        ipaddress.ip_address(str(value))
    except ValueError:
        return False
    return True
