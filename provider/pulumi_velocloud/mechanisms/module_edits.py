"""Pure edits of a configuration module's document (`firewall`, `QOS`): rules placed, found, removed.

The v1 API stores a profile's firewall rules (`firewall` module, `segments[].outbound[]`),
its inbound rules (port forwarding / 1:1 NAT: the `firewall` module's top-level `inbound[]`,
not per segment) and business policies (`QOS` module, `segments[].rules[]`) in one document
per module. A *rule set* names one of these lists (`firewall`, `QOS`, `inbound`; see
`RULES_KEY` / `MODULE_RULES_KEY`). Each rule resource owns one rule in it:

- **Identity**: a managed rule carries a `ruleLogicalId` (the spec's field for it; we write a
  UUID, which is also the Pulumi id) and a position. The positions of managed rules are kept
  in the module's `description` (`stored_form` / `with_positions`: both documented fields, so
  an Orchestrator that drops unknown fields keeps them); while edited, a rule carries its
  position as `pulumiPosition`. Rules without a position are *unmanaged* (made in the UI or by
  other tools) and are never changed, moved or removed. A guess: that the description can hold
  the index (about 45 characters per managed rule).
- **Positions**: managed rules of a segment are kept ordered by `(position, ruleLogicalId)`.
  A managed rule is inserted before the first managed rule that sorts after it, else just
  after the last managed rule, else (the first managed rule of the segment) at the end of
  the list. Unmanaged rules therefore keep their place relative to each other, and a
  managed rule never jumps over an unmanaged one except to reach its managed neighbours.

Every function returns a new document and leaves its argument alone. Not done here: reading
or writing the document (`module_writer`); detecting a managed rule reordered by hand
(positions are compared, not the order in the list); IPv6 inbound rules (`inboundV6`).
"""

from __future__ import annotations

import copy
import json
from typing import Any

Document = dict[str, Any]
RULE_ID = "ruleLogicalId"
POSITION = "pulumiPosition"
# rule set -> the list of each segment entry that holds its rules
RULES_KEY = {"firewall": "outbound", "QOS": "rules"}
# rule set -> (its module, the top-level list of the module document that holds its rules)
MODULE_RULES_KEY = {"inbound": ("firewall", "inbound")}
# top-level lists whose items are compared one by one after a write (`untouched_changes`)
ITEM_LISTS = ("inbound", "links")


def module_of(rule_set: str) -> str:
    """The module a rule set lives in (`inbound` rules are in the `firewall` module)."""
    return MODULE_RULES_KEY[rule_set][0] if rule_set in MODULE_RULES_KEY else rule_set


def per_segment(rule_set: str) -> bool:
    """Whether the rule set's rules live in segment entries (else in one top-level list)."""
    return rule_set not in MODULE_RULES_KEY


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


def _rule_lists(doc: Document, rule_set: str) -> list[tuple[Document, list[Any]]]:
    """(holder, list) for each list of the rule set: per segment entry, or the document itself."""
    if rule_set in MODULE_RULES_KEY:
        found = doc.get(MODULE_RULES_KEY[rule_set][1])
        return [(doc, found)] if isinstance(found, list) else []
    key = RULES_KEY[rule_set]
    return [
        (entry, entry[key])
        for entry in doc.get("segments") or []
        if isinstance(entry, dict) and isinstance(entry.get(key), list)
    ]


def find_rule(doc: Document, rule_set: str, rule_id: str) -> tuple[Document, Document] | None:
    """The holder (segment entry, or the document for a top-level rule set) and rule with this id."""
    for holder, rules in _rule_lists(doc, rule_set):
        for rule in rules:
            if isinstance(rule, dict) and rule.get(RULE_ID) == rule_id:
                return holder, rule
    return None


def remove_rule(doc: Document, rule_set: str, rule_id: str) -> Document:
    """The document without the rule with this id (every other rule untouched)."""
    out = copy.deepcopy(doc)
    for _, rules in _rule_lists(out, rule_set):
        rules[:] = [r for r in rules if not (isinstance(r, dict) and r.get(RULE_ID) == rule_id)]
    return out


def rules_of(doc: Document, rule_set: str, selector: str | int | None = None) -> list[Any]:
    """The list holding the rules of a segment (`selector`) or of a top-level rule set (the document's
    own list, so that an edit of it edits the document; a new empty list when there is none)."""
    if not per_segment(rule_set):
        lists = _rule_lists(doc, rule_set)
        return lists[0][1] if lists else []
    entry = next((s for s in doc.get("segments") or [] if segment_matches(s, selector)), None)
    rules = entry.get(RULES_KEY[rule_set]) if isinstance(entry, dict) else None
    return rules if isinstance(rules, list) else []


