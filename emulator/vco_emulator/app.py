"""The emulator's aiohttp application: wiring of the v2, v1 and admin routes.

Handlers stay thin: they parse the request, call a function of `domain/` inside one store
transaction (`context.call_domain`), and serialise the result. A successful v2 write also records its
enterprise event in that transaction. Every response carries an `X-Request-ID` header, as the
real Orchestrator's do; an unexpected exception in a handler is logged and answered 500 in the
addressed API's error format (v2 `{code: INTERNAL_SERVER_ERROR, message}`, v1 error envelope), never
aiohttp's plain-text page. In front of the handlers: the rate limiter, then fault injection
(both only for /api and /portal), and the legacy `/sdwan/` prefix redirect.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable

from aiohttp import web

from . import admin, faults, legacy, ratelimit, v1, v2
from .apierror import api_family, error_response
from .context import EMULATOR, Emulator
from .store import Store

REQUEST_ID_HEADER = "X-Request-ID"
_LOG = logging.getLogger(__name__)


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


def create_app(
    store: Store, rate_limit: ratelimit.RateLimitConfig | None = None, *, strict_params: bool = False
) -> web.Application:
    emulator = Emulator(store, strict_params=strict_params)
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
