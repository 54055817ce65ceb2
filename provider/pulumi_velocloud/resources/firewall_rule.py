"""`FirewallRule`: one outbound firewall rule in a profile's (or an edge's) `firewall` module.

The rule lives in `segments[].outbound[]` of the `firewall` document (the spec's
`firewall_outbound_rule`), identified by its `ruleLogicalId`; see `module_rule` for the
lifecycle and `module_edits` / `module_writer` for ownership, positions and concurrency. `action` is
written as the document's `action.allow_or_deny`, whose enum has exactly the same five
values: `allow` passes the traffic, `deny` and `drop` discard it silently, `reject` discards
it and answers the sender (TCP reset / ICMP unreachable), `skip` ends firewall evaluation of
this rule set without a verdict (the Orchestrator's meaning; our reading). `logging` is
written as the rule's `loggingEnabled` (a field the Orchestrator's UI writes but the v1 spec
does not name: a guess).

Not implemented here: IPv6 rules; inbound rules are `PortForwardingRule` and `OneToOneNatRule`.
"""

from __future__ import annotations

from typing import Any, Literal

import pulumi
from pydantic import Field

from ..mechanisms import module_edits as me
from ..mechanisms.declare import VcoResource
from ..mechanisms.module_rule import MODULE_RULES, ModuleRuleArgs, ModuleRuleOutputs, ModuleRuleProvider
from ..mechanisms.rule_match import RuleMatchArgs, match_from_document, render_match
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EXAMPLE_PROFILE_ID, register

FirewallAction = Literal["allow", "deny", "drop", "reject", "skip"]
FirewallMatchArgs = RuleMatchArgs


class FirewallRuleArgs(ModuleRuleArgs):
    """The inputs of a `FirewallRule`."""

    match: FirewallMatchArgs = Field(
        default_factory=FirewallMatchArgs, description="Traffic the rule applies to."
    )
    action: FirewallAction = Field(description="allow, deny, drop, reject or skip.")
    logging: bool = Field(False, description="Log the traffic this rule matches.")


class FirewallRuleOutputs(ModuleRuleOutputs):
    action: str | None = None
    logging: bool


SPEC = register(
    MODULE_RULES.spec(
        name="FirewallRule",
        summary="One outbound firewall rule of a profile or an edge; other rules are left alone.",
        args=FirewallRuleArgs,
        outputs=FirewallRuleOutputs,
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "profile_id": EXAMPLE_PROFILE_ID,
            "name": "Allow web",
            "position": 10,
            "match": {"protocol": "tcp", "destination_ports": "443"},
            "action": "allow",
        },
        example=(
            "allow_web = velocloud.FirewallRule(\n"
            '    "allow-web",\n'
            "    enterprise_id=acme.id,\n"
            "    profile_id=branch.id,\n"
            '    name="Allow web",\n'
            "    position=10,\n"
            '    match=velocloud.FirewallMatchArgs(protocol="tcp", destination_ports="443"),\n'
            '    action="allow",\n'
            ")"
        ),
        notes=(
            "Managed rules of a segment are ordered by position; rules made in the UI keep their place.",
            "Rules of one module created together are written in as few module updates as possible.",
        ),
    )
)


class FirewallRuleProvider(ModuleRuleProvider):
    spec = SPEC
    module = "firewall"
    document_keys = {
        "name": ("name",),
        "match": ("match",),
        "action": ("action",),
        "logging": ("loggingEnabled",),
        "position": (me.POSITION,),
    }

    def render(self, args: Any) -> dict[str, Any]:
        return {
            "name": args.name,
            "match": render_match(args.match),
            "action": {"allow_or_deny": args.action},
            "loggingEnabled": args.logging,  # not in the v1 spec: an Orchestrator may drop it (off)
        }

    def inputs_from_rule(self, rule: dict[str, Any]) -> dict[str, Any]:
        action: dict[str, Any] = rule["action"] if isinstance(rule.get("action"), dict) else {}
        return {
            "match": match_from_document(rule.get("match")),
            "action": action.get("allow_or_deny"),
            "logging": bool(rule.get("loggingEnabled")),
        }


class FirewallRule(VcoResource[FirewallRuleArgs], provider=FirewallRuleProvider):
    """One outbound firewall rule. Its Pulumi id is the rule's `ruleLogicalId`."""

    rule_logical_id: pulumi.Output[str]
    segment_id: pulumi.Output[int]
    rule: pulumi.Output[dict[str, Any]]
