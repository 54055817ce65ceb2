"""Admin routes of the emulator, under /__emulator/ (never under /api or /portal).

GET health, POST reset (back to the seed, stats cleared), GET stats (request counts by
operation and status, and the number of writes, since the last reset), POST
edges/{logicalId}/activate (the edge comes online; optional JSON body `softwareVersion`,
`buildNumber`, `serialNumber`; answers the v2 `EdgeResource` with its site).
Not implemented yet: seed fixtures, state dump, fault injection, async-operation timing.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

from . import __version__, lifecycle
from .app import EMULATOR
from .domain import edges
from .domain.errors import DataConflict, NotFound

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


async def activate_edge(request: web.Request) -> web.Response:
    logical_id = request.match_info["logicalId"]
    raw = await request.read()
    try:
        body = json.loads(raw) if raw.strip() else {}
    except json.JSONDecodeError as exc:
        return web.json_response({"error": f"body is not JSON: {exc}"}, status=400)
    if not isinstance(body, dict):
        return web.json_response({"error": "the body must be a JSON object"}, status=400)
    options = {key: body.get(key) for key in ("softwareVersion", "buildNumber", "serialNumber")}
    if not all(v is None or isinstance(v, str) for v in options.values()):
        message = "softwareVersion, buildNumber and serialNumber must be strings"
        return web.json_response({"error": message}, status=400)
    store = request.app[EMULATOR].store

    def work() -> dict[str, Any]:
        from .v2.edges import edge_resource

        with store.transaction() as tx:
            edge = edges.activate_edge(
                tx,
                logical_id,
                software_version=options["softwareVersion"],
                build_number=options["buildNumber"],
                serial_number=options["serialNumber"],
            )
            enterprise = tx.get("enterprise", id=edge.enterprise_id)
            assert enterprise is not None
            return edge_resource(tx, edge, enterprise, frozenset({"site"}))

    try:
        return web.json_response(await asyncio.to_thread(work))
    except NotFound as exc:
        return web.json_response({"error": exc.message}, status=404)
    except DataConflict as exc:
        return web.json_response({"error": exc.message}, status=409)


def add_routes(app: web.Application) -> None:
    app.router.add_get(PREFIX + "/health", health)
    app.router.add_post(PREFIX + "/reset", reset)
    app.router.add_get(PREFIX + "/stats", stats)
    app.router.add_post(PREFIX + "/edges/{logicalId}/activate", activate_edge)
