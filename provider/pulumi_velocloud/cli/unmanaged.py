"""Objects inside managed scopes that no checked stack declares: information for the drift report.

Scopes: every enterprise an `Enterprise` resource of the stack manages (its edges), and every
`firewall` / `QOS` module a `FirewallRule` / `BusinessPolicyRule` of the stack writes to (the
module's rules, all segments). An object counts as declared when a resource of the checked
stacks (the stack itself plus any `--other-stack`) has its id. Rules carrying Pulumi's
ownership marks (`ruleLogicalId` and `pulumiPosition`) are told apart as "managed by another
stack". A scope that cannot be read becomes a warning, never an error: this is information.

Not looked at: segments, object groups, users, profiles or device-settings keys nobody manages
(the report would be noise on any real enterprise), and enterprises no stack manages.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from ..client import VcoClient
from ..client.errors import VcoError
from .drift_report import UnmanagedObject
from .stack_state import StateResource

# The list of rules inside each segment entry of a module document, per module and resource kind.
_RULES_KEY = {"firewall": "outbound", "QOS": "rules"}
_RULE_MODULE: dict[str, tuple[str, Literal["FirewallRule", "BusinessPolicyRule"]]] = {
    "FirewallRule": ("firewall", "FirewallRule"),
    "BusinessPolicyRule": ("QOS", "BusinessPolicyRule"),
}
_RULE_ID = "ruleLogicalId"
_POSITION = "pulumiPosition"


def find_unmanaged(
    client: VcoClient, stack: list[StateResource], declared: Iterable[StateResource]
) -> tuple[list[UnmanagedObject], list[str]]:
    """(unmanaged objects, warnings) for the scopes `stack` manages; `declared` is every checked resource."""
    declared = list(declared)
    found: list[UnmanagedObject] = []
    warnings: list[str] = []
    edge_ids = {r.id for r in declared if r.kind == "Edge"}
    for ent in (r for r in stack if r.kind == "Enterprise" and r.id):
        assert ent.id is not None
        try:
            edges = list(ent_edges(client, ent.id))
        except VcoError as exc:
            warnings.append(f"edges of enterprise {ent.output('name')!r} not checked: {exc.message}")
            continue
        for logical_id, name in edges:
            if logical_id not in edge_ids:
                found.append(
                    UnmanagedObject(
                        kind="Edge",
                        name=name,
                        id=logical_id,
                        scope=f"enterprise {ent.output('name')!r}",
                        note="no resource of the checked stacks declares it",
                    )
                )
    rule_ids = {r.id for r in declared if r.kind in _RULE_MODULE} | {
        r.output("rule_logical_id") for r in declared if r.kind in _RULE_MODULE
    }
    scopes: dict[tuple[str, ...], StateResource] = {}
    for r in stack:
        if r.kind in _RULE_MODULE:
            key = (
                r.kind,
                str(r.output("enterprise_vco_id")),
                str(r.output("profile_id")),
                str(r.output("edge_id")),
            )
            scopes.setdefault(key, r)
    lookup = _Lookup(client)
    for rule in scopes.values():
        module, kind = _RULE_MODULE[rule.kind]
        try:
            where, doc = lookup.module(rule, module)
        except (VcoError, LookupError, ValueError) as exc:
            message = exc.message if isinstance(exc, VcoError) else str(exc)
            warnings.append(f"{module} rules next to {rule.kind} {rule.name!r} not checked: {message}")
            continue
        for segment, item in _rules(doc, module):
            rid = item.get(_RULE_ID)
            if rid in rule_ids:
                continue
            pulumi_owned = bool(rid) and isinstance(item.get(_POSITION), int)
            found.append(
                UnmanagedObject(
                    kind=kind,
                    name=str(item.get("name")) if item.get("name") is not None else None,
                    id=str(rid) if rid else None,
                    scope=f"{where}, {module} module, segment {segment!r}",
                    note="managed by another Pulumi stack" if pulumi_owned else "made outside Pulumi",
                )
            )
    return found, warnings


def ent_edges(client: VcoClient, enterprise_id: str) -> Iterable[tuple[str, str | None]]:
    for edge in client.v2.get_enterprise_edges(enterprise_id):
        yield edge.logical_id, edge.name


def _rules(doc: dict[str, Any], module: str) -> Iterable[tuple[str, dict[str, Any]]]:
    for entry in doc.get("segments") or []:
        if not isinstance(entry, dict):
            continue
        segment = str((entry.get("segment") or {}).get("name", "?"))
        for item in entry.get(_RULES_KEY[module]) or []:
            if isinstance(item, dict):
                yield segment, item


class _Lookup:
    """Numeric ids of profiles and edges by logicalId, read once per enterprise."""

    def __init__(self, client: VcoClient) -> None:
        self.client = client
        self.profiles: dict[int, dict[str, tuple[int, str | None]]] = {}
        self.edges: dict[int, dict[str, tuple[int, str | None]]] = {}

    def module(self, rule: StateResource, module: str) -> tuple[str, dict[str, Any]]:
        """(where, module document) of the profile or edge `rule` lives in."""
        ent = int(rule.output("enterprise_vco_id") or "")
        profile_id, edge_id = rule.output("profile_id"), rule.output("edge_id")
        if profile_id:
            if ent not in self.profiles:
                self.profiles[ent] = {
                    p.logical_id: (p.id, p.name)
                    for p in self.client.v1.get_enterprise_configurations(ent)
                    if p.logical_id
                }
            if profile_id not in self.profiles[ent]:
                raise LookupError(f"profile {profile_id} is gone")
            pid, name = self.profiles[ent][profile_id]
            modules = self.client.v1.get_configuration_modules(ent, pid, [module])
            doc = next((m.data for m in modules if m.name == module), None)
            return f"profile {name!r}", dict(doc or {})
        if ent not in self.edges:
            self.edges[ent] = {e.logical_id: (e.id, e.name) for e in self.client.v1.get_enterprise_edges(ent)}
        if not edge_id or edge_id not in self.edges[ent]:
            raise LookupError(f"edge {edge_id} is gone")
        eid, name = self.edges[ent][edge_id]
        own = next(
            (p for p in self.client.v1.get_edge_configuration_stack(ent, eid) if p.edge_specific), None
        )
        found = own.module(module) if own else None
        return f"edge {name!r}", dict((found.data if found else None) or {})
