"""v2 plumbing shared by the resource modules: JSON bodies, error bodies, operation stats.

Error bodies follow the spec's error schemas (`code`, `message`, and for 400 `errors[]` of
`{message, path}`); the status for each domain error is mapped here once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from aiohttp import web

from ..context import EMULATOR, OPERATION_ID
from ..domain.errors import DataConflict, DomainError, Forbidden, InvalidRequest, NotFound, Unauthenticated
from ..jsonbody import BadJson, parse_json

PREFIX = "/api/sdwan/v2"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Every operationId an `@endpoint` handler serves (the coverage table and fidelity tests read it).
V2_OPERATIONS: set[str] = set()

_STATUS: list[tuple[type[DomainError], int, str]] = [
    (Unauthenticated, 401, "UNAUTHORIZED"),
    (Forbidden, 403, "FORBIDDEN"),
    (NotFound, 404, "RESOURCE_NOT_FOUND"),
    (InvalidRequest, 400, "VALIDATION_ERROR"),
    (DataConflict, 422, "DATA_VALIDATION_ERROR"),
]


class UnsupportedMediaType(DomainError):
    """A body sent without `Content-Type: application/json`."""


def error_body(code: str, message: str, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if errors is not None:
        body["errors"] = errors
    return body


def error_response(exc: DomainError) -> web.Response:
    if isinstance(exc, UnsupportedMediaType):
        return web.json_response(error_body("UNSUPPORTED_MEDIA_TYPE", exc.message), status=415)
    for cls, status, code in _STATUS:
        if isinstance(exc, cls):
            errors = None
            if isinstance(exc, InvalidRequest):
                errors = [{"message": e.message, "path": e.path} for e in exc.errors]
            return web.json_response(error_body(code, exc.message, errors), status=status)
    return web.json_response(error_body("INTERNAL_SERVER_ERROR", exc.message), status=500)


def endpoint(operation_id: str) -> Callable[[Handler], Handler]:
    """Wrap a handler: domain errors become v2 error responses; the call is counted."""
    V2_OPERATIONS.add(operation_id)

    def wrap(handler: Handler) -> Handler:
        @wraps(handler)
        async def wrapped(request: web.Request) -> web.StreamResponse:
            request[OPERATION_ID] = operation_id
            try:
                response = await handler(request)
            except DomainError as exc:
                response = error_response(exc)
            request.app[EMULATOR].stats.record(
                f"v2 {operation_id}", response.status, write=request.method not in ("GET", "HEAD")
            )
            return response

        return wrapped

    return wrap


async def read_json(request: web.Request) -> Any:
    """The request body as JSON; 415 without a JSON content type, 400 when malformed."""
    if request.content_type != "application/json":
        raise UnsupportedMediaType(
            f"Content-Type {request.content_type or '(none)'} is not supported; send application/json"
        )
    raw = await request.read()
    try:
        return parse_json(raw) if raw else None
    except BadJson as exc:
        raise InvalidRequest(f"request body is not valid JSON: {exc}") from None


def href(path: str) -> str:
    return PREFIX + path


async def not_found(request: web.Request) -> web.Response:
    return error_response(NotFound(f"no v2 operation at {request.method} {request.path}"))
