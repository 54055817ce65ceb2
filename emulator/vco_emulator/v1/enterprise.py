"""v1 `enterprise/*` methods: getEnterprise, updateEnterprise."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from ..domain import enterprises
from ..domain.auth import Principal
from ..domain.errors import NotFound
from ..domain.validation import parse
from ..store import Record, Tx
from .objects import object_header
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


class _GetEnterprise(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: int | None = None
    enterpriseId: int | None = None
    with_: list[str] | None = None


class _UpdateEnterprise(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: int | None = None
    enterpriseId: int | None = None
    name: str | None = None
    update: dict[str, Any] | None = None


@method("enterprise/getEnterprise")
def get_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    params = {("with_" if k == "with" else k): v for k, v in params.items()}
    req = parse(_GetEnterprise, params, what="enterprise/getEnterprise params")
    record = enterprises.get_enterprise(tx, principal, id=req.enterpriseId or req.id)
    # `with: [enterpriseProxy]` adds the partner object; there are no partners here, and the
    # spec's `enterpriseProxy` is an object (not nullable), so the key is left out.
    return enterprise_object(record)


@method("enterprise/updateEnterprise")
def update_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    params = {("update" if k == "_update" else k): v for k, v in params.items()}
    req = parse(_UpdateEnterprise, params, what="enterprise/updateEnterprise params")
    try:
        enterprises.update_enterprise(tx, principal, req.enterpriseId or req.id, req.update)
    except NotFound as exc:
        return {"error": exc.message, "rows": 0}
    return {"rows": 1}
