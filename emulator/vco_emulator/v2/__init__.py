"""The v2 REST API under /api/sdwan/v2: one module per resource, plus shared plumbing."""

from __future__ import annotations

from aiohttp import web

from . import (
    applications,
    async_operations,
    device_settings,
    edges,
    enterprises,
    monitoring,
    non_sdwan_status,
)
from .http import PREFIX, endpoint, not_found


def add_routes(app: web.Application) -> None:
    enterprises.add_routes(app)
    edges.add_routes(app)
    monitoring.add_routes(app)
    applications.add_routes(app)
    non_sdwan_status.add_routes(app)
    device_settings.add_routes(app)
    async_operations.add_routes(app)
    app.router.add_route("*", PREFIX + "/{tail:.*}", endpoint("unknownOperation")(not_found))
