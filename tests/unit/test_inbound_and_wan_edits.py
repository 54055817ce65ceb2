"""Pure logic of inbound rules (the firewall's top-level `inbound[]`) and of edge WAN links."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.mechanisms import module_edits as me
from pulumi_velocloud.resources.edge_wan_link import EdgeWanLinkArgs, inputs_from_link, render
from pulumi_velocloud.resources.one_to_one_nat_rule import OneToOneNatRuleProvider
from pulumi_velocloud.resources.port_forwarding_rule import PortForwardingRuleProvider

OWNER = {"enterprise_id": "e", "edge_id": "x"}
FORWARD = {
    **OWNER,
    "name": "web",
    "position": 1,
    "interface": "GE3",
    "protocol": "tcp",
    "wan_ports": "8443",
    "lan_ip": "10.0.1.20",
    "lan_port": 443,
}


def firewall(*inbound: dict[str, Any]) -> dict[str, Any]:
    return {"firewall_enabled": True, "inbound": list(inbound), "segments": []}


def rule(rule_id: str, position: int | None) -> dict[str, Any]:
    found = {"name": rule_id, "match": {}, "action": {"type": "port_forwarding"}, me.RULE_ID: rule_id}
    return found if position is None else {**found, me.POSITION: position}


def test_inbound_rules_are_placed_by_position_in_the_top_level_list_around_hand_made_ones() -> None:
    d = firewall(rule("ui-1", None))
    for rule_id, position in (("b", 2), ("a", 1), ("c", 3)):
        d = me.put_rule(d, "inbound", None, rule(rule_id, position))
    assert [r[me.RULE_ID] for r in d["inbound"]] == ["ui-1", "a", "b", "c"]
    assert d["segments"] == [], "no segment entry is made for an inbound rule"
    found = me.find_rule(d, "inbound", "b")
    assert found is not None and found[0] is d
    d = me.remove_rule(d, "inbound", "b")
    assert [r[me.RULE_ID] for r in d["inbound"]] == ["ui-1", "a", "c"]
    assert me.find_rule(d, "firewall", "a") is None, "outbound lookups do not see inbound rules"


def test_inbound_positions_travel_in_the_description_and_untouched_rules_are_checked() -> None:
    d = me.put_rule(firewall(rule("ui-1", None)), "inbound", None, rule("a", 5))
    stored, description = me.stored_form(d, None)
    assert me.POSITION not in stored["inbound"][1] and description is not None
    assert me.with_positions(stored, description)["inbound"][1][me.POSITION] == 5
    before = firewall(rule("ui-1", None))
    after = firewall({**rule("ui-1", None), "name": "changed"})
    assert me.untouched_changes(before, before, after) == ["rule 'ui-1' (ui-1)"]


def test_port_forwarding_renders_the_evidenced_shape_and_reads_back_its_inputs() -> None:
    provider = PortForwardingRuleProvider()
    args = provider.args({**FORWARD, "remote_ip": "198.51.100.0/24", "segment_id": 2})
    doc = provider.render(args)
    assert doc["action"] == {
        "type": "port_forwarding",
        "interface": "GE3",
        "subinterfaceId": -1,
        "nat": {"lan_ip": "10.0.1.20", "lan_port": 443},
        "segmentId": 2,
    }
    assert (doc["match"]["proto"], doc["match"]["dport_low"], doc["match"]["dport_high"]) == (6, 8443, 8443)
    assert (doc["match"]["dip"], doc["match"]["sip"], doc["match"]["ssm"]) == (
        "any",
        "198.51.100.0",
        "255.255.255.0",
    )
    read = provider.inputs_from_rule(doc)
    assert read == {
        "interface": "GE3",
        "subinterface_id": None,
        "segment_id": 2,
        "lan_ip": "10.0.1.20",
        "remote_ip": "198.51.100.0/24",
        "protocol": "tcp",
        "outside_ip": None,
        "wan_ports": "8443",
        "lan_port": 443,
    }


def test_one_to_one_nat_renders_lan_port_minus_one_and_the_outbound_switch() -> None:
    provider = OneToOneNatRuleProvider()
    args = provider.args(
        {
            **OWNER,
            "name": "mail",
            "position": 0,
            "interface": "GE3",
            "outside_ip": "203.0.113.25",
            "lan_ip": "10.0.1.25",
            "outbound_traffic": True,
        }
    )
    doc = provider.render(args)
    assert doc["action"]["nat"] == {"lan_ip": "10.0.1.25", "lan_port": -1, "outbound": True}
    assert doc["match"]["proto"] == -1 and doc["match"]["dip"] == "203.0.113.25"
    read = provider.inputs_from_rule(doc)
    assert (
        read["outside_ip"] == "203.0.113.25" and read["protocol"] is None and read["outbound_traffic"] is True
    )


def test_inbound_drift_is_reported_field_by_field() -> None:
    provider = PortForwardingRuleProvider()
    doc = {**provider.render(provider.args(FORWARD)), me.RULE_ID: "r", me.POSITION: 1}
    olds = {**FORWARD, "rule": doc, **provider.inputs_from_rule(doc)}
    assert provider.changed_fields(olds, FORWARD) == []
    moved = {**doc, "action": {**doc["action"], "nat": {"lan_ip": "10.0.1.99", "lan_port": 443}}}
    read = {**FORWARD, "rule": moved, **provider.inputs_from_rule(moved)}
    assert provider.changed_fields(read, FORWARD) == ["lan_ip"]
    assert provider.changed_fields(olds, {**FORWARD, "wan_ports": "9443"}) == ["wan_ports"]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"lan_ip": "10.0.1.300"}, "lan_ip"),
        ({"wan_ports": "0-10"}, "wan_ports"),
        ({"protocol": "icmp"}, "protocol"),
        ({"outside_ip": "203.0.113.0/24"}, "outside_ip"),
        ({"profile_id": "p"}, "exactly one of profile_id and edge_id"),
    ],
)
def test_check_names_the_bad_field(change: dict[str, Any], error: str) -> None:
    failures = PortForwardingRuleProvider().check({}, {**FORWARD, **change}).failures
    assert failures and any(error in f"{f.property} {f.reason}" for f in failures)


def test_a_wan_link_renders_only_what_is_declared_and_reads_back() -> None:
    args = EdgeWanLinkArgs.model_validate(
        {
            **OWNER,
            "name": "Internet 1",
            "interfaces": ["GE3"],
            "upstream_mbps": 50,
            "downstream_mbps": 200.5,
            "vlan_id": 20,
        }
    )
    link = render(args)
    assert link == {
        "name": "Internet 1",
        "mode": "PUBLIC",
        "type": "WIRED",
        "interfaces": ["GE3"],
        "backupOnly": False,
        "upstreamMbps": "50",
        "downstreamMbps": "200.5",
        "bwMeasurement": "USER_DEFINED",
        "customVlanId": True,
        "vlanId": 20,
    }
    read = inputs_from_link(link)
    assert (read["upstream_mbps"], read["downstream_mbps"], read["vlan_id"]) == (50.0, 200.5, 20)
    assert read["bandwidth_measurement"] == "user_defined" and read["mode"] == "public"
    assert "isp" not in link and "MTU" not in link, "unset inputs are not written"
