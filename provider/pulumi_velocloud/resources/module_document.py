"""Rules inside a shared configuration-module document: pure edits and the serialised read-modify-write.

The v1 API stores a profile's firewall rules (`firewall` module, `segments[].outbound[]`)
and business policies (`QOS` module, `segments[].rules[]`) in one document per module that it
only replaces whole. Each rule resource owns one rule in it:

- **Identity**: a managed rule carries a `ruleLogicalId` (the spec's field for it; we write a
  UUID, which is also the Pulumi id) and `pulumiPosition` (its declared position; an extra
  field the spec's objects allow). Rules without `pulumiPosition` are *unmanaged* (made in
  the UI or by other tools) and are never changed, moved or removed.
- **Positions**: managed rules of a segment are kept ordered by `(position, ruleLogicalId)`.
  A managed rule is inserted before the first managed rule that sorts after it, else just
  after the last managed rule, else (the first managed rule of the segment) at the end of
  the list. Unmanaged rules therefore keep their place relative to each other, and a
  managed rule never jumps over an unmanaged one except to reach its managed neighbours.
- **Concurrency**: the provider process runs several creates/updates/deletes at once. Edits
  of one module are queued per `(Orchestrator, profile or edge, module)` in a module-level
  dict (never on the pickled provider); whichever thread holds the module's lock applies
  *every* queued edit in one read -> apply -> write -> read-back round (group commit), then
  checks each edit's post-condition on the read-back document. Edits whose rule is not
  there as written (another writer raced us) are retried from the read-back document, at
  most `MAX_ROUNDS` times, then fail with a clear error. A round's read-back is the next
  round's starting document; and the thread holding the lock goes on with the edits queued
  meanwhile (waiting up to `LINGER_SECONDS` for more), from that same read-back, until no
  edit comes. A run of N rule creates therefore costs at most N module writes and N reads,
  usually far fewer. The price of the linger: a change made elsewhere within those 50 ms
  after our read-back is overwritten, as it would be by any read-modify-write whose read
  and write are 50 ms apart. An edit that arrives when nobody holds the lock reads afresh.
- **Edges**: an edge's rules live in its edge-specific profile, read with
  `edge/getEdgeConfigurationStack`. While that module is empty (`{}`: the edge inherits its
  profile's), the first edit starts from the profile's document with its rules removed
  (switches, segments and inbound rules kept): a guess at what the Orchestrator's "override"
  does; the rules of the profile then no longer apply to the edge.

Not implemented: detecting a managed rule reordered by hand (positions are compared, not the
order in the list); inbound (NAT) rules; rules of operator profiles.
"""

from __future__ import annotations

import copy
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..client import VcoClient
from ..client.errors import InvalidRequest, NotFound

Document = dict[str, Any]
RULE_ID = "ruleLogicalId"
POSITION = "pulumiPosition"
RULES_KEY = {"firewall": "outbound", "QOS": "rules"}
MAX_ROUNDS = 4
LINGER_SECONDS = 0.05


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


# -- targets and reads -----------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleTarget:
    """One module document: of an enterprise profile, or of an edge's edge-specific profile."""

    base_url: str
    enterprise_vco_id: int
    module: str
    profile_vco_id: int | None = None
    edge_vco_id: int | None = None

    @property
    def key(self) -> tuple[str, str, int, str]:
        if self.edge_vco_id is not None:
            return (self.base_url, "edge", self.edge_vco_id, self.module)
        assert self.profile_vco_id is not None
        return (self.base_url, "profile", self.profile_vco_id, self.module)

    def describe(self) -> str:
        owner = (
            f"edge {self.edge_vco_id}" if self.edge_vco_id is not None else f"profile {self.profile_vco_id}"
        )
        return f"the {self.module} module of {owner}"


@dataclass(frozen=True)
class ModuleDocument:
    module_id: int
    data: Document


_counts: Counter[str] = Counter()
_counts_lock = threading.Lock()


def _count(what: str) -> None:
    with _counts_lock:
        _counts[what] += 1


def call_counts() -> dict[str, int]:
    """Module reads, writes and rounds in this process (for tests and benchmarks)."""
    with _counts_lock:
        return dict(_counts)


def reset_call_counts() -> None:
    with _counts_lock:
        _counts.clear()


