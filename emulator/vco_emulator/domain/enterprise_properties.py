"""The one store of enterprise properties (`enterprise_property` rows): every method that reads or
writes a property goes through here, so whichever v1 method wrote one, every other reads it back
the same.

- `find` (by name), `by_id`: the stored property or None (`enterprise/getEnterpriseProperty`
  answers null for a property never written: docs/evidence.md section 12).
- `read_or_create`: the stored property, or a property the emulator knows (`KNOWN`: the switches
  behind `getEnterpriseDistributedCostCalculation`, `getEnterpriseUseNSDPolicy`, the rate limits,
  the maximum number of segments, ...) created with its default the first time it is asked for,
  as those methods answer a stored `enterprise_property` with an id.
- `value`: the stored value, else the known default, without creating anything (a property
  never written reads as its default, e.g. edge image management as off).
- `write`: insert or update by name; fields not given keep their stored value, on an insert they
  come from the known property of that name (else STRING, not a password, no description); the
  value must parse as its `dataType` (NUMBER, BOOLEAN "true"/"false", JSON) whoever writes it, so
  every stored value does.
- `set_value`: a known property written by its own method (with the property's `dataType`).

Callers look the enterprise up (and check the caller may see it) before calling in.

The known names are the emulator's: the real Orchestrator's are not published, except
`vco.enterprise.edgeImageManagement.enable` (docs/evidence.md). Not implemented: DATE/DATETIME
values are not checked; password properties are stored and shown like others (`isPassword` kept
only); partner and system properties.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..store import Record, Tx
from . import kinds
from .auth import Principal
from .errors import FieldError, InvalidRequest


@dataclass(frozen=True)
class Property:
    name: str
    default: str
    data_type: str
    description: str


KNOWN: dict[str, Property] = {}


def known(prop: Property) -> Property:
    """Register a property the emulator's own methods read and write; returns it."""
    KNOWN[prop.name] = prop
    return prop


USE_NSD_POLICY = known(
    Property(
        "vco.enterprise.nsd.useNsdPolicy",
        "false",
        "BOOLEAN",
        "Non-SD-WAN destinations use NSD policy buckets",
    )
)
DISTRIBUTED_COST_CALCULATION = known(
    Property(
        "vco.enterprise.routing.distributedCostCalculation",
        "false",
        "BOOLEAN",
        "Route costs are calculated on the edges and gateways instead of the Orchestrator",
    )
)
SECURE_EDGE_ACCESS_MODE = known(
    Property(
        "vco.enterprise.edgeAccess.mode", "PASSWORD", "STRING", "How support users authenticate on the edges"
    )
)
IMAGE_MANAGEMENT = known(
    Property("vco.enterprise.edgeImageManagement.enable", "false", "BOOLEAN", "Edge image management")
)
RATE_LIMITS = known(Property("vco.enterprise.api.rateLimits", "[]", "JSON", "API rate limits"))
MAXIMUM_SEGMENTS = known(
    Property(
        "vco.enterprise.segments.maximum",
        "16",
        "NUMBER",
        "Maximum number of network segments of the enterprise",
    )
)


# -- reading ------------------------------------------------------------------------------


def find(tx: Tx, enterprise: Record, name: str) -> Record | None:
    """The enterprise's stored property `name`, or None when it was never written."""
    found = tx.find(kinds.ENTERPRISE_PROPERTY, enterprise_id=enterprise.id, name=name)
    return found[0] if found else None


def by_id(tx: Tx, enterprise: Record, property_id: int) -> Record | None:
    """The enterprise's stored property with this id, or None."""
    record = tx.get(kinds.ENTERPRISE_PROPERTY, id=property_id)
    return record if record is not None and record.enterprise_id == enterprise.id else None


def read_or_create(tx: Tx, enterprise: Record, prop: Property) -> Record:
    """The stored property, created with its default the first time it is asked for."""
    record = find(tx, enterprise, prop.name)
    if record is None:
        record, _ = write(tx, enterprise, prop.name, prop.default, data_type=prop.data_type)
    return record


def value(tx: Tx, enterprise: Record, prop: Property) -> str:
    """The stored value, else the property's default (nothing is created)."""
    record = find(tx, enterprise, prop.name)
    return prop.default if record is None else str(record.data.get("value"))


# -- writing ------------------------------------------------------------------------------


def check_value(name: str, text: str, data_type: str, *, secret: bool = False) -> None:
    """InvalidRequest naming the property, the value (not a password's) and its type if `text`
    does not parse as it."""
    try:
        if data_type == "NUMBER":
            float(text)
        elif data_type == "BOOLEAN" and text not in ("true", "false"):
            raise ValueError("not true or false")
        elif data_type == "JSON":
            json.loads(text)
    except ValueError as exc:
        shown, why = ("(not shown: a password)", "") if secret else (repr(text), f": {exc}")
        raise InvalidRequest(
            f"value {shown} of property {name!r} is not a valid {data_type}{why}",
            [FieldError("value", f"not a {data_type}")],
        ) from None


def write(
    tx: Tx,
    enterprise: Record,
    name: str,
    text: str,
    *,
    data_type: str | None = None,
    is_password: bool | None = None,
    description: str | None = None,
) -> tuple[Record, bool]:
    """Insert or update the property `name`; returns it and whether it was inserted."""
    record = find(tx, enterprise, name)
    prop = KNOWN.get(name)
    old = record.data if record is not None else {}
    kind = str(data_type or old.get("dataType") or (prop.data_type if prop else "STRING"))
    if description is None:
        description = old.get("description") if record is not None else (prop.description if prop else None)
    data = {
        "value": text,
        "dataType": kind,
        "isPassword": is_password if is_password is not None else bool(old.get("isPassword", False)),
        "description": description,
    }
    check_value(name, text, kind, secret=bool(data["isPassword"]))
    if record is not None:
        return tx.update(record, name, data), False
    return tx.insert(kinds.ENTERPRISE_PROPERTY, name, data, enterprise_id=enterprise.id), True


# -- known properties ---------------------------------------------------------------------


def set_value(tx: Tx, principal: Principal, enterprise: Record, prop: Property, text: str) -> Record:
    """Write a known property (with its own `dataType`); the caller must be allowed to write."""
    principal.require_write()
    record, _ = write(tx, enterprise, prop.name, text, data_type=prop.data_type)
    return record
