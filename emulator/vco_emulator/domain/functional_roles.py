"""Functional roles: the fixed privilege bundles a custom (composite) role is built from.

A custom role (`domain/custom_roles.py`) lists functional role ids; a user holding it may do
what any of its functional roles grants, and may always read (`roles.READ_ACTIONS`). The
ids, names and bundles below are the emulator's guess: the v1 spec names only the shape of a
functional role (`role` with `roleType` FUNCTIONAL), no real list was found
(docs/evidence.md section 12). Clients should look them up by name with
`functionalRole/getByEnterprise`, never hard-code ids.

Not implemented: operator and partner functional roles (`functionalRole/getByOperator`,
`getByEnterpriseProxy`), super (`isSuper`) functional roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from .roles import READ_ACTIONS

_WRITES = ("CREATE", "UPDATE", "DELETE")


@dataclass(frozen=True)
class FunctionalRole:
    id: int
    name: str
    description: str
    objects: tuple[str, ...]

    def grants(self) -> frozenset[str]:
        """The `ACTION:OBJECT` privileges it holds (writes on its objects; reads are free)."""
        return frozenset(f"{action}:{obj}" for obj in self.objects for action in _WRITES)


FUNCTIONAL_ROLES: tuple[FunctionalRole, ...] = (
    FunctionalRole(2001, "Edge Management", "Provision, change and delete edges", ("EDGE", "INVENTORY")),
    FunctionalRole(
        2002,
        "Configuration Management",
        "Profiles, network services, object groups and segments",
        ("ENTERPRISE_PROFILE", "NETWORK_SERVICE", "OBJECT_GROUP", "NETWORK_ALLOCATION"),
    ),
    FunctionalRole(2003, "Alert Management", "Alert configurations and recipients", ("ENTERPRISE_ALERT",)),
    FunctionalRole(
        2004,
        "User Management",
        "Users, their API tokens and custom roles",
        ("ENTERPRISE_USER", "ENTERPRISE_TOKEN", "ENTERPRISE_SCOPED_ROLE"),
    ),
    FunctionalRole(
        2005,
        "Customer Settings",
        "Customer details, properties, keys and delegation",
        ("ENTERPRISE", "ENTERPRISE_DELEGATION", "ENTERPRISE_KEYS", "ENTERPRISE_PKI"),
    ),
    FunctionalRole(2006, "Monitoring", "Read-only access to the customer", ()),
)
_BY_ID = {r.id: r for r in FUNCTIONAL_ROLES}


def by_id(role_id: int) -> FunctionalRole | None:
    return _BY_ID.get(role_id)


def grants_of(ids: list[int]) -> frozenset[str]:
    """Everything the functional roles `ids` grant together (unknown ids grant nothing)."""
    out: set[str] = set()
    for role_id in ids:
        role = _BY_ID.get(role_id)
        if role is not None:
            out |= role.grants()
    return frozenset(out)


def allows(grants: frozenset[str], action: str, obj: str | None) -> bool:
    """Whether a custom role with `grants` holds `action` on `obj`."""
    return action in READ_ACTIONS or f"{action}:{obj or ''}" in grants


# Custom (composite) roles show `CUSTOM_ROLE_ID_BASE + row id` as their id, so that a user's
# roleId says by itself whether it is a system role (domain/roles.py) or a custom one.
CUSTOM_ROLE_ID_BASE = 1_000_000


def custom_role_row(role_id: int) -> int | None:
    """The stored row id of the custom role `role_id`, or None for a system role id."""
    return role_id - CUSTOM_ROLE_ID_BASE if role_id > CUSTOM_ROLE_ID_BASE else None
