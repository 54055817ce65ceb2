"""Network allocations (v1 `enterprise/*EnterpriseNetworkAllocation*`): an enterprise's named
address spaces (`data.spaces`: name, mode static/dynamic, cidrIp/cidrPrefix, maxVlans, vlans) that
profiles and edges draw their LAN subnets from (network-based profiles).

Enforced: a name (1-255 characters) unique within the enterprise (case-insensitive, a guess);
each space's `cidrIp` an IPv4 address and `cidrPrefix` 0-32, `mode` static or dynamic, VLAN ids
1-4094 and unique within a space. An update replaces the fields it names (`data` whole).

The `type` column shows "DEFAULT" (a guess). Not implemented: carving subnets for profiles' VLANs
(usage counts are zero), the check that a
space is not in use before a delete or an update shrinks it.
"""

from __future__ import annotations

import ipaddress
from typing import Any, Literal

from pydantic import Field

from ..store import Record, Tx
from . import enterprise_services, enterprises
from .auth import Principal
from .errors import DataConflict, FieldError, InvalidRequest
from .validation import StrictModel, parse

KIND = "network_allocation"


class Vlan(StrictModel):
    name: str | None = None
    vlanId: int | None = Field(None, ge=1, le=4094)
    staticReserved: int | None = Field(None, ge=0)


class Space(StrictModel):
    name: str | None = None
    mode: Literal["static", "dynamic"] | None = None
    cidrIp: str | None = None
    cidrPrefix: int | None = Field(None, ge=0, le=32)
    maxVlans: int | None = Field(None, ge=0)
    vlans: list[Vlan] | None = None


class AllocationData(StrictModel):
    spaces: list[Space] = Field(default_factory=list)


class NewAllocation(StrictModel):
    enterpriseId: int | None = None
    name: str
    data: AllocationData = Field(default_factory=AllocationData)


class AllocationUpdate(StrictModel):
    enterpriseId: int | None = None
    name: str | None = None
    data: AllocationData | None = None


class UpdateRequest(StrictModel):
    id: int
    enterpriseId: int | None = None
    update: AllocationUpdate = Field(alias="_update")


def list_allocations(
    tx: Tx, principal: Principal, enterprise_id: int | None, name: str | None = None
) -> list[Record]:
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    return [a for a in tx.find(KIND, enterprise_id=enterprise.id) if name is None or a.name == name]


def find_allocation(tx: Tx, principal: Principal, enterprise_id: int | None, id: int) -> Record | None:
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    found = tx.get(KIND, id=id)
    return found if found is not None and found.enterprise_id == enterprise.id else None


def insert_allocation(tx: Tx, principal: Principal, params: Any) -> Record:
    principal.require_write()
    req = parse(NewAllocation, params, what="enterprise/insertEnterpriseNetworkAllocation params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    name = enterprise_services.valid_name(req.name)
    _require_unique_name(tx, enterprise.id, name, except_id=None)
    return tx.insert(
        KIND,
        name,
        {"type": "DEFAULT", "description": None, "data": _checked(req.data, "data")},
        enterprise_id=enterprise.id,
    )


def update_allocation(tx: Tx, principal: Principal, params: Any) -> Record | None:
    principal.require_write()
    req = parse(UpdateRequest, params, what="enterprise/updateEnterpriseNetworkAllocation params")
    allocation = find_allocation(tx, principal, req.enterpriseId, req.id)
    if allocation is None:
        return None
    assert allocation.enterprise_id is not None
    name, data = allocation.name, dict(allocation.data)
    if req.update.name is not None and req.update.name != allocation.name:
        name = enterprise_services.valid_name(req.update.name)
        _require_unique_name(tx, allocation.enterprise_id, name, except_id=allocation.id)
    if req.update.data is not None:
        data["data"] = _checked(req.update.data, "_update.data")
    return tx.update(allocation, name, data)


def delete_allocation(tx: Tx, principal: Principal, enterprise_id: int | None, id: int) -> Record | None:
    principal.require_write()
    allocation = find_allocation(tx, principal, enterprise_id, id)
    if allocation is not None:
        tx.delete(allocation)
    return allocation


def _require_unique_name(tx: Tx, enterprise_id: int, name: str, *, except_id: int | None) -> None:
    for other in tx.find(KIND, enterprise_id=enterprise_id):
        if other.id != except_id and other.name.casefold() == name.casefold():
            raise DataConflict(
                f"the enterprise already has a network allocation named {other.name!r} (id {other.id})"
            )


def _checked(data: AllocationData, at: str) -> dict[str, Any]:
    errors: list[FieldError] = []
    for i, space in enumerate(data.spaces):
        if space.cidrIp is not None:
            try:
                ipaddress.IPv4Address(space.cidrIp)
            except ValueError:
                errors.append(
                    FieldError(f"{at}.spaces.{i}.cidrIp", f"{space.cidrIp!r} is not an IPv4 address")
                )
        ids = [v.vlanId for v in space.vlans or [] if v.vlanId is not None]
        if len(ids) != len(set(ids)):
            errors.append(FieldError(f"{at}.spaces.{i}.vlans", "VLAN ids must be unique within a space"))
    if errors:
        raise InvalidRequest(
            "invalid network allocation: " + "; ".join(f"{e.path}: {e.message}" for e in errors), errors
        )
    return data.model_dump(exclude_none=True)
