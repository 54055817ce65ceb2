"""The emulator's aiohttp application: wiring of the v2, v1 and admin routes.

Handlers stay thin: they parse the request, call a function of `domain/` inside one store
transaction (`call_domain`), and serialise the result. A successful v2 write also records its
enterprise event in that transaction. Every response carries an `X-Request-ID` header, as the
real Orchestrator's do; an unexpected exception in a handler is logged and answered 500 in the
addressed API's error format (v2 `{code: INTERNAL_SERVER_ERROR, message}`, v1 error envelope), never
aiohttp's plain-text page. In front of the handlers: the rate limiter, then fault injection
(both only for /api and /portal), and the legacy `/sdwan/` prefix redirect.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from aiohttp import web

from . import faults, ratelimit
from .apierror import api_family, error_response
from .domain import events
from .domain.async_operations import AsyncTiming
from .domain.auth import SESSION_COOKIE, Principal, authenticate
from .domain.privileges import authorize_v2
from .stats import Stats
from .store import Store, Tx

T = TypeVar("T")
REQUEST_ID_HEADER = "X-Request-ID"
OPERATION_ID = web.RequestKey("operation_id", str)  # set by the v2 `endpoint` wrapper
_READS = frozenset({"GET", "HEAD", "OPTIONS"})
_LOG = logging.getLogger(__name__)


@dataclass
class Emulator:
    """What every handler shares: the store, the request counters, async-operation timing."""

    store: Store
    stats: Stats = field(default_factory=Stats)
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
    except Exception as exc:
        if api_family(request.path) is None:
            raise
        _LOG.exception("unexpected error in %s %s (request %s)", request.method, request.path, request_id)
        response = error_response(
            request.path, 500, f"internal error of the emulator ({type(exc).__name__}); request {request_id}"
        )
    response.headers[REQUEST_ID_HEADER] = request_id
    return response


def create_app(store: Store, rate_limit: ratelimit.RateLimitConfig | None = None) -> web.Application:
    from . import admin, legacy, v1, v2

    emulator = Emulator(store)
    app = web.Application(
        middlewares=[
            request_id_middleware,
            ratelimit.middleware(emulator.stats.record_throttled),
            faults.middleware(lambda rule: emulator.stats.record_fault(rule.fault, rule.when)),
        ],
        client_max_size=16 * 1024 * 1024,
    )
    app[EMULATOR] = emulator
    app[ratelimit.RATE_LIMITER] = ratelimit.RateLimiter(rate_limit or ratelimit.RateLimitConfig())
    app[ratelimit.STARTUP_CONFIG] = rate_limit or ratelimit.RateLimitConfig()
    app[faults.FAULT_INJECTOR] = faults.FaultInjector()
    legacy.add_routes(app)
    admin.add_routes(app)
    v2.add_routes(app)
    v1.add_routes(app)
    return app
