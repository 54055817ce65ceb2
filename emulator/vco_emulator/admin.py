"""Admin routes of the emulator, under /__emulator/ (never under /api or /portal).

GET health, POST reset (back to the seed, stats cleared, async timing back to its default),
GET stats (request counts by operation and status, and the number of writes, since the last
reset), GET/POST async (when accepted asynchronous operations become due:
`{"mode": "immediate"|"delayed", "delaySeconds": float}`; POST changes the fields it names,
for operations accepted from then on).
Not implemented yet: seed fixtures, state dump, fault injection, edge activation.
"""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any

from aiohttp import web

from . import __version__, lifecycle
from .app import EMULATOR
from .domain.async_operations import AsyncTiming

PREFIX = "/__emulator"


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": __version__})


async def reset(request: web.Request) -> web.Response:
    emulator = request.app[EMULATOR]
    await asyncio.to_thread(lifecycle.reset, emulator.store)
    emulator.stats.reset()
    emulator.async_timing = AsyncTiming()
    return web.json_response({"status": "reset"})


async def stats(request: web.Request) -> web.Response:
    return web.json_response(request.app[EMULATOR].stats.snapshot())


def _timing_body(timing: AsyncTiming) -> dict[str, Any]:
    return {"mode": timing.mode, "delaySeconds": timing.delay_seconds}


async def get_async_timing(request: web.Request) -> web.Response:
    return web.json_response(_timing_body(request.app[EMULATOR].async_timing))


async def set_async_timing(request: web.Request) -> web.Response:
    try:
        body = json.loads(await request.read() or b"{}")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return web.json_response({"error": f"body is not valid JSON: {exc}"}, status=400)
    if not isinstance(body, dict) or set(body) - {"mode", "delaySeconds"}:
        return web.json_response(
            {"error": "send a JSON object with mode and/or delaySeconds only"}, status=400
        )
    mode, delay = body.get("mode"), body.get("delaySeconds")
    if mode is not None and mode not in ("immediate", "delayed"):
        return web.json_response({"error": f"mode {mode!r} is not immediate or delayed"}, status=400)
    if delay is not None and (
        isinstance(delay, bool) or not isinstance(delay, int | float) or not math.isfinite(delay) or delay < 0
    ):
        return web.json_response({"error": f"delaySeconds {delay!r} must be a number >= 0"}, status=400)
    timing = request.app[EMULATOR].async_timing
    if mode is not None:
        timing.mode = mode
    if delay is not None:
        timing.delay_seconds = float(delay)
    return web.json_response(_timing_body(timing))


def add_routes(app: web.Application) -> None:
    app.router.add_get(PREFIX + "/health", health)
    app.router.add_post(PREFIX + "/reset", reset)
    app.router.add_get(PREFIX + "/stats", stats)
    app.router.add_get(PREFIX + "/async", get_async_timing)
    app.router.add_post(PREFIX + "/async", set_async_timing)
