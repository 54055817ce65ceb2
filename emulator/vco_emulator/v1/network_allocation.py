"""v1 `enterprise/*EnterpriseNetworkAllocation*` methods: get one, list, insert, update, delete.
Allocations are answered as the spec's `enterprise_object_base` (object "NETWORK_ALLOCATION");
`with` values `edges` (none), `edgeCount` and `profileCount` (zero: allocations are not carved
for profiles here). Not implemented: see domain/network_allocations.py.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..domain import network_allocations
from ..domain.auth import Principal
from ..domain.errors import NotFound
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from . import with_options
from .objects import enterprise_object_base, missed, written
from .rpc import method

GET_ONE, GET_ALL = "enterprise/getEnterpriseNetworkAllocation", "enterprise/getEnterpriseNetworkAllocations"
WithOption = Literal["edges", "edgeCount", "profileCount"]

for _method in (GET_ONE, GET_ALL):
    with_options.adds(_method, "edges")(with_options.constant("edges", []))
    with_options.adds(_method, "edgeCount")(with_options.constant("edgeCount", 0))
    with_options.adds(_method, "profileCount")(with_options.constant("profileCount", 0))


def allocation_object(record: Record) -> dict[str, Any]:
    return {**enterprise_object_base(record, "NETWORK_ALLOCATION"), "data": record.data.get("data")}


class _GetOne(StrictModel):
    id: int
    enterpriseId: int | None = None
    with_: list[WithOption] | None = Field(None, alias="with")


class _GetAll(StrictModel):
    enterpriseId: int | None = None
    name: str | None = None
    with_: list[WithOption] | None = Field(None, alias="with")


class _Delete(StrictModel):
    id: int
    enterpriseId: int | None = None


@method(GET_ONE)
def get_enterprise_network_allocation(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_GetOne, params, what=f"{GET_ONE} params")
    found = network_allocations.find_allocation(tx, principal, req.enterpriseId, req.id)
    if found is None:
        raise NotFound(f"network allocation {req.id} not found")
    return with_options.expand(tx, GET_ONE, found, allocation_object(found), list(req.with_ or []))


@method(GET_ALL)
def get_enterprise_network_allocations(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_GetAll, params, what=f"{GET_ALL} params")
    wanted = list(req.with_ or [])
    return [
        with_options.expand(tx, GET_ALL, r, allocation_object(r), wanted)
        for r in network_allocations.list_allocations(tx, principal, req.enterpriseId, req.name)
    ]


@method("enterprise/insertEnterpriseNetworkAllocation")
def insert_enterprise_network_allocation(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    return written(network_allocations.insert_allocation(tx, principal, params).id)


@method("enterprise/updateEnterpriseNetworkAllocation")
def update_enterprise_network_allocation(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    if network_allocations.update_allocation(tx, principal, params) is None:
        return missed(f"network allocation {params.get('id')} not found in this enterprise")
    return written()


@method("enterprise/deleteEnterpriseNetworkAllocation")
def delete_enterprise_network_allocation(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(_Delete, params, what="enterprise/deleteEnterpriseNetworkAllocation params")
    deleted = network_allocations.delete_allocation(tx, principal, req.enterpriseId, req.id)
    return (
        written(req.id)
        if deleted is not None
        else missed("network allocation not found in this enterprise", req.id)
    )
