"""Issue 10, point 4: `check` never prints a value of a raw section or of a secret-looking path.

A typo in `extra` or in a segment's `extra`, a misspelled secret key, a secret of the wrong
type: the failure names the resource and the field path, never the value (which may be, or
hold, a secret), and never a whole input bag.
"""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.resources.profile_device_settings import ProfileDeviceSettingsProvider

BASE = {"enterprise_id": "e", "profile_id": "p"}
CASES: list[tuple[dict[str, Any], str]] = [
    ({"extra": {"snmpp": {"community": "TOPSECRET1"}}}, "extra"),
    ({"extra": {"segments": [{"psk": "TOPSECRET2"}]}}, "extra"),
    ({"extra": ["TOPSECRET3"]}, "extra"),
    (
        {
            "segments": [
                {
                    "segment": "Global Segment",
                    "extra": {"bgpp": {"neighbors": [{"md5Password": "TOPSECRET4"}]}},
                }
            ]
        },
        "segments.0.extra",
    ),
    ({"segments": [{"segment": "", "extra": {"bgp": {"md5Password": "TOPSECRET5"}}}]}, "segments.0.segment"),
    ({"snmp": {"v2c_comunity": "TOPSECRET6"}}, "snmp.v2c_comunity"),  # a misspelled secret key
    ({"snmp": {"v2c_community": ["TOPSECRET7"]}}, "snmp.v2c_community"),
]


@pytest.mark.parametrize(("inputs", "path"), CASES)
def test_check_names_the_field_but_not_the_value(inputs: dict[str, Any], path: str) -> None:
    failures = ProfileDeviceSettingsProvider().check({}, {**BASE, **inputs}).failures
    assert failures, "the input is invalid"
    text = " ".join(f.reason for f in failures)
    assert "TOPSECRET" not in text, text
    assert path in text and "ProfileDeviceSettings" in text