def _has_content(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_content(v) for v in value.values())
    if isinstance(value, list):
        return len(value) > 0
    return value is not None


def read_module(client: VcoClient, target: ModuleTarget) -> ModuleDocument:
    """The module's current document (one API call); raises NotFound when the profile/edge is gone."""
    _count("reads")
    if target.edge_vco_id is None:
        assert target.profile_vco_id is not None
        modules = client.v1.get_configuration_modules(
            target.enterprise_vco_id, target.profile_vco_id, [target.module]
        )
        found = [m for m in modules if m.name == target.module]
        if not found:
            raise NotFound(
                f"{target.describe()} does not exist", operation="configuration/getConfigurationModules"
            )
        return ModuleDocument(found[0].id, dict(found[0].data or {}))
    stack = client.v1.get_edge_configuration_stack(target.enterprise_vco_id, target.edge_vco_id)
    if len(stack) < 2:
        raise NotFound(
            f"edge {target.edge_vco_id} has no edge-specific profile",
            operation="edge/getEdgeConfigurationStack",
        )
    own = next((m for m in stack[0].modules if m.name == target.module), None)
    inherited = next((m for m in stack[1].modules if m.name == target.module), None)
    if own is None:
        raise NotFound(f"{target.describe()} does not exist", operation="edge/getEdgeConfigurationStack")
    data = dict(own.data or {})
    if not _has_content(data) and inherited is not None:
        data = without_rules(dict(inherited.data or {}), target.module)
    return ModuleDocument(own.id, data)


# -- serialised read-modify-write ------------------------------------------------------------


@dataclass(eq=False)
class Edit:
    """One resource's change: a pure document edit and the condition its result must satisfy."""

    apply: Callable[[Document], Document]
    holds: Callable[[Document], bool]
    label: str
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None
    result: Document | None = None

    def finish(self, result: Document | None = None, error: BaseException | None = None) -> None:
        self.result, self.error = result, error
        self.done.set()


class _Queue:
    def __init__(self) -> None:
        self.writer = threading.Lock()
        self.pending_lock = threading.Condition()
        self.pending: list[Edit] = []


_queues: dict[tuple[str, str, int, str], _Queue] = {}
_queues_lock = threading.Lock()


def _queue(target: ModuleTarget) -> _Queue:
    with _queues_lock:
        return _queues.setdefault(target.key, _Queue())


def submit(client: VcoClient, target: ModuleTarget, edit: Edit) -> Document:
    """Apply `edit` to the target's document, serialised with every other edit of it in this process.

    Returns the read-back document in which the edit's post-condition held; raises the
    edit's `DocumentError`, the client's error, or `DocumentError` after `MAX_ROUNDS` lost races.
    """
    queue = _queue(target)
    with queue.pending_lock:
        queue.pending.append(edit)
        queue.pending_lock.notify_all()
    while not edit.done.is_set():
        if not queue.writer.acquire(blocking=False):
            edit.done.wait(0.01)  # someone else is writing; they will take our edit too, or we will
            continue
        try:
            _lead(client, target, queue)
        finally:
            queue.writer.release()
    assert edit.done.is_set()
    if edit.error is not None:
        raise edit.error
    assert edit.result is not None
    return edit.result


def _lead(client: VcoClient, target: ModuleTarget, queue: _Queue) -> None:
    """Apply queued edits until none come for `LINGER_SECONDS` (the caller holds `queue.writer`)."""
    start: ModuleDocument | None = None  # the read-back to go on from, while edits keep coming
    while True:
        with queue.pending_lock:
            if start is not None and not queue.pending:  # a burst: wait briefly for the next edits
                queue.pending_lock.wait(LINGER_SECONDS)
            batch, queue.pending = queue.pending, []
        batch = [e for e in batch if not e.done.is_set()]
        if not batch:
            return
        start = _run(client, target, batch, start, queue)


