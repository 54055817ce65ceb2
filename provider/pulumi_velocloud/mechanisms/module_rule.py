"""What `FirewallRule` and `BusinessPolicyRule` share: one managed rule inside a module document.

Create, update and delete are one edit each through `module_writer.submit` (serialised
per module, verified by reading back); read is one module read. The Pulumi id is the rule's
`ruleLogicalId`. A rule with the same name in the same segment that this resource does not
own is a conflict unless `adopt=True`, which takes it over (keeping its `ruleLogicalId` if
it has one). Moving a rule to another segment, profile or edge replaces it.

Drift: `diff` compares the rule the inputs render to with the rule last read from the
document, so a criterion changed by hand shows up (and is put back by `up`) even when it is
one we do not model.
"""

from __future__ import annotations

import contextlib
import copy
import uuid
from typing import Any, ClassVar

from pulumi.dynamic import CheckFailure, CheckResult, CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field

from ..client.errors import NotFound
from ..context import Connection, connect
from ..ids import as_int
from . import applications
from . import managed_paths as mp
from . import module_edits as me
from . import module_writer as mw
from .errors import VcoResourceError, vco_errors
from .provider_base import VcoProvider, is_unknown
from .spec import SpecFamily

SEGMENT_DESCRIPTION = (
    "The segment the rule belongs to: its name or its segmentId; unset means the Global Segment. "
    "Changing it replaces the rule."
)


class ModuleRuleArgs(mw.ModuleOwnerArgs):
    """The inputs every module rule has: where it lives, its name and its position."""

    segment: str | int | None = Field(None, description=SEGMENT_DESCRIPTION)
    name: str = Field(min_length=1, max_length=255, description="Rule name, unique within its segment.")
    position: int = Field(
        ge=0,
        description="Sort key among this module's managed rules of the segment (lower first); rules made "
        "elsewhere keep their place.",
    )


class ModuleRuleOutputs(BaseModel):
    """The outputs every module rule has; subclasses add their action's."""

    rule_logical_id: str = Field(description="The rule's ruleLogicalId (also the Pulumi id).")
    enterprise_id: str
    enterprise_vco_id: int
    profile_id: str | None = None
    edge_id: str | None = None
    segment: str | int | None = None
    segment_id: int = Field(description="The segmentId of the rule's segment.")
    name: str
    position: int
    match: dict[str, Any]
    rule: dict[str, Any] = Field(description="The rule as the module document holds it.")


# Every module rule is identified by its owner, segment and name; moving it replaces it.
MODULE_RULES = SpecFamily(
    natural_key=("enterprise_id", "profile_id", "edge_id", "segment", "name"),
    replace_on_change=frozenset({"enterprise_id", "profile_id", "edge_id", "segment"}),
)


