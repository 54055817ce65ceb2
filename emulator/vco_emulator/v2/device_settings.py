"""v2 device settings: GET/PUT/PATCH of `.../profiles/{p}/deviceSettings` and `.../edges/{e}/deviceSettings`.

GET answers 200 with the `BaseDeviceSettings` document. PUT (whole document) and PATCH (JSON
Patch) check the body's shape (415/400 at once), then answer 202 with a `Location` header
naming the asynchronous operation and the operation resource as the body (the spec
documents only a synchronous 200; its operation notes describe the 202). Behaviour and the
module <-> v2 mapping live in `domain/device_settings.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from ..context import EMULATOR, call_domain
from ..domain import device_settings
from ..domain.auth import Principal
from ..store import Tx
from .async_operations import operation_resource
from .http import PREFIX, endpoint, read_json

Resolve = Callable[[Tx, Principal, web.Request], device_settings.Target]


def _profile(tx: Tx, principal: Principal, request: web.Request) -> device_settings.Target:
    info = request.match_info
    return device_settings.profile_target(
        tx, principal, info["enterpriseLogicalId"], info["profileLogicalId"]
    )


def _edge(tx: Tx, principal: Principal, request: web.Request) -> device_settings.Target:
    info = request.match_info
    return device_settings.edge_target(tx, principal, info["enterpriseLogicalId"], info["edgeLogicalId"])


async def _get(request: web.Request, resolve: Resolve) -> web.Response:
    body = await call_domain(
        request, lambda tx, p: device_settings.get_device_settings(tx, resolve(tx, p, request))
    )
    return web.json_response(body)


async def _write(request: web.Request, resolve: Resolve, patch: bool) -> web.Response:
    payload = await read_json(request)
    delay = request.app[EMULATOR].async_timing.delay()
    submit = device_settings.request_patch if patch else device_settings.request_replace

    def work(tx: Tx, principal: Principal) -> dict[str, Any]:
        operation = submit(tx, principal, resolve(tx, principal, request), payload, delay_seconds=delay)
        return operation_resource(operation)

    body = await call_domain(request, work)
    return web.json_response(body, status=202, headers={"Location": body["_href"]})


@endpoint("getEnterpriseProfileDeviceSettings")
async def get_profile_settings(request: web.Request) -> web.Response:
    return await _get(request, _profile)


@endpoint("replaceEnterpriseProfileDeviceSettings")
async def replace_profile_settings(request: web.Request) -> web.Response:
    return await _write(request, _profile, patch=False)


@endpoint("updateEnterpriseProfileDeviceSettings")
async def update_profile_settings(request: web.Request) -> web.Response:
    return await _write(request, _profile, patch=True)


@endpoint("getEdgeProfileDeviceSettings")
async def get_edge_settings(request: web.Request) -> web.Response:
    return await _get(request, _edge)


@endpoint("replaceEdgeProfileDeviceSettings")
async def replace_edge_settings(request: web.Request) -> web.Response:
    return await _write(request, _edge, patch=False)


@endpoint("updateEdgeProfileDeviceSettings")
async def update_edge_settings(request: web.Request) -> web.Response:
    return await _write(request, _edge, patch=True)


def add_routes(app: web.Application) -> None:
    profile = (
        PREFIX + "/enterprises/{enterpriseLogicalId}/profiles/{profileLogicalId}/deviceSettings{slash:/?}"
    )
    edge = PREFIX + "/enterprises/{enterpriseLogicalId}/edges/{edgeLogicalId}/deviceSettings{slash:/?}"
    app.router.add_get(profile, get_profile_settings)
    app.router.add_put(profile, replace_profile_settings)
    app.router.add_patch(profile, update_profile_settings)
    app.router.add_get(edge, get_edge_settings)
    app.router.add_put(edge, replace_edge_settings)
    app.router.add_patch(edge, update_edge_settings)
