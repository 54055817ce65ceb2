"""The emulator's aiohttp application: wiring of the v2, v1 and admin routes.

Handlers stay thin: they parse the request, call a function of `domain/` inside one store
transaction (`call_domain`), and serialise the result. Every response carries an
`X-Request-ID` header, as the real Orchestrator's do.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from aiohttp import web

from .domain.async_operations import AsyncTiming
from .domain.auth import Principal, authenticate
from .stats import Stats
from .store import Store, Tx

T = TypeVar("T")
REQUEST_ID_HEADER = "X-Request-ID"


@dataclass
class Emulator:
    """What every handler shares: the store, the request counters, async-operation timing."""

    store: Store
    stats: Stats = field(default_factory=Stats)
    async_timing: AsyncTiming = field(default_factory=AsyncTiming)


EMULATOR = web.AppKey("emulator", Emulator)


async def call_domain(request: web.Request, fn: Callable[[Tx, Principal], T]) -> T:
    """Authenticate the request and run `fn` in one transaction, off the event loop."""
    emulator = request.app[EMULATOR]
    authorization = request.headers.get("Authorization")

    def work() -> T:
        with emulator.store.transaction() as tx:
            return fn(tx, authenticate(tx, authorization))

    return await asyncio.to_thread(work)


@web.middleware
async def request_id_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    request_id = str(uuid.uuid4())
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        exc.headers[REQUEST_ID_HEADER] = request_id
        raise
    response.headers[REQUEST_ID_HEADER] = request_id
    return response


def create_app(store: Store) -> web.Application:
    from . import admin, v1, v2

    app = web.Application(middlewares=[request_id_middleware], client_max_size=16 * 1024 * 1024)
    app[EMULATOR] = Emulator(store)
    admin.add_routes(app)
    v2.add_routes(app)
    v1.add_routes(app)
    return app
