"""The one listing mechanism of both emulated APIs: rules, order, window and page links."""

from __future__ import annotations

import pytest

from vco_emulator.domain.errors import InvalidRequest
from vco_emulator.listing import Query, Rule, from_link, matches, page, rules_from, select
from vco_emulator.v1.listing import query_of
from vco_emulator.v2.listing import FilterTable, list_body

ROWS = [
    {"name": "paris-1", "n": 3, "created": "2024-05-01T12:00:00.000Z", "tag": None},
    {"name": "Paris-2", "n": 10, "created": "2024-05-02T12:00:00.000Z", "tag": "x"},
    {"name": "lyon-1", "n": 7, "created": "2024-04-30T12:00:00.000Z", "tag": "y"},
]


@pytest.mark.parametrize(
    ("actual", "op", "expected", "result"),
    [
        ("Paris", "contains", "ari", True),
        ("Paris", "startsWith", "pa", True),
        ("Paris", "notEndsWith", "IS", False),
        (None, "notContains", "x", True),
        (5, "is", "5", True),
        (None, "isNull", None, True),
        ("b", "in", "a,b", True),
        ("b", "notIn", ["a", "b"], False),
        (10, "greaterThan", "9", True),  # numbers, not text ("10" < "9")
        ("2024-05-02T12:00:00.000Z", "greaterOrEquals", 1_714_564_800_000, True),  # a time vs epoch ms
        (None, "lesserThan", 5, False),
    ],
)
def test_operators(actual: object, op: str, expected: object, result: bool) -> None:
    assert matches(actual, op, expected) is result


def test_select_applies_all_rules_any_rules_search_and_sort() -> None:
    query = Query(
        all_of=(Rule("n", "greaterThan", 2),),
        any_of=(Rule("tag", "is", "x"), Rule("tag", "isNull")),
        sort=(("name", True),),
    )
    assert [r["name"] for r in select(ROWS, query)] == ["paris-1", "Paris-2"]
    assert [r["name"] for r in select(ROWS, Query(search="PAR"), ["name"])] == ["paris-1", "Paris-2"]


def test_pages_link_forward_and_back_with_the_same_query() -> None:
    query = Query(all_of=(Rule("n", "greaterThan", 0),), sort=(("n", False),), limit=2)
    first = page(select(ROWS, query), query)
    assert [r["n"] for r in first.data] == [3, 7] and first.more and first.prev_link is None
    assert first.next_link is not None
    following = from_link(first.next_link)
    assert following == Query(query.all_of, (), query.sort, None, 2, 2)
    second = page(select(ROWS, following), following)
    assert [r["n"] for r in second.data] == [10] and not second.more and second.prev_link


def test_v1_and_v2_request_forms_read_into_the_same_query() -> None:
    v1 = query_of(
        {
            "filters": {"and": [{"field": "name", "operator": "startsWith", "value": "p"}]},
            "sortBy": [{"attribute": "n", "type": "DESC"}],
            "limit": 5,
        }
    )
    assert v1 == Query(all_of=(Rule("name", "startsWith", "p"),), sort=(("n", True),), limit=5)
    body = list_body("/x", ROWS, {"name[startsWith]": "p", "sortBy": "nDESC", "n[gt]": "3"})
    assert [r["name"] for r in body["data"]] == ["Paris-2"]
    assert body["metaData"] == {"limit": 2048, "more": False}


def test_a_filter_table_refuses_unlisted_fields_and_operators() -> None:
    table = FilterTable("edge", {"name": frozenset({"is"})})
    with pytest.raises(InvalidRequest) as caught:
        list_body("/x", ROWS, {"n[is]": "1", "name[contains]": "a"}, table)
    assert [e.path for e in caught.value.errors] == ["n[is]", "name[contains]"]


@pytest.mark.parametrize("raw", [{"xor": []}, {"and": {}}, {"and": [{"field": "a", "operator": "like"}]}])
def test_bad_v1_filters_are_refused(raw: object) -> None:
    with pytest.raises(InvalidRequest):
        rules_from(raw)


def test_a_v2_link_beyond_the_server_limit_is_refused() -> None:
    link = page(list(ROWS), Query(limit=5000, offset=0)).next_link
    assert link is None  # three rows fit one page
    wide = page([{}] * 6000, Query(limit=5000)).next_link
    assert wide is not None
    with pytest.raises(InvalidRequest):
        list_body("/x", [], {"nextPageLink": wide})
