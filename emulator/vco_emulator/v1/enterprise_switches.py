"""v1 enterprise switches and checks: enterprise/getEnterpriseDistributedCostCalculation,
setEnterpriseDistributedCostCalculation, insertOrUpdateSecureEdgeAccessMode,
isEnterpriseUpgradedLaterThan, encodeEnterpriseKey, decodeEnterpriseKey.

The switches are enterprise properties (`domain/enterprise_properties.py`, names guessed); the
answers are the spec's `enterprise_property`, `insertion_confirmation` and `{rows}`.
isEnterpriseUpgradedLaterThan compares the edges' `softwareVersion` (dotted numbers) with
`toVersion`: `upgraded` when every edge runs a later or equal version (an edge that never
reported one is not upgraded), `upgradedOnlineOnly` the same over CONNECTED edges only;
`checkEdges: false` answers both true; gateways are not emulated (`checkGateways` ignored).
The key methods round-trip through `domain/enterprise_keys.py` (not real encryption).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from ..domain import edges, enterprise_keys, enterprise_properties, enterprises
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .network_segment import enterprise_property_object
from .objects import written
from .rpc import method


class EnterpriseParams(StrictModel):
    enterpriseId: int | None = None


class SetFlagParams(StrictModel):
    enterpriseId: int | None = None
    value: bool


def property_answer(
    tx: Tx, principal: Principal, params: dict[str, Any], prop: enterprise_properties.Property, what: str
) -> dict[str, Any]:
    """A `get...` method of a boolean enterprise switch: the property as `enterprise_property`."""
    req = parse(EnterpriseParams, params, what=f"{what} params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    return enterprise_property_object(enterprise_properties.read_or_create(tx, enterprise, prop))


def set_flag(
    tx: Tx, principal: Principal, params: dict[str, Any], prop: enterprise_properties.Property, what: str
) -> dict[str, Any]:
    """A `set...` method of a boolean enterprise switch: `{id, rows}` of the property."""
    req = parse(SetFlagParams, params, what=f"{what} params")
    value = "true" if req.value else "false"
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    return written(enterprise_properties.set_value(tx, principal, enterprise, prop, value).id)


class _AccessMode(StrictModel):
    enterpriseId: int | None = None
    mode: Literal["PASSWORD", "SSH_KEY"]


class _Upgraded(StrictModel):
    enterpriseId: int | None = None
    toVersion: str
    checkEdges: bool = True
    checkGateways: bool = False


class _Key(StrictModel):
    key: str


_COST = (
    "enterprise/getEnterpriseDistributedCostCalculation",
    "enterprise/setEnterpriseDistributedCostCalculation",
)


@method(_COST[0])
def get_distributed_cost(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return property_answer(
        tx, principal, params, enterprise_properties.DISTRIBUTED_COST_CALCULATION, _COST[0]
    )


@method(_COST[1])
def set_distributed_cost(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return set_flag(tx, principal, params, enterprise_properties.DISTRIBUTED_COST_CALCULATION, _COST[1])


@method("enterprise/insertOrUpdateSecureEdgeAccessMode")
def set_secure_edge_access_mode(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_AccessMode, params, what="enterprise/insertOrUpdateSecureEdgeAccessMode params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    enterprise_properties.set_value(
        tx, principal, enterprise, enterprise_properties.SECURE_EDGE_ACCESS_MODE, req.mode
    )
    return {"rows": 1}


def _version(text: str, field: str) -> tuple[int, ...]:
    if not re.fullmatch(r"\d+(\.\d+)*", text.strip()):
        raise InvalidRequest(
            f"{field} {text!r} is not a dotted version like 5.2.0", [FieldError(field, "a version")]
        )
    return tuple(int(part) for part in text.strip().split("."))


def _at_least(edge: Record, wanted: tuple[int, ...]) -> bool:
    reported = edge.data.get("softwareVersion")
    if not isinstance(reported, str) or not re.fullmatch(r"\d+(\.\d+)*", reported):
        return False
    return _version(reported, "softwareVersion") >= wanted


@method("enterprise/isEnterpriseUpgradedLaterThan")
def is_upgraded_later_than(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Upgraded, params, what="enterprise/isEnterpriseUpgradedLaterThan params")
    wanted = _version(req.toVersion, "toVersion")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    if not req.checkEdges:
        return {"upgraded": True, "upgradedOnlineOnly": True}
    fleet = edges.list_edges(tx, principal, enterprise.id)
    online = [e for e in fleet if e.data.get("edgeState") == "CONNECTED"]
    return {
        "upgraded": all(_at_least(e, wanted) for e in fleet),
        "upgradedOnlineOnly": all(_at_least(e, wanted) for e in online),
    }


@method("enterprise/encodeEnterpriseKey")
def encode_enterprise_key(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Key, params, what="enterprise/encodeEnterpriseKey params")
    return {"key": enterprise_keys.encode(tx, req.key)}


@method("enterprise/decodeEnterpriseKey")
def decode_enterprise_key(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Key, params, what="enterprise/decodeEnterpriseKey params")
    return {"key": enterprise_keys.decode(tx, req.key)}
