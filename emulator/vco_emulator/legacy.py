"""The legacy `/sdwan/...` prefix of the v2 API: every method answers 308 to `/api/sdwan/v2/...`.

`/sdwan/v2/<rest>` and `/sdwan/<rest>` both redirect to `/api/sdwan/v2/<rest>`, keeping the
query string; 308 tells clients to repeat the same method with the same body. Redirects are
neither rate-limited nor faulted, and are not counted in the stats.
"""

from __future__ import annotations

from aiohttp import web

from .v2.http import PREFIX


async def redirect(request: web.Request) -> web.StreamResponse:
    tail = request.match_info["tail"]
    if tail == "v2" or tail.startswith("v2/"):
        tail = tail[len("v2") :].lstrip("/")
    location = f"{PREFIX}/{tail}"
    if request.query_string:
        location += "?" + request.query_string
    raise web.HTTPPermanentRedirect(location)


def add_routes(app: web.Application) -> None:
    app.router.add_route("*", "/sdwan/{tail:.*}", redirect)
