"""JSON Patch documents from the difference of two documents."""

from __future__ import annotations

from pulumi_velocloud.client.json_patch import diff, pointer


def test_no_difference_no_operations() -> None:
    assert diff({"a": 1, "b": {"c": [1, 2]}}, {"a": 1, "b": {"c": [1, 2]}}) == []


def test_add_replace_remove_and_nested_objects() -> None:
    old = {"name": "nyc", "site": {"city": "NYC", "lat": 1.0}, "gone": True}
    new = {"name": "nyc-01", "site": {"city": "NYC", "lat": 2.0, "zip": "10001"}}
    assert diff(old, new) == [
        {"op": "remove", "path": "/gone"},
        {"op": "replace", "path": "/name", "value": "nyc-01"},
        {"op": "replace", "path": "/site/lat", "value": 2.0},
        {"op": "add", "path": "/site/zip", "value": "10001"},
    ]


def test_arrays_are_replaced_whole_and_type_changes_are_replacements() -> None:
    assert diff({"a": [1, 2]}, {"a": [2, 1]}) == [{"op": "replace", "path": "/a", "value": [2, 1]}]
    assert diff({"a": 1}, {"a": 1.0}) == [{"op": "replace", "path": "/a", "value": 1.0}]


def test_pointer_escapes() -> None:
    assert pointer(["a/b", "c~d"]) == "/a~1b/c~0d"
