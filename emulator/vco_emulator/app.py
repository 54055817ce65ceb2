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

from .domain.auth import SESSION_COOKIE, Principal, authenticate
from .domain.privileges import authorize_v2
from .stats import Stats
from .store import Store, Tx

T = TypeVar("T")
REQUEST_ID_HEADER = "X-Request-ID"


@dataclass
class Emulator:
    """What every handler shares: the store and the request counters."""

    store: Store
    stats: Stats = field(default_factory=Stats)


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

    def work() -> T:
        with emulator.store.transaction() as tx:
            principal = authenticate(tx, authorization, session)
            authorize_v2(tx, principal, method, path, path_params)
            return fn(tx, principal)

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
