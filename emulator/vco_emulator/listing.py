"""List queries of both APIs: filter rules, sort, quick search, the page window and page links.

`v1/listing.py` and `v2/listing.py` read their own request forms into a `Query` (v1: a
`filters` object of `{field, operator, value}` rules, a `sortBy` list; v2: `field[op]=value`
query parameters, `sortBy=<field>ASC|DESC`) and wrap `page(...)` in their own envelopes; the
filtering, ordering, windowing and page links are here, once.

A page link is the whole query (rules, sort, quick search, limit, offset) as base64url JSON:
it survives emulator restarts and, as both specs say, makes other parameters of the request
that carries it irrelevant. A link is re-validated when it comes back (a crafted one is 400).

Operators (the v1 `_filterSpec` names; v2 also accepts `gt`, `gte`, `lt`, `lte`): text ones
compare case-insensitively; `in`/`notIn` take a list or a comma-separated string; the order
comparisons compare numbers, and ISO 8601 times as epoch milliseconds (how v2 filters give
times), else text; a missing value (null) fails them. Not implemented: nested filter groups,
keyset paging (an offset is used, so inserts during a walk can shift a row between pages).
"""

from __future__ import annotations

import base64
import binascii
import json
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .domain.errors import FieldError, InvalidRequest

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
_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "greaterThan": operator.gt,
    "greaterOrEquals": operator.ge,
    "lesserThan": operator.lt,
    "lesserOrEquals": operator.le,
}
_TEXT: dict[str, Callable[[str, str], bool]] = {
    "contains": lambda text, needle: needle in text,
    "startsWith": str.startswith,
    "endsWith": str.endswith,
}

Row = dict[str, Any]


@dataclass(frozen=True)
class Rule:
    """One filter rule: `field` `operator` `value` (an operator of `OPERATORS`)."""

    field: str
    operator: str
    value: Any = None

    def keeps(self, row: Row) -> bool:
        return matches(row.get(self.field), self.operator, self.value)


@dataclass(frozen=True)
class Query:
    """What a list request asks for. `limit` None: no limit."""

    all_of: tuple[Rule, ...] = ()
    any_of: tuple[Rule, ...] = ()
    sort: tuple[tuple[str, bool], ...] = ()  # (attribute, descending), most significant first
    search: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Page:
    """The rows of one window of a list, and the links to its neighbours."""

    data: list[Row]
    more: bool
    next_link: str | None = None
    prev_link: str | None = None
    total: int = 0


def matches(actual: Any, op: str, expected: Any) -> bool:
    """Whether a row's value `actual` passes the rule `op expected`."""
    if op == "isNull":
        return actual is None
    if op == "isNotNull":
        return actual is not None
    if op in ("in", "notIn"):
        values = expected if isinstance(expected, list) else _text(expected).split(",")
        hit = actual in values or _text(actual) in [_text(v) for v in values]
        return hit == (op == "in")
    if op in ("is", "isNot"):
        return (actual == expected or _text(actual) == _text(expected)) == (op == "is")
    if op in _ORDER:
        if actual is None:
            return False
        a, b = _ordinal(actual), _ordinal(expected)
        if a is None or b is None:
            return _ORDER[op](_text(actual), _text(expected))
        return _ORDER[op](a, b)
    negated = op.startswith("not")
    test = _TEXT[op[3].lower() + op[4:] if negated else op]
    return test(_text(actual).casefold(), _text(expected).casefold()) != negated


def select(rows: list[Row], query: Query, quick_fields: Sequence[str] = ()) -> list[Row]:
    """The rows the query's rules and quick search keep, in the query's order."""
    kept = [
        r
        for r in rows
        if all(rule.keeps(r) for rule in query.all_of)
        and (not query.any_of or any(rule.keeps(r) for rule in query.any_of))
    ]
    if query.search:
        needle = query.search.casefold()
        kept = [r for r in kept if any(needle in _text(r.get(f)).casefold() for f in quick_fields)]
    for attribute, descending in reversed(query.sort):
        kept.sort(key=_sort_key(attribute), reverse=descending)
    return kept


