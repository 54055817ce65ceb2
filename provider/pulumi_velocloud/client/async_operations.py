"""Waiting for asynchronous operations: 202 + `Location: /api/sdwan/v2/asyncOperations/<id>`.

`wait_for_operation` polls the location with growing intervals (the first one too: an
operation just accepted is hardly ever done at once, so asking at once costs a request) until the operation is
`DONE` (returns its body) or `ERROR` (raises `AsyncOperationFailed` with the Orchestrator's
message), or the timeout passes (raises `AsyncOperationTimeout` naming the operation id and
its last status). The clock and sleep are injectable for tests.

A caller that reads what the operation changes right after it anyway (a verifying read-back)
passes that read as `confirm`: the first look, after the first interval, is then that read
instead of a poll, and when it already shows the change applied the operation is taken as
`DONE` without polling it (one request fewer per write; the body returned then says
`confirmedByRead`). Assumed, not known, of the real
Orchestrator (docs/evidence.md section 6): a change that reads back applied has been
committed, i.e. an operation never ends in ERROR after its change became visible (the
emulator applies an operation in one transaction, which is the natural reading of the
spec's all-or-nothing asynchronous writes). When the read does not show it (still pending,
failed, or overwritten meanwhile) the operation is polled as without `confirm`, so an ERROR
still fails with the Orchestrator's message and a slow operation is still waited for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .errors import AsyncOperationFailed, AsyncOperationTimeout
from .retry import poll_interval
from .session import ApiSession

DONE, ERROR = "DONE", "ERROR"


def operation_id(location: str) -> str:
    return location.rstrip("/").rsplit("/", 1)[-1]


def _message(body: dict[str, Any]) -> str:
    for key in ("message", "error", "errorMessage"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, dict) and isinstance(value.get("message"), str):
            return str(value["message"])
    errors = body.get("errors")
    if isinstance(errors, list) and errors:
        return "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors)
    return "the operation ended in ERROR without a message"


def wait_for_operation(
    session: ApiSession,
    location: str,
    *,
    operation: str,
    timeout: float,
    confirm: Callable[[], bool] | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """Poll an asynchronous operation until it ends; see the module docstring."""
    started = clock()
    poll = 0
    status = "UNKNOWN"
    while True:
        poll += 1
        wait = poll_interval(poll)
        if poll > 1 and clock() - started + wait > timeout:
            raise AsyncOperationTimeout(
                f"still {status} after {clock() - started:.0f}s (timeout {timeout:.0f}s); "
                f"operation {operation_id(location)} may still complete",
                operation_id=operation_id(location),
                last_status=status,
                operation=operation,
                method="GET",
                url=session.base_url + location,
            )
        sleep(wait)
        if poll == 1 and confirm is not None and confirm():
            return {"status": DONE, "id": operation_id(location), "confirmedByRead": True}
        body = session.call("GET", location, operation=f"{operation} (async status)").json()
        status = str(body.get("status", "UNKNOWN")).upper()
        if status == DONE:
            return dict(body)
        if status == ERROR:
            raise AsyncOperationFailed(
                _message(body), operation=operation, method="GET", url=session.base_url + location
            )
