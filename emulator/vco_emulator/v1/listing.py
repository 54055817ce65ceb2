"""v1 paged lists: `filters`, `quickSearch`, `sortBy`, `limit` and opaque `nextPageLink`s.

The newer v1 list methods (e.g. `enterprise/getEnterpriseEdgeList`) answer a call that pages
(`limit`, a page link or `_count`) with
`{"metaData": {"limit", "more", "nextPageLink"?, "prevPageLink"?, "count"?}, "data": [...]}`, and
other calls with the plain array (what the OpenNMS-patched spec documents).
Filters are the `_filterSpec` form `{"and" | "or": [{"field", "operator", "value"}]}`;
`sortBy` is `[{"attribute", "type": "ASC" | "DESC"}]`. A page link carries the whole query, so
other parameters sent with it are ignored.

Not implemented: nested filter groups, `fieldsNeeded` (whole objects are returned).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Any

from ..domain.errors import FieldError, InvalidRequest

OPERATORS = (
    "is",
    "isNot",
    "in",
    "notIn",
    "contains",
    "notContains",
    "startsWith",
    "notStartsWith",
    "endsWith",
    "notEndsWith",
    "isNull",
    "isNotNull",
    "greaterThan",
    "greaterOrEquals",
    "lesserThan",
    "lesserOrEquals",
)


def query_state(params: dict[str, Any]) -> dict[str, Any]:
    """The list query of a request: from its page link if it has one, else from its parameters."""
    token = params.get("nextPageLink") or params.get("prevPageLink")
    if token:
        return _decode(token)
    limit = params.get("limit")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
        raise InvalidRequest(
            f"limit must be an integer >= 0, got {limit!r}", [FieldError("limit", "minimum 0")]
        )
    state = {
        "filters": _filters(params.get("filters")),
        "sortBy": _sort_by(params.get("sortBy")),
        "quickSearch": params.get("quickSearch"),
        "limit": limit or 0,
        "offset": 0,
    }
    return state


def select(
    items: list[dict[str, Any]], state: dict[str, Any], quick_fields: Sequence[str]
) -> list[dict[str, Any]]:
    """The items the query's filters and quick search keep, in the query's order."""
    rows = [i for i in items if _keep(i, state["filters"])]
    search = state.get("quickSearch")
    if search:
        needle = str(search).casefold()
        rows = [r for r in rows if any(needle in str(r.get(f) or "").casefold() for f in quick_fields)]
    for attribute, descending in reversed(state["sortBy"]):
        rows.sort(key=_sort_key(attribute), reverse=descending)
    return rows


def _sort_key(attribute: str) -> Callable[[dict[str, Any]], tuple[bool, Any]]:
    def key(row: dict[str, Any]) -> tuple[bool, Any]:
        value = row.get(attribute)
        return (value is None, "" if value is None else value)

    return key


def page(rows: list[dict[str, Any]], state: dict[str, Any], *, count: bool = False) -> dict[str, Any]:
    """The `{metaData, data}` page of `rows` the query's limit and offset select."""
    offset, limit = state["offset"], state["limit"]
    window = rows[offset : offset + limit] if limit else rows[offset:]
    more = bool(limit) and offset + limit < len(rows)
    meta: dict[str, Any] = {"limit": limit or None, "more": more}
    if more:
        meta["nextPageLink"] = _encode({**state, "offset": offset + limit})
    if offset > 0:
        meta["prevPageLink"] = _encode({**state, "offset": max(0, offset - limit)})
    if count:
        meta["count"] = len(rows)
    return {"metaData": meta, "data": window}


