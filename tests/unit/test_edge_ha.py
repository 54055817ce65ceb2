"""The HA state an edge moves to when its device settings switch HA (pure rules of `edge_ha`)."""

from __future__ import annotations

import pytest

from vco_emulator.domain import edge_ha


@pytest.mark.parametrize(
    ("current", "enabled", "expected"),
    [
        (None, True, "PENDING_INIT"),
        ("UNCONFIGURED", True, "PENDING_INIT"),
        ("PENDING_DISSOCIATION", True, "PENDING_INIT"),
        ("READY", True, "READY"),
        ("UNCONFIGURED", False, "UNCONFIGURED"),
        ("PENDING_INIT", False, "UNCONFIGURED"),
        ("READY", False, "PENDING_DISSOCIATION"),
        ("FAILED", False, "PENDING_DISSOCIATION"),
    ],
)
def test_next_state(current: str | None, enabled: bool, expected: str) -> None:
    assert edge_ha.next_state(current, enabled) == expected


def test_configured_reads_only_a_boolean_enabled() -> None:
    assert edge_ha.configured({"ha": {"enabled": True}}) is True
    assert edge_ha.configured({"ha": {"enabled": False, "interface": "GE1"}}) is False
    assert edge_ha.configured({}) is None
    assert edge_ha.configured({"ha": {"interface": "GE1"}}) is None
