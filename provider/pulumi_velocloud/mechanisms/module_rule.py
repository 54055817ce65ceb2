"""What the module rules share (`FirewallRule`, `BusinessPolicyRule`, `PortForwardingRule`,
`OneToOneNatRule`): one managed rule inside a module document.

The lifecycle is `module_item`'s (one verified edit per create, update and delete through
`module_writer.submit`; read is one module read). The Pulumi id is the rule's `ruleLogicalId`.
A rule with the same name in the same segment (or list) that this resource does not own is a
conflict unless `adopt=True`, which takes it over (keeping its `ruleLogicalId` if it has one).
Moving a rule to another segment, profile or edge replaces it.

Drift: `diff` compares the rule the inputs render to with the rule last read from the
document, so a criterion changed by hand shows up (and is put back by `up`) even when it is
one we do not model. A rule set kept in one top-level list (inbound rules, `module_edits.
MODULE_RULES_KEY`) has no segment: its resources use `RuleArgs` / `RuleOutputs` and `RULES`.
"""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from pulumi.dynamic import CheckFailure, CheckResult
from pydantic import BaseModel, Field

from ..context import Connection
from ..ids import as_int
from . import applications
from . import managed_paths as mp
from . import module_edits as me
from . import module_writer as mw
from .module_item import ModuleItemProvider, Removal
from .provider_base import is_unknown
from .spec import SpecFamily

SEGMENT_DESCRIPTION = (
    "The segment the rule belongs to: its name or its segmentId; unset means the Global Segment. "
    "Changing it replaces the rule."
)


class RuleArgs(mw.ModuleOwnerArgs):
    """The inputs every module rule has: whose module it is in, its name and its position."""

    name: str = Field(min_length=1, max_length=255, description="Rule name, unique within its rule list.")
    position: int = Field(
        ge=0,
        description="Sort key among this module's managed rules of the list (lower first); rules made "
        "elsewhere keep their place.",
    )


class ModuleRuleArgs(RuleArgs):
    """The inputs of a rule kept per segment: `RuleArgs` and its segment."""

    segment: str | int | None = Field(None, description=SEGMENT_DESCRIPTION)


class RuleOutputs(BaseModel):
    """The outputs every module rule has; subclasses add their action's."""

    rule_logical_id: str = Field(description="The rule's ruleLogicalId (also the Pulumi id).")
    enterprise_id: str
    enterprise_vco_id: int
    profile_id: str | None = None
    edge_id: str | None = None
    name: str
    position: int
    rule: dict[str, Any] = Field(description="The rule as the module document holds it.")


class ModuleRuleOutputs(RuleOutputs):
    """The outputs of a rule kept per segment."""

    segment: str | int | None = None
    segment_id: int = Field(description="The segmentId of the rule's segment.")
    match: dict[str, Any]


# Every module rule is identified by its owner, segment and name; moving it replaces it.
MODULE_RULES = SpecFamily(
    natural_key=("enterprise_id", "profile_id", "edge_id", "segment", "name"),
    replace_on_change=frozenset({"enterprise_id", "profile_id", "edge_id", "segment"}),
)
# A rule of a top-level list (inbound rules) is identified by its owner and name.
RULES = SpecFamily(
    natural_key=("enterprise_id", "profile_id", "edge_id", "name"),
    replace_on_change=frozenset({"enterprise_id", "profile_id", "edge_id"}),
)


