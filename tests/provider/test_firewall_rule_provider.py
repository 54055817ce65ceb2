"""FirewallRule, FirewallSettings and BusinessPolicyRule providers in-process against the emulator.

The heart: many rules of one module written concurrently by the provider's thread pool
never lose each other's writes, keep their declared order, and never touch rules made
elsewhere.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms import module_edits as me
from pulumi_velocloud.mechanisms import module_writer as mw
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.business_policy_rule import BusinessPolicyRuleProvider
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.firewall_rule import FirewallRuleProvider
from pulumi_velocloud.resources.firewall_settings import FirewallSettingsProvider
from vco_emulator.process import EmulatorProcess


def firewall(client: VcoClient, profile: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    (module,) = client.v1.get_configuration_modules(
        profile["enterprise_vco_id"], profile["vco_id"], ["firewall"]
    )
    return module.id, dict(module.data or {})


def outbound(client: VcoClient, profile: dict[str, Any], segment: int = 0) -> list[dict[str, Any]]:
    _, data = firewall(client, profile)
    entry = next(s for s in data["segments"] if s["segment"]["segmentId"] == segment)
    return list(entry["outbound"])


def add_by_hand(client: VcoClient, profile: dict[str, Any], name: str) -> dict[str, Any]:
    """A rule made in the UI: no pulumiPosition, its own ruleLogicalId."""
    module_id, data = firewall(client, profile)
    rule = {
        "name": name,
        "match": {"proto": 17, "dport_low": 53, "dport_high": 53},
        "action": {"allow_or_deny": "deny"},
        "ruleLogicalId": f"ui-{name}",
    }
    data["segments"][0]["outbound"].append(rule)
    client.v1.update_configuration_module(profile["enterprise_vco_id"], module_id, {"data": data})
    return rule


def rule_inputs(enterprise: dict[str, Any], profile: dict[str, Any], n: int, **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "name": f"rule-{n:02}",
        "position": n,
        "action": "allow" if n % 2 else "deny",
        "logging": n % 3 == 0,
        "match": {"protocol": "tcp", "destination_ports": str(1000 + n)},
        **extra,
    }


def stats(vco: EmulatorProcess) -> dict[str, int]:
    by_op = vco.admin("GET", "stats")["byOperation"]
    return {
        "reads": by_op.get("v1 configuration/getConfigurationModules", 0),
        "writes": by_op.get("v1 configuration/updateConfigurationModule", 0),
    }


def test_twenty_rules_created_from_eight_threads_are_all_there_in_order(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient, vco: EmulatorProcess
) -> None:
    hand = add_by_hand(client, profile, "ui-dns")
    provider = FirewallRuleProvider()
    order = [7, 3, 19, 0, 12, 5, 18, 1, 9, 14, 2, 16, 11, 4, 17, 6, 13, 8, 15, 10]
    before = stats(vco)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda n: provider.create(rule_inputs(enterprise, profile, n)), order))
    after = stats(vco)
    reads, writes = after["reads"] - before["reads"], after["writes"] - before["writes"]
    print(f"20 concurrent creates: {reads} module reads, {writes} module writes")
    assert writes <= 20 and reads <= 20, "at most one module read and one write per rule create"
    rules = outbound(client, profile)
    assert rules[0] == hand, "the hand-made rule keeps its place and content"
    assert [r["name"] for r in rules[1:]] == [f"rule-{n:02}" for n in range(20)]
    ids_ = {r.id for r in results}
    assert {r["ruleLogicalId"] for r in rules[1:]} == ids_ and len(ids_) == 20
    for result in results:
        assert result.outs is not None and result.outs["rule_logical_id"] == result.id
        n = int(result.outs["name"].split("-")[1])
        assert provider.diff(result.id, result.outs, rule_inputs(enterprise, profile, n)).changes is False
        read = provider.read(result.id, result.outs)
        assert read.outs is not None
        assert provider.diff(result.id, read.outs, rule_inputs(enterprise, profile, n)).changes is False


def test_creates_sent_while_the_first_waits_to_read_share_its_one_write(
    enterprise: dict[str, Any],
    profile: dict[str, Any],
    client: VcoClient,
    vco: EmulatorProcess,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the writer waits LINGER_SECONDS before its first read (widened here, so that the two later
    # creates, sent well after the first one's read would have been answered, still fall inside it)
    monkeypatch.setattr(mw, "LINGER_SECONDS", 2.0)
    provider = FirewallRuleProvider()
    before = stats(vco)
    with ThreadPoolExecutor(max_workers=3) as pool:
        first = pool.submit(provider.create, rule_inputs(enterprise, profile, 1))
        time.sleep(0.3)
        later = [pool.submit(provider.create, rule_inputs(enterprise, profile, n)) for n in (2, 3)]
        results = [first.result(), *(f.result() for f in later)]
    after = stats(vco)
    assert after["writes"] - before["writes"] == 1, "one verified write for the three rules"
    assert after["reads"] - before["reads"] == 2, "one read before it, one read-back after it"
    rules = outbound(client, profile)
    assert [r["name"] for r in rules] == ["rule-01", "rule-02", "rule-03"]
    assert [r["ruleLogicalId"] for r in rules] == [r.id for r in results]


def test_hand_made_rule_survives_creates_updates_and_deletes(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    provider = FirewallRuleProvider()
    first = provider.create(rule_inputs(enterprise, profile, 1))
    hand = add_by_hand(client, profile, "ui-dns")
    second = provider.create(rule_inputs(enterprise, profile, 2))
    third = provider.create(rule_inputs(enterprise, profile, 3))
    # managed rules stay together, after the last managed one; the hand-made rule keeps its place
    assert [r["name"] for r in outbound(client, profile)] == ["rule-01", "rule-02", "rule-03", "ui-dns"]

    changed = rule_inputs(enterprise, profile, 2, action="reject", match={"protocol": "udp"})
    assert second.outs is not None
    assert provider.changed_fields(second.outs, changed) == ["match", "action"]
    updated = provider.update(second.id, second.outs, changed).outs
    assert updated is not None and updated["action"] == "reject" and updated["match"] == {"protocol": "udp"}

    provider.delete(second.id, updated)
    rules = outbound(client, profile)
    assert [r["name"] for r in rules] == ["rule-01", "rule-03", "ui-dns"]
    assert rules[2] == hand
    assert provider.read(second.id, updated).id is None
    provider.delete(second.id, updated)  # already gone: still a success

    assert first.outs is not None and third.outs is not None
    provider.delete(first.id, first.outs)
    provider.delete(third.id, third.outs)
    assert outbound(client, profile) == [hand]


def test_same_name_as_a_rule_made_elsewhere_needs_adopt(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    add_by_hand(client, profile, "ui-dns")
    provider = FirewallRuleProvider()
    news = rule_inputs(enterprise, profile, 0, name="ui-dns")
    with pytest.raises(VcoResourceError, match="set adopt=True"):
        provider.create(news)
    adopted = provider.create({**news, "adopt": True})
    assert adopted.id == "ui-ui-dns", "adopting keeps the rule's ruleLogicalId"
    rules = outbound(client, profile)
    assert len(rules) == 1 and rules[0]["action"] == {"allow_or_deny": "deny"}
    [module] = client.v1.get_configuration_modules(
        profile["enterprise_vco_id"], profile["vco_id"], ["firewall"], with_data=False
    )
    assert me.positions_in(module.description)[1] == {"ui-ui-dns": 0}, (
        "its position is kept (issue 10, point 6)"
    )


def test_rule_referencing_an_address_group(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    ent = profile["enterprise_vco_id"]
    client.v1.call(
        "enterprise/insertObjectGroup",
        {
            "enterpriseId": ent,
            "name": "Servers",
            "type": "address_group",
            "data": [{"ip": "10.9.0.0", "mask": "255.255.0.0", "rule_type": "prefix"}],
        },
    )
    (group,) = [
        g
        for g in client.v1.call("enterprise/getObjectGroups", {"enterpriseId": ent})
        if g["name"] == "Servers"
    ]
    provider = FirewallRuleProvider()
    news = rule_inputs(enterprise, profile, 0, match={"destination_address_group": group["logicalId"]})
    created = provider.create(news)
    (rule,) = outbound(client, profile)
    assert rule["match"]["dAddressGroup"] == group["logicalId"] and rule["match"]["dip"] == "any"
    assert created.outs is not None and created.outs["match"] == {
        "destination_address_group": group["logicalId"]
    }
    assert provider.diff(created.id, created.outs, news).changes is False


def test_out_of_band_change_is_seen_and_a_moved_rule_goes_to_another_segment(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    ent = profile["enterprise_vco_id"]
    client.v1.call(
        "enterprise/insertEnterpriseNetworkSegment",
        {"enterpriseId": ent, "name": "Guest", "type": "REGULAR", "data": {}},
    )
    provider = FirewallRuleProvider()
    news = rule_inputs(enterprise, profile, 0)
    created = provider.create(news)
    module_id, data = firewall(client, profile)
    data["segments"][0]["outbound"][0]["action"] = {"allow_or_deny": "allow"}
    client.v1.update_configuration_module(ent, module_id, {"data": data})
    assert created.outs is not None
    read = provider.read(created.id, created.outs).outs
    assert read is not None and read["action"] == "allow"
    assert provider.changed_fields(read, news) == ["action"]

    moved = {**news, "segment": "Guest"}
    assert provider.diff(created.id, read, moved).replaces == ["segment"]
    replacement = provider.create(moved)
    provider.delete(created.id, read)
    assert outbound(client, profile) == []
    guest = outbound(
        client,
        profile,
        segment=next(
            s["segment"]["segmentId"]
            for s in firewall(client, profile)[1]["segments"]
            if s["segment"]["name"] == "Guest"
        ),
    )
    assert [r["ruleLogicalId"] for r in guest] == [replacement.id]
    assert replacement.outs is not None and replacement.outs["segment"] == "Guest"


def test_settings_and_business_policies_share_modules_without_losing_rules(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    rules = FirewallRuleProvider()
    settings = FirewallSettingsProvider()
    owner = {"enterprise_id": enterprise["logical_id"], "profile_id": profile["logical_id"]}
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(rules.create, rule_inputs(enterprise, profile, n)) for n in range(4)]
        futures.append(pool.submit(settings.create, {**owner, "stateful": False, "logging": True}))
        for f in futures:
            f.result()
    _, data = firewall(client, profile)
    assert data["stateful_firewall_enabled"] is False and data["firewall_logging_enabled"] is True
    assert len(data["segments"][0]["outbound"]) == 4

    policies = BusinessPolicyRuleProvider()
    voice = {
        **owner,
        "name": "voice",
        "position": 1,
        "match": {"dscp": 46},
        "action": {"priority": "high", "service_class": "realtime"},
    }
    bulk = {**owner, "name": "bulk", "position": 0, "action": {"priority": "low", "service_class": "bulk"}}
    created = [policies.create(voice), policies.create(bulk)]
    (qos,) = client.v1.get_configuration_modules(profile["enterprise_vco_id"], profile["vco_id"], ["QOS"])
    assert qos.data is not None
    stored = qos.data["segments"][0]["rules"]
    assert [r["name"] for r in stored] == ["bulk", "voice"]
    assert stored[1]["action"]["QoS"]["rxScheduler"]["priority"] == "high"
    outs = created[0].outs
    assert outs is not None and outs["action"]["service_class"] == "realtime"
    assert policies.diff(created[0].id, outs, voice).changes is False


def test_edge_rule_goes_in_the_edge_specific_profile(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    edge = (
        EdgeProvider()
        .create(
            {
                "enterprise_id": enterprise["logical_id"],
                "profile_id": profile["logical_id"],
                "name": "e1",
                "model_number": "edge6X0",
            }
        )
        .outs
    )
    assert edge is not None
    provider = FirewallRuleProvider()
    news = {**rule_inputs(enterprise, profile, 0), "profile_id": None, "edge_id": edge["logical_id"]}
    created = provider.create(news)
    numeric = client.v1.get_edge_by_logical_id(enterprise["vco_id"], edge["logical_id"]).id
    stack = client.v1.get_edge_configuration_stack(enterprise["vco_id"], numeric)
    own = next(m for m in stack[0].modules if m.name == "firewall")
    assert own.data is not None and own.data["firewall_enabled"] is True
    assert [r["ruleLogicalId"] for r in own.data["segments"][0]["outbound"]] == [created.id]
    assert outbound(client, profile) == [], "the profile's own rules are untouched"
    assert created.outs is not None
    provider.delete(created.id, created.outs)
    assert provider.read(created.id, created.outs).id is None


def test_a_lost_race_is_retried_then_fails_clearly(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer wiping our rule after every write: bounded retries, then a clear error."""
    real = client.v1.__class__.update_configuration_module
    calls: list[int] = []

    def clobbering(self: Any, enterprise_id: int, module_id: int, update: dict[str, Any]) -> int:
        calls.append(module_id)
        real(self, enterprise_id, module_id, update)
        wiped = me.without_rules(update["data"], "firewall")
        return real(self, enterprise_id, module_id, {"data": wiped})

    monkeypatch.setattr(client.v1.__class__, "update_configuration_module", clobbering)
    with pytest.raises(VcoResourceError, match="changed by someone else"):
        FirewallRuleProvider().create(rule_inputs(enterprise, profile, 0))
    assert len(calls) == mw.MAX_ROUNDS


