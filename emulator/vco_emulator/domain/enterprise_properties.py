"""Enterprise properties (`enterprise_property` rows) that v1 methods read and set as switches:
the NSD policy flag, distributed cost calculation, the secure edge access mode.

A property is created with its default on first read or write. The property names are the
emulator's (the real Orchestrator's names are not published: a guess); values are strings as the
spec's `enterprise_property.value` is.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Record, Tx
from . import enterprises, kinds
from .auth import Principal


@dataclass(frozen=True)
class Property:
    name: str
    default: str
    data_type: str
    description: str


USE_NSD_POLICY = Property(
    "vco.enterprise.nsd.useNsdPolicy", "false", "BOOLEAN", "Non-SD-WAN destinations use NSD policy buckets"
)
DISTRIBUTED_COST_CALCULATION = Property(
    "vco.enterprise.routing.distributedCostCalculation",
    "false",
    "BOOLEAN",
    "Route costs are calculated on the edges and gateways instead of the Orchestrator",
)
SECURE_EDGE_ACCESS_MODE = Property(
    "vco.enterprise.edgeAccess.mode", "PASSWORD", "STRING", "How support users authenticate on the edges"
)


def get(tx: Tx, principal: Principal, enterprise_id: int | None, prop: Property) -> Record:
    """The enterprise's property, created with its default the first time it is asked for."""
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    for found in tx.find(kinds.ENTERPRISE_PROPERTY, enterprise_id=enterprise.id, name=prop.name):
        return found
    return tx.insert(
        kinds.ENTERPRISE_PROPERTY,
        prop.name,
        {
            "value": prop.default,
            "dataType": prop.data_type,
            "isPassword": False,
            "description": prop.description,
        },
        enterprise_id=enterprise.id,
    )


def set_value(tx: Tx, principal: Principal, enterprise_id: int | None, prop: Property, value: str) -> Record:
    principal.require_write()
    record = get(tx, principal, enterprise_id, prop)
    return tx.update(record, record.name, {**record.data, "value": value})
