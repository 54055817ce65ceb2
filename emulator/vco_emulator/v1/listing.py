"""v1 paged lists: the request's `filters`, `quickSearch`, `sortBy`, `limit` and page links.

The newer v1 list methods (e.g. `enterprise/getEnterpriseEdgeList`) answer a call that pages
(`limit`, a page link or `_count`) with
`{"metaData": {"limit", "more", "nextPageLink"?, "prevPageLink"?, "count"?}, "data": [...]}`, and
other calls with the plain array (what the OpenNMS-patched spec documents).
Filters are the `_filterSpec` form `{"and" | "or": [{"field", "operator", "value"}]}`;
`sortBy` is `[{"attribute", "type": "ASC" | "DESC"}]`; `limit` 0 or absent: no limit. Filtering,
order, the window and page links are `vco_emulator.listing`'s.

Not implemented: `fieldsNeeded` (whole objects are returned).
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import FieldError, InvalidRequest
from ..listing import Query, Row, from_link, page, rules_from


def query_of(params: dict[str, Any]) -> Query:
    """The list query of a request: from its page link if it has one, else from its parameters."""
    token = params.get("nextPageLink") or params.get("prevPageLink")
    if token:
        return from_link(token)
    limit = params.get("limit")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
        raise InvalidRequest(
            f"limit must be an integer >= 0, got {limit!r}", [FieldError("limit", "minimum 0")]
        )
    all_of, any_of = rules_from(params.get("filters"))
    search = params.get("quickSearch")
    return Query(
        all_of,
        any_of,
        _sort_by(params.get("sortBy")),
        None if search is None else str(search),
        limit or None,
    )


def page_body(rows: list[Row], query: Query, *, count: bool = False) -> dict[str, Any]:
    """The `{metaData, data}` page of `rows` the query's limit and offset select."""
    window = page(rows, query)
    meta: dict[str, Any] = {"limit": query.limit, "more": window.more}
    if window.next_link:
        meta["nextPageLink"] = window.next_link
    if window.prev_link:
        meta["prevPageLink"] = window.prev_link
    if count:
        meta["count"] = window.total
    return {"metaData": meta, "data": window.data}


def _sort_by(raw: Any) -> tuple[tuple[str, bool], ...]:
    if raw is None:
        return ()
    ok = isinstance(raw, list) and all(
        isinstance(s, dict) and isinstance(s.get("attribute"), str) for s in raw
    )
    if not ok or any(str(s.get("type", "ASC")).upper() not in ("ASC", "DESC") for s in raw):
        raise InvalidRequest(
            "sortBy must be a list of {attribute, type: ASC|DESC}",
            [FieldError("sortBy", "invalid sort spec")],
        )
    return tuple((s["attribute"], str(s.get("type", "ASC")).upper() == "DESC") for s in raw)
