"""JSON Patch restricted to patchable paths: what applies, what is refused, and that nothing leaks."""

from __future__ import annotations

from typing import Any

import pytest

from vco_emulator.domain.errors import InvalidRequest
from vco_emulator.domain.json_patch import apply_patch

ALLOWED = {"name": None, "description": None, "site": frozenset({"city", "name"})}


def doc() -> dict[str, Any]:
    return {"name": "a", "description": None, "site": {"city": "Lyon", "name": None}}


def errors(ops: Any) -> list[tuple[str, str]]:
    with pytest.raises(InvalidRequest) as info:
        apply_patch(doc(), ops, ALLOWED)
    return [(e.path, e.message) for e in info.value.errors]


def test_replace_add_remove_move() -> None:
    original = doc()
    out = apply_patch(
        original,
        [
            {"op": "replace", "path": "/name", "value": "b"},
            {"op": "add", "path": "/description", "value": "d"},
            {"op": "move", "from": "/site/city", "path": "/site/name"},
            {"op": "remove", "path": "/description"},
        ],
        ALLOWED,
    )
    assert out == {"name": "b", "site": {"name": "Lyon"}}
    assert original == doc()  # the caller's document is untouched


def test_whole_site_can_be_replaced() -> None:
    assert apply_patch(doc(), [{"op": "replace", "path": "/site", "value": {}}], ALLOWED)["site"] == {}


def test_paths_outside_the_patchable_set_are_refused() -> None:
    assert errors([{"op": "replace", "path": "/id", "value": 1}])[0][0] == "/id"
    assert (
        "patchable paths under /site: /site/city, /site/name"
        in errors([{"op": "replace", "path": "/site/lat", "value": 1}])[0][1]
    )
    assert errors([{"op": "replace", "path": "/name/x", "value": 1}])[0][0] == "/name/x"
    assert errors([{"op": "replace", "path": "", "value": {}}])[0][0] == ""
    assert errors([{"op": "replace", "path": "name", "value": 1}])[0][0] == "name"  # not a pointer
    assert errors([{"op": "move", "from": "/id", "path": "/name"}])[0][0] == "/id"


def test_ops_outside_the_spec_and_malformed_operations_are_refused() -> None:
    assert errors([{"op": "test", "path": "/name", "value": "a"}]) == [
        ("/0/op", "op 'test' is not supported; use one of add, remove, replace, move")
    ]
    assert errors([{"op": "copy", "from": "/name", "path": "/description"}])[0][0] == "/0/op"
    assert errors([{"op": "replace", "path": "/name"}]) == [("/0", "replace needs value")]
    assert errors([{"op": "remove", "path": "/name", "value": 1}]) == [("/0", "remove does not take value")]
    assert errors(["replace"]) == [("/0", "a patch operation must be a JSON object")]
    assert errors({"op": "replace"})[0][0] == "body"


def test_every_bad_operation_is_reported_and_none_applies() -> None:
    found = errors(
        [
            {"op": "replace", "path": "/name", "value": "ok"},
            {"op": "replace", "path": "/id", "value": 1},
            {"op": "test", "path": "/name", "value": "a"},
        ]
    )
    assert [path for path, _ in found] == ["/id", "/2/op"]


def test_a_conflict_while_applying_names_the_path() -> None:
    assert errors([{"op": "remove", "path": "/site/city"}, {"op": "remove", "path": "/site/city"}])[0][0] == (
        "/site/city"
    )
