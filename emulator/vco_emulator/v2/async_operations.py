"""v2 `GET /asyncOperations/{id}`: the state of an accepted asynchronous write.

The 2022-12-15 spec has no path or schema for this resource; its deviceSettings operations
only say that they answer 202 with `Location: /api/sdwan/v2/asyncOperations/<id>`. The
resource shape here is the emulator's guess: `_href`, `logicalId`, `status` (`ACCEPTED`,
`DONE`, `ERROR`), `operationId` (the v2 operation that was accepted), `resource` (`_href` of
what it changes), `created`, `modified`, `message` (null unless ERROR) and, on ERROR,
`errors[]` of `{message, path}`. Polling settles due operations (see
`domain/async_operations.py`).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from ..context import call_domain
from ..domain import async_operations
from ..store import Record
from .http import PREFIX, endpoint, href


def operation_resource(record: Record) -> dict[str, Any]:
    data = record.data
    body: dict[str, Any] = {
        "_href": href(f"/asyncOperations/{record.logical_id}"),
        "logicalId": record.logical_id,
        "status": data["status"],
        "operationId": data["request"].get("apiOperation", data["operation"]),
        "resource": {"_href": data["resource"]},
        "created": record.created,
        "modified": record.modified,
        "message": data.get("message"),
    }
    if data["status"] == "ERROR":
        body["errors"] = data.get("errors") or []
    return body


@endpoint("getAsyncOperation")
async def get_async_operation(request: web.Request) -> web.Response:
    logical_id = request.match_info["asyncOperationId"]
    body = await call_domain(
        request, lambda tx, p: operation_resource(async_operations.get_operation(tx, p, logical_id))
    )
    return web.json_response(body)


def add_routes(app: web.Application) -> None:
    app.router.add_get(PREFIX + "/asyncOperations/{asyncOperationId}{slash:/?}", get_async_operation)
