"""The v1 portal API: one module per method group (or resource), all dispatched by `rpc`."""

from __future__ import annotations

from aiohttp import web

from . import (
    api_token,
    configuration,
    edge,
    edge_lifecycle,
    enterprise,
    enterprise_property,
    enterprise_service,
    enterprise_user,
    login,
    network,
    network_segment,
    object_group,
    rpc,
    software_image,
)

__all__ = [
    "add_routes",
    "api_token",
    "configuration",
    "edge",
    "edge_lifecycle",
    "enterprise",
    "enterprise_property",
    "enterprise_service",
    "enterprise_user",
    "network",
    "network_segment",
    "object_group",
    "software_image",
]


def add_routes(app: web.Application) -> None:
    login.add_routes(app)
    rpc.add_routes(app)
