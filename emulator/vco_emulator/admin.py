"""Admin routes of the emulator, under /__emulator/ (never under /api or /portal).

GET health, POST reset (back to the seed, stats cleared), GET stats (request counts by
operation and status, and the number of writes, since the last reset).
Not implemented yet: seed fixtures, state dump, fault injection, edge activation,
async-operation timing.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from . import __version__, lifecycle
from .app import EMULATOR

PREFIX = "/__emulator"


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": __version__})


async def reset(request: web.Request) -> web.Response:
    emulator = request.app[EMULATOR]
    await asyncio.to_thread(lifecycle.reset, emulator.store)
    emulator.stats.reset()
    return web.json_response({"status": "reset"})


async def stats(request: web.Request) -> web.Response:
    return web.json_response(request.app[EMULATOR].stats.snapshot())


def add_routes(app: web.Application) -> None:
    app.router.add_get(PREFIX + "/health", health)
    app.router.add_post(PREFIX + "/reset", reset)
    app.router.add_get(PREFIX + "/stats", stats)
