"""Who may call which operation: the v1 spec's `x-privileges`, enforced for every method.

`v1/rpc.py` calls `authorize_v1` before every v1 method and `context.call_domain` calls
`authorize_v2` before every v2 handler, so operations added later are covered without
their own checks. The v1 rules come from `v1_privileges_table.py`, derived from the
vendor spec by `scripts/gen_v1_privileges.py` (a unit test proves it matches the spec);
a method missing from the table is treated as an enterprise-scoped read (`get*`, `list*`)
or update (anything else) open to every user type.

Interpretation of the spec's fields (guesses at the real Orchestrator, see `Rule`):
`allowAuthTypes` (empty or ANY: every user type) minus `excludeAuthTypes`, plus
`conditionalAuthTypes`; `requirePrivileges` all needed, except that holding any one marked
`sufficient` is enough; `allowPrivilegeToSelf` waives the privileges (except those marked
`required`) when a user of that type addresses itself; `forceEnterpriseContext` sets an
enterprise user's `enterpriseId` to its own. For every non-operator, an `enterpriseId`
(or partner `enterpriseProxyId`) it cannot see is answered as not found, so no customer
ever learns about another's objects.

v2 has no privilege annotations: the action follows the HTTP method (GET read, POST create,
PUT/PATCH update, DELETE delete) and the object the path (edges, profiles, else the
enterprise); an `enterpriseLogicalId` the caller cannot see is not found (404).

Not implemented: principal types (edges, gateways, service accounts), delegation flags.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..store import Tx
from . import kinds
from .auth import Principal
from .errors import Forbidden, NotFound
from .v1_privileges_table import TABLE

Encoded = tuple[str, str, tuple[str, ...], str]


def encode(x_privileges: Mapping[str, Any]) -> Encoded:
    """The compact form of one method's `x-privileges` kept in the table (user principals only)."""
    require = tuple(
        f"{r['action']}:{r.get('object') or ''}"
        + ("?" if r.get("sufficient") else "")
        + ("!" if r.get("required") else "")
        for r in x_privileges.get("requirePrivileges", [])
    )
    flags = []
    if x_privileges.get("forceEnterpriseContext"):
        flags.append("forceEnterpriseContext")
    if x_privileges.get("forceEnterpriseProxyContext"):
        flags.append("forceEnterpriseProxyContext")
    if x_privileges.get("allowPrivilegeToSelf"):
        flags.append(f"self={x_privileges['allowPrivilegeToSelf']}")
    conditional = [c["authType"] for c in x_privileges.get("conditionalAuthTypes", [])]
    if conditional:
        flags.append("conditional=" + ",".join(conditional))
    return (
        " ".join(x_privileges.get("allowAuthTypes", [])),
        " ".join(x_privileges.get("excludeAuthTypes", [])),
        require,
        " ".join(flags),
    )


@dataclass(frozen=True)
class Requirement:
    action: str
    object: str | None
    sufficient: bool = False
    required: bool = False

    def __str__(self) -> str:
        return f"{self.action} {self.object}" if self.object else self.action


@dataclass(frozen=True)
class Rule:
    """One method's privileges, decoded from the table."""

    allow: frozenset[str]
    exclude: frozenset[str]
    require: tuple[Requirement, ...]
    force_enterprise: bool = False
    force_proxy: bool = False
    self_type: str | None = None

    def admits(self, auth_type: str) -> bool:
        allowed = not self.allow or "ANY" in self.allow or auth_type in self.allow
        return allowed and auth_type not in self.exclude

    def missing(self, principal: Principal, addresses_self: bool) -> Requirement | None:
        """The first privilege the principal lacks, or None when it may call the method."""
        waived = addresses_self and self.self_type == principal.auth_type
        reqs = [r for r in self.require if r.required or not waived]
        sufficient = [r for r in reqs if r.sufficient]
        if any(principal.has_privilege(r.action, r.object) for r in sufficient):
            return None
        needed = [r for r in reqs if not r.sufficient]
        for r in needed:
            if not principal.has_privilege(r.action, r.object):
                return r
        return sufficient[0] if sufficient and not needed else None


