"""The serialised, verified read-modify-write of one configuration module's document.

The v1 API only replaces a module's document whole (`configuration/updateConfigurationModule`),
and several resources edit one document (rules, firewall switches). The pure edits are
`module_edits`; this module applies them:

- **Concurrency**: the provider process runs several creates/updates/deletes at once. Edits
  of one module are queued per `(Orchestrator, profile or edge, module)` in a queue the
  provider context keeps (`ProviderContext.shared`, never on the pickled provider);
  whichever thread holds the module's writer lock applies
  *every* queued edit in one read -> apply -> write -> read-back round (group commit), then
  checks each edit's post-condition on the read-back document. Edits whose rule is not
  there as written (another writer raced us) are retried from the read-back document, at
  most `MAX_ROUNDS` times, then fail with a clear error. A round's read-back is the next
  round's starting document; and the thread holding the lock goes on with the edits queued
  meanwhile (waiting up to `LINGER_SECONDS` for more), from that same read-back, until no
  edit comes. A run of N rule creates therefore costs at most N module writes and N reads,
  usually far fewer. The price of the linger: a change made elsewhere within those 50 ms
  after our read-back is overwritten, as it would be by any read-modify-write whose read
  and write are 50 ms apart. An edit that arrives when nobody holds the lock reads afresh,
  after waiting `LINGER_SECONDS` for the edits sent with it (rule creates the engine starts
  together), so that they share that read, one write and one read-back.
- **Freshness and verification** (nothing lost silently): a document read more than
  `FRESH_SECONDS` before the write (a slow answer, a long linger) is read again right before
  it, and when someone else changed it the edits are applied again to theirs. The read-back
  waits `SETTLE_SECONDS` after the write, so that a writer in another process or stack who
  read before our write (and so without our rules) has written by then: our rules missing
  from the read-back are applied again. After each write, every rule and field we did not
  touch must read back as it was, else the round's edits fail naming them; a rule of ours
  that reads back present but different (the Orchestrator dropped or rewrote a field) fails
  at once, naming the fields, instead of being retried.
- **What remains possible** (the v1 API has no conditional update): a change made elsewhere
  within one round trip before our write is overwritten by it; and a writer elsewhere whose
  write reaches the Orchestrator more than `SETTLE_SECONDS - FRESH_SECONDS` after its read
  can overwrite our rules after our read-back. Either loss then shows in `pulumi preview
  --refresh`, and `pulumi up` puts our rules back.
  The writer lock is the one lock in the provider held across API calls: it serialises
  the writes of one module, which is its purpose.
- **Edges**: an edge's rules live in its edge-specific profile, read with
  `edge/getEdgeConfigurationStack`. On a real Orchestrator an edge without overrides often
  has no `firewall` / `QOS` module at all (VMware's samples insert it; docs/evidence.md
  section 1b): reading reports `ModuleAbsent` (a `NotFound`: no rule of ours can be there),
  and the first edit inserts the module empty (`configuration/insertConfigurationModule`)
  before it writes. While the module is empty (`{}`: the edge inherits its profile's), the
  first edit starts from the profile's document with its rules removed (switches, segments
  and inbound rules kept). That is our choice, not known Orchestrator behaviour: VMware's
  sample copies the profile's rules into the edge's document instead; either way the rules
  of the profile then no longer apply to the edge. Only `firewall` and `QOS` start so: an
  edge's empty `WAN` module stays empty until a link is written into it (`EdgeWanLink`).

Not done here: rules of operator profiles; the deviceSettings module (written through the
v2 deviceSettings API by `device_settings_provider`, only its description through v1).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field, model_validator

from ..client import VcoClient
from ..client.errors import InvalidRequest, NotFound
from ..context import Connection, provider_context
from ..ids import LogicalId, VcoId, logical_id
from ..resolver import UnknownName
from .edge_directory import edge_vco_id
from .module_edits import (
    RULES_KEY,
    Document,
    DocumentError,
    stored_form,
    untouched_changes,
    with_positions,
    without_rules,
)
from .spec import EnterpriseId, ResourceArgs

MAX_ROUNDS = 4
LINGER_SECONDS = 0.05
FRESH_SECONDS = 0.2  # a document read longer ago than this is read again right before a write
SETTLE_SECONDS = 0.5  # how long after a write its read-back waits (see the module docstring)


# -- targets and reads -----------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleTarget:
    """One module document: of an enterprise profile, or of an edge's edge-specific profile."""

    base_url: str
    enterprise_vco_id: VcoId
    module: str
    profile_vco_id: VcoId | None = None
    edge_vco_id: VcoId | None = None

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