def _sort_key(attribute: str) -> Callable[[Row], tuple[bool, Any]]:
    def key(row: Row) -> tuple[bool, Any]:
        value = row.get(attribute)
        return (value is None, "" if value is None else value)

    return key


def page(rows: list[Row], query: Query) -> Page:
    """The window of `rows` the query's offset and limit select, with links to the next and previous."""
    offset, limit = query.offset, query.limit
    window = rows[offset : offset + limit] if limit else rows[offset:]
    more = bool(limit) and offset + (limit or 0) < len(rows)
    next_link = _link(query, offset + (limit or 0)) if more else None
    prev_link = _link(query, max(0, offset - (limit or 0))) if offset > 0 else None
    return Page(window, more, next_link, prev_link, total=len(rows))


def rules_from(raw: Any) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """The (all-of, any-of) rules of a v1 `filters` object `{"and" | "or": [{field, operator, value}]}`."""
    if raw is None:
        return (), ()
    if not isinstance(raw, dict) or not set(raw) <= {"and", "or"}:
        raise InvalidRequest(
            "filters must be an object with an 'and' or 'or' list of {field, operator, value}",
            [FieldError("filters", "expected {'and': [...]} or {'or': [...]}")],
        )
    groups: dict[str, tuple[Rule, ...]] = {"and": (), "or": ()}
    for group, rules in raw.items():
        if not isinstance(rules, list):
            raise InvalidRequest(
                f"filters.{group} must be a list", [FieldError(f"filters.{group}", "not a list")]
            )
        checked = []
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
            checked.append(Rule(rule["field"], rule["operator"], rule.get("value")))
        groups[group] = tuple(checked)
    return groups["and"], groups["or"]


def from_link(token: Any, *, max_limit: int | None = None) -> Query:
    """The query a page link this server issued carries; `InvalidRequest` for anything else."""
    try:
        if not isinstance(token, str):
            raise ValueError("not a string")
        state = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if not isinstance(state, dict) or not {"filters", "limit", "offset", "sortBy"} <= state.keys():
            raise ValueError("incomplete page link")
        all_of, any_of = rules_from(state["filters"])  # a link's rules pass the same checks as fresh ones
        sort_by = state["sortBy"] or []
        if not isinstance(sort_by, list) or not all(
            isinstance(x, list) and len(x) == 2 and isinstance(x[0], str) and isinstance(x[1], bool)
            for x in sort_by
        ):
            raise ValueError("bad sortBy")
        limit, offset, search = state["limit"], state["offset"], state.get("quickSearch")
        if not _count(limit, minimum=1) or (max_limit is not None and limit > max_limit):
            raise ValueError("bad limit")  # a link without a limit would page forever
        if not _count(offset, minimum=0):
            raise ValueError("bad offset")
        if search is not None and not isinstance(search, str):
            raise ValueError("bad quickSearch")
        return Query(all_of, any_of, tuple((a, d) for a, d in sort_by), search, limit, offset)
    except (binascii.Error, ValueError, UnicodeDecodeError, InvalidRequest):
        raise InvalidRequest(
            "nextPageLink/prevPageLink is not a page link this server issued",
            [FieldError("nextPageLink", "invalid page link")],
        ) from None


def _link(query: Query, offset: int) -> str:
    return _encode(
        {
            "filters": {
                "and": [vars(r) for r in query.all_of],
                "or": [vars(r) for r in query.any_of],
            },
            "sortBy": [list(s) for s in query.sort],
            "quickSearch": query.search,
            "limit": query.limit,
            "offset": offset,
        }
    )


def _encode(state: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(state, separators=(",", ":")).encode()).decode().rstrip("=")


def _count(value: Any, *, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _ordinal(value: Any) -> float | None:
    """A number, or an ISO 8601 time as epoch milliseconds; None when it is neither."""
    try:
        return float(value)
    except (TypeError, ValueError):
        pass
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp() * 1000
