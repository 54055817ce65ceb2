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
from ..ids import logical_id, vco_id
from ..resolver import Resolver
from .drift_report import UnmanagedObject
from .stack_state import StateResource

# The list of rules inside each segment entry of a module document, per module and resource kind.
_RULES_KEY = {"firewall": "outbound", "QOS": "rules"}
RuleKind = Literal["FirewallRule", "BusinessPolicyRule"]
_RULE_MODULE: dict[RuleKind, str] = {"FirewallRule": "firewall", "BusinessPolicyRule": "QOS"}
_RULE_ID = "ruleLogicalId"
_POSITION = "pulumiPosition"


def find_unmanaged(
    client: VcoClient, stack: list[StateResource], declared: Iterable[StateResource]
) -> tuple[list[UnmanagedObject], list[str]]:
    """(unmanaged objects, warnings) for the scopes `stack` manages; `declared` is every checked resource."""
    search = _Search(client, stack)
    declared = list(declared)
    search.edges({r.id for r in declared if r.kind == "Edge" and r.id})
    rules = [r for r in declared if r.kind in _RULE_MODULE]
    search.rules({i for r in rules for i in (r.id, r.output("rule_logical_id")) if i})
    return search.found, search.warnings


class _Search:
    """One look through the scopes of a stack, collecting what it finds and what it could not check."""

    def __init__(self, client: VcoClient, stack: list[StateResource]) -> None:
        self.client = client
        self.stack = stack
        self.found: list[UnmanagedObject] = []
        self.warnings: list[str] = []

    def edges(self, declared: set[str]) -> None:
        for ent in (r for r in self.stack if r.kind == "Enterprise" and r.id):
            where = f"enterprise {ent.output('name')!r}"
            try:
                edges = [
                    (e.logical_id, e.name) for e in self.client.v2.get_enterprise_edges(logical_id(ent.id))
                ]
            except VcoError as exc:
                self.warnings.append(f"edges of {where} not checked: {exc.message}")
                continue
            self.found += [
                UnmanagedObject(
                    kind="Edge",
                    name=name,
                    id=edge_id,
                    scope=where,
                    note="no resource of the checked stacks declares it",
                )
                for edge_id, name in edges
                if edge_id not in declared
            ]

    def rules(self, declared: set[str]) -> None:
        scopes: dict[tuple[str, str, str, str], tuple[RuleKind, StateResource]] = {}
        for r in self.stack:
            for kind, module in _RULE_MODULE.items():
                if r.kind == kind:
                    owner = (
                        module,
                        str(r.outputs.get("enterprise_vco_id")),
                        str(r.output("profile_id")),
                        str(r.output("edge_id")),
                    )
                    scopes.setdefault(owner, (kind, r))
        lookup = _Lookup(self.client)
        for (module, *_), (kind, rule) in scopes.items():
            try:
                where, doc = lookup.module(rule, module)
            except (VcoError, LookupError, TypeError) as exc:
                message = exc.message if isinstance(exc, VcoError) else str(exc)
                self.warnings.append(f"{module} rules next to {kind} {rule.name!r} not checked: {message}")
                continue
            for segment, item in _rules(doc, module):
                rid = item.get(_RULE_ID)
                if rid in declared:
                    continue
                pulumi_owned = bool(rid) and isinstance(item.get(_POSITION), int)
                self.found.append(
                    UnmanagedObject(
                        kind=kind,
                        name=str(item["name"]) if item.get("name") is not None else None,
                        id=str(rid) if rid else None,
                        scope=f"{where}, {module} module, segment {segment!r}",
                        note="managed by another Pulumi stack" if pulumi_owned else "made outside Pulumi",
                    )
                )


def _rules(doc: dict[str, Any], module: str) -> Iterable[tuple[str, dict[str, Any]]]:
    for entry in doc.get("segments") or []:
        if not isinstance(entry, dict):
            continue
        segment = str((entry.get("segment") or {}).get("name", "?"))
        for item in entry.get(_RULES_KEY[module]) or []:
            if isinstance(item, dict):
                yield segment, item


class _Lookup:
    """The module document a rule resource writes to; ids mapped by the resolver."""

    def __init__(self, client: VcoClient) -> None:
        self.client = client
        self.ids = Resolver(client)

    def module(self, rule: StateResource, module: str) -> tuple[str, dict[str, Any]]:
        """(where, module document) of the profile or edge `rule` lives in."""
        ent = vco_id(rule.outputs.get("enterprise_vco_id"))
        profile_id, edge_id = rule.output("profile_id"), rule.output("edge_id")
        if profile_id:
            pid = self.ids.profile(ent, logical_id(profile_id))
            name = self.client.v1.get_configuration(ent, pid).name
            modules = self.client.v1.get_configuration_modules(ent, pid, [module])
            doc = next((m.data for m in modules if m.name == module), None)
            return f"profile {name!r}", dict(doc or {})
        eid = self.ids.edge(ent, logical_id(edge_id))
        own = next(
            (p for p in self.client.v1.get_edge_configuration_stack(ent, eid) if p.edge_specific), None
        )
        found = own.module(module) if own else None
        edge_name = self.client.v1.get_edge(ent, eid).name
        return f"edge {edge_name!r}", dict((found.data if found else None) or {})
