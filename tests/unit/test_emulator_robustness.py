"""Emulator robustness found in review: a crashing async operation, strict JSON, page links, huge ids."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from vco_emulator.domain import async_operations, kinds
from vco_emulator.domain.errors import InvalidRequest
from vco_emulator.jsonbody import BadJson, parse_json
from vco_emulator.lifecycle import ensure_seeded
from vco_emulator.listing import _encode
from vco_emulator.store import Store, Tx
from vco_emulator.v2 import listing


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "vco.sqlite")
    ensure_seeded(s, tmp_path / "token")
    yield s
    s.close()


def test_an_operation_that_crashes_ends_in_error_without_partial_writes(store: Store) -> None:
    def boom(tx: Tx, op: object) -> None:
        tx.insert("junk", "half-written", {})
        raise RuntimeError("a bug in an executor")

    async_operations.register("boom", boom)
    with store.transaction() as tx:
        async_operations.create(
            tx, 1, operation="boom", target="t", resource_href="/x", request={}, delay_seconds=0, now=0
        )
    with store.transaction() as tx:
        assert async_operations.settle(tx, now=1) == 1
    with store.transaction() as tx:
        [op] = tx.find(kinds.ASYNC_OPERATION)
        assert op.data["status"] == "ERROR" and "RuntimeError" in op.data["message"]
        assert tx.find("junk") == []  # the savepoint rolled the half-write back
        assert async_operations.settle(tx, now=2) == 0  # and later requests are not wedged


@pytest.mark.parametrize("body", [b'{"a": NaN}', b'{"a": Infinity}', b'{"a": 1e400}', b"[" * 100_000])
def test_non_standard_or_absurd_json_is_refused(body: bytes) -> None:
    with pytest.raises(BadJson):
        parse_json(body)


def test_crafted_page_links_are_refused() -> None:
    for state in (
        '{"filters": {"x": "y"}, "limit": 10, "offset": 0, "sortBy": null}',
        '{"filters": {}, "limit": "a", "offset": 0, "sortBy": null}',
        '{"filters": {}, "limit": 0, "offset": 0, "sortBy": null}',
        '{"filters": {}, "limit": 10, "offset": -5, "sortBy": null}',
    ):
        token = _encode(json.loads(state))
        with pytest.raises(InvalidRequest):
            listing.list_body("/x", [], {"nextPageLink": token})


def test_ids_beyond_sqlite_integers_are_simply_not_found(store: Store) -> None:
    with store.transaction() as tx:
        assert tx.get(kinds.PROFILE, id=10**30) is None
        assert tx.lookup(id=-(10**30)) is None
