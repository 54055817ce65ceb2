"""Applications by name against the emulator: the `get_application` lookup, and firewall rules and
business policies whose `match.application` names an application (resolved at check to the ids
the module document holds; an unknown name fails the check; an id changed by hand is drift)."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud import get_application
from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.resources.business_policy_rule import BusinessPolicyRuleProvider
from pulumi_velocloud.resources.firewall_rule import FirewallRuleProvider

from .test_firewall_rule_provider import firewall, outbound


def test_get_application_by_display_name_name_and_class(
    enterprise: dict[str, Any], client: VcoClient
) -> None:
    teams = get_application(enterprise_id=enterprise["logical_id"], name="microsoft teams", client=client)
    assert teams.name == "MS_TEAMS" and teams.class_name == "Business Collaboration"
    same = get_application(
        enterprise_id=enterprise["logical_id"],
        name="MS_TEAMS",
        app_class="Business Collaboration",
        client=client,
    )
    assert same == teams
    by_class_id = get_application(
        enterprise_id=enterprise["logical_id"],
        name="Microsoft Teams",
        app_class=teams.class_id,
        client=client,
    )
    assert by_class_id.id == teams.id
    with pytest.raises(LookupError, match="no application named 'Microsoft Teams' of class 'Web'"):
        get_application(
            enterprise_id=enterprise["logical_id"], name="Microsoft Teams", app_class="Web", client=client
        )
    with pytest.raises(LookupError, match="no application named 'Teamz'"):
        get_application(enterprise_id=enterprise["logical_id"], name="Teamz", client=client)


def _rule(enterprise: dict[str, Any], profile: dict[str, Any], application: str) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "name": "block-p2p",
        "position": 1,
        "action": "deny",
        "match": {"application": application},
    }


def test_firewall_rule_matches_an_application_by_name(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    provider = FirewallRuleProvider()
    expected = get_application(enterprise_id=enterprise["logical_id"], name="BitTorrent", client=client)
    news = _rule(enterprise, profile, "BitTorrent")
    checked = provider.check({}, news)
    assert checked.failures == []
    assert checked.inputs["match"]["application_id"] == expected.id
    assert checked.inputs["match"]["application_class_id"] == expected.class_id

    created = provider.create(checked.inputs)
    [rule] = [r for r in outbound(client, profile) if r["name"] == "block-p2p"]
    assert (rule["match"]["appid"], rule["match"]["classid"]) == (expected.id, expected.class_id)
    assert provider.diff(created.id, created.outs, provider.check({}, news).inputs).changes is False

    # the application id changed by hand in the module: refresh reads it, diff shows the match
    module_id, data = firewall(client, profile)
    for r in data["segments"][0]["outbound"]:
        if r["name"] == "block-p2p":
            r["match"]["appid"] = expected.id + 1
    client.v1.update_configuration_module(profile["enterprise_vco_id"], module_id, {"data": data})
    read = provider.read(created.id, created.outs)
    assert read.outs["match"]["application_id"] == expected.id + 1
    assert "match" in provider.changed_fields(read.outs, provider.check({}, news).inputs)


def test_unknown_or_conflicting_application_fails_the_check(
    enterprise: dict[str, Any], profile: dict[str, Any]
) -> None:
    provider = FirewallRuleProvider()
    [failure] = provider.check({}, _rule(enterprise, profile, "Bit Torrentz")).failures
    assert failure.property == "match"
    assert failure.reason.startswith("FirewallRule \"block-p2p\" field match.application = 'Bit Torrentz'")
    assert "no application named 'Bit Torrentz'" in failure.reason
    both = _rule(enterprise, profile, "BitTorrent")
    both["match"]["application_id"] = 5
    [failure] = provider.check({}, both).failures
    assert "set match.application or match.application_id, not both" in failure.reason


def test_business_policy_matches_an_application_by_name(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    provider = BusinessPolicyRuleProvider()
    zoom = get_application(enterprise_id=enterprise["logical_id"], name="Zoom", client=client)
    news = {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "name": "Meetings",
        "position": 0,
        "match": {"application": "zoom"},
        "action": {"priority": "high", "service_class": "realtime"},
    }
    checked = provider.check({}, news)
    assert checked.failures == []
    created = provider.create(checked.inputs)
    assert created.outs["rule"]["match"]["appid"] == zoom.id
    assert created.outs["rule"]["match"]["classid"] == zoom.class_id
    assert provider.diff(created.id, created.outs, provider.check({}, news).inputs).changes is False
