"""Custom roles, functional roles and delegation flags of the v1 API (`compositeRole/*`,
`functionalRole/getByEnterprise`, `role/isEnterprise*DelegatedTo*`).

The spec's `role` has no list of functional roles; `functional_role_ids` is read when an
Orchestrator sends it (`functionalRoleIds`, not in the spec) and is None otherwise.
"""

from __future__ import annotations

from ..ids import VcoId
from .base import ApiModel


class RoleObjectV1(ApiModel):
    """An item of `compositeRole/getByEnterprise` or `functionalRole/getByEnterprise` (the spec's `role`)."""

    id: VcoId
    name: str
    description: str | None = None
    enterprise_id: VcoId | None = None
    role_type: str | None = None
    is_custom: bool | None = None
    functional_role_ids: list[VcoId] | None = None
    created: str | None = None


class Delegated(ApiModel):
    """The answer of `role/setEnterprise*DelegatedTo*` and `role/isEnterprise*DelegatedTo*`."""

    is_delegated: bool