class ModuleRuleProvider(VcoProvider):
    """Base provider of a rule in `segments[].<RULES_KEY>[]` of module `module`."""

    module: ClassVar[str]
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
                _off_is_absent(_without_nulls(desired.get(k))) != _off_is_absent(_without_nulls(rule.get(k)))
                for k in keys
            )
        ]
        return [f for f in self.spec.managed_fields if f in plain or f in changed]

    def normalise(self, field: str, value: Any) -> Any:
        if field == "segment":
            value = as_int(value)
        return super().normalise(field, value)

    # -- lifecycle -------------------------------------------------------------------

    def _put(self, vco: Connection, args: Any, rule_id: str) -> tuple[str, dict[str, Any], mw.ModuleTarget]:
        """Create or update the rule; returns its id, the verified document and the target."""
        label = self.label_for(args.model_dump())
        target = mw.resolve_target(vco, args.enterprise_id, args.profile_id, args.edge_id, self.module)
        key = me.RULES_KEY[self.module]
        holder = {"id": rule_id}
        where = args.segment if args.segment is not None else "Global Segment"
        body = self.render(args)

        def expected() -> dict[str, Any]:
            return {**body, me.RULE_ID: holder["id"], me.POSITION: args.position}

        def edit(new_segment: dict[str, Any] | None) -> mw.Edit:
            def apply(doc: me.Document) -> me.Document:
                doc = copy.deepcopy(doc)
                entry = next(
                    (s for s in doc.get("segments") or [] if me.segment_matches(s, args.segment)), None
                )
                rules = entry.get(key) if isinstance(entry, dict) else None
                for i, other in enumerate(rules if isinstance(rules, list) else []):
                    if (
                        isinstance(other, dict)
                        and other.get("name") == args.name
                        and other.get(me.RULE_ID) != holder["id"]
                    ):
                        if not args.adopt:
                            raise me.DocumentError(
                                f"{label}: segment {where!r} already has a rule with this name that this "
                                f"resource does not own (ruleLogicalId {other.get(me.RULE_ID)}); "
                                "rename one, or set adopt=True to manage it"
                            )
                        holder["id"] = other.get(me.RULE_ID) or holder["id"]
                        assert rules is not None
                        del rules[i]
                        break
                return me.put_rule(doc, self.module, args.segment, expected(), new_segment=new_segment)

            def holds(doc: me.Document) -> bool:
                found = me.find_rule(doc, self.module, holder["id"])
                return (
                    found is not None
                    and me.segment_matches(found[0], args.segment)
                    and mp.matches(
                        _flags_set(expected()), found[1]
                    )  # the Orchestrator may add fields of its own
                )

            def explain(doc: me.Document) -> str | None:
                found = me.find_rule(doc, self.module, holder["id"])
                if found is None or not me.segment_matches(found[0], args.segment):
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
            meta = mw.segment_metadata(vco, target.enterprise_vco_id, args.segment)
            doc = mw.submit(vco.client, target, edit(meta))
        return holder["id"], doc, target

    def _outputs(
        self, rule_id: str, props: Any, target: mw.ModuleTarget, doc: me.Document
    ) -> dict[str, Any] | None:
        found = me.find_rule(doc, self.module, rule_id)
        if found is None:
            return None
        entry, rule = found
        meta = entry.get("segment") or {}
        wanted = as_int(props.get("segment"))
        if isinstance(wanted, int):
            segment: str | int | None = meta.get("segmentId")
        elif wanted is None and meta.get("segmentId") == 0:
            segment = None
        else:
            segment = meta.get("name")
        return {
            "rule_logical_id": rule_id,
            "enterprise_id": props.get("enterprise_id"),
            "enterprise_vco_id": target.enterprise_vco_id,
            "profile_id": props.get("profile_id"),
            "edge_id": props.get("edge_id"),
            "segment": segment,
            "segment_id": meta.get("segmentId"),
            "name": rule.get("name"),
            "position": rule.get(me.POSITION),
            **self.inputs_from_rule(rule),
            "rule": rule,
        }

    def create(self, props: dict[str, Any]) -> CreateResult:
        args = self.args(props)
        vco = connect()
        with vco_errors(self.label_for(props)):
            try:
                rule_id, doc, target = self._put(vco, args, str(uuid.uuid4()))
            except me.DocumentError as exc:
                raise VcoResourceError(str(exc)) from None
        outs = self._outputs(rule_id, props, target, doc)
        assert outs is not None
        return CreateResult(rule_id, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args = self.args(news)
        vco = connect()
        with vco_errors(self.label_for(news)):
            try:
                rule_id, doc, target = self._put(vco, args, id_)
            except me.DocumentError as exc:
                raise VcoResourceError(str(exc)) from None
        outs = self._outputs(rule_id, news, target, doc)
        assert outs is not None
        return UpdateResult(outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        with vco_errors(self.label_for(props)):
            try:
                target = mw.target_in_state(vco, props, self.module)
                doc = mw.read_module(vco.client, target).data
            except NotFound:
                return ReadResult(None, {})
        outs = self._outputs(id_, props, target, doc)
        return ReadResult(id_ if outs else None, outs or {})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        vco = connect()
        module = self.module
        with vco_errors(self.label_for(props)), contextlib.suppress(NotFound):
            target = mw.target_in_state(vco, props, module)
            mw.submit(
                vco.client,
                target,
                mw.Edit(
                    apply=lambda doc: me.remove_rule(doc, module, id_),
                    holds=lambda doc: me.find_rule(doc, module, id_) is None,
                    label=self.label_for(props),
                ),
            )


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
