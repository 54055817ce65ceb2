"""The v1 portal API: one module per method group (or resource), all dispatched by `rpc`."""

from __future__ import annotations

from aiohttp import web

from . import (
    alert,
    api_token,
    application,
    configuration,
    custom_role,
    edge,
    edge_cluster,
    edge_lifecycle,
    enterprise,
    enterprise_clone,
    enterprise_service,
    enterprise_settings,
    enterprise_switches,
    enterprise_user,
    gateway,
    login,
    network,
    network_allocation,
    network_segment,
    nsd,
    object_group,
    profile_clone,
    route_configuration,
    rpc,
    software_image,
)

__all__ = [
    "add_routes",
    "alert",
    "api_token",
    "application",
    "configuration",
    "custom_role",
    "edge",
    "edge_cluster",
    "edge_lifecycle",
    "enterprise",
    "enterprise_clone",
    "enterprise_service",
    "enterprise_settings",
    "enterprise_switches",
    "enterprise_user",
    "gateway",
    "network",
    "network_allocation",
    "network_segment",
    "nsd",
    "object_group",
    "profile_clone",
    "route_configuration",
    "software_image",
]


def add_routes(app: web.Application) -> None:
    login.add_routes(app)
    rpc.add_routes(app)
