"""Pure edits of a shared module document: put/remove a managed rule, leave every other rule alone."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from pulumi_velocloud.mechanisms import module_edits as me
from pulumi_velocloud.mechanisms.rule_match import RuleMatchArgs, match_from_document, render_match
from pulumi_velocloud.resources.business_policy_rule import BusinessPolicyRuleProvider
from pulumi_velocloud.resources.firewall_rule import FirewallRuleProvider

GLOBAL = {"segmentId": 0, "name": "Global Segment", "type": "REGULAR", "segmentLogicalId": "g"}
GUEST = {"segmentId": 1, "name": "Guest", "type": "REGULAR", "segmentLogicalId": "x"}


def doc(*outbound: dict[str, Any]) -> dict[str, Any]:
    return {
        "firewall_enabled": True,
        "inbound": [],
        "segments": [
            {"segment": GLOBAL, "firewall_logging_enabled": False, "outbound": list(outbound)},
        ],
    }


def managed(rule_id: str, position: int, name: str | None = None) -> dict[str, Any]:
    return {
        "name": name or rule_id,
        "match": {},
        "action": {"allow_or_deny": "allow"},
        me.RULE_ID: rule_id,
        me.POSITION: position,
    }


def hand(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "match": {"proto": 6},
        "action": {"allow_or_deny": "deny"},
        me.RULE_ID: f"ui-{name}",
    }


def names(d: dict[str, Any], segment: int = 0) -> list[str]:
    return [r["name"] for r in d["segments"][segment]["outbound"]]


def test_managed_rules_are_ordered_by_position_whatever_the_order_they_arrive_in() -> None:
    for seed in range(5):
        order = list(range(20))
        random.Random(seed).shuffle(order)
        d = doc(hand("ui-a"), hand("ui-b"))
        for p in order:
            d = me.put_rule(d, "firewall", None, managed(f"r{p:02}", p))
        assert names(d) == ["ui-a", "ui-b", *(f"r{p:02}" for p in range(20))]


def test_unmanaged_rules_keep_their_place_around_managed_ones() -> None:
    d = doc(managed("r1", 1), hand("ui-mid"), managed("r5", 5), hand("ui-end"))
    d = me.put_rule(d, "firewall", None, managed("r3", 3))
    assert names(d) == ["r1", "ui-mid", "r3", "r5", "ui-end"]
    d = me.put_rule(d, "firewall", None, managed("r9", 9))
    assert names(d) == ["r1", "ui-mid", "r3", "r5", "r9", "ui-end"]
    d = me.put_rule(d, "firewall", None, managed("r0", 0))
    assert names(d) == ["r0", "r1", "ui-mid", "r3", "r5", "r9", "ui-end"]


def test_put_replaces_a_rule_by_id_and_moves_it_to_its_new_position() -> None:
    d = doc(managed("a", 0), managed("b", 1), managed("c", 2))
    moved = {**managed("a", 5), "name": "a2"}
    d2 = me.put_rule(d, "firewall", None, moved)
    assert names(d2) == ["b", "c", "a2"]
    assert names(d) == ["a", "b", "c"], "the input document is not changed"


def test_remove_takes_out_only_that_rule() -> None:
    d = doc(hand("ui"), managed("a", 0), managed("b", 1))
    before = copy.deepcopy(d)
    d2 = me.remove_rule(d, "firewall", "a")
    assert names(d2) == ["ui", "b"]
    assert d2["segments"][0]["outbound"][0] == before["segments"][0]["outbound"][0]
    assert me.remove_rule(d2, "firewall", "a") == d2


def test_segments_by_name_or_id_and_a_missing_segment() -> None:
    d = doc()
    with pytest.raises(me.SegmentMissing, match="Guest"):
        me.put_rule(d, "firewall", "Guest", managed("a", 0))
    d = me.put_rule(d, "firewall", "Guest", managed("a", 0), new_segment=GUEST)
    assert d["segments"][1]["segment"] == GUEST and names(d, 1) == ["a"]
    assert d["segments"][1]["firewall_logging_enabled"] is False
    d = me.put_rule(d, "firewall", 1, managed("b", 1))
    assert names(d, 1) == ["a", "b"] and names(d, 0) == []
    found = me.find_rule(d, "firewall", "b")
    assert found is not None and found[0]["segment"]["name"] == "Guest"


def test_qos_rules_live_in_segment_rules() -> None:
    d = {"segments": [{"segment": GLOBAL, "rules": [], "webProxy": {"providers": []}}]}
    d = me.put_rule(d, "QOS", None, managed("a", 0))
    assert d["segments"][0]["rules"][0][me.RULE_ID] == "a"
    d = me.put_rule(d, "QOS", "Guest", managed("b", 0), new_segment=GUEST)
    assert d["segments"][1]["webProxy"] == {"providers": []} and d["segments"][1]["rules"][0]["name"] == "b"


def test_set_fields_leaves_rules_and_without_rules_keeps_switches() -> None:
    d = doc(hand("ui"))
    d2 = me.set_fields(d, {"firewall_enabled": False})
    assert d2["firewall_enabled"] is False and names(d2) == ["ui"]
    seeded = me.without_rules(d2, "firewall")
    assert names(seeded) == [] and seeded["firewall_enabled"] is False and names(d2) == ["ui"]


def test_a_rule_without_position_is_refused() -> None:
    with pytest.raises(ValueError, match="pulumiPosition"):
        me.put_rule(doc(), "firewall", None, hand("x"))


def test_match_renders_and_reads_back() -> None:
    m = RuleMatchArgs(
        protocol="tcp", source_ip="10.1.0.0/16", destination_ip="192.0.2.7", destination_ports="1000-2000"
    )
    rendered = render_match(m)
    assert rendered["proto"] == 6 and rendered["sip"] == "10.1.0.0" and rendered["ssm"] == "255.255.0.0"
    assert rendered["s_rule_type"] == "prefix" and rendered["d_rule_type"] == "exact"
    assert (rendered["dport_low"], rendered["dport_high"]) == (1000, 2000) and rendered["sport_low"] == -1
    assert render_match(match_from_document(rendered)) == rendered
    groups = render_match(RuleMatchArgs(source_address_group="ag-1", destination_port_group="pg-1"))
    assert groups["sAddressGroup"] == "ag-1" and groups["dPortGroup"] == "pg-1" and groups["sip"] == "any"


@pytest.mark.parametrize(
    ("match", "error"),
    [
        ({"source_ip": "10.1.0.1/16"}, "host bits"),
        ({"destination_ports": "2000-1000"}, "low <= high"),
        ({"destination_ports": "http"}, "port range"),
        ({"source_ip": "10.0.0.1", "source_address_group": "g"}, "cannot both be set"),
        ({"protocol": "sctp"}, "protocol"),
    ],
)
def test_check_names_the_bad_match_field(match: dict[str, Any], error: str) -> None:
    news = {
        "enterprise_id": "e",
        "profile_id": "p",
        "name": "r",
        "position": 0,
        "action": "allow",
        "match": match,
    }
    failures = FirewallRuleProvider().check({}, news).failures
    assert failures and error in failures[0].reason and "FirewallRule field match" in failures[0].reason


def test_check_wants_exactly_one_owner_and_a_known_action() -> None:
    p = FirewallRuleProvider()
    base = {"enterprise_id": "e", "name": "r", "position": 0, "action": "allow"}
    assert p.check({}, {**base, "profile_id": "p"}).failures == []
    assert p.check({}, base).failures
    assert p.check({}, {**base, "profile_id": "p", "edge_id": "x"}).failures
    failures = p.check({}, {**base, "profile_id": "p", "action": "permit"}).failures
    assert failures and "action" in failures[0].reason


def outputs_for(provider: Any, news: dict[str, Any]) -> dict[str, Any]:
    rule = {**provider.render(provider.args(news)), me.RULE_ID: "id", me.POSITION: news["position"]}
    return {**news, "segment_id": 0, "rule": rule}


def test_diff_compares_the_rendered_rule_with_the_last_read_rule() -> None:
    p = FirewallRuleProvider()
    news = {
        "enterprise_id": "e",
        "profile_id": "p",
        "name": "web",
        "position": 3,
        "action": "allow",
        "match": {"protocol": "tcp", "destination_ports": "443"},
    }
    olds = outputs_for(p, news)
    assert p.diff("id", olds, news).changes is False
    assert p.changed_fields(olds, {**news, "match": {"protocol": "tcp", "destination_ports": "8443"}}) == [
        "match"
    ]
    assert p.changed_fields(olds, {**news, "position": 4}) == ["position"]
    drifted = {**olds, "rule": {**olds["rule"], "match": {**olds["rule"]["match"], "dscp": 46}}}
    assert p.changed_fields(drifted, news) == ["match"], "a criterion we do not model is still drift"
    result = p.diff("id", olds, {**news, "segment": "Guest"})
    assert result.replaces == ["segment"]
    assert p.diff("id", olds, {**news, "profile_id": "other"}).replaces == ["profile_id"]


def test_business_policy_diff_sees_the_action() -> None:
    p = BusinessPolicyRuleProvider()
    news = {
        "enterprise_id": "e",
        "profile_id": "p",
        "name": "voice",
        "position": 0,
        "action": {"priority": "high"},
    }
    olds = outputs_for(p, news)
    assert p.diff("id", olds, news).changes is False
    assert p.changed_fields(olds, {**news, "action": {"priority": "low"}}) == ["action"]
    route = olds["rule"]["action"]["edge2CloudRouteAction"]
    assert "linkCosLogicalId" in route, "the rendered action has a null member"
    stored = copy.deepcopy(olds)
    del stored["rule"]["action"]["edge2CloudRouteAction"]["linkCosLogicalId"]
    assert p.diff("id", stored, news).changes is False, "a null dropped by Pulumi's state is no change"
