"""Cloning an enterprise (v1 `enterprise/cloneEnterpriseV2`): a new customer made like an existing
one, by an operator or a partner.

The new enterprise takes the request's name, first user (a superuser), operator profile
(`configurationId`, as `insertEnterprise` takes it), gateway pool (the source's unless
`gatewayPoolId`), address (the request's fields, else the source's) and delegation switches; it
gets copies of the source's network segments, object groups and enterprise services (same
names, ids and documents; new logicalIds). Like any new enterprise it starts with a Quick Start
Profile derived from the operator profile.

Not implemented: copying the source's profiles and edges (the copied objects would need their
logicalIds rewritten inside profile documents), licenses (`licenses.ids`, `serviceLicenses`
stored as given), `networkId` other than the pool's.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import Field

from ..store import Record, Tx
from . import enterprises, kinds
from .auth import Principal
from .edges import Site
from .enterprises import AddressFields
from .errors import FieldError, InvalidRequest
from .validation import StrictModel, parse

COPIED_KINDS = (kinds.NETWORK_SEGMENT, kinds.OBJECT_GROUP, kinds.ENTERPRISE_SERVICE)


class CloneUser(StrictModel):
    """The spec's `auth_object` with the user's names."""

    username: str
    password: str
    password2: str | None = None
    email: str | None = None
    firstName: str | None = None
    lastName: str | None = None
    officePhone: str | None = None
    mobilePhone: str | None = None


class _Licenses(StrictModel):
    ids: list[int] = []


class CloneEnterprise(Site):
    """`clone_enterprise_v2_request`: site fields, delegation switches and the clone's own."""

    id: int
    name: str = Field(min_length=1, max_length=enterprises.NAME_MAX)  # the enterprise's, not a site's
    user: CloneUser
    configurationId: int
    gatewayPoolId: int | None = None
    networkId: int | None = None
    accountNumber: str | None = None
    licenses: _Licenses | None = None
    serviceLicenses: dict[str, Any] | None = None
    with_: list[str] | None = Field(None, alias="with")
    enableEnterpriseDelegationToOperator: bool | None = None
    enableEnterpriseDelegationToProxy: bool | None = None
    enableEnterpriseUserManagementDelegationToOperator: bool | None = None
    delegateEdgeImageManagementToEnterprise: bool | None = None
    enableExportRestriction: bool | None = None
    assignedOperatorProfileConfigurationIds: list[int] | None = None


def clone_enterprise(tx: Tx, principal: Principal, params: Any) -> Record:
    req = parse(CloneEnterprise, params, what="enterprise/cloneEnterpriseV2 params")
    source = enterprises.get_enterprise(tx, principal, id=req.id)
    template = tx.get(kinds.OPERATOR_PROFILE, id=req.configurationId)
    if template is None:
        raise InvalidRequest(
            f"configurationId {req.configurationId} is not an operator profile",
            [FieldError("configurationId", "an operator profile id")],
        )
    pool = tx.get(kinds.GATEWAY_POOL, id=req.gatewayPoolId or int(source.data["gatewayPoolId"]))
    if pool is None:
        raise InvalidRequest(
            f"gatewayPoolId {req.gatewayPoolId} is not a gateway pool",
            [FieldError("gatewayPoolId", "unknown")],
        )
    address = {
        f: getattr(req, f) if getattr(req, f) is not None else source.data.get(f)
        for f in AddressFields.model_fields
    }
    delegation = {
        k: v
        for k, v in req.model_dump(
            include=enterprises._DELEGATION_FLAGS | {"enableExportRestriction"}
        ).items()
        if v is not None
    }
    payload = {
        **{k: v for k, v in address.items() if v is not None},
        **delegation,
        "name": req.name,
        "gatewayPool": pool.logical_id,
        "operatorProfiles": [template.logical_id],
        "accountNumber": req.accountNumber,
        "serviceLicenses": req.serviceLicenses,
        "user": req.user.model_dump(exclude_none=True),
    }
    clone = enterprises.create_enterprise(tx, principal, payload)
    for kind in COPIED_KINDS:
        for record in tx.find(kind, enterprise_id=source.id):
            if kind == kinds.NETWORK_SEGMENT and record.data.get("segmentId") == 0:
                continue  # every enterprise has its own Global Segment
            tx.insert(kind, record.name, copy.deepcopy(record.data), enterprise_id=clone.id)
    return clone
