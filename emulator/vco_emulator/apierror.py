"""The error bodies of both emulated APIs, built here and nowhere else.

v2: `{"code", "message"}` plus `errors[]` of `{message, path}` for validation errors, the code
named by the HTTP status (`V2_CODES`, the codes of the spec's error schemas). v1: the envelope
`{"error": {"code", "message", "data"?}}`, wrapped as a JSON-RPC 2.0 response on `POST /portal/`.
The v1 codes are this emulator's choice, the spec lists none: `-32029` for rate limiting and
`-32603` for server errors here, the rest in `v1/rpc.py`. Which domain error becomes which status
is each API layer's (`v2/http.py`, `v1/rpc.py`); `error_response` serves the layers in front of
the handlers (rate limiter, fault injection, the 500 of an unexpected exception).
"""

from __future__ import annotations

from typing import Any, Literal

from aiohttp import web

V1_RATE_LIMITED = -32029
V1_INTERNAL = -32603

V2_CODES = {
    400: "VALIDATION_ERROR",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "RESOURCE_NOT_FOUND",
    409: "CONFLICT",  # the admin routes' only; the v2 spec has no 409
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "DATA_VALIDATION_ERROR",
    429: "RATE_LIMIT_EXCEEDED",
    500: "INTERNAL_SERVER_ERROR",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
}


def api_family(path: str) -> Literal["v2", "v1"] | None:
    """Which emulated API a path belongs to; None for admin and other routes."""
    if path.startswith("/api/"):
        return "v2"
    if path == "/portal" or path.startswith("/portal/"):
        return "v1"
    return None


def is_jsonrpc(path: str) -> bool:
    return path in ("/portal", "/portal/")


def v2_error(status: int, message: str, errors: list[dict[str, str]] | None = None) -> web.Response:
    """A v2 error response: the code for `status`, the message, and `errors` when given."""
    body: dict[str, Any] = {"code": V2_CODES.get(status, "INTERNAL_SERVER_ERROR"), "message": message}
    if errors is not None:
        body["errors"] = errors
    return web.json_response(body, status=status)


def v1_envelope(code: int, message: str, data: Any = None) -> dict[str, Any]:
    """The v1 error envelope (`data` only when given)."""
    error: dict[str, Any] = {"code": code, "message": message}
    if data is not None:
        error["data"] = data
    return {"error": error}


def jsonrpc_error(envelope: dict[str, Any], call_id: Any) -> dict[str, Any]:
    """A v1 error envelope as a JSON-RPC 2.0 response to call `call_id`."""
    return {"jsonrpc": "2.0", **envelope, "id": call_id}


def error_response(path: str, status: int, message: str) -> web.Response:
    """A `status` error for a request to `path`, in that API's error format."""
    if api_family(path) == "v1":
        envelope = v1_envelope(V1_RATE_LIMITED if status == 429 else V1_INTERNAL, message)
        if is_jsonrpc(path):
            envelope = jsonrpc_error(envelope, None)
        return web.json_response(envelope, status=status)
    return v2_error(status, message)