def _filters(raw: Any) -> dict[str, list[dict[str, Any]]]:
    if raw is None:
        return {"and": []}
    if not isinstance(raw, dict) or not set(raw) <= {"and", "or"}:
        raise InvalidRequest(
            "filters must be an object with an 'and' or 'or' list of {field, operator, value}",
            [FieldError("filters", "expected {'and': [...]} or {'or': [...]}")],
        )
    checked: dict[str, list[dict[str, Any]]] = {}
    for group, rules in raw.items():
        if not isinstance(rules, list):
            raise InvalidRequest(
                f"filters.{group} must be a list", [FieldError(f"filters.{group}", "not a list")]
            )
        for i, rule in enumerate(rules):
            where = f"filters.{group}.{i}"
            if not isinstance(rule, dict) or not isinstance(rule.get("field"), str):
                raise InvalidRequest(
                    f"{where} needs a field", [FieldError(where, "needs field, operator, value")]
                )
            if rule.get("operator") not in OPERATORS:
                raise InvalidRequest(
                    f"{where}.operator {rule.get('operator')!r} is not one of {', '.join(OPERATORS)}",
                    [FieldError(f"{where}.operator", "unknown operator")],
                )
        checked[group] = rules
    return checked


def _sort_by(raw: Any) -> list[tuple[str, bool]]:
    if raw is None:
        return []
    ok = isinstance(raw, list) and all(
        isinstance(s, dict) and isinstance(s.get("attribute"), str) for s in raw
    )
    if not ok or any(str(s.get("type", "ASC")).upper() not in ("ASC", "DESC") for s in raw):
        raise InvalidRequest(
            "sortBy must be a list of {attribute, type: ASC|DESC}",
            [FieldError("sortBy", "invalid sort spec")],
        )
    return [(s["attribute"], str(s.get("type", "ASC")).upper() == "DESC") for s in raw]


def _keep(item: dict[str, Any], filters: dict[str, list[dict[str, Any]]]) -> bool:
    if not all(_test(item.get(r["field"]), r["operator"], r.get("value")) for r in filters.get("and", [])):
        return False
    rules = filters.get("or", [])
    return not rules or any(_test(item.get(r["field"]), r["operator"], r.get("value")) for r in rules)


def _test(actual: Any, op: str, expected: Any) -> bool:
    if op == "isNull":
        return actual is None
    if op == "isNotNull":
        return actual is not None
    if op in ("in", "notIn"):
        values = expected if isinstance(expected, list) else str(expected).split(",")
        return (actual in values or str(actual) in map(str, values)) == (op == "in")
    if op in ("is", "isNot"):
        return (actual == expected or str(actual) == str(expected)) == (op == "is")
    if op in ("greaterThan", "greaterOrEquals", "lesserThan", "lesserOrEquals"):
        if actual is None:
            return False
        try:
            a, b = float(actual), float(expected)
        except (TypeError, ValueError):
            a, b = str(actual), str(expected)  # type: ignore[assignment]
        return {
            "greaterThan": a > b,
            "greaterOrEquals": a >= b,
            "lesserThan": a < b,
            "lesserOrEquals": a <= b,
        }[op]
    text, needle = str(actual or "").casefold(), str(expected).casefold()
    negate = op.startswith("not")
    base = op[3].lower() + op[4:] if negate else op
    hit = {
        "contains": needle in text,
        "startsWith": text.startswith(needle),
        "endsWith": text.endswith(needle),
    }
    return hit[base] != negate


def _encode(state: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(state, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(token: Any) -> dict[str, Any]:
    try:
        if not isinstance(token, str):
            raise ValueError("not a string")
        state = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if not isinstance(state, dict) or not {"filters", "limit", "offset", "sortBy"} <= state.keys():
            raise ValueError("incomplete page link")
        sort_by = state["sortBy"]
        if not isinstance(sort_by, list) or not all(
            isinstance(x, list) and len(x) == 2 and isinstance(x[0], str) and isinstance(x[1], bool)
            for x in sort_by
        ):
            raise ValueError("bad sortBy")
        state["sortBy"] = [tuple(x) for x in sort_by]
        for key in ("limit", "offset"):
            if not isinstance(state[key], int) or isinstance(state[key], bool) or state[key] < 0:
                raise ValueError(f"bad {key}")
        state["filters"] = _filters(state["filters"])  # a link's filters pass the same checks as fresh ones
        return state
    except (binascii.Error, ValueError, UnicodeDecodeError, InvalidRequest):
        raise InvalidRequest(
            "nextPageLink/prevPageLink is not a page link this server issued",
            [FieldError("nextPageLink", "invalid page link")],
        ) from None
