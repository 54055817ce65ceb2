"""Enterprise check (validation without API calls) and diff (inputs vs last-read outputs)."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.mechanisms.provider_base import UNKNOWN
from pulumi_velocloud.resources.enterprise import EnterpriseProvider

P = EnterpriseProvider()


def failures(news: dict[str, Any]) -> dict[str, str]:
    return {f.property: f.reason for f in P.check({}, news).failures}


def test_valid_inputs_pass() -> None:
    assert failures({"name": "ACME", "lat": 40.7, "lon": -74.0, "contact_email": "a@b.example"}) == {}


def test_missing_empty_and_too_long_names_name_the_field_value_and_rule() -> None:
    assert "name = missing" in failures({})["name"]
    empty = failures({"name": ""})["name"]
    assert "Enterprise field name = ''" in empty and "at least 1 character" in empty
    long = failures({"name": "x" * 256})["name"]
    assert "at most 255 characters" in long


def test_ranges_types_and_email() -> None:
    f = failures({"name": "ok", "lat": 91, "lon": "west", "contact_email": "not-an-email"})
    assert "less than or equal to 90" in f["lat"]
    assert "'west'" in f["lon"]
    assert "'not-an-email'" in f["contact_email"]


def test_unknown_inputs_are_rejected() -> None:
    assert "Extra inputs are not permitted" in failures({"name": "ok", "colour": "red"})["colour"]


def test_values_unknown_at_preview_are_not_judged() -> None:
    assert failures({"name": UNKNOWN, "description": UNKNOWN}) == {}


OUTPUTS = {
    "logical_id": "e1",
    "vco_id": 5,
    "name": "ACME",
    "description": None,
    "account_number": "E1",
    "domain": None,
    "gateway_pool_id": "gp",
    "operator_profile_id": "op",
    "timezone": "America/Los_Angeles",
    "locale": "en-US",
    "contact_email": None,
    "lat": 40.7,
}


def test_no_diff_when_inputs_match_outputs_and_server_defaults_are_not_managed() -> None:
    result = P.diff("e1", OUTPUTS, {"name": "ACME", "lat": 40.7, "description": ""})
    assert result.changes is False
    assert result.replaces == []


def test_changed_fields_are_named_and_in_place() -> None:
    assert P.changed_fields(OUTPUTS, {"name": "ACME 2", "description": "d", "lat": 40.7}) == [
        "name",
        "description",
    ]
    result = P.diff("e1", OUTPUTS, {"name": "ACME 2"})
    assert result.changes is True and result.replaces == []


@pytest.mark.parametrize("field", ["account_number", "domain"])
def test_fields_the_api_cannot_change_replace(field: str) -> None:
    result = P.diff("e1", OUTPUTS, {"name": "ACME", field: "other"})
    assert result.replaces == [field]
    assert result.delete_before_replace is True


def test_the_software_image_changes_in_place() -> None:
    result = P.diff("e1", OUTPUTS, {"name": "ACME", "operator_profile_id": "other"})
    assert result.changes is True and result.replaces == []


def test_unknown_new_value_is_a_change() -> None:
    assert P.diff("e1", OUTPUTS, {"name": UNKNOWN}).changes is True
