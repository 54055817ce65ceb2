"""Enterprise user and role payloads of the v1 API (`*EnterpriseUser*`, `role/getUserTypeRoles`).

The API never returns a password; `password_modified` says when it last changed.
"""

from __future__ import annotations

from ..ids import VcoId
from .base import ApiModel


class EnterpriseUserV1(ApiModel):
    """`enterpriseUser/getEnterpriseUser` / an item of `enterprise/getEnterpriseUsers`."""

    id: VcoId
    username: str
    created: str | None = None
    user_type: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    role_id: VcoId | None = None
    role_name: str | None = None
    is_active: bool | None = None
    password_modified: str | None = None
    enterprise_id: VcoId | None = None


class RoleV1(ApiModel):
    """An item of `role/getUserTypeRoles`."""

    id: VcoId
    name: str
    user_type: str | None = None
    is_custom: bool | None = None
