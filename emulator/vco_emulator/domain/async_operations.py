"""Asynchronous operations: v2 writes answered with 202 and tracked until DONE or ERROR.

An operation is an `async_operation` row (name = its logicalId, the id in
`/api/sdwan/v2/asyncOperations/{id}`) owned by an enterprise. It starts `ACCEPTED` with a
due time; the first time it is *settled* at or after that time (a poll of the operation, or
a read or write of the configuration it targets) its executor runs in that request's
transaction and the operation becomes `DONE`, or `ERROR` with a message and field errors.
An executor either applies everything or raises `OperationFailed` before writing, so an
operation never leaves a half-applied document. Operations on the same target apply in the
order they were accepted: a later one waits for an earlier one that is not yet due.

The timing (`AsyncTiming`) lives in the running app, not in SQLite: `immediate` makes new
operations due at once, `delayed` due `delaySeconds` after they were accepted. Operations
themselves are stored, so they survive a restart.

Not implemented: cancelling an operation; listing operations; expiry of old operations.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..store import Record, Tx, new_logical_id
from . import kinds
from .auth import Principal
from .errors import FieldError, NotFound

log = logging.getLogger(__name__)

Mode = Literal["immediate", "delayed"]
DEFAULT_DELAY_SECONDS = 0.2


@dataclass
class AsyncTiming:
    """When new operations become due; changed through `POST /__emulator/async`."""

    mode: Mode = "delayed"
    delay_seconds: float = DEFAULT_DELAY_SECONDS

    def delay(self) -> float:
        return 0.0 if self.mode == "immediate" else self.delay_seconds


class OperationFailed(Exception):
    """Raised by an executor: the operation ends in ERROR and nothing it targets changed."""

    def __init__(self, message: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or []


Executor = Callable[[Tx, Record], None]
EXECUTORS: dict[str, Executor] = {}


def register(operation: str, executor: Executor) -> None:
    """Make `executor` run operations whose `operation` is this name."""
    EXECUTORS[operation] = executor


def create(
    tx: Tx,
    enterprise_id: int,
    *,
    operation: str,
    target: str,
    resource_href: str,
    request: dict[str, Any],
    delay_seconds: float,
    now: float | None = None,
) -> Record:
    """Store a new ACCEPTED operation; `target` names what it changes (for ordering)."""
    accepted_at = time.time() if now is None else now
    logical_id = new_logical_id()
    return tx.insert(
        kinds.ASYNC_OPERATION,
        logical_id,
        {
            "operation": operation,
            "status": "ACCEPTED",
            "target": target,
            "resource": resource_href,
            "request": request,
            "dueAt": accepted_at + max(0.0, delay_seconds),
            "message": None,
            "errors": [],
        },
        enterprise_id=enterprise_id,
        logical_id=logical_id,
    )


def get_operation(tx: Tx, principal: Principal, logical_id: str, *, now: float | None = None) -> Record:
    """One operation, settled first if it is due; 404 for operations of other enterprises."""
    record = tx.get(kinds.ASYNC_OPERATION, logical_id=logical_id)
    if record is None or not principal.can_see(record):
        raise NotFound(f"asyncOperation {logical_id} not found")
    settle(tx, now=now)
    refreshed = tx.get(kinds.ASYNC_OPERATION, id=record.id)
    assert refreshed is not None
    return refreshed


def settle(tx: Tx, *, now: float | None = None) -> int:
    """Run every due ACCEPTED operation, oldest first; returns how many finished."""
    at = time.time() if now is None else now
    blocked: set[str] = set()
    finished = 0
    for op in tx.find(kinds.ASYNC_OPERATION):
        if op.data["status"] != "ACCEPTED":
            continue
        target = str(op.data["target"])
        if target in blocked or at < float(op.data["dueAt"]):
            blocked.add(target)
            continue
        _run(tx, op)
        finished += 1
    return finished


def _run(tx: Tx, op: Record) -> None:
    executor = EXECUTORS.get(op.data["operation"])
    data = dict(op.data)
    if executor is None:
        data.update(status="ERROR", message=f"this emulator cannot run {op.data['operation']} operations")
    else:
        try:
            with tx.savepoint():  # a failing operation leaves no partial write behind
                executor(tx, op)
        except OperationFailed as exc:
            data.update(
                status="ERROR",
                message=exc.message,
                errors=[{"path": e.path, "message": e.message} for e in exc.errors],
            )
        except Exception as exc:  # never let one operation wedge every later request
            log.exception("asynchronous operation %s failed unexpectedly", op.name)
            data.update(
                status="ERROR", message=f"internal error while applying the operation ({type(exc).__name__})"
            )
        else:
            data.update(status="DONE")
    tx.update(op, op.name, data)
