"""create_once: an ambiguous create is recovered by its natural key, never duplicated."""

from __future__ import annotations

import pytest

from pulumi_velocloud.client.errors import InvalidRequest, ServerError
from pulumi_velocloud.client.idempotency import create_once


def test_ambiguous_failure_that_did_create_returns_the_existing_object() -> None:
    store: list[str] = []

    def create() -> str:
        store.append("acme")  # the server did it...
        raise ServerError("502 after commit", ambiguous=True)  # ...but the answer was lost

    assert create_once(create, lambda: store[0] if store else None, what="enterprise") == "acme"
    assert store == ["acme"]


def test_ambiguous_failure_that_did_not_create_is_sent_again() -> None:
    calls: list[int] = []

    def create() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise ServerError("dropped before commit", ambiguous=True)
        return "acme"

    assert create_once(create, lambda: None, what="enterprise") == "acme"
    assert len(calls) == 2


def test_definite_failures_are_raised_without_lookup() -> None:
    def create() -> str:
        raise InvalidRequest("bad name")

    def find() -> str | None:
        raise AssertionError("no lookup after a definite failure")

    with pytest.raises(InvalidRequest):
        create_once(create, find, what="enterprise")


def test_gives_up_after_max_attempts() -> None:
    def create() -> str:
        raise ServerError("always ambiguous", ambiguous=True)

    with pytest.raises(ServerError):
        create_once(create, lambda: None, what="enterprise", max_attempts=2)