def put_rule(
    doc: Document,
    rule_set: str,
    selector: str | int | None,
    rule: Document,
    *,
    new_segment: Document | None = None,
) -> Document:
    """The document with `rule` (which has `ruleLogicalId` and `pulumiPosition`) in its place.

    A rule with the same id is removed first, wherever it is; the rule is then placed among
    the managed rules of its segment (or of the top-level list; `selector` is then ignored) by
    position (see the module docstring). Raises `SegmentMissing` when the segment has no entry
    and `new_segment` (its metadata) is not given.
    """
    if not is_managed(rule):
        raise ValueError("a managed rule needs ruleLogicalId and an integer pulumiPosition")
    out = remove_rule(doc, rule_set, str(rule[RULE_ID]))
    if rule_set in MODULE_RULES_KEY:
        found = out.get(MODULE_RULES_KEY[rule_set][1])
        rules: list[Any] = found if isinstance(found, list) else []
        out[MODULE_RULES_KEY[rule_set][1]] = rules
    else:
        segments = out.setdefault("segments", [])
        entry = next((s for s in segments if segment_matches(s, selector)), None)
        if entry is None:
            if new_segment is None:
                raise SegmentMissing(
                    f"segment {selector!r} is not in the {rule_set} module (it has: {segment_names(out)})"
                )
            entry = new_segment_entry(rule_set, new_segment)
            segments.append(entry)
        rules = entry.setdefault(RULES_KEY[rule_set], [])
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


# -- where positions are kept: the module's description ---------------------------------------

POSITIONS_MARKER = "pulumi-velocloud rule positions: "


def _rules(doc: Document) -> list[Document]:
    """Every rule of a document: of every segment (firewall `outbound`, QOS `rules`), then its
    top-level items (firewall `inbound`, WAN `links`)."""
    found: list[Document] = []
    for entry in doc.get("segments") or []:
        if not isinstance(entry, dict):
            continue
        for key in RULES_KEY.values():
            found.extend(r for r in entry.get(key) or [] if isinstance(r, dict))
    for key in ITEM_LISTS:
        items = doc.get(key)
        if isinstance(items, list):
            found.extend(r for r in items if isinstance(r, dict))
    return found


def positions_in(description: str | None) -> tuple[str | None, dict[str, int]]:
    """(the description's own text, {ruleLogicalId: position}) from a module description."""
    if not description or POSITIONS_MARKER not in description:
        return description, {}
    text, _, encoded = description.partition(POSITIONS_MARKER)
    try:
        raw = json.loads(encoded)
    except ValueError:
        return description, {}
    index = {str(k): v for k, v in raw.items() if isinstance(v, int)} if isinstance(raw, dict) else {}
    return (text.rstrip("\n") or None), index


def with_positions(data: Document, description: str | None) -> Document:
    """The document as the edits see it: each managed rule carries its position (`POSITION`).

    Positions are kept in the module's `description` (a field the v1 API documents), not in the
    rules: an Orchestrator may drop fields its schema does not know, and `pulumiPosition` is not
    in the spec. A rule stored with `pulumiPosition` (as earlier versions wrote) keeps it.
    """
    _, index = positions_in(description)
    out = copy.deepcopy(data)
    for rule in _rules(out):
        rule_id = rule.get(RULE_ID)
        if rule_id in index and not isinstance(rule.get(POSITION), int):
            rule[POSITION] = index[rule_id]
    return out


def stored_form(data: Document, description: str | None) -> tuple[Document, str | None]:
    """(the document to store, without `POSITION` in any rule; the description holding the positions)."""
    out = copy.deepcopy(data)
    index: dict[str, int] = {}
    for rule in _rules(out):
        position = rule.pop(POSITION, None)
        if isinstance(position, int) and rule.get(RULE_ID):
            index[str(rule[RULE_ID])] = position
    text, _ = positions_in(description)
    if not index:
        return out, text
    encoded = POSITIONS_MARKER + json.dumps(index, separators=(",", ":"), sort_keys=True)
    return out, f"{text}\n{encoded}" if text else encoded


def _rule_key(rule: Document) -> str:
    return str(rule.get(RULE_ID) or rule.get("logicalId") or json.dumps(rule, sort_keys=True))


def _rule_name(rule: Document) -> str:
    ident = rule.get(RULE_ID) or rule.get("logicalId")
    kind = "rule" if "match" in rule or RULE_ID in rule else "item"
    return f"{kind} {rule.get('name')!r}" + (f" ({ident})" if ident else "")


def untouched_changes(before: Document, written: Document, after: Document) -> list[str]:
    """What we did not change (rules and top-level fields equal in `before` and `written`) but that
    `after` (read back right after our write) no longer holds as it was."""
    written_rules = {_rule_key(r): r for r in _rules(written)}
    after_rules = {_rule_key(r): r for r in _rules(after)}
    changed = [
        _rule_name(rule)
        for rule in _rules(before)
        if written_rules.get(_rule_key(rule)) == rule and after_rules.get(_rule_key(rule)) != rule
    ]
    changed += [
        f"field {key}"
        for key, value in before.items()
        if key != "segments"
        and key not in ITEM_LISTS
        and written.get(key) == value
        and after.get(key) != value
    ]
    return changed


def fields_not_kept(written: Any, stored: Any, path: str = "") -> list[str]:
    """The dotted paths of `written` that `stored` does not hold as written (added fields are fine)."""
    if isinstance(written, dict):
        if not isinstance(stored, dict):
            return [path or "(rule)"]
        lost: list[str] = []
        for key, value in written.items():
            if value is None:
                continue  # a null is as good as absent
            where = f"{path}.{key}" if path else str(key)
            lost += [where] if key not in stored else fields_not_kept(value, stored[key], where)
        return lost
    return [] if written == stored else [path or "(rule)"]
