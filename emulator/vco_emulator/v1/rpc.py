"""v1 portal transport: `POST /portal/rest/<group>/<method>` and JSON-RPC 2.0 on `POST /portal/`.

Both transports dispatch to the same registry of methods, so they behave identically.
A method is a plain function `(tx, principal, params) -> result` registered with `@method`.
Callers authenticate with an API token or the `velocloud.session` cookie of `login/*`;
before every method `domain.privileges.authorize_v1` enforces the spec's `x-privileges`
for it (and puts an enterprise user's `enterpriseId` into the params where the spec forces
the enterprise context), so a method only handles callers allowed to call it.
Params the method does not declare are ignored and counted (stats `ignoredParams`, log line),
as the real Orchestrator accepts them; with `serve --strict-params` they are refused (-32602).
Errors use the v1 envelope `{"error": {"code", "message", "data"}}`: HTTP 400 for the
client's faults, 500 for the server's, and 401 for missing or invalid credentials.

Error codes (the spec does not list them; these follow JSON-RPC 2.0 where it has one):
-32700 malformed JSON, -32600 not a request, -32601 unknown method, -32602 invalid
params, -32603 internal error, -32001 not authenticated, -32003 forbidden,
-32004 object not found, -32009 refused by the current data (duplicate, in use); a duplicate
object-group name is -32603 "Name must be Unique" with HTTP 500, as the real VCO answers it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from ..apierror import V1_INTERNAL, jsonrpc_error, v1_envelope
from ..context import EMULATOR
from ..domain import events
from ..domain.auth import SESSION_COOKIE, Principal, authenticate
from ..domain.errors import (
    DataConflict,
    DomainError,
    Forbidden,
    InvalidRequest,
    NameNotUnique,
    NotFound,
    Unauthenticated,
)
from ..domain.privileges import authorize_v1
from ..domain.validation import lenient_params
from ..jsonbody import BadJson, parse_json
from ..store import Tx

_LOG = logging.getLogger(__name__)
Method = Callable[[Tx, Principal, dict[str, Any]], Any]
METHODS: dict[str, Method] = {}

PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS, INTERNAL = (
    -32700,
    -32600,
    -32601,
    -32602,
    V1_INTERNAL,
)
_CODES: list[tuple[type[DomainError], int, int]] = [
    (Unauthenticated, -32001, 401),
    (Forbidden, -32003, 400),
    (NotFound, -32004, 400),
    (InvalidRequest, INVALID_PARAMS, 400),
    (NameNotUnique, V1_INTERNAL, 500),
    (DataConflict, -32009, 400),
]


def method(name: str) -> Callable[[Method], Method]:
    """Register a v1 method under its `<group>/<method>` name."""

    def register(fn: Method) -> Method:
        METHODS[name] = fn
        return fn

    return register


class RpcError(Exception):
    def __init__(self, code: int, message: str, http_status: int = 400, data: Any = None) -> None:
        super().__init__(message)
        self.code, self.message, self.http_status, self.data = code, message, http_status, data

    def envelope(self) -> dict[str, Any]:
        return v1_envelope(self.code, self.message, self.data)


def _from_domain(exc: DomainError) -> RpcError:
    for cls, code, status in _CODES:
        if isinstance(exc, cls):
            data = None
            if isinstance(exc, InvalidRequest) and exc.errors:
                data = {
                    "valid": False,
                    "error": [{"code": "INVALID", "message": e.message, "path": e.path} for e in exc.errors],
                }
            return RpcError(code, exc.message, status, data)
    return RpcError(INTERNAL, exc.message, 500)


async def _invoke(request: web.Request, name: str, params: Any) -> Any:
    fn = METHODS.get(name)
    if fn is None:
        raise RpcError(METHOD_NOT_FOUND, f"method {name} is not implemented by this Orchestrator")
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise RpcError(INVALID_PARAMS, f"params of {name} must be a JSON object")
    emulator = request.app[EMULATOR]
    store, strict = emulator.store, emulator.strict_params
    authorization = request.headers.get("Authorization")
    session = request.cookies.get(SESSION_COOKIE)
    ignored: list[str] = []

    def work() -> Any:
        with store.transaction() as tx:
            principal = authenticate(tx, authorization, session)
            authorized = authorize_v1(tx, principal, name, params)
            if strict:
                result = fn(tx, principal, authorized)
            else:
                with lenient_params(authorized) as scope:
                    try:
                        result = fn(tx, principal, authorized)
                    finally:
                        ignored.extend(scope.ignored)
            if is_write(name) and _succeeded(result):
                events.record_write(tx, principal, name, "v1", result=result, params=authorized)
            return result

    try:
        return await asyncio.to_thread(work)
    except DomainError as exc:
        raise _from_domain(exc) from None
    finally:
        if ignored:
            emulator.stats.record_ignored_params(name, ignored)
            _LOG.info("v1 %s: ignored params the method does not declare: %s", name, ", ".join(ignored))


def is_write(name: str) -> bool:
    """Whether a v1 method changes state (by the portal's naming: get*/list*/download* read)."""
    return not name.rsplit("/", 1)[-1].startswith(("get", "list", "download"))


def _succeeded(result: Any) -> bool:
    """v1 updates report a miss in the result (`{"error": ..., "rows": 0}`), not as an error."""
    return not (isinstance(result, dict) and ("error" in result or result.get("rows") == 0))


def _record(request: web.Request, name: str, status: int) -> None:
    request.app[EMULATOR].stats.record(f"v1 {name}", status, write=is_write(name))


async def _read_body(request: web.Request) -> Any:
    raw = await request.read()
    if not raw.strip():
        return None
    try:
        return parse_json(raw)
    except BadJson as exc:
        raise RpcError(PARSE_ERROR, f"request body is not valid JSON: {exc}") from None


async def rest_call(request: web.Request) -> web.Response:
    name = f"{request.match_info['group']}/{request.match_info['method']}"
    try:
        result = await _invoke(request, name, await _read_body(request))
        response = web.json_response(result)
    except RpcError as exc:
        response = web.json_response(exc.envelope(), status=exc.http_status)
    _record(request, name, response.status)
    return response


async def jsonrpc_call(request: web.Request) -> web.Response:
    call_id: Any = None
    name = "(invalid)"
    try:
        body = await _read_body(request)
        if not isinstance(body, dict) or not isinstance(body.get("method"), str):
            raise RpcError(INVALID_REQUEST, "a JSON-RPC 2.0 request object with a method is required")
        call_id, name = body.get("id"), body["method"]
        result = await _invoke(request, name, body.get("params"))
        response = web.json_response({"jsonrpc": "2.0", "result": result, "id": call_id})
    except RpcError as exc:
        response = web.json_response(jsonrpc_error(exc.envelope(), call_id), status=exc.http_status)
    _record(request, name, response.status)
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_post("/portal/rest/{group}/{method}", rest_call)
    app.router.add_post("/portal{slash:/?}", jsonrpc_call)
