"""v2 list envelopes: `limit`, `sortBy`, `field[op]=value` filters and opaque page links.

A page link encodes the whole query (filters, sort, limit, offset) as base64url JSON, so it
survives emulator restarts and, as the spec says, makes other query parameters irrelevant.
Not implemented: keyset paging (an offset is used, so inserts during a walk can shift a row
between pages), `include`.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..domain.errors import FieldError, InvalidRequest

MAX_LIMIT = 2048
_FILTER = re.compile(r"^(?P<field>[A-Za-z_][\w.]*)\[(?P<op>[A-Za-z]+)\]$")
_OPS = {
    "is",
    "isNot",
    "contains",
    "notContains",
    "startsWith",
    "notStartsWith",
    "endsWith",
    "notEndsWith",
    "in",
    "notIn",
    "gt",
    "gte",
    "lt",
    "lte",
    "greaterOrEquals",
    "lesserOrEquals",
    "isNull",
    "isNotNull",
}


def list_body(href: str, items: list[dict[str, Any]], query: Mapping[str, str]) -> dict[str, Any]:
    state = _state(query)
    rows = [item for item in items if _matches(item, state["filters"])]
    if state["sortBy"]:
        field, descending = _sort_key(state["sortBy"])
        rows.sort(
            key=lambda r: (r.get(field) is None, r.get(field) if r.get(field) is not None else ""),
            reverse=descending,
        )
    offset, limit = state["offset"], state["limit"]
    window = rows[offset : offset + limit]
    meta: dict[str, Any] = {"limit": limit, "more": offset + limit < len(rows)}
    if meta["more"]:
        meta["nextPageLink"] = _encode({**state, "offset": offset + limit})
    if offset > 0:
        meta["prevPageLink"] = _encode({**state, "offset": max(0, offset - limit)})
    return {"_href": href, "data": window, "metaData": meta}


def _state(query: Mapping[str, str]) -> dict[str, Any]:
    token = query.get("nextPageLink") or query.get("prevPageLink")
    if token:
        return _decode(token)
    filters = {}
    for key, value in query.items():
        m = _FILTER.match(key)
        if m is None:
            continue
        if m["op"] not in _OPS:
            raise InvalidRequest(
                f"unsupported filter operator in {key}", [FieldError(key, "unknown operator")]
            )
        filters[key] = value
    return {
        "filters": filters,
        "sortBy": query.get("sortBy"),
        "limit": _limit(query.get("limit")),
        "offset": 0,
    }


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


def _sort_key(sort_by: str) -> tuple[str, bool]:
    for suffix, descending in (("DESC", True), ("ASC", False)):
        if sort_by.endswith(suffix):
            return sort_by[: -len(suffix)], descending
    return sort_by, False


def _matches(item: dict[str, Any], filters: Mapping[str, str]) -> bool:
    for key, expected in filters.items():
        m = _FILTER.match(key)
        assert m is not None
        actual = item.get(m["field"])
        if not _test(m["op"], actual, expected):
            return False
    return True


def _test(op: str, actual: Any, expected: str) -> bool:
    text = "" if actual is None else str(actual)
    match op:
        case "is":
            return text == expected
        case "isNot":
            return text != expected
        case "contains":
            return expected.lower() in text.lower()
        case "notContains":
            return expected.lower() not in text.lower()
        case "startsWith":
            return text.lower().startswith(expected.lower())
        case "notStartsWith":
            return not text.lower().startswith(expected.lower())
        case "endsWith":
            return text.lower().endswith(expected.lower())
        case "notEndsWith":
            return not text.lower().endswith(expected.lower())
        case "in":
            return text in expected.split(",")
        case "notIn":
            return text not in expected.split(",")
        case "isNull":
            return actual is None
        case "isNotNull":
            return actual is not None
    try:
        a, b = _number(text), float(expected)
    except ValueError:
        a, b = text, expected  # type: ignore[assignment]
    op = {"greaterOrEquals": "gte", "lesserOrEquals": "lte"}.get(op, op)
    return {"gt": a > b, "gte": a >= b, "lt": a < b, "lte": a <= b}[op]


def _number(text: str) -> float:
    """A number, or an ISO 8601 time as epoch milliseconds (how v2 filters give times)."""
    try:
        return float(text)
    except ValueError:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment.timestamp() * 1000


def _encode(state: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(state, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(token: str) -> dict[str, Any]:
    try:
        state = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if not isinstance(state, dict) or not {"filters", "limit", "offset", "sortBy"} <= state.keys():
            raise ValueError("incomplete page link")
        filters, limit, offset = state["filters"], state["limit"], state["offset"]
        if not isinstance(filters, dict) or not all(
            isinstance(v, str) and (m := _FILTER.match(str(k))) is not None and m["op"] in _OPS
            for k, v in filters.items()
        ):
            raise ValueError("bad filters")
        if state["sortBy"] is not None and not isinstance(state["sortBy"], str):
            raise ValueError("bad sortBy")
        if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
            raise ValueError("bad limit")  # a limit of 0 would page forever
        if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
            raise ValueError("bad offset")
        return state
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise InvalidRequest(
            "nextPageLink/prevPageLink is not a page link this server issued",
            [FieldError("nextPageLink", "invalid page link")],
        ) from None
