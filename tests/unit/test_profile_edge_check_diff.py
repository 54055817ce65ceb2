"""Profile and Edge check (no API calls) and diff (inputs vs last-read outputs)."""

from __future__ import annotations

from typing import Any

from pulumi.output import Unknown

from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.profile import ProfileProvider

EDGE = EdgeProvider()
PROFILE = ProfileProvider()

EDGE_OUTPUTS: dict[str, Any] = {
    "logical_id": "e1", "vco_id": 7, "enterprise_id": "ent", "enterprise_vco_id": 5, "profile_id": "p1",
    "name": "nyc-01", "model_number": "edge6X0", "serial_number": "VC1", "description": None,
    "site": {"name": "NYC", "city": "New York", "lat": 40.7, "contact_email": "noc@acme.example"},
    "ha_enabled": False, "custom_info": None, "activation_key": "AAAA-BBBB-CCCC-DDDD",
    "activation_state": "PENDING", "edge_state": "NEVER_ACTIVATED", "software_version": None,
    "future_server_field": {"ignored": True},
}  # fmt: skip
EDGE_INPUTS: dict[str, Any] = {
    "enterprise_id": "ent", "profile_id": "p1", "name": "nyc-01", "model_number": "edge6X0",
    "serial_number": "VC1", "site": {"name": "NYC", "city": "New York", "lat": 40.7},
}  # fmt: skip


def failures(provider: Any, news: dict[str, Any]) -> dict[str, str]:
    return {f.property: f.reason for f in provider.check({}, news).failures}


def test_edge_check() -> None:
    assert failures(EDGE, EDGE_INPUTS) == {}
    f = failures(EDGE, {**EDGE_INPUTS, "model_number": "edge9", "site": {"lat": 91}})
    assert "'edge9'" in f["model_number"] and "'edge6X0'" in f["model_number"]
    assert "site.lat = 91" in f["site"]
    assert "Extra inputs" in failures(EDGE, {**EDGE_INPUTS, "site": {"planet": "Mars"}})["site"]


def test_edge_check_waits_for_unknown_values() -> None:
    assert failures(EDGE, {**EDGE_INPUTS, "enterprise_id": Unknown(), "site": {"name": Unknown()}}) == {}


def test_edge_no_diff_with_server_fields_and_unmanaged_site_fields() -> None:
    result = EDGE.diff("e1", EDGE_OUTPUTS, EDGE_INPUTS)
    assert result.changes is False, EDGE.changed_fields(EDGE_OUTPUTS, EDGE_INPUTS)


def test_edge_in_place_changes_and_replacements() -> None:
    moved = {**EDGE_INPUTS, "profile_id": "p2", "description": "x", "site": {"city": "Boston"}}
    assert EDGE.changed_fields(EDGE_OUTPUTS, moved) == ["profile_id", "description", "site"]
    assert EDGE.diff("e1", EDGE_OUTPUTS, moved).replaces == []
    for field, value in (("model_number", "edge5X0"), ("enterprise_id", "other")):
        result = EDGE.diff("e1", EDGE_OUTPUTS, {**EDGE_INPUTS, field: value})
        assert result.replaces == [field] and result.delete_before_replace is True
    # HA is switched in the edge's device settings: the same edge, its activation kept (issue 12)
    result = EDGE.diff("e1", EDGE_OUTPUTS, {**EDGE_INPUTS, "ha_enabled": True})
    assert result.changes is True and result.replaces == []


def test_profile_check_and_diff() -> None:
    assert "at most 255" in failures(PROFILE, {"enterprise_id": "ent", "name": "x" * 256})["name"]
    assert "name = missing" in failures(PROFILE, {"enterprise_id": "ent"})["name"]
    outs = {"logical_id": "p1", "vco_id": 3, "enterprise_id": "ent", "enterprise_vco_id": 5, "name": "Branch",
            "description": None}  # fmt: skip
    assert PROFILE.diff("p1", outs, {"enterprise_id": "ent", "name": "Branch"}).changes is False
    assert PROFILE.diff("p1", outs, {"enterprise_id": "ent", "name": "Hub"}).replaces == []
    assert PROFILE.diff("p1", outs, {"enterprise_id": "other", "name": "Branch"}).replaces == [
        "enterprise_id"
    ]
