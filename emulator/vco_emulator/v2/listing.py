"""v2 list envelopes: `limit`, `sortBy`, `field[op]=value` filters and page links in the query string.

`list_body` answers `{"_href", "data", "metaData": {"limit", "more", "nextPageLink"?,
"prevPageLink"?}}`; `limit` defaults to, and is capped at, the server's 2048. A collection
whose spec lists the fields and operators it may be filtered by passes them as a
`FilterTable`: other fields or operators are 400 (collections without one accept any field).
Filtering, order, the window and page links are `vco_emulator.listing`'s.

Not implemented: `include` on lists (resources resolve their own), multi-field `sortBy`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import listing
from ..domain.errors import FieldError, InvalidRequest
from ..listing import Query, Row, Rule, from_link, page, select

MAX_LIMIT = 2048
_FILTER = re.compile(r"^(?P<field>[A-Za-z_][\w.]*)\[(?P<op>[A-Za-z]+)\]$")
# v2 operator names -> the listing operators (v2 has the short order comparisons, not greaterThan)
OPERATORS = {
    **{op: op for op in listing.OPERATORS if op not in ("greaterThan", "lesserThan")},
    "gt": "greaterThan",
    "gte": "greaterOrEquals",
    "lt": "lesserThan",
    "lte": "lesserOrEquals",
}
TEXT_OPS = frozenset(
    [
        "is",
        "isNot",
        "isNull",
        "isNotNull",
        "startsWith",
        "notStartsWith",
        "endsWith",
        "notEndsWith",
        "contains",
        "notContains",
        "in",
        "notIn",
    ]
)
TIME_OPS = frozenset(
    ["is", "isNot", "isNull", "isNotNull", "greaterOrEquals", "lesserOrEquals", "in", "notIn"]
)
ENUM_OPS = frozenset(["is", "isNot", "in", "notIn"])


@dataclass(frozen=True)
class FilterTable:
    """The `field[op]` filters a collection's spec lists: field -> its operators."""

    noun: str  # what the collection holds, singular ("edge")
    fields: Mapping[str, frozenset[str]]

    def check(self, query: Mapping[str, str]) -> None:
        errors = []
        for key in query:
            m = _FILTER.match(key)
            if m is None:
                continue
            ops = self.fields.get(m["field"])
            if ops is None:
                message = f"{self.noun}s cannot be filtered by {m['field']}; use {', '.join(self.fields)}"
                errors.append(FieldError(key, message))
            elif m["op"] not in ops:
                errors.append(FieldError(key, f"{m['field']} takes the operators {', '.join(sorted(ops))}"))
        if errors:
            raise InvalidRequest(
                f"invalid {self.noun} filter: " + "; ".join(e.message for e in errors), errors
            )


def list_body(
    href: str, items: list[Row], query: Mapping[str, str], filters: FilterTable | None = None
) -> dict[str, Any]:
    """The page of `items` the request's query selects, in the v2 list envelope."""
    selected = _query(query, filters)
    window = page(select(items, selected), selected)
    meta: dict[str, Any] = {"limit": selected.limit, "more": window.more}
    if window.next_link:
        meta["nextPageLink"] = window.next_link
    if window.prev_link:
        meta["prevPageLink"] = window.prev_link
    return {"_href": href, "data": window.data, "metaData": meta}


def _query(query: Mapping[str, str], filters: FilterTable | None) -> Query:
    token = query.get("nextPageLink") or query.get("prevPageLink")
    if token:
        return from_link(token, max_limit=MAX_LIMIT)
    if filters is not None:
        filters.check(query)
    rules = []
    for key, value in query.items():
        m = _FILTER.match(key)
        if m is None:
            continue
        if m["op"] not in OPERATORS:
            raise InvalidRequest(
                f"unsupported filter operator in {key}", [FieldError(key, "unknown operator")]
            )
        rules.append(Rule(m["field"], OPERATORS[m["op"]], value))
    return Query(all_of=tuple(rules), sort=_sort_by(query.get("sortBy")), limit=_limit(query.get("limit")))


def _limit(raw: str | None) -> int:
    if raw is None or raw == "":
        return MAX_LIMIT
    try:
        value = int(raw)
    except ValueError:
        raise InvalidRequest(
            f"limit must be an integer, got {raw!r}", [FieldError("limit", "not an integer")]
        ) from None
    if value < 1:
        raise InvalidRequest(f"limit must be at least 1, got {value}", [FieldError("limit", "minimum is 1")])
    return min(value, MAX_LIMIT)


def _sort_by(raw: str | None) -> tuple[tuple[str, bool], ...]:
    if not raw:
        return ()
    for suffix, descending in (("DESC", True), ("ASC", False)):
        if raw.endswith(suffix):
            return ((raw[: -len(suffix)], descending),)
    return ((raw, False),)
