"""Admin routes of the emulator, under /__emulator/ (never under /api or /portal).

GET health; POST reset (back to the seed, stats cleared, fault rules removed, rate limits
back to the start-up settings); GET stats (request counts by operation and status, writes,
rate-limited requests and injected faults, since the last reset); POST seed (add a named
fixture, see `fixtures.py`); GET state (every object by kind, without secrets); GET/POST
ratelimit (the limiter's settings, see `ratelimit.py`); GET/POST/DELETE faults (the fault
plan, see `faults.py`).
POST edges/{logicalId}/activate (the edge comes online; optional JSON body `softwareVersion`,
`buildNumber`, `serialNumber`; answers the v2 `EdgeResource` with its site).
GET/POST async (when accepted asynchronous operations become due:
`{"mode": "immediate"|"delayed", "delaySeconds": float}`; POST changes the fields it names,
for operations accepted from then on); reset also restores the default timing.
Errors are answered in the v2 error format (`apierror.v2_error`): `{code, message, errors?}`.
"""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any, TypeVar

from aiohttp import web
from pydantic import BaseModel, ConfigDict, ValidationError

from . import __version__, faults, lifecycle, ratelimit
from .apierror import v2_error
from .context import EMULATOR
from .domain import edges
from .domain.async_operations import AsyncTiming
from .domain.errors import DataConflict, DomainError, NotFound
from .fixtures import FIXTURES
from .store import Record
from .v2.edges import edge_resource

PREFIX = "/__emulator"
_SECRET_MARKERS = ("password", "sha256", "digest", "secret", "token")
M = TypeVar("M", bound=BaseModel)


def _bad_request(message: str, errors: list[dict[str, str]] | None = None) -> web.Response:
    return v2_error(400, message, errors or None)


async def _read(request: web.Request) -> Any:
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise web.HTTPBadRequest(text=f"request body is not valid JSON: {exc}") from None


