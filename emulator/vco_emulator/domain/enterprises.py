"""Enterprises (customers): create, read, list, update, delete, with the Orchestrator's rules.

Rules enforced: names are unique across the network (case-insensitive) and 1-255
characters; the gateway pool and operator profiles a create names must exist; a new
enterprise gets an enterprise profile derived from its first operator profile; an
enterprise that still has edges cannot be deleted, and deleting one removes its profiles
and users (and their API tokens and sessions). Operators and partner (MSP) users create and
delete enterprises; a partner's new enterprise is its own (`enterpriseProxyId`) and a
partner sees only its own; enterprise users see only their own. The first user of a new
enterprise follows the rules of `domain/users.py` and gets the Enterprise Superuser role.

Not implemented yet: licenses and service licenses are stored but not checked;
`enableExportRestriction` and the delegation flags have no effect.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..store import Record, Tx
from . import profiles as profiles_
from . import roles, users
from .auth import ENTERPRISE_USER, Principal
from .errors import DataConflict, FieldError, Forbidden, InvalidRequest, NotFound
from .validation import StrictModel, parse

KIND = "enterprise"
NAME_MAX = 255

PkiMode = Literal["CERTIFICATE_DISABLED", "CERTIFICATE_OPTIONAL", "CERTIFICATE_REQUIRED"]

# The site/contact fields an enterprise carries, shared by create and update.
ADDRESS_FIELDS = (
    "contactName",
    "contactPhone",
    "contactMobile",
    "contactEmail",
    "streetAddress",
    "streetAddress2",
    "city",
    "state",
    "postalCode",
    "country",
)


class AddressFields(StrictModel):
    """Contact and address fields shared by customers and sites."""

    contactName: str | None = None
    contactPhone: str | None = None
    contactMobile: str | None = None
    contactEmail: str | None = None
    streetAddress: str | None = None
    streetAddress2: str | None = None
    city: str | None = None
    state: str | None = None
    postalCode: str | None = None
    country: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    timezone: str | None = None
    locale: str | None = None


class NewEnterpriseUser(StrictModel):
    email: str | None = None
    username: str | None = None
    password: str | None = None
    password2: str | None = None
    firstName: str | None = None
    lastName: str | None = None
    officePhone: str | None = None
    mobilePhone: str | None = None


_DELEGATION_FLAGS = {
    "enableEnterpriseDelegationToOperator",
    "enableEnterpriseDelegationToProxy",
    "enableEnterpriseUserManagementDelegationToOperator",
    "delegateEdgeImageManagementToEnterprise",
}


class CreateEnterprise(AddressFields):
    """The v2 `CreateEnterpriseSchema`."""

    gatewayPool: str
    operatorProfiles: list[str] = Field(min_length=1)
    name: str = Field(min_length=1, max_length=NAME_MAX)
    accountNumber: str | None = None
    domain: str | None = None
    licenses: list[str] | None = None
    enableExportRestriction: bool = False
    serviceLicenses: dict[str, Any] | None = None
    enableEnterpriseDelegationToOperator: bool = True
    enableEnterpriseDelegationToProxy: bool = False
    enableEnterpriseUserManagementDelegationToOperator: bool = False
    delegateEdgeImageManagementToEnterprise: bool = False
    endpointPkiMode: PkiMode = "CERTIFICATE_OPTIONAL"
    user: NewEnterpriseUser | None = None


class EnterpriseUpdate(AddressFields):
    """The v1 `enterprise/updateEnterprise` `_update` object (site fields plus these)."""

    name: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    description: str | None = None
    gatewayPoolId: int | None = None
    networkId: int | None = None
    returnData: bool | None = None
    alertsEnabled: bool | None = None
    operatorAlertsEnabled: bool | None = None
    endpointPkiMode: PkiMode | None = None


def _require_provider(principal: Principal, action: str) -> None:
    """Only operators and partner (MSP) users with the privilege create or delete customers."""
    if principal.user_type == "ENTERPRISE":
        raise Forbidden("this operation requires an operator or partner (MSP) user")
    if not principal.has_privilege(action, "ENTERPRISE"):
        raise Forbidden(
            f"role {principal.role.name} of user {principal.username} may not {action} enterprises"
        )


def create_enterprise(tx: Tx, principal: Principal, payload: Any) -> Record:
    _require_provider(principal, "CREATE")
    req = parse(CreateEnterprise, payload, what="enterprise")
    pool = tx.get("gateway_pool", logical_id=req.gatewayPool)
    if pool is None:
        raise DataConflict(f"gatewayPool {req.gatewayPool!r} does not exist")
    profiles = []
    for i, logical_id in enumerate(req.operatorProfiles):
        profile = tx.get("operator_profile", logical_id=logical_id)
        if profile is None:
            raise InvalidRequest(
                f"operatorProfiles[{i}] {logical_id!r} is not an operator profile",
                [FieldError(f"operatorProfiles.{i}", "no operator profile has this logicalId")],
            )
        profiles.append(profile)
    _require_unique_name(tx, req.name)

    data: dict[str, Any] = {field: getattr(req, field) for field in ADDRESS_FIELDS}
    data.update(
        networkId=pool.data["networkId"],
        gatewayPoolId=pool.id,
        description=None,
        domain=req.domain,
        prefix=None,
        accountNumber=req.accountNumber,
        lat=req.lat,
        lon=req.lon,
        timezone=req.timezone or "America/Los_Angeles",
        locale=req.locale or "en-US",
        alertsEnabled=True,
        operatorAlertsEnabled=True,
        endpointPkiMode=req.endpointPkiMode,
        bastionState="UNCONFIGURED",
        operatorProfileIds=[p.id for p in profiles],
        licenses=req.licenses or [],
        serviceLicenses=req.serviceLicenses or {},
        delegation=req.model_dump(include=_DELEGATION_FLAGS),
        enterpriseProxyId=principal.enterprise_proxy_id if principal.is_partner else None,
    )
    enterprise = tx.insert(KIND, req.name, data)
    if not data["accountNumber"]:
        data["accountNumber"] = enterprise.logical_id.split("-")[0].upper()
        enterprise = tx.update(enterprise, enterprise.name, data)
    profiles_.create_global_segment(tx, enterprise.id)
    profiles_.create_profile(
        tx,
        enterprise.id,
        "Quick Start Profile",
        description=f"Enterprise profile derived from {profiles[0].name}",
        derived_from=profiles[0],
    )
    if req.user is not None:
        _create_first_user(tx, enterprise, req.user)
    return enterprise


def get_enterprise(
    tx: Tx, principal: Principal, *, id: int | None = None, logical_id: str | None = None
) -> Record:
    """One enterprise by numeric id or logicalId; an enterprise user gets their own by default."""
    if id is None and logical_id is None:
        if principal.enterprise_id is None:
            raise InvalidRequest(
                "enterpriseId is required for operator users", [FieldError("enterpriseId", "required")]
            )
        id = principal.enterprise_id
    record = tx.get(KIND, id=id) if id is not None else tx.get(KIND, logical_id=logical_id)
    if record is None or not principal.can_see_enterprise(record.id):
        key = id if id is not None else logical_id
        raise NotFound(f"enterprise {key} not found")
    return record


def list_enterprises(tx: Tx, principal: Principal) -> list[Record]:
    return [e for e in tx.find(KIND) if principal.can_see_enterprise(e.id)]


def update_enterprise(tx: Tx, principal: Principal, enterprise_id: int | None, changes: Any) -> Record:
    principal.require_write()
    enterprise = get_enterprise(tx, principal, id=enterprise_id)
    update = parse(EnterpriseUpdate, changes if changes is not None else {}, what="_update")
    fields = update.model_dump(exclude_unset=True, exclude={"returnData"})
    if "gatewayPoolId" in fields or "networkId" in fields:
        principal.require_operator()
        if "gatewayPoolId" in fields and tx.get("gateway_pool", id=fields["gatewayPoolId"]) is None:
            raise DataConflict(f"gatewayPoolId {fields['gatewayPoolId']} does not exist")
    name = fields.pop("name", None) or enterprise.name
    if name.casefold() != enterprise.name.casefold():
        _require_unique_name(tx, name)
    return tx.update(enterprise, name, {**enterprise.data, **fields})


def delete_enterprise(
    tx: Tx, principal: Principal, *, id: int | None = None, logical_id: str | None = None
) -> None:
    _require_provider(principal, "DELETE")
    enterprise = get_enterprise(tx, principal, id=id, logical_id=logical_id)
    edges = tx.find("edge", enterprise_id=enterprise.id)
    if edges:
        raise DataConflict(
            f"enterprise {enterprise.name!r} still has {len(edges)} edge(s); delete them first"
        )
    for user in tx.find(ENTERPRISE_USER, enterprise_id=enterprise.id):
        tx.delete_user_credentials(user.id)
    tx.delete_children(enterprise.id)
    tx.delete(enterprise)


def _require_unique_name(tx: Tx, name: str) -> None:
    folded = name.casefold()
    if any(e.name.casefold() == folded for e in tx.find(KIND)):
        raise DataConflict(f"an enterprise named {name!r} already exists")


def _create_first_user(tx: Tx, enterprise: Record, user: NewEnterpriseUser) -> Record:
    fields = user.model_dump(exclude_none=True)
    fields.setdefault("username", user.email)
    return users.create_user(
        tx,
        ENTERPRISE_USER,
        {**fields, "roleId": roles.ENTERPRISE_SUPERUSER.id},
        enterprise_id=enterprise.id,
        prefix="user.",
    )
