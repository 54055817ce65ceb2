"""Rate limiting as the Orchestrator does it: a concurrency limit and a leaky bucket per caller.

Each caller (its API token, or its address without one) may have at most `max_concurrent`
requests in flight, and its bucket holds `requests` requests per `window` seconds, leaking
continuously. A request that finds the bucket full or too many requests in flight is
throttled: it gets 429, and so does every request from that caller for `penalty` seconds
(the vendor documents a 5000 ms cool-down during which requests stay rate limited).
Throttled requests neither fill the bucket nor count as in flight.

Off unless configured (`vco-emulator serve --rate-limit-requests ... --max-concurrent ...`,
or `POST /__emulator/ratelimit`). No `Retry-After` header is sent: the vendor documents a
fixed 5 s back-off and no such header, so clients must not depend on one.
Not implemented: per-operation limits, the operator-level (global) limiter, exemptions for
operator super users.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web
from aiohttp.typedefs import Middleware
from pydantic import BaseModel, ConfigDict, Field

from .apierror import api_family, error_response

Clock = Callable[[], float]


class RateLimitConfig(BaseModel):
    """The limiter's settings; `requests` and `maxConcurrent` None = that limiter is off."""

    model_config = ConfigDict(extra="forbid")

    requests: int | None = Field(default=None, ge=1)
    windowSeconds: float = Field(default=5.0, gt=0)
    maxConcurrent: int | None = Field(default=None, ge=1)
    penaltySeconds: float = Field(default=5.0, ge=0)

    @property
    def enabled(self) -> bool:
        return self.requests is not None or self.maxConcurrent is not None


@dataclass
class _Caller:
    level: float = 0.0
    updated: float = 0.0
    in_flight: int = 0
    blocked_until: float = 0.0


@dataclass
class Decision:
    allowed: bool
    reason: str = ""


@dataclass
class RateLimiter:
    """The pure limiter: `admit(key)` before a request, `release(key)` after an admitted one."""

    config: RateLimitConfig = field(default_factory=RateLimitConfig)
    clock: Clock = time.monotonic
    _callers: dict[str, _Caller] = field(default_factory=dict)

    def configure(self, config: RateLimitConfig) -> None:
        self.config = config
        self._callers.clear()

    def admit(self, key: str) -> Decision:
        cfg = self.config
        if not cfg.enabled:
            return Decision(True)
        now = self.clock()
        caller = self._callers.setdefault(key, _Caller(updated=now))
        if now < caller.blocked_until:
            return Decision(False, f"rate limited; retry after the {cfg.penaltySeconds:g} s penalty")
        if cfg.requests is not None:
            leaked = (now - caller.updated) * cfg.requests / cfg.windowSeconds
            caller.level = max(0.0, caller.level - leaked)
            caller.updated = now
            if caller.level + 1 > cfg.requests:
                caller.blocked_until = now + cfg.penaltySeconds
                return Decision(
                    False, f"more than {cfg.requests} requests in {cfg.windowSeconds:g} s; rate limited"
                )
        if cfg.maxConcurrent is not None and caller.in_flight >= cfg.maxConcurrent:
            caller.blocked_until = now + cfg.penaltySeconds
            return Decision(False, f"more than {cfg.maxConcurrent} concurrent requests; rate limited")
        caller.level += 1 if cfg.requests is not None else 0
        caller.in_flight += 1
        return Decision(True)

    def release(self, key: str) -> None:
        caller = self._callers.get(key)
        if caller is not None and caller.in_flight > 0:
            caller.in_flight -= 1


def caller_key(request: web.Request) -> str:
    """Who the limiter counts a request against: a digest of its token, else its address."""
    authorization = request.headers.get("Authorization", "").strip()
    if authorization:
        return "token:" + hashlib.sha256(authorization.encode()).hexdigest()[:32]
    return f"addr:{request.remote}"


RATE_LIMITER = web.AppKey("rate_limiter", RateLimiter)
STARTUP_CONFIG = web.AppKey("rate_limit_startup", RateLimitConfig)  # what `reset` restores
OnThrottle = Callable[[], None]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def middleware(on_throttle: OnThrottle) -> Middleware:
    """An aiohttp middleware applying the app's `RATE_LIMITER` to /api and /portal requests."""

    @web.middleware
    async def rate_limit(request: web.Request, handler: Handler) -> web.StreamResponse:
        limiter = request.app[RATE_LIMITER]
        if api_family(request.path) is None or not limiter.config.enabled:
            return await handler(request)
        key = caller_key(request)
        decision = limiter.admit(key)
        if not decision.allowed:
            on_throttle()
            return error_response(request.path, 429, decision.reason)
        try:
            return await handler(request)
        finally:
            limiter.release(key)

    return rate_limit