class ModuleAbsent(NotFound):
    """The edge-specific profile has no module of this name yet (normal for an edge that inherits)."""

    def __init__(self, message: str, *, profile_vco_id: VcoId, operation: str) -> None:
        super().__init__(message, operation=operation)
        self.profile_vco_id = profile_vco_id


@dataclass(frozen=True)
class ModuleDocument:
    """A module's document as the edits see it (rule positions in the rules) and its description."""

    module_id: VcoId
    data: Document
    description: str | None = None
    read_at: float = field(default=0.0, compare=False)  # monotonic time the read was sent


def _has_content(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_content(v) for v in value.values())
    if isinstance(value, list):
        return len(value) > 0
    return value is not None


def read_module(client: VcoClient, target: ModuleTarget) -> ModuleDocument:
    """The module's current document (one API call); raises NotFound when the profile/edge is gone."""
    sent = time.monotonic()
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
        description = found[0].description
        data = with_positions(dict(found[0].data or {}), description)
        return ModuleDocument(found[0].id, data, description, sent)
    stack = client.v1.get_edge_configuration_stack(target.enterprise_vco_id, target.edge_vco_id)
    if len(stack) < 2:
        raise NotFound(
            f"edge {target.edge_vco_id} has no edge-specific profile",
            operation="edge/getEdgeConfigurationStack",
        )
    own = next((m for m in stack[0].modules if m.name == target.module), None)
    inherited = next((m for m in stack[1].modules if m.name == target.module), None)
    if own is None:
        raise ModuleAbsent(
            f"{target.describe()} does not exist yet",
            profile_vco_id=stack[0].id,
            operation="edge/getEdgeConfigurationStack",
        )
    data = dict(own.data or {})
    if not _has_content(data) and inherited is not None and target.module in RULES_KEY:
        data = without_rules(dict(inherited.data or {}), target.module)
    return ModuleDocument(own.id, with_positions(data, own.description), own.description, sent)


def write_module(client: VcoClient, target: ModuleTarget, current: ModuleDocument, data: Document) -> None:
    """Store `data` (positions move to the description) in one `updateConfigurationModule`."""
    stored, description = stored_form(data, current.description)
    update: dict[str, Any] = {"data": stored}
    if description != current.description:
        update["description"] = description
    client.v1.update_configuration_module(target.enterprise_vco_id, current.module_id, update)


def read_or_insert_module(client: VcoClient, target: ModuleTarget) -> ModuleDocument:
    """`read_module`, first inserting an edge's absent module empty (the edge still inherits)."""
    try:
        return read_module(client, target)
    except ModuleAbsent as absent:
        client.v1.insert_configuration_module(
            target.enterprise_vco_id, absent.profile_vco_id, target.module, {}
        )
        return read_module(client, target)


# -- serialised read-modify-write ------------------------------------------------------------


@dataclass(eq=False)
class Edit:
    """One resource's change: a pure document edit and the condition its result must satisfy."""

    apply: Callable[[Document], Document]
    holds: Callable[[Document], bool]
    label: str
    # why the edit does not hold in a document although nobody else wrote it, or None
    explain: Callable[[Document], str | None] = lambda _doc: None
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