def _parse(model: type[M], payload: Any) -> M | web.Response:
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        errors = [{"path": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
        return _bad_request(f"invalid {model.__name__}", errors)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": __version__})


async def reset(request: web.Request) -> web.Response:
    emulator = request.app[EMULATOR]
    await asyncio.to_thread(lifecycle.reset, emulator.store)
    emulator.stats.reset()
    request.app[faults.FAULT_INJECTOR].clear()
    request.app[ratelimit.RATE_LIMITER].configure(request.app[ratelimit.STARTUP_CONFIG])
    emulator.async_timing = AsyncTiming()
    return web.json_response({"status": "reset"})


async def stats(request: web.Request) -> web.Response:
    return web.json_response(request.app[EMULATOR].stats.snapshot())


class _SeedRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fixture: str


async def seed(request: web.Request) -> web.Response:
    req = _parse(_SeedRequest, await _read(request))
    if isinstance(req, web.Response):
        return req
    fixture = FIXTURES.get(req.fixture)
    if fixture is None:
        return _bad_request(
            f"unknown fixture {req.fixture!r}; known: {', '.join(sorted(FIXTURES))}",
            [{"path": "fixture", "message": "unknown fixture"}],
        )
    store = request.app[EMULATOR].store

    def work() -> list[Record]:
        with store.transaction() as tx:
            return fixture(tx)

    try:
        created = await asyncio.to_thread(work)
    except DomainError as exc:
        return v2_error(422, exc.message)
    return web.json_response(
        {
            "fixture": req.fixture,
            "created": [
                {"kind": r.kind, "id": r.id, "logicalId": r.logical_id, "name": r.name} for r in created
            ],
        }
    )


def _public(value: Any) -> Any:
    """`value` without the fields that hold secrets (password hashes, token digests)."""
    if isinstance(value, dict):
        return {k: _public(v) for k, v in value.items() if not any(m in k.lower() for m in _SECRET_MARKERS)}
    if isinstance(value, list):
        return [_public(v) for v in value]
    return value


async def state(request: web.Request) -> web.Response:
    store = request.app[EMULATOR].store

    def work() -> dict[str, list[dict[str, Any]]]:
        with store.transaction() as tx:
            records = tx.all_objects()
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for r in records:
            by_kind.setdefault(r.kind, []).append(
                {
                    "id": r.id,
                    "logicalId": r.logical_id,
                    "enterpriseId": r.enterprise_id,
                    "name": r.name,
                    "created": r.created,
                    "modified": r.modified,
                    "data": _public(r.data),
                }
            )
        return by_kind

    return web.json_response({"objects": await asyncio.to_thread(work)})


async def get_ratelimit(request: web.Request) -> web.Response:
    config = request.app[ratelimit.RATE_LIMITER].config
    return web.json_response({**config.model_dump(), "enabled": config.enabled})


async def set_ratelimit(request: web.Request) -> web.Response:
    config = _parse(ratelimit.RateLimitConfig, await _read(request))
    if isinstance(config, web.Response):
        return config
    request.app[ratelimit.RATE_LIMITER].configure(config)
    return web.json_response({**config.model_dump(), "enabled": config.enabled})


async def get_faults(request: web.Request) -> web.Response:
    return web.json_response(request.app[faults.FAULT_INJECTOR].describe())


async def set_faults(request: web.Request) -> web.Response:
    plan = _parse(faults.FaultPlan, await _read(request))
    if isinstance(plan, web.Response):
        return plan
    injector = request.app[faults.FAULT_INJECTOR]
    injector.set_plan(plan)
    return web.json_response(injector.describe())


async def clear_faults(request: web.Request) -> web.Response:
    injector = request.app[faults.FAULT_INJECTOR]
    injector.clear()
    return web.json_response(injector.describe())


async def activate_edge(request: web.Request) -> web.Response:
    logical_id = request.match_info["logicalId"]
    raw = await request.read()
    try:
        body = json.loads(raw) if raw.strip() else {}
    except json.JSONDecodeError as exc:
        return _bad_request(f"body is not JSON: {exc}")
    if not isinstance(body, dict):
        return _bad_request("the body must be a JSON object")
    options = {key: body.get(key) for key in ("softwareVersion", "buildNumber", "serialNumber")}
    if not all(v is None or isinstance(v, str) for v in options.values()):
        message = "softwareVersion, buildNumber and serialNumber must be strings"
        return _bad_request(message)
    store = request.app[EMULATOR].store

    def work() -> dict[str, Any]:
        with store.transaction() as tx:
            edge = edges.activate_edge(
                tx,
                logical_id,
                software_version=options["softwareVersion"],
                build_number=options["buildNumber"],
                serial_number=options["serialNumber"],
            )
            return edge_resource(tx, edge, frozenset({"site"}))

    try:
        return web.json_response(await asyncio.to_thread(work))
    except NotFound as exc:
        return v2_error(404, exc.message)
    except DataConflict as exc:
        return v2_error(409, exc.message)


def _timing_body(timing: AsyncTiming) -> dict[str, Any]:
    return {"mode": timing.mode, "delaySeconds": timing.delay_seconds}


async def get_async_timing(request: web.Request) -> web.Response:
    return web.json_response(_timing_body(request.app[EMULATOR].async_timing))


async def set_async_timing(request: web.Request) -> web.Response:
    try:
        body = json.loads(await request.read() or b"{}")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _bad_request(f"body is not valid JSON: {exc}")
    if not isinstance(body, dict) or set(body) - {"mode", "delaySeconds"}:
        return _bad_request("send a JSON object with mode and/or delaySeconds only")
    mode, delay = body.get("mode"), body.get("delaySeconds")
    if mode is not None and mode not in ("immediate", "delayed"):
        return _bad_request(f"mode {mode!r} is not immediate or delayed")
    if delay is not None and (
        isinstance(delay, bool) or not isinstance(delay, int | float) or not math.isfinite(delay) or delay < 0
    ):
        return _bad_request(f"delaySeconds {delay!r} must be a number >= 0")
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
    app.router.add_post(PREFIX + "/seed", seed)
    app.router.add_get(PREFIX + "/state", state)
    app.router.add_get(PREFIX + "/ratelimit", get_ratelimit)
    app.router.add_post(PREFIX + "/ratelimit", set_ratelimit)
    app.router.add_get(PREFIX + "/faults", get_faults)
    app.router.add_post(PREFIX + "/faults", set_faults)
    app.router.add_delete(PREFIX + "/faults", clear_faults)
    app.router.add_post(PREFIX + "/edges/{logicalId}/activate", activate_edge)
    app.router.add_get(PREFIX + "/async", get_async_timing)
    app.router.add_post(PREFIX + "/async", set_async_timing)