class ModuleRuleProvider(ModuleItemProvider):
    """Base provider of a rule of rule set `rule_set` (default: `module`; see `module_edits`)."""

    module: ClassVar[str]
    rule_set: ClassVar[str | None] = None
    # input field -> the rule-document keys it is compared on
    document_keys: ClassVar[dict[str, tuple[str, ...]]] = {"name": ("name",), "position": (me.POSITION,)}

    def render(self, args: Any) -> dict[str, Any]:
        """The rule document for these inputs, without `ruleLogicalId`."""
        raise NotImplementedError

    def inputs_from_rule(self, rule: dict[str, Any]) -> dict[str, Any]:
        """The inputs (other than name/position) this rule document corresponds to."""
        raise NotImplementedError

    # -- check -----------------------------------------------------------------------

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """The spec's checks, then `match.application` resolved to the ids the document holds."""
        result = super().check(olds, news)
        if result.failures:
            return result
        resolved, problem = applications.resolve_match(self.label_for(news), result.inputs)
        if problem is not None:
            return CheckResult(result.inputs, [CheckFailure("match", problem)])
        return result if resolved is None else CheckResult(resolved, [])

    # -- diff ------------------------------------------------------------------------

    def changed_fields(self, olds: Any, news: Any) -> list[str]:
        rule = olds.get("rule")
        plain = [f for f in super().changed_fields(olds, news) if f not in self.document_keys]
        if not isinstance(rule, dict):
            return super().changed_fields(olds, news)
        if any(is_unknown(news.get(f)) for f in self.document_keys):
            return plain + [f for f in self.document_keys if is_unknown(news.get(f))]
        try:
            args = self.args(news)
            desired = {**self.render(args), me.POSITION: args.position}
        except ValueError:
            return super().changed_fields(olds, news)
        changed = [
            f
            for f, keys in self.document_keys.items()
            if any(
                _off_is_absent(_without_nulls(_at(desired, k)))
                != _off_is_absent(_without_nulls(_at(rule, k)))
                for k in keys
            )
        ]
        return [f for f in self.spec.managed_fields if f in plain or f in changed]

    def normalise(self, field: str, value: Any) -> Any:
        if field == "segment":
            value = as_int(value)
        return super().normalise(field, value)

    @property
    def rules(self) -> str:
        """The rule set this provider's rules belong to."""
        return self.rule_set or self.module

    # -- lifecycle -------------------------------------------------------------------

    def put(self, vco: Connection, args: Any, rule_id: str) -> tuple[str, dict[str, Any], mw.ModuleTarget]:
        """Create or update the rule; returns its id, the verified document and the target."""
        label = self.label_for(args.model_dump())
        target = mw.resolve_target(vco, args.enterprise_id, args.profile_id, args.edge_id, self.module)
        rule_set = self.rules
        selector = getattr(args, "segment", None)
        holder = {"id": rule_id}
        where = (
            f"segment {selector if selector is not None else 'Global Segment'!r}"
            if me.per_segment(rule_set)
            else f"the {self.module} module's {rule_set} list"
        )
        body = self.render(args)

        def expected() -> dict[str, Any]:
            return {**body, me.RULE_ID: holder["id"], me.POSITION: args.position}

        def edit(new_segment: dict[str, Any] | None) -> mw.Edit:
            def apply(doc: me.Document) -> me.Document:
                doc = copy.deepcopy(doc)
                rules = me.rules_of(doc, rule_set, selector)
                for i, other in enumerate(rules):
                    if (
                        isinstance(other, dict)
                        and other.get("name") == args.name
                        and other.get(me.RULE_ID) != holder["id"]
                    ):
                        if not args.adopt:
                            raise me.DocumentError(
                                f"{label}: {where} already has a rule named {args.name!r} that this "
                                f"resource does not own (ruleLogicalId {other.get(me.RULE_ID)}); "
                                "rename one, or set adopt=True to manage it"
                            )
                        holder["id"] = other.get(me.RULE_ID) or holder["id"]
                        del rules[i]
                        break
                return me.put_rule(doc, rule_set, selector, expected(), new_segment=new_segment)

            def in_place(found: tuple[me.Document, me.Document] | None) -> bool:
                return found is not None and (
                    not me.per_segment(rule_set) or me.segment_matches(found[0], selector)
                )

            def holds(doc: me.Document) -> bool:
                found = me.find_rule(doc, rule_set, holder["id"])
                return (
                    in_place(found)
                    and found is not None
                    and mp.matches(
                        _flags_set(expected()), found[1]
                    )  # the Orchestrator may add fields of its own
                )

            def explain(doc: me.Document) -> str | None:
                found = me.find_rule(doc, rule_set, holder["id"])
                if found is None or not in_place(found):
                    return None  # overwritten by another writer: worth another round
                lost = me.fields_not_kept(_flags_set(expected()), found[1])
                return (
                    f"the Orchestrator stored the rule without keeping {', '.join(lost)} as written (it may "
                    "drop or rewrite fields its schema does not know); not retried"
                    if lost
                    else None
                )

            return mw.Edit(apply=apply, holds=holds, label=label, explain=explain)

        try:
            doc = mw.submit(vco.client, target, edit(None))
        except me.SegmentMissing:
            meta = mw.segment_metadata(vco, target.enterprise_vco_id, selector)
            doc = mw.submit(vco.client, target, edit(meta))
        return holder["id"], doc, target

    def item_outputs(
        self, rule_id: str, props: Any, target: mw.ModuleTarget, doc: me.Document
    ) -> dict[str, Any] | None:
        found = me.find_rule(doc, self.rules, rule_id)
        if found is None:
            return None
        entry, rule = found
        where: dict[str, Any] = {}
        if me.per_segment(self.rules):
            meta = entry.get("segment") or {}
            wanted = as_int(props.get("segment"))
            if isinstance(wanted, int):
                segment: str | int | None = meta.get("segmentId")
            elif wanted is None and meta.get("segmentId") == 0:
                segment = None
            else:
                segment = meta.get("name")
            where = {"segment": segment, "segment_id": meta.get("segmentId")}
        return {
            "rule_logical_id": rule_id,
            "enterprise_id": props.get("enterprise_id"),
            "enterprise_vco_id": target.enterprise_vco_id,
            "profile_id": props.get("profile_id"),
            "edge_id": props.get("edge_id"),
            **where,
            "name": rule.get("name"),
            "position": rule.get(me.POSITION),
            **self.inputs_from_rule(rule),
            "rule": rule,
        }

    def removal(self, item_id: str) -> Removal:
        rule_set = self.rules
        return (
            lambda doc: me.remove_rule(doc, rule_set, item_id),
            lambda doc: me.find_rule(doc, rule_set, item_id) is None,
        )


def _at(doc: dict[str, Any], key: str) -> Any:
    """The value at a dotted path (`action.nat.lan_ip`) of a rule document, None when absent."""
    value: Any = doc
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _without_nulls(value: Any) -> Any:
    """Pulumi's state drops null members of objects: compare documents without them."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def _off_is_absent(value: Any) -> Any:
    """A flag that is off compares like one that is absent."""
    return None if value is False else value


def _flags_set(rule: dict[str, Any]) -> dict[str, Any]:
    """The rule without its top-level flags that are off: an Orchestrator that drops a field it does
    not know (per-rule `loggingEnabled`) still holds such a rule as written."""
    return {k: v for k, v in rule.items() if v is not False}