def _queue(target: ModuleTarget) -> _Queue:
    return provider_context().shared(("module-queue", *target.key), _Queue)


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
    with queue.pending_lock:  # before the first read too: edits sent together share one round
        queue.pending_lock.wait(LINGER_SECONDS)
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
    current = start if start is not None else read_or_insert_module(client, target)
    todo = batch
    for _ in range(MAX_ROUNDS):
        if queue is not None:  # edits queued while we read join this round
            with queue.pending_lock:
                todo, queue.pending = todo + queue.pending, []
            batch.extend(e for e in todo if e not in batch)
        todo = [e for e in todo if not e.done.is_set()]
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
            if time.monotonic() - current.read_at > FRESH_SECONDS:  # an old read: changed since?
                fresh = read_module(client, target)
                if fresh != current:
                    current = fresh  # someone else wrote it: apply our edits again to theirs
                    continue
            write_module(client, target, current, data)
            time.sleep(SETTLE_SECONDS)  # a writer that read before our write has written by now
            before, current = current, read_module(client, target)
            changed = untouched_changes(before.data, data, current.data)
            if changed:
                error = DocumentError(
                    f"{target.describe()}: right after our write, {', '.join(changed[:10])} (which we did "
                    "not touch) differ from what we read and wrote: someone else changed them at the same "
                    "time, or the Orchestrator altered them. Run `pulumi refresh` and check"
                )
                for edit in applied:
                    edit.finish(error=error)
                return current
        todo = []
        for edit in applied:
            if edit.holds(current.data):
                edit.finish(result=current.data)
                continue
            reason = edit.explain(current.data)
            if reason is not None:  # there, but not as written: retrying cannot help
                edit.finish(error=DocumentError(f"{edit.label}: {reason}"))
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


# -- where a rule resource writes -------------------------------------------------------------


class ModuleOwnerArgs(ResourceArgs):
    """The inputs naming whose module a resource writes: a profile's, or an edge's own."""

    enterprise_id: EnterpriseId
    profile_id: LogicalId | None = Field(
        None, min_length=1, description="logicalId of the profile (or set edge_id)."
    )
    edge_id: LogicalId | None = Field(
        None, min_length=1, description="logicalId of an edge: written in its edge-specific profile."
    )

    @model_validator(mode="after")
    def _one_owner(self) -> ModuleOwnerArgs:
        if (self.profile_id is None) == (self.edge_id is None):
            raise ValueError("set exactly one of profile_id and edge_id")
        return self


def resolve_target(
    vco: Connection,
    enterprise_id: LogicalId,
    profile_id: LogicalId | None,
    edge_id: LogicalId | None,
    module: str,
) -> ModuleTarget:
    """The module a rule resource edits: its profile's, or its edge's edge-specific profile's."""
    enterprise = vco.ids.enterprise(enterprise_id)
    if edge_id is not None:
        return ModuleTarget(
            vco.client.base_url, enterprise, module, edge_vco_id=edge_vco_id(vco, enterprise, edge_id)
        )
    assert profile_id is not None
    return ModuleTarget(
        vco.client.base_url, enterprise, module, profile_vco_id=vco.ids.profile(enterprise, profile_id)
    )


def target_in_state(vco: Connection, state: Mapping[str, Any], module: str) -> ModuleTarget:
    """The module the state (or inputs) of a rule or switches resource says it lives in."""
    profile_id, edge_id = state.get("profile_id"), state.get("edge_id")
    return resolve_target(
        vco,
        logical_id(state["enterprise_id"]),
        None if profile_id is None else logical_id(profile_id),
        None if edge_id is None else logical_id(edge_id),
        module,
    )


def segment_metadata(vco: Connection, enterprise: VcoId, selector: str | int | None) -> Document:
    """How a module document names the segment `selector` names, from the enterprise's segments."""
    try:
        seg = vco.ids.segment(enterprise, selector)
    except UnknownName as exc:
        names = ", ".join(repr(n) for n in exc.known)
        raise DocumentError(f"{exc}; its segments are {names}") from None
    return {
        "segmentId": seg.data.segment_id if seg.data is not None else None,
        "name": seg.name,
        "type": seg.type or "REGULAR",
        "segmentLogicalId": seg.logical_id,
    }
