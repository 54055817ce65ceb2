"""v1 custom roles of an enterprise: `compositeRole/*ByEnterprise` and `functionalRole/getByEnterprise`.

Roles are shown as the spec's `role`; a custom role's id is `CUSTOM_ROLE_ID_BASE` + its row id
(domain/functional_roles.py). The spec's `role` has no list of functional roles, so a client
cannot read back which functional roles a custom role holds through these methods; this
emulator adds nothing the spec does not declare (a provider must remember what it wrote).
Not implemented: the `*ByOperator` and `*ByEnterpriseProxy` variants.
"""

from __future__ import annotations

from typing import Any, Literal

from ..domain import custom_roles, functional_roles
from ..domain.auth import Principal
from ..domain.enterprise_settings import enterprise_of
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from .enterprise_user import BUILT_IN_CREATED
from .rpc import method


class _GetRoles(StrictModel):
    userTypes: list[Literal["ENTERPRISE"]]
    enterpriseId: int | None = None
    roleIds: list[int] | None = None


class _GetFunctional(StrictModel):
    userType: Literal["ENTERPRISE"]
    enterpriseId: int | None = None
    excludeSuperRoles: bool | None = None


def _role(
    id: int, name: str, description: str, enterprise: Record, created: str, modified: str, *, custom: bool
) -> dict[str, Any]:
    return {
        "id": id,
        "created": created,
        "operatorId": None,
        "networkId": enterprise.data.get("networkId"),
        "enterpriseId": enterprise.id,
        "enterpriseProxyId": None,
        "name": name,
        "userType": "ENTERPRISE",
        "fromUserType": "ENTERPRISE",
        "roleType": "COMPOSITE" if custom else "FUNCTIONAL",
        "isCustom": int(custom),
        "isSuper": 0,
        "description": description,
        "precedence": 0,
        "modified": modified,
    }


def custom_role_object(record: Record, enterprise: Record) -> dict[str, Any]:
    return _role(
        custom_roles.api_id(record),
        record.name,
        record.data.get("description") or "",
        enterprise,
        record.created,
        record.modified,
        custom=True,
    )


@method("compositeRole/createByEnterprise")
def create_by_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return {"id": custom_roles.api_id(custom_roles.create(tx, principal, params))}


@method("compositeRole/getByEnterprise")
def get_by_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> list[dict[str, Any]]:
    req = parse(_GetRoles, params, what="compositeRole/getByEnterprise params")
    enterprise = enterprise_of(tx, principal, req.enterpriseId)
    return [
        custom_role_object(r, enterprise)
        for r in custom_roles.list_roles(tx, principal, enterprise.id, req.roleIds)
    ]


@method("compositeRole/updateByEnterprise")
def update_by_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    custom_roles.update(tx, principal, params)
    return {}


@method("compositeRole/deleteByEnterprise")
def delete_by_enterprise(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return {"rows": custom_roles.delete(tx, principal, params)}


@method("functionalRole/getByEnterprise")
def functional_roles_by_enterprise(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_GetFunctional, params, what="functionalRole/getByEnterprise params")
    enterprise = enterprise_of(tx, principal, req.enterpriseId)
    return [
        _role(r.id, r.name, r.description, enterprise, BUILT_IN_CREATED, BUILT_IN_CREATED, custom=False)
        for r in functional_roles.FUNCTIONAL_ROLES
    ]
