"""Objects inside managed scopes that no checked stack declares: information for the drift report.

Scopes: every enterprise an `Enterprise` resource of the stack manages (its edges), and every
rule list a rule resource of the stack writes to: the `firewall` / `QOS` module's rules of all
segments for a `FirewallRule` / `BusinessPolicyRule`, the `firewall` module's inbound rules for a
`PortForwardingRule` / `OneToOneNatRule` (each listed under the kind its `action.type` says).
An object counts as declared when a resource of the checked stacks (the stack itself plus any
`--other-stack`) has its id. Rules carrying Pulumi's ownership marks (`module_edits.is_managed`)
are told apart as "managed by another stack". A scope that cannot be read becomes a warning,
never an error: this is information.

Not looked at: segments, object groups, users, profiles, WAN links or device-settings keys
nobody manages (the report would be noise on any real enterprise), and enterprises no stack
manages.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from ..client import VcoClient
from ..client.errors import VcoError
from ..context import Connection
from ..ids import logical_id
from ..mechanisms import module_edits as me
from ..mechanisms import module_writer as mw
from ..resolver import Resolver
from .drift_report import UnmanagedObject
from .stack_state import StateResource

RuleKind = Literal["FirewallRule", "BusinessPolicyRule", "PortForwardingRule", "OneToOneNatRule"]
# rule kind -> its rule set (`module_edits`)
_RULE_SET: dict[RuleKind, str] = {
    "FirewallRule": "firewall",
    "BusinessPolicyRule": "QOS",
    "PortForwardingRule": "inbound",
    "OneToOneNatRule": "inbound",
}
_INBOUND_KIND: dict[str, RuleKind] = {
    "port_forwarding": "PortForwardingRule",
    "one_to_one_nat": "OneToOneNatRule",
}


def find_unmanaged(
    client: VcoClient, stack: list[StateResource], declared: Iterable[StateResource]
) -> tuple[list[UnmanagedObject], list[str]]:
    """(unmanaged objects, warnings) for the scopes `stack` manages; `declared` is every checked resource."""
    search = _Search(client, stack)
    declared = list(declared)
    search.edges({r.id for r in declared if r.kind == "Edge" and r.id})
    rules = [r for r in declared if r.kind in _RULE_SET]
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
            for kind, rule_set in _RULE_SET.items():
                if r.kind == kind:
                    owner = (
                        rule_set,
                        str(r.outputs.get("enterprise_vco_id")),
                        str(r.output("profile_id")),
                        str(r.output("edge_id")),
                    )
                    scopes.setdefault(owner, (kind, r))
        lookup = _Lookup(self.client)
        for (rule_set, *_), (kind, rule) in scopes.items():
            module = me.module_of(rule_set)
            try:
                where, doc = lookup.module(rule, module)
            except (VcoError, LookupError, TypeError) as exc:
                message = exc.message if isinstance(exc, VcoError) else str(exc)
                self.warnings.append(f"{module} rules next to {kind} {rule.name!r} not checked: {message}")
                continue
            for segment, item in _rules(doc, rule_set):
                rid = item.get(me.RULE_ID)
                if rid in declared:
                    continue
                pulumi_owned = me.is_managed(item)
                action: dict[str, Any] = item["action"] if isinstance(item.get("action"), dict) else {}
                self.found.append(
                    UnmanagedObject(
                        kind=_INBOUND_KIND.get(str(action.get("type")), kind) if segment is None else kind,
                        name=str(item["name"]) if item.get("name") is not None else None,
                        id=str(rid) if rid else None,
                        scope=f"{where}, {module} module, "
                        + ("inbound rules" if segment is None else f"segment {segment!r}"),
                        note="managed by another Pulumi stack" if pulumi_owned else "made outside Pulumi",
                    )
                )


def _rules(doc: dict[str, Any], rule_set: str) -> Iterable[tuple[str | None, dict[str, Any]]]:
    """(segment name, or None for a top-level rule set; rule) for every rule of the rule set."""
    if not me.per_segment(rule_set):
        for item in me.rules_of(doc, rule_set):
            if isinstance(item, dict):
                yield None, item
        return
    for entry in doc.get("segments") or []:
        if not isinstance(entry, dict):
            continue
        segment = str((entry.get("segment") or {}).get("name", "?"))
        for item in entry.get(me.RULES_KEY[rule_set]) or []:
            if isinstance(item, dict):
                yield segment, item


class _Lookup:
    """The module document a rule resource writes to, found as the rule resources find it."""

    def __init__(self, client: VcoClient) -> None:
        self.client = client
        self.vco = Connection(client, Resolver(client))

    def module(self, rule: StateResource, module: str) -> tuple[str, dict[str, Any]]:
        """(where, module document) of the profile or edge `rule` lives in."""
        target = mw.target_in_state(self.vco, rule.outputs, module)
        doc = mw.read_module(self.client, target).data
        ent = target.enterprise_vco_id
        if target.edge_vco_id is not None:
            return f"edge {self.client.v1.get_edge(ent, target.edge_vco_id).name!r}", doc
        assert target.profile_vco_id is not None
        return f"profile {self.client.v1.get_configuration(ent, target.profile_vco_id).name!r}", doc
