"""Fixtures shared by the emulator tests (the server itself is `tests/conftest.py`'s)."""

from __future__ import annotations

import pytest

from vco_emulator.process import EmulatorProcess

from .helpers import create_enterprise, v1


@pytest.fixture
def eid(vco: EmulatorProcess) -> int:
    """The numeric id of a new enterprise "ACME"."""
    logical_id = create_enterprise(vco, "ACME").json()["logicalId"]
    for e in v1(vco, "network/getNetworkEnterprises").json():
        if e["logicalId"] == logical_id:
            return int(e["id"])
    raise AssertionError("new enterprise not listed")
