"""Pure logic of profiles: effective edge modules, the v2 deviceSettings view, device-settings rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from vco_emulator.domain import device_settings, profile_rules, profiles
from vco_emulator.store import Store

GLOBAL = {"segmentId": 0, "name": "Global Segment", "type": "REGULAR", "segmentLogicalId": "g-1"}
PCI = {"segmentId": 1, "name": "PCI", "type": "CDE", "segmentLogicalId": "p-1"}


def test_has_content_ignores_empty_containers_and_nulls() -> None:
    assert not profile_rules.has_content({})
    assert not profile_rules.has_content({"a": None, "b": {}, "c": {"d": None}})
    assert profile_rules.has_content({"a": False})
    assert profile_rules.has_content({"links": [{}]})
    assert not profile_rules.has_content({"links": []})


def test_an_edge_module_with_content_replaces_the_profile_module() -> None:
    profile = {"firewall_enabled": True, "segments": [{"outbound": [1]}]}
    assert profile_rules.effective_module_data("firewall", profile, {}) == profile
    assert profile_rules.effective_module_data("firewall", profile, {"firewall_enabled": False}) == {
        "firewall_enabled": False
    }
    assert profile_rules.effective_module_data("WAN", None, {"links": []}) == {}


def test_device_settings_merge_key_by_key_and_segments_by_id() -> None:
    profile: dict[str, Any] = {
        "lan": {"networks": [{"vlanId": 1}]},
        "routedInterfaces": [{"name": "GE3"}],
        "segments": [{"segment": GLOBAL, "dns": {"primary": "a"}, "ntp": {"enabled": True}}],
    }
    edge: dict[str, Any] = {
        "lan": {},  # no content: inherited
        "routedInterfaces": [{"name": "GE4"}],
        "segments": [{"segment": GLOBAL, "dns": {"primary": "b"}}, {"segment": PCI, "ntp": {}}],
    }
    merged = profile_rules.merge_device_settings(profile, edge)
    assert merged["lan"] == profile["lan"]
    assert merged["routedInterfaces"] == [{"name": "GE4"}]
    assert merged["segments"] == [
        {"segment": GLOBAL, "dns": {"primary": "b"}, "ntp": {"enabled": True}},
        {"segment": PCI, "ntp": {}},
    ]
    assert profile["segments"][0]["dns"] == {"primary": "a"}  # inputs untouched


def test_v2_view_shows_segments_as_links_and_hides_v1_only_keys() -> None:
    data = {"segments": [{"segment": GLOBAL}], "lan": {"networks": []}, "authentication": {"x": 1}}
    doc = device_settings.to_v2(data, "ent-1", "/href")
    assert doc == {
        "segments": [
            {
                "segment": {
                    "_href": "/api/sdwan/v2/enterprises/ent-1/segments/g-1",
                    "name": "Global Segment",
                    "type": "REGULAR",
                }
            }
        ],
        "lan": {"networks": []},
        "_href": "/href",
    }
    assert device_settings.shape_errors(doc) == []


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "unit.sqlite")


def test_from_v2_resolves_segments_and_keeps_v1_only_keys(store: Store) -> None:
    with store.transaction() as tx:
        segment = profiles.create_global_segment(tx, 1)
        current = {"authentication": {"x": 1}, "lan": {"networks": []}}
        v2_doc = {
            "_href": "/h",
            "segments": [{"segment": {"_href": f"/e/segments/{segment.logical_id}"}}],
            "lan": {"networks": [{"segment": {"name": "Global Segment"}, "vlanId": 2}]},
        }
        data, errors = device_settings.from_v2(tx, 1, v2_doc, current)
    assert errors == []
    assert data["authentication"] == {"x": 1} and "_href" not in data
    assert data["segments"][0]["segment"]["segmentId"] == 0
    assert data["lan"]["networks"] == [{"vlanId": 2, "segmentId": 0}]


@pytest.mark.parametrize(
    ("network", "path", "fragment"),
    [
        ({"cidrIp": "10.0.0.999"}, "lan.networks.0.cidrIp", "not an IPv4 address"),
        ({"cidrIp": "10.0.0.1", "cidrPrefix": 33}, "lan.networks.0.cidrPrefix", "0..32"),
        ({"cidrPrefix": 24, "netmask": "255.255.0.0"}, "lan.networks.0.netmask", "/16"),
        ({"netmask": "255.0.255.0"}, "lan.networks.0.netmask", "not a valid"),
        ({"vlanId": 0}, "lan.networks.0.vlanId", "1..4094"),
        ({"vlanId": 4095}, "lan.networks.0.vlanId", "1..4094"),
        ({"segmentId": 3}, "lan.networks.0.segmentId", "unknown segment 3"),
    ],
)
def test_rules_name_the_field_and_what_is_allowed(
    store: Store, network: dict[str, Any], path: str, fragment: str
) -> None:
    with store.transaction() as tx:
        profiles.create_global_segment(tx, 1)
        errors = device_settings.rule_errors(tx, 1, {"lan": {"networks": [network]}})
    assert [e.path for e in errors] == [path]
    assert fragment in errors[0].message


def test_rules_accept_a_valid_document_and_refuse_duplicate_vlans(store: Store) -> None:
    with store.transaction() as tx:
        profiles.create_global_segment(tx, 1)
        good = {
            "segments": [{"segment": {"segmentId": 0}}],
            "lan": {
                "networks": [
                    {"cidrIp": "10.0.1.1", "cidrPrefix": 24, "netmask": "255.255.255.0", "vlanId": 1}
                ]
            },
            "routedInterfaces": [{"vlanId": None, "addressing": {"cidrIp": "1.2.3.4", "cidrPrefix": "30"}}],
        }
        assert device_settings.rule_errors(tx, 1, good) == []
        dup = {"lan": {"networks": [{"vlanId": 5}, {"vlanId": 5}]}}
        [error] = device_settings.rule_errors(tx, 1, dup)
    assert error.path == "lan.networks.1.vlanId" and "lan.networks.0" in error.message
