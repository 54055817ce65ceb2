"""The Orchestrator's system roles, in one place: ids, names, user types and what each may do.

The twelve roles and their names are those the v1 spec names in its role maps (Operator,
MSP and Enterprise Superuser / Standard Admin / Business / Support / Read Only). What each
role may do is a guess at the real Orchestrator's behaviour, stated in `Role.allows`:
every role may read (`READ`, `VIEW_*`); Superusers may do everything in their scope;
Standard Admins everything except managing users, roles and delegation; Business
specialists may manage customers, users and tokens; Support and Read Only may only read.

Custom roles of an enterprise are `domain/custom_roles.py` (built from `functional_roles.py`).
Not implemented: role customization packages (`role/*RoleCustomization*`), role precedence
rules when assigning roles, the 'Customer Support' role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RoleUserType = Literal["OPERATOR", "MSP", "ENTERPRISE"]
Level = Literal["SUPERUSER", "STANDARD_ADMIN", "BUSINESS", "SUPPORT", "READ_ONLY"]

# Actions that only read; every other action (CREATE, UPDATE, DELETE, MODIFY_*) writes.
READ_ACTIONS = frozenset(
    {"READ", "VIEW_FLOW_STATS", "VIEW_USER_IDENTIFIABLE_FLOW_STATS", "VIEW_PATH_STATS", "VIEW_FIREWALL_LOGS"}
)
# Privilege objects that only Superusers may change.
ADMINISTRATION_OBJECTS = frozenset(
    {
        "OPERATOR_USER",
        "PROXY_USER",
        "ENTERPRISE_USER",
        "OPERATOR_SCOPED_ROLE",
        "MSP_SCOPED_ROLE",
        "ENTERPRISE_SCOPED_ROLE",
        "ROLE_CUSTOMIZATION_PACKAGE",
        "ENTERPRISE_DELEGATION",
        "ENTERPRISE_PROXY_DELEGATION",
    }
)
# Privilege objects that Business specialists may change.
BUSINESS_OBJECTS = frozenset(
    {"ENTERPRISE", "ENTERPRISE_USER", "PROXY_USER", "ENTERPRISE_TOKEN", "PROXY_TOKEN", "INVENTORY"}
)


@dataclass(frozen=True)
class Role:
    id: int
    key: str
    name: str
    user_type: RoleUserType
    level: Level
    description: str

    @property
    def is_super(self) -> bool:
        return self.level == "SUPERUSER"

    @property
    def read_only(self) -> bool:
        return self.level in ("SUPPORT", "READ_ONLY")

    def allows(self, action: str, obj: str | None) -> bool:
        """Whether this role holds the privilege `action` on `obj` (within its own scope)."""
        if action in READ_ACTIONS or self.level == "SUPERUSER":
            return True
        if self.level == "STANDARD_ADMIN":
            return obj not in ADMINISTRATION_OBJECTS and not action.startswith("MODIFY_")
        if self.level == "BUSINESS":
            return obj in BUSINESS_OBJECTS
        return False


def _role(id: int, user_type: RoleUserType, level: Level, description: str) -> Role:
    prefix = user_type.title() if user_type != "MSP" else "MSP"
    label = level.replace("_", " ").title()
    return Role(id, f"{user_type}_{level}", f"{prefix} {label}", user_type, level, description)


ROLES: tuple[Role, ...] = (
    _role(1, "OPERATOR", "SUPERUSER", "Full control of the Orchestrator"),
    _role(2, "OPERATOR", "STANDARD_ADMIN", "Operator administration without user management"),
    _role(3, "OPERATOR", "BUSINESS", "Manages customers, their users and licenses"),
    _role(4, "OPERATOR", "SUPPORT", "Reads everything, changes nothing"),
    _role(5, "MSP", "SUPERUSER", "Full control of the partner's customers"),
    _role(6, "MSP", "STANDARD_ADMIN", "Partner administration without user management"),
    _role(7, "MSP", "BUSINESS", "Manages the partner's customers and their users"),
    _role(8, "MSP", "SUPPORT", "Reads the partner's customers, changes nothing"),
    _role(9, "ENTERPRISE", "SUPERUSER", "Full control of one customer"),
    _role(10, "ENTERPRISE", "STANDARD_ADMIN", "Customer administration without user management"),
    _role(11, "ENTERPRISE", "SUPPORT", "Reads the customer for troubleshooting, changes nothing"),
    _role(12, "ENTERPRISE", "READ_ONLY", "Reads the customer, changes nothing"),
)
_BY_ID = {r.id: r for r in ROLES}
_BY_KEY = {r.key: r for r in ROLES}

OPERATOR_SUPERUSER = _BY_KEY["OPERATOR_SUPERUSER"]
MSP_SUPERUSER = _BY_KEY["MSP_SUPERUSER"]
ENTERPRISE_SUPERUSER = _BY_KEY["ENTERPRISE_SUPERUSER"]
ENTERPRISE_STANDARD_ADMIN = _BY_KEY["ENTERPRISE_STANDARD_ADMIN"]
ENTERPRISE_READ_ONLY = _BY_KEY["ENTERPRISE_READ_ONLY"]


def by_id(role_id: int) -> Role | None:
    return _BY_ID.get(role_id)


def of_user_type(user_type: str) -> list[Role]:
    """The roles for a `role/getUserTypeRoles` userType (PARTNER is the MSP's older name)."""
    wanted = "MSP" if user_type == "PARTNER" else user_type
    return [r for r in ROLES if r.user_type == wanted]
