"""v2 plumbing shared by the resource modules: JSON bodies, error bodies, operation stats.

The status for each domain error is mapped here once; the body is `apierror.v2_error`'s.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from aiohttp import web

from ..apierror import v2_error
from ..context import EMULATOR, OPERATION_ID
from ..domain.errors import DataConflict, DomainError, Forbidden, InvalidRequest, NotFound, Unauthenticated
from ..jsonbody import BadJson, parse_json

PREFIX = "/api/sdwan/v2"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Every operationId an `@endpoint` handler serves (the coverage table and fidelity tests read it).
V2_OPERATIONS: set[str] = set()

_STATUS: list[tuple[type[DomainError], int]] = [
    (Unauthenticated, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (InvalidRequest, 400),
    (DataConflict, 422),
]


class UnsupportedMediaType(DomainError):
    """A body sent without `Content-Type: application/json`."""


def error_response(exc: DomainError) -> web.Response:
    """The v2 error response for a domain error (body built by `apierror.v2_error`)."""
    if isinstance(exc, UnsupportedMediaType):
        return v2_error(415, exc.message)
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            errors = None
            if isinstance(exc, InvalidRequest):
                errors = [{"message": e.message, "path": e.path} for e in exc.errors]
            return v2_error(status, exc.message, errors)
    return v2_error(500, exc.message)


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
