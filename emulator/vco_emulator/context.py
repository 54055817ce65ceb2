"""What every route handler shares: the emulator's state on the app, and `call_domain`.

`call_domain` is the one way a v2 handler reaches the domain: authenticate, authorise, run the
domain function in one store transaction off the event loop, and record the write's enterprise
event. v1 methods go through `v1/rpc.py`, which uses the same store and stats. Wiring of the
routes is `app.py`'s; nothing here builds responses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from aiohttp import web

from .domain import events
from .domain.async_operations import AsyncTiming
from .domain.auth import SESSION_COOKIE, Principal, authenticate
from .domain.privileges import authorize_v2
from .stats import Stats
from .store import Store, Tx

T = TypeVar("T")
OPERATION_ID = web.RequestKey("operation_id", str)  # set by the v2 `endpoint` wrapper
_READS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class Emulator:
    """What every handler shares: the store, the request counters, async-operation timing, and
    whether v1 params the spec does not declare are refused (`strict_params`) or ignored."""

    store: Store
    stats: Stats = field(default_factory=Stats)
    strict_params: bool = False
    async_timing: AsyncTiming = field(default_factory=AsyncTiming)


EMULATOR = web.AppKey("emulator", Emulator)


async def call_domain(request: web.Request, fn: Callable[[Tx, Principal], T]) -> T:
    """Authenticate and authorise the request, then run `fn` in one transaction, off the event loop.

    Authentication: `Authorization: Token` or the `velocloud.session` cookie. Authorisation
    (`domain.privileges.authorize_v2`): the customer in the path must be visible to the
    caller (else 404), and its role must allow the HTTP method's action (else 403).
    """
    emulator = request.app[EMULATOR]
    authorization = request.headers.get("Authorization")
    session = request.cookies.get(SESSION_COOKIE)
    method, path, path_params = request.method, request.path, dict(request.match_info)

    operation = request.get(OPERATION_ID) or f"{request.method} {request.path}"
    write = request.method not in _READS

    def work() -> T:
        with emulator.store.transaction() as tx:
            principal = authenticate(tx, authorization, session)
            authorize_v2(tx, principal, method, path, path_params)
            result = fn(tx, principal)
            if write:
                events.record_write(tx, principal, operation, "v2", result=result, path_ids=path_params)
            return result

    return await asyncio.to_thread(work)
