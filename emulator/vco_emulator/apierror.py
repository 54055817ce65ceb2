"""Error responses produced in front of the handlers (rate limiter, fault injection).

They answer in the family of the addressed API: the v2 error body (`code`, `message`) under
/api, the v1 envelope `{"error": {"code", "message"}}` under /portal (wrapped as a JSON-RPC
2.0 response on `POST /portal/`). The v1 codes are this emulator's choice: the spec lists
none (-32029 for rate limiting, -32603 for server errors).
"""

from __future__ import annotations

from typing import Literal

from aiohttp import web

V1_RATE_LIMITED = -32029
V1_INTERNAL = -32603

_V2_CODES = {
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


def error_response(path: str, status: int, message: str) -> web.Response:
    """A `status` error for a request to `path`, in that API's error format."""
    if api_family(path) == "v1":
        code = V1_RATE_LIMITED if status == 429 else V1_INTERNAL
        envelope: dict[str, object] = {"error": {"code": code, "message": message}}
        if is_jsonrpc(path):
            envelope = {"jsonrpc": "2.0", **envelope, "id": None}
        return web.json_response(envelope, status=status)
    body = {"code": _V2_CODES.get(status, "INTERNAL_SERVER_ERROR"), "message": message}
    return web.json_response(body, status=status)
