"""Fault injection for the emulated APIs: errors, latency and dropped connections on demand.

A plan is `{"seed": 42, "rules": [...]}`; each rule names the requests it applies to (`route`:
a regular expression searched in the path and in the v1 method name, default every /api and
/portal request; `method`: the HTTP method), the `fault` ("429", "500", "502", "503",
"latency", "drop"), a probability `rate` (0..1, default 1), an optional `count` (only the
first N matching requests are considered), `latencySeconds` for latency, and `when`:
"before" (the request is not executed) or "after" (the request is executed and committed,
then its response is replaced, delayed or the connection dropped: the ambiguous failure
clients must survive). Rules are tried in order; the first that fires decides the fault.
With a seed, the same sequence of requests meets the same faults. Admin routes under
/__emulator are never faulted.

Not implemented: faults on the response body (truncation, invalid JSON), slow bodies.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
import socket
import struct
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web
from aiohttp.typedefs import Middleware
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .apierror import api_family, error_response, is_jsonrpc
from .jsonbody import BadJson, parse_json

FaultKind = Literal["429", "500", "502", "503", "latency", "drop"]


class FaultRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    route: str | None = None
    method: str | None = None
    fault: FaultKind
    rate: float = Field(default=1.0, ge=0, le=1)
    count: int | None = Field(default=None, ge=1)
    latencySeconds: float = Field(default=1.0, ge=0, le=600)
    when: Literal["before", "after"] = "before"

    @field_validator("route")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"route {value!r} is not a valid regular expression: {exc}") from None
        return value


class FaultPlan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    seed: int | None = None
    rules: list[FaultRule] = Field(default_factory=list)


@dataclass
class FaultInjector:
    """Chooses the fault for each request from the current plan; thread-safe and seedable."""

    plan: FaultPlan = field(default_factory=FaultPlan)
    _rng: random.Random = field(default_factory=random.Random)
    _matched: list[int] = field(default_factory=list)
    _fired: list[int] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def set_plan(self, plan: FaultPlan) -> None:
        with self._lock:
            self.plan = plan
            self._rng = random.Random(plan.seed)
            self._matched = [0] * len(plan.rules)
            self._fired = [0] * len(plan.rules)

    def clear(self) -> None:
        self.set_plan(FaultPlan())

    def choose(self, path: str, method: str, v1_method: str | None) -> FaultRule | None:
        with self._lock:
            for i, rule in enumerate(self.plan.rules):
                if not _matches(rule, path, method, v1_method):
                    continue
                if rule.count is not None and self._matched[i] >= rule.count:
                    continue
                self._matched[i] += 1
                if rule.rate >= 1 or self._rng.random() < rule.rate:
                    self._fired[i] += 1
                    return rule
            return None

    def describe(self) -> dict[str, Any]:
        with self._lock:
            return {
                "seed": self.plan.seed,
                "rules": [
                    {**rule.model_dump(), "matched": self._matched[i], "fired": self._fired[i]}
                    for i, rule in enumerate(self.plan.rules)
                ],
            }


def _matches(rule: FaultRule, path: str, method: str, v1_method: str | None) -> bool:
    if rule.method is not None and rule.method.upper() != method.upper():
        return False
    if rule.route is None:
        return True
    pattern = re.compile(rule.route)
    return bool(pattern.search(path) or (v1_method and pattern.search(v1_method)))


async def v1_method_name(request: web.Request) -> str | None:
    """The v1 method a /portal request calls (`group/method`), read from its path or JSON-RPC body."""
    if request.path.startswith("/portal/rest/"):
        return request.path[len("/portal/rest/") :]
    if is_jsonrpc(request.path):
        try:
            body = parse_json(await request.read())  # aiohttp caches the body: the handler reads it again
        except BadJson:
            return None
        if isinstance(body, dict) and isinstance(body.get("method"), str):
            return str(body["method"])
    return None


def drop_connection(request: web.Request) -> None:
    """Close the client's connection at once (TCP RST), without any HTTP response."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


FAULT_INJECTOR = web.AppKey("fault_injector", FaultInjector)
OnFault = Callable[[FaultRule], None]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def middleware(on_fault: OnFault) -> Middleware:
    """An aiohttp middleware applying the app's `FAULT_INJECTOR` to /api and /portal requests."""

    @web.middleware
    async def inject_faults(request: web.Request, handler: Handler) -> web.StreamResponse:
        injector = request.app[FAULT_INJECTOR]
        family = api_family(request.path)
        if family is None or not injector.plan.rules:
            return await handler(request)
        v1_method = await v1_method_name(request) if family == "v1" else None
        rule = injector.choose(request.path, request.method, v1_method)
        if rule is None:
            return await handler(request)
        on_fault(rule)
        if rule.fault == "latency":
            if rule.when == "before":
                await asyncio.sleep(rule.latencySeconds)
                return await handler(request)
            response = await handler(request)
            await asyncio.sleep(rule.latencySeconds)
            return response
        if rule.when == "after":
            with contextlib.suppress(web.HTTPException):
                await handler(request)
        if rule.fault == "drop":
            drop_connection(request)
            return web.Response(status=500)  # never sent: the transport is closed
        status = int(rule.fault)
        return error_response(request.path, status, f"fault injected by the emulator: HTTP {status}")

    return inject_faults
