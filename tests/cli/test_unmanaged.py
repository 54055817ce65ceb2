"""Unmanaged objects inside managed scopes, found against the emulator as a real server."""

from __future__ import annotations

from pulumi_velocloud.cli.stack_state import StateResource
from pulumi_velocloud.cli.unmanaged import find_unmanaged
from pulumi_velocloud.client import VcoClient

from .seed import seed_enterprise


def resource(kind: str, name: str, id_: str | None, /, **outputs: object) -> StateResource:
    return StateResource(kind=kind, name=name, urn=f"urn:{kind}:{name}", id=id_, outputs=dict(outputs))


def test_edges_and_rules_nobody_declares_are_listed_with_where_and_why(client: VcoClient) -> None:
    seeded = seed_enterprise(client, "Scope Corp", profiles=2, edges=4, rules_per_profile=2)
    edges = sorted(client.v2.get_enterprise_edges(seeded.logical_id), key=lambda e: e.name or "")
    hub_vco, hub = seeded.profiles[0]
    (firewall,) = client.v1.get_configuration_modules(seeded.vco_id, hub_vco, ["firewall"])
    data = dict(firewall.data or {})
    rules = data["segments"][0]["outbound"]
    rules[0]["ruleLogicalId"], rules[0]["pulumiPosition"] = "rule-ours", 0
    rules[1]["ruleLogicalId"], rules[1]["pulumiPosition"] = "rule-theirs", 1
    client.v1.update_configuration_module(seeded.vco_id, firewall.id, {"data": data})

    enterprise = resource("Enterprise", "scope", seeded.logical_id, name="Scope Corp")
    ent = {"enterprise_id": seeded.logical_id, "enterprise_vco_id": seeded.vco_id}
    ours = resource("FirewallRule", "r0", "rule-ours", **ent, profile_id=hub, rule_logical_id="rule-ours")
    gone = resource("FirewallRule", "old", "x", **ent, profile_id="no-such-profile")
    on_edge = resource(
        "FirewallRule", "e", "rule-e", **ent, edge_id=edges[2].logical_id
    )  # site-002's own rules
    forward = resource("PortForwardingRule", "f", "rule-f", **ent, edge_id=edges[2].logical_id)
    stack = [
        enterprise,
        ours,
        gone,
        on_edge,
        forward,
        resource("Edge", edges[0].name or "", edges[0].logical_id),
    ]
    elsewhere = [resource("Edge", edges[1].name or "", edges[1].logical_id)]  # another stack's

    found, warnings = find_unmanaged(client, stack, stack + elsewhere)
    unmanaged_edges = sorted((u.name, u.id, u.scope, u.note) for u in found if u.kind == "Edge")
    note = "no resource of the checked stacks declares it"
    assert unmanaged_edges == [(e.name, e.logical_id, "enterprise 'Scope Corp'", note) for e in edges[2:]]
    rule_notes = {u.name: (u.note, u.scope) for u in found if u.kind == "FirewallRule"}
    assert rule_notes == {
        "rule 1": (
            "managed by another Pulumi stack",
            "profile 'Hub', firewall module, segment 'Global Segment'",
        ),
        "guest web": ("made outside Pulumi", "profile 'Hub', firewall module, segment 'Guest'"),
        "lab ssh": ("made outside Pulumi", "edge 'site-002', firewall module, segment 'Global Segment'"),
    }
    inbound = {
        (u.kind, u.name, u.note, u.scope)
        for u in found
        if u.kind in ("PortForwardingRule", "OneToOneNatRule")
    }
    assert inbound == {
        (
            "PortForwardingRule",
            "lab web",
            "made outside Pulumi",
            "edge 'site-002', firewall module, inbound rules",
        ),
        (
            "OneToOneNatRule",
            "lab nat",
            "made outside Pulumi",
            "edge 'site-002', firewall module, inbound rules",
        ),
    }
    assert len(warnings) == 1 and "firewall rules next to FirewallRule 'old' not checked" in warnings[0]
