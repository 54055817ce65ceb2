"""The filter that keeps the SDK's per-registration debug messages of our resources off the wire."""

from __future__ import annotations

from typing import Any

import pulumi.log
import pytest

from pulumi_velocloud.mechanisms import registration_log
from pulumi_velocloud.mechanisms.declare import MODULE
from pulumi_velocloud.mechanisms.registration_log import (
    drop_registration_debug,
    dynamic_type_prefix,
    filtered,
    is_registration_message,
)

OURS = dynamic_type_prefix(MODULE)


def test_only_the_three_registration_messages_of_our_types_match() -> None:
    edge = "pulumi-python:dynamic/velocloud:Edge"
    assert is_registration_message(f"registering resource: ty={edge}, name=e1, custom=True", OURS)
    assert is_registration_message(f"resource registration prepared: ty={edge}, name=e1", OURS)
    assert is_registration_message(f"resource registration successful: ty={edge}, urn=urn:x", OURS)
    for other in (
        "registering resource: ty=pulumi:pulumi:Stack, name=s, custom=False",
        "registering resource: ty=aws:s3/bucket:Bucket, name=velocloud:Edge",  # our type only in the name
        "resource registration prepared: ty=pulumi-python:dynamic/other:Thing, name=x",
        f"reading resource: ty={edge}, name=e1",
        "beginning rpc register resource",
        None,
    ):
        assert not is_registration_message(other, OURS), other


def test_filtered_debug_passes_everything_else_with_its_arguments() -> None:
    seen: list[tuple[Any, ...]] = []
    debug = filtered(lambda *args, **kwargs: seen.append((*args, kwargs)), OURS)
    debug("registering resource: ty=pulumi-python:dynamic/velocloud:Edge, name=e1", None)
    debug("registering resource: ty=pulumi:pulumi:Stack, name=s", None, stream_id=3)
    assert seen == [("registering resource: ty=pulumi:pulumi:Stack, name=s", None, {"stream_id": 3})]


def test_installed_once_on_the_sdk_and_kept_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    original = getattr(pulumi.log.debug, "__wrapped__", pulumi.log.debug)
    monkeypatch.setattr(pulumi.log, "debug", original)
    assert drop_registration_debug(MODULE) is True
    installed = pulumi.log.debug
    assert installed is not original and installed.__wrapped__ is original  # type: ignore[attr-defined]
    assert drop_registration_debug(MODULE) is True and pulumi.log.debug is installed  # not wrapped twice

    monkeypatch.setattr(pulumi.log, "debug", original)
    monkeypatch.setenv(registration_log.KEEP_ENV, "true")
    assert drop_registration_debug(MODULE) is False and pulumi.log.debug is original