def _run(
    client: VcoClient,
    target: ModuleTarget,
    batch: list[Edit],
    start: ModuleDocument | None,
    queue: _Queue | None,
) -> ModuleDocument | None:
    """Apply a batch (and, with `queue`, the edits queued meanwhile); the last read-back, or None."""
    try:
        return _rounds(client, target, batch, start, queue)
    except InvalidRequest as exc:
        if len(batch) == 1:
            batch[0].finish(error=exc)
        else:  # the Orchestrator refused the combined document: find whose edit it refuses
            for edit in batch:
                if not edit.done.is_set():
                    _run(client, target, [edit], None, None)
        return None
    except BaseException as exc:  # every waiting resource learns of the failure
        for edit in batch:
            if not edit.done.is_set():
                edit.finish(error=exc)
        if not isinstance(exc, Exception):
            raise
        return None


def _rounds(
    client: VcoClient,
    target: ModuleTarget,
    batch: list[Edit],
    start: ModuleDocument | None,
    queue: _Queue | None,
) -> ModuleDocument:
    current = start if start is not None else read_module(client, target)
    todo = batch
    for _ in range(MAX_ROUNDS):
        if queue is not None:  # edits queued while we read join this round
            with queue.pending_lock:
                todo, queue.pending = todo + queue.pending, []
            batch.extend(e for e in todo if e not in batch)
        _count("rounds")
        data = current.data
        applied: list[Edit] = []
        for edit in todo:
            try:
                data = edit.apply(data)
                applied.append(edit)
            except DocumentError as exc:
                edit.finish(error=exc)
        if not applied:
            return current
        if data != current.data:
            _count("writes")
            client.v1.update_configuration_module(target.enterprise_vco_id, current.module_id, {"data": data})
            current = read_module(client, target)
        todo = []
        for edit in applied:
            if edit.holds(current.data):
                edit.finish(result=current.data)
            else:
                todo.append(edit)
        if not todo:
            return current
    for edit in todo:
        edit.finish(
            error=DocumentError(
                f"{edit.label}: {target.describe()} was changed by someone else while we wrote it, "
                f"{MAX_ROUNDS} times in a row; our change is not in it. Run the update again"
            )
        )
    return current


# -- resolving what a rule resource names ----------------------------------------------------

_edges: dict[tuple[str, str], int] = {}
_edges_lock = threading.Lock()


def edge_vco_id(client: VcoClient, enterprise_vco_id: int, logical_id: str) -> int:
    """The numeric id of the edge with this logicalId (cached per process, like `ids`)."""
    key = (client.base_url, logical_id)
    with _edges_lock:
        if key in _edges:
            return _edges[key]
    refs = client.v1.get_enterprise_edges(enterprise_vco_id)
    with _edges_lock:
        for ref in refs:
            _edges[(client.base_url, ref.logical_id)] = ref.id
        if key in _edges:
            return _edges[key]
    raise NotFound(
        f"enterprise {enterprise_vco_id} has no edge with logicalId {logical_id!r}",
        operation="enterprise/getEnterpriseEdges",
    )


def resolve_target(
    client: VcoClient, enterprise_id: str, profile_id: str | None, edge_id: str | None, module: str
) -> ModuleTarget:
    """The module a rule resource edits: its profile's, or its edge's edge-specific profile's."""
    from . import ids

    enterprise = ids.enterprise_vco_id(client, enterprise_id)
    if edge_id is not None:
        return ModuleTarget(
            client.base_url, enterprise, module, edge_vco_id=edge_vco_id(client, enterprise, edge_id)
        )
    assert profile_id is not None
    return ModuleTarget(
        client.base_url, enterprise, module, profile_vco_id=ids.profile_vco_id(client, enterprise, profile_id)
    )


def segment_metadata(client: VcoClient, enterprise_vco_id: int, selector: str | int | None) -> Document:
    """How a module document names the segment `selector` names, from the enterprise's segments."""
    segments = client.v1.get_enterprise_network_segments(enterprise_vco_id)
    for seg in segments:
        segment_id = seg.data.segment_id if seg.data is not None else None
        if (
            (selector is None and segment_id == 0)
            or (isinstance(selector, int) and segment_id == selector)
            or (isinstance(selector, str) and seg.name == selector)
        ):
            return {
                "segmentId": segment_id,
                "name": seg.name,
                "type": seg.type or "REGULAR",
                "segmentLogicalId": seg.logical_id,
            }
    names = ", ".join(repr(s.name) for s in segments)
    raise DocumentError(f"segment {selector!r} does not exist in the enterprise; its segments are {names}")
