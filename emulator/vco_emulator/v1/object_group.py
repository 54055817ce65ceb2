"""v1 `enterprise/*ObjectGroup*` methods: insertObjectGroup, getObjectGroups, updateObjectGroup,
deleteObjectGroup (address groups and port groups).

Not implemented: the spec gives getObjectGroups no usage count, so none is returned.
"""

from __future__ import annotations

from typing import Any, Literal

from ..domain import object_groups
from ..domain.auth import Principal
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .objects import enterprise_object_base, missed, written
from .rpc import method


def object_group_object(record: Record) -> dict[str, Any]:
    """A group as the spec's `object_group`: `data` is the list of its entries."""
    return {**enterprise_object_base(record, "OBJECT_GROUP"), "data": record.data["data"]}


class _GetObjectGroups(StrictModel):
    enterpriseId: int | None = None
    id: int | None = None
    type: Literal["address_group", "port_group"] | None = None


class _DeleteObjectGroup(StrictModel):
    enterpriseId: int | None = None
    id: int


@method("enterprise/getObjectGroups")
def get_object_groups(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    req = parse(_GetObjectGroups, params, what="enterprise/getObjectGroups params")
    records = object_groups.list_object_groups(tx, principal, req.enterpriseId, id=req.id, type=req.type)
    return [object_group_object(r) for r in records]


@method("enterprise/insertObjectGroup")
def insert_object_group(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    record = object_groups.insert_object_group(tx, principal, params)
    return written(record.id)


@method("enterprise/updateObjectGroup")
def update_object_group(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    record = object_groups.update_object_group(tx, principal, params)
    if record is None:
        return missed(f"object group {params.get('id')} not found in this enterprise")
    return written()


@method("enterprise/deleteObjectGroup")
def delete_object_group(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_DeleteObjectGroup, params, what="enterprise/deleteObjectGroup params")
    record = object_groups.delete_object_group(tx, principal, req.enterpriseId, req.id)
    if record is None:
        return missed(f"object group {req.id} not found in this enterprise", req.id)
    return written(req.id)
