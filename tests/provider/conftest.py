"""Fixtures for provider tests: the providers connected to the emulator, an enterprise, a profile."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pulumi_velocloud.context import provider_context
from pulumi_velocloud.resources.enterprise import EnterpriseProvider
from pulumi_velocloud.resources.profile import ProfileProvider
from vco_emulator.process import EmulatorProcess


@pytest.fixture
def connected(vco: EmulatorProcess) -> Iterator[None]:
    """The dynamic providers of this process talk to the emulator (as `configure()` would set)."""
    provider_context().configure({"velocloud:url": vco.url, "velocloud:token": vco.token})
    yield
    provider_context().configure({})


@pytest.fixture
def enterprise(connected: None) -> dict[str, Any]:
    created = EnterpriseProvider().create({"name": "ACME"})
    assert created.outs is not None
    return created.outs


@pytest.fixture
def profile(enterprise: dict[str, Any]) -> dict[str, Any]:
    created = ProfileProvider().create({"enterprise_id": enterprise["logical_id"], "name": "Branch"})
    assert created.outs is not None
    return created.outs