def decode(encoded: Encoded) -> Rule:
    allow, exclude, require, flags = encoded
    reqs = []
    for item in require:
        action, _, obj = item.partition(":")
        reqs.append(Requirement(action, obj.rstrip("?!") or None, sufficient="?" in obj, required="!" in obj))
    flag_set = flags.split()
    self_type = next((f.removeprefix("self=") for f in flag_set if f.startswith("self=")), None)
    conditional = [a for f in flag_set if f.startswith("conditional=") for a in f[12:].split(",")]
    return Rule(
        allow=frozenset(allow.split()) | frozenset(conditional),
        exclude=frozenset(exclude.split()),
        require=tuple(reqs),
        force_enterprise="forceEnterpriseContext" in flag_set,
        force_proxy="forceEnterpriseProxyContext" in flag_set,
        self_type=self_type,
    )


@cache
def rule_for(method: str) -> Rule:
    encoded = TABLE.get(method)
    if encoded is not None:
        return decode(encoded)
    verb = method.rsplit("/", 1)[-1]
    action = "READ" if verb.startswith(("get", "list")) else "UPDATE"
    return Rule(frozenset({"ANY"}), frozenset(), (Requirement(action, "ENTERPRISE"),))


def _addresses_self(principal: Principal, params: Mapping[str, Any]) -> bool:
    user_id, username = params.get("id"), params.get("username")
    if user_id is None and username is None:
        return True
    if user_id is not None and user_id != principal.user_id:
        return False
    return username is None or (
        isinstance(username, str) and username.casefold() == principal.username.casefold()
    )


def authorize_v1(tx: Tx, principal: Principal, method: str, params: dict[str, Any]) -> dict[str, Any]:
    """Check that `principal` may call `method`; returns the params in the caller's context."""
    rule = rule_for(method)
    if not rule.admits(principal.auth_type):
        allowed = ", ".join(sorted(rule.allow)) or "ANY"
        raise Forbidden(f"{method} is not available to {principal.auth_type} users (only {allowed})")
    params = _enterprise_context(tx, principal, rule, params)
    lacking = rule.missing(principal, _addresses_self(principal, params))
    if lacking is not None:
        raise Forbidden(
            f"{method} requires the privilege {lacking}, which role {principal.role.name} "
            f"of user {principal.username} does not have"
        )
    return params


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _enterprise_context(tx: Tx, principal: Principal, rule: Rule, params: dict[str, Any]) -> dict[str, Any]:
    if principal.is_operator:
        return params
    eid = params.get("enterpriseId")
    if isinstance(eid, int) and not isinstance(eid, bool):
        if not principal.can_see_enterprise(eid) or tx.get(kinds.ENTERPRISE, id=eid) is None:
            raise NotFound(f"enterprise {eid} not found")
    elif eid is None and rule.force_enterprise and principal.enterprise_id is not None:
        params = {**params, "enterpriseId": principal.enterprise_id}
    proxy_id = params.get("enterpriseProxyId")
    if _is_int(proxy_id) and proxy_id != principal.enterprise_proxy_id:
        raise NotFound(f"enterprise proxy {proxy_id} not found")
    if proxy_id is None and rule.force_proxy and principal.enterprise_proxy_id is not None:
        params = {**params, "enterpriseProxyId": principal.enterprise_proxy_id}
    return params


_V2_ACTIONS = {"GET": "READ", "HEAD": "READ", "POST": "CREATE", "PUT": "UPDATE", "PATCH": "UPDATE"}


def v2_object(path: str) -> str:
    """The privilege object a v2 path addresses."""
    if "/edges" in path:
        return "EDGE"
    if "/profiles" in path or "/deviceSettings" in path:
        return "ENTERPRISE_PROFILE"
    return "ENTERPRISE"


def authorize_v2(
    tx: Tx, principal: Principal, http_method: str, path: str, path_params: Mapping[str, str]
) -> None:
    """Check a v2 request: the addressed customer must be visible, the action allowed."""
    logical_id = path_params.get("enterpriseLogicalId")
    if logical_id is not None and not principal.is_operator:
        enterprise = tx.get(kinds.ENTERPRISE, logical_id=logical_id)
        if enterprise is None or not principal.can_see_enterprise(enterprise.id):
            raise NotFound(f"enterprise {logical_id} not found")
    action = _V2_ACTIONS.get(http_method.upper(), "DELETE")
    obj = v2_object(path)
    if not principal.has_privilege(action, obj):
        raise Forbidden(
            f"{http_method} {path} requires the privilege {action} {obj}, which role "
            f"{principal.role.name} of user {principal.username} does not have"
        )
