"""The v1 portal API: one module per method group (or resource), all dispatched by `rpc`."""

from __future__ import annotations

from aiohttp import web

from . import (
    api_token,
    application,
    configuration,
    edge,
    enterprise,
    enterprise_clone,
    enterprise_service,
    enterprise_settings,
    enterprise_user,
    login,
    network,
    network_segment,
    nsd,
    object_group,
    profile_clone,
    rpc,
)

__all__ = [
    "add_routes",
    "api_token",
    "application",
    "configuration",
    "edge",
    "enterprise",
    "enterprise_clone",
    "enterprise_service",
    "enterprise_settings",
    "enterprise_user",
    "network",
    "network_segment",
    "nsd",
    "object_group",
    "profile_clone",
]


def add_routes(app: web.Application) -> None:
    login.add_routes(app)
    rpc.add_routes(app)