def test_an_edge_without_override_modules_gets_them_inserted_by_its_first_write(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient, vco: EmulatorProcess
) -> None:
    """Real edges that inherit everything have no firewall/QOS module (docs/evidence.md 1b)."""
    edge = EdgeProvider().create(
        {
            "enterprise_id": enterprise["logical_id"],
            "profile_id": profile["logical_id"],
            "name": "e2",
            "model_number": "edge6X0",
        }
    )
    assert edge.outs is not None
    eid = enterprise["vco_id"]
    edge_vco = client.v1.get_edge_by_logical_id(eid, edge.id).id
    names = {m.name for m in client.v1.get_edge_configuration_stack(eid, edge_vco)[0].modules}
    assert not names & {"firewall", "QOS"}
    owner = {"enterprise_id": enterprise["logical_id"], "edge_id": edge.id}
    settings = FirewallSettingsProvider()
    before = vco.admin("GET", "stats")["byOperation"].get("v1 configuration/insertConfigurationModule", 0)
    settings.create({**owner, "logging": True})
    policy = BusinessPolicyRuleProvider().create(
        {**owner, "name": "voice", "position": 0, "match": {"dscp": 46}}
    )
    inserted = vco.admin("GET", "stats")["byOperation"]["v1 configuration/insertConfigurationModule"] - before
    assert inserted == 2, "one insert per module, then updates"
    own = {m.name: m for m in client.v1.get_edge_configuration_stack(eid, edge_vco)[0].modules}
    assert own["firewall"].data is not None and own["firewall"].data["firewall_logging_enabled"] is True
    assert own["QOS"].data is not None and [r["name"] for r in own["QOS"].data["segments"][0]["rules"]] == [
        "voice"
    ]
    assert policy.outs is not None
    assert BusinessPolicyRuleProvider().read(policy.id, policy.outs).id == policy.id
