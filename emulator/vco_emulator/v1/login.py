"""v1 login sessions: `POST /portal/rest/login/enterpriseLogin`, `.../login/operatorLogin`
and `POST /portal/rest/logout`.

As the spec describes: a successful login answers 200 and sets the `velocloud.session`
cookie (HttpOnly, Path=/, 24 hours), which then authenticates v1 and v2 requests like an
API token; a failed login answers 302 (to `/`) with a `velocloud.message` cookie saying
why and no session. `enterpriseLogin` is for enterprise and partner (MSP) users,
`operatorLogin` for operator users. `logout` ends the session and answers 302 either way.
Credentials come as JSON (`username`, `password`) or as an HTML form.

Not implemented: the portal web pages the redirects point at (`GET /` is not served),
SAML/SSO, second factor, `Secure` cookies (the emulator speaks plain HTTP).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import quote

from aiohttp import web

from ..context import EMULATOR
from ..domain import kinds, users
from ..domain.auth import SESSION_COOKIE, SESSION_LIFETIME, end_session, start_session
from ..domain.errors import Unauthenticated

_KINDS = {
    "enterpriseLogin": (kinds.ENTERPRISE_USER, kinds.ENTERPRISE_PROXY_USER),
    "operatorLogin": (kinds.OPERATOR_USER,),
}


async def _credentials(request: web.Request) -> tuple[str, str]:
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form: Any = await request.post()
    else:
        raw = await request.read()
        try:
            form = json.loads(raw.decode("utf-8")) if raw.strip() else {}
        except (UnicodeDecodeError, json.JSONDecodeError):
            form = {}
    if not isinstance(form, dict) and not hasattr(form, "get"):
        form = {}
    username, password = form.get("username"), form.get("password")
    if not isinstance(username, str) or not isinstance(password, str) or not username or not password:
        raise Unauthenticated("username and password are required")
    return username, password


def _failed(message: str) -> web.Response:
    response = web.Response(status=302, headers={"Location": "/"})
    response.set_cookie("velocloud.message", quote(message), path="/", httponly=True)
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


async def login(request: web.Request) -> web.Response:
    which = request.match_info["login"]
    store = request.app[EMULATOR].store
    try:
        username, password = await _credentials(request)

        def work() -> str:
            with store.transaction() as tx:
                return start_session(tx, users.check_login(tx, _KINDS[which], username, password))

        session = await asyncio.to_thread(work)
    except Unauthenticated as exc:
        response = _failed(exc.message)
    else:
        response = web.Response(status=200)
        response.set_cookie(
            SESSION_COOKIE,
            session,
            path="/",
            httponly=True,
            max_age=int(SESSION_LIFETIME.total_seconds()),
        )
    request.app[EMULATOR].stats.record(f"v1 login/{which}", response.status, write=True)
    return response


async def logout(request: web.Request) -> web.Response:
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        store = request.app[EMULATOR].store

        def work() -> None:
            with store.transaction() as tx:
                end_session(tx, session)

        await asyncio.to_thread(work)
    response = web.Response(status=302, headers={"Location": "/"})
    response.del_cookie(SESSION_COOKIE, path="/")
    request.app[EMULATOR].stats.record("v1 logout", response.status, write=True)
    return response


def add_routes(app: web.Application) -> None:
    """Register before `rpc.add_routes`, whose `/portal/rest/{group}/{method}` would match too."""
    app.router.add_post("/portal/rest/login/{login:enterpriseLogin|operatorLogin}", login)
    app.router.add_post("/portal/rest/logout", logout)
