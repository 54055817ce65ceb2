"""Pure edits of a configuration module's document (`firewall`, `QOS`): rules placed, found, removed.

The v1 API stores a profile's firewall rules (`firewall` module, `segments[].outbound[]`)
and business policies (`QOS` module, `segments[].rules[]`) in one document per module.
Each rule resource owns one rule in it:

- **Identity**: a managed rule carries a `ruleLogicalId` (the spec's field for it; we write a
  UUID, which is also the Pulumi id) and `pulumiPosition` (its declared position; an extra
  field the spec's objects allow). Rules without `pulumiPosition` are *unmanaged* (made in
  the UI or by other tools) and are never changed, moved or removed.
- **Positions**: managed rules of a segment are kept ordered by `(position, ruleLogicalId)`.
  A managed rule is inserted before the first managed rule that sorts after it, else just
  after the last managed rule, else (the first managed rule of the segment) at the end of
  the list. Unmanaged rules therefore keep their place relative to each other, and a
  managed rule never jumps over an unmanaged one except to reach its managed neighbours.

Every function returns a new document and leaves its argument alone. Not done here: reading
or writing the document (`module_writer`); detecting a managed rule reordered by hand
(positions are compared, not the order in the list); inbound (NAT) rules.
"""

from __future__ import annotations

import copy
from typing import Any

Document = dict[str, Any]
RULE_ID = "ruleLogicalId"
POSITION = "pulumiPosition"
RULES_KEY = {"firewall": "outbound", "QOS": "rules"}


class DocumentError(Exception):
    """An edit that cannot be applied to the document as it is (the message is for the user)."""


class SegmentMissing(DocumentError):
    """The document has no entry for the segment the rule belongs in."""


# -- pure edits ------------------------------------------------------------------------------


def segment_matches(entry: Any, selector: str | int | None) -> bool:
    """Whether a document's segment entry is the one `selector` names (None: the Global Segment)."""
    meta = entry.get("segment") if isinstance(entry, dict) else None
    if not isinstance(meta, dict):
        return False
    if selector is None:
        return meta.get("segmentId") == 0
    if isinstance(selector, int):
        return meta.get("segmentId") == selector
    return meta.get("name") == selector


def segment_names(doc: Document) -> list[str]:
    return [
        str((s.get("segment") or {}).get("name")) for s in doc.get("segments") or [] if isinstance(s, dict)
    ]


def new_segment_entry(module: str, segment: Document) -> Document:
    """An empty entry for a segment the document does not have yet (the spec's required fields)."""
    if module == "firewall":
        return {
            "segment": segment,
            "firewall_logging_enabled": False,
            "stateful_firewall_enabled": True,
            "outbound": [],
        }
    return {"segment": segment, "rules": [], "defaults": [], "webProxy": {"providers": []}}


def is_managed(rule: Any) -> bool:
    return isinstance(rule, dict) and isinstance(rule.get(POSITION), int) and bool(rule.get(RULE_ID))


def _sort_key(rule: Document) -> tuple[int, str]:
    return (int(rule[POSITION]), str(rule[RULE_ID]))


def find_rule(doc: Document, module: str, rule_id: str) -> tuple[Document, Document] | None:
    """The segment entry and rule with this `ruleLogicalId`, if the document has it."""
    key = RULES_KEY[module]
    for entry in doc.get("segments") or []:
        for rule in entry.get(key) or [] if isinstance(entry, dict) else []:
            if isinstance(rule, dict) and rule.get(RULE_ID) == rule_id:
                return entry, rule
    return None


def remove_rule(doc: Document, module: str, rule_id: str) -> Document:
    """The document without the rule with this id (every other rule untouched)."""
    out = copy.deepcopy(doc)
    key = RULES_KEY[module]
    for entry in out.get("segments") or []:
        if isinstance(entry, dict) and isinstance(entry.get(key), list):
            entry[key] = [r for r in entry[key] if not (isinstance(r, dict) and r.get(RULE_ID) == rule_id)]
    return out


def put_rule(
    doc: Document,
    module: str,
    selector: str | int | None,
    rule: Document,
    *,
    new_segment: Document | None = None,
) -> Document:
    """The document with `rule` (which has `ruleLogicalId` and `pulumiPosition`) in its place.

    A rule with the same id is removed first, wherever it is; the rule is then placed among
    the managed rules of its segment by position (see the module docstring). Raises
    `SegmentMissing` when the segment has no entry and `new_segment` (its metadata) is not given.
    """
    if not is_managed(rule):
        raise ValueError("a managed rule needs ruleLogicalId and an integer pulumiPosition")
    key = RULES_KEY[module]
    out = remove_rule(doc, module, str(rule[RULE_ID]))
    segments = out.setdefault("segments", [])
    entry = next((s for s in segments if segment_matches(s, selector)), None)
    if entry is None:
        if new_segment is None:
            raise SegmentMissing(
                f"segment {selector!r} is not in the {module} module (it has: {segment_names(out)})"
            )
        entry = new_segment_entry(module, new_segment)
        segments.append(entry)
    rules = entry.setdefault(key, [])
    managed = [i for i, r in enumerate(rules) if is_managed(r)]
    after = [i for i in managed if _sort_key(rules[i]) > _sort_key(rule)]
    if after:
        index = after[0]
    elif managed:
        index = managed[-1] + 1
    else:
        index = len(rules)
    rules.insert(index, copy.deepcopy(rule))
    return out


def set_fields(doc: Document, fields: Document) -> Document:
    """The document with these top-level fields set (rules and everything else untouched)."""
    return {**copy.deepcopy(doc), **copy.deepcopy(fields)}


def without_rules(doc: Document, module: str) -> Document:
    """A profile's document with every segment's rules removed: where an edge's own document starts."""
    out = copy.deepcopy(doc)
    key = RULES_KEY.get(module)
    for entry in out.get("segments") or []:
        if key and isinstance(entry, dict):
            entry[key] = []
    return out
