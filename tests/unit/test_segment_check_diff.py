"""NetworkSegment check (no API calls) and diff (inputs vs last-read outputs)."""

from __future__ import annotations

from typing import Any

from pulumi.output import Unknown

from pulumi_velocloud.resources.segment import NetworkSegmentProvider

SEGMENT = NetworkSegmentProvider()
OUTPUTS: dict[str, Any] = {
    "logical_id": "s1", "vco_id": 9, "segment_id": 1, "enterprise_id": "ent", "enterprise_vco_id": 5,
    "name": "PCI", "type": "CDE", "service_vlan": 100, "description": None,
    "delegate_to_enterprise": True, "delegate_to_enterprise_proxy": True,
}  # fmt: skip
INPUTS: dict[str, Any] = {"enterprise_id": "ent", "name": "PCI", "type": "CDE", "service_vlan": 100}


def failures(news: dict[str, Any]) -> dict[str, str]:
    return {f.property: f.reason for f in SEGMENT.check({}, news).failures}


def test_check_names_field_value_and_what_is_allowed() -> None:
    assert failures(INPUTS) == {}
    f = failures({**INPUTS, "type": "SECRET", "service_vlan": 4095, "name": ""})
    assert "type = 'SECRET'" in f["type"] and "'PRIVATE'" in f["type"]
    assert "service_vlan = 4095" in f["service_vlan"] and "4094" in f["service_vlan"]
    assert "name = ''" in f["name"]
    assert failures({**INPUTS, "service_vlan": 0})["service_vlan"].endswith("greater than or equal to 1")
    assert failures({**INPUTS, "enterprise_id": Unknown()}) == {}


def test_no_diff_when_the_type_defaults_and_description_is_empty() -> None:
    outs = {**OUTPUTS, "type": "REGULAR", "service_vlan": None}
    assert (
        SEGMENT.diff("s1", outs, {"enterprise_id": "ent", "name": "PCI", "description": ""}).changes is False
    )


def test_type_vlan_and_name_change_in_place_enterprise_replaces() -> None:
    changed = {**INPUTS, "type": "PRIVATE", "service_vlan": None, "name": "Cards"}
    assert SEGMENT.changed_fields(OUTPUTS, changed) == ["name", "type", "service_vlan"]
    assert SEGMENT.diff("s1", OUTPUTS, changed).replaces == []
    moved = SEGMENT.diff("s1", OUTPUTS, {**INPUTS, "enterprise_id": "other"})
    assert moved.replaces == ["enterprise_id"]
