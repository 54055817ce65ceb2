"""The v1 portal API: one module per method group, all dispatched by `rpc`."""

from __future__ import annotations

from aiohttp import web

from . import configuration, enterprise, network, rpc

__all__ = ["add_routes", "configuration", "enterprise", "network"]


def add_routes(app: web.Application) -> None:
    rpc.add_routes(app)
