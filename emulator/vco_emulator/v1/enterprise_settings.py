"""v1 enterprise properties, capabilities, rate limits and delegation flags (domain/enterprise_settings.py).

Methods: `enterprise/getEnterpriseProperty`, `insertOrUpdateEnterpriseProperty`,
`getEnterprisesWithProperty`, `getEnterpriseProxyEnterprisesWithProperty`,
`getEnterpriseCapabilities`, `insertOrUpdateEnterpriseCapability`, `getEnterpriseRateLimits`,
`insertOrUpdateEnterpriseRateLimits`, and `role/setEnterprise*DelegatedTo*` with their readers
`role/isEnterprise*DelegatedTo*` (absent from the 5.1 spec, served by real Orchestrators: the
vendor's own API test suite and a current Python client call them, docs/evidence.md section 12).
An insert-or-update of a property answers `{"rows": 1}` (plus `id` on an insert), as a VMware
sample expects.
"""

from __future__ import annotations

from typing import Any

from ..domain import enterprise_settings as settings
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..store import Tx
from .enterprise import enterprise_object
from .network_segment import enterprise_property_object
from .objects import written
from .rpc import method


class _EnterpriseOnly(StrictModel):
    enterpriseId: int | None = None


def _enterprise_id(params: dict[str, Any], what: str) -> int | None:
    return parse(_EnterpriseOnly, params, what=f"{what} params").enterpriseId


@method("enterprise/getEnterpriseProperty")
def get_enterprise_property(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any] | None:
    record = settings.get_property(tx, principal, params)
    return None if record is None else enterprise_property_object(record)


@method("enterprise/insertOrUpdateEnterpriseProperty")
def insert_or_update_enterprise_property(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    record, inserted = settings.set_property(tx, principal, params)
    return written(record.id) if inserted else written()


@method("enterprise/getEnterprisesWithProperty")
def get_enterprises_with_property(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    found = settings.enterprises_with_property(tx, principal, params, partner_only=False)
    return [enterprise_object(e) for e in found]


@method("enterprise/getEnterpriseProxyEnterprisesWithProperty")
def get_enterprise_proxy_enterprises_with_property(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    found = settings.enterprises_with_property(tx, principal, params, partner_only=True)
    return [enterprise_object(e) for e in found]


@method("enterprise/getEnterpriseCapabilities")
def get_enterprise_capabilities(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, bool]:
    return settings.get_capabilities(
        tx, principal, _enterprise_id(params, "enterprise/getEnterpriseCapabilities")
    )


@method("enterprise/insertOrUpdateEnterpriseCapability")
def insert_or_update_enterprise_capability(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    settings.set_capability(tx, principal, params)
    return written()


@method("enterprise/getEnterpriseRateLimits")
def get_enterprise_rate_limits(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    eid = _enterprise_id(params, "enterprise/getEnterpriseRateLimits")
    return enterprise_property_object(settings.get_rate_limits(tx, principal, eid))


@method("enterprise/insertOrUpdateEnterpriseRateLimits")
def insert_or_update_enterprise_rate_limits(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    return written(settings.set_rate_limits(tx, principal, params).id)


def _setter(name: str, which: str) -> None:
    @method(name)
    def set_flag(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
        unknown = set(params) - {"enterpriseId", "enterpriseProxyId", "isDelegated"}
        if unknown:
            raise InvalidRequest(
                f"delegation flag missing to {name.rsplit('/', 1)[-1]}",
                [FieldError(k, "not allowed") for k in sorted(unknown)],
            )
        value = settings.set_delegation(
            tx, principal, params.get("enterpriseId"), which, params.get("isDelegated"), name
        )
        return {"isDelegated": value}


def _reader(name: str, which: str) -> None:
    @method(name)
    def is_flag(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
        eid = _enterprise_id(params, name)
        return {"isDelegated": settings.is_delegated(tx, principal, eid, which)}


for _which, _setter_name, _reader_name in (
    ("operator", "role/setEnterpriseDelegatedToOperator", "role/isEnterpriseDelegatedToOperator"),
    (
        "partner",
        "role/setEnterpriseDelegatedToEnterpriseProxy",
        "role/isEnterpriseDelegatedToEnterpriseProxy",
    ),
    (
        "user_management",
        "role/setEnterpriseUserManagementDelegatedToOperator",
        "role/isEnterpriseUserManagementDelegatedToOperator",
    ),
    (
        "sensitive_data_operator",
        "role/setEnterpriseViewSensitiveDataDelegatedToOperator",
        "role/isEnterpriseViewSensitiveDataDelegatedToOperator",
    ),
    (
        "sensitive_data_partner",
        "role/setEnterpriseViewSensitiveDataDelegatedToEnterpriseProxy",
        "role/isEnterpriseViewSensitiveDataDelegatedToEnterpriseProxy",
    ),
):
    _setter(_setter_name, _which)
    _reader(_reader_name, _which)
