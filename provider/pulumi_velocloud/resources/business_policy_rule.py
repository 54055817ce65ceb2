"""`BusinessPolicyRule`: one business policy in a profile's (or an edge's) `QOS` module.

The rule lives in `segments[].rules[]` of the `QOS` document (the spec's
`QOS_business_rules`), identified by its `ruleLogicalId`; see `module_rule` and
`module_writer`. The action is rendered the way the Orchestrator's UI writes it (our
reading of exported documents; the spec leaves `QoS`, `sla` and `routeCfg` as free objects):

- `priority` (high / normal / low) -> `QoS.rxScheduler.priority` and `QoS.txScheduler.priority`
- `service_class` (realtime / transactional / bulk) -> `QoS.type`
- `network_service` (auto / multipath / direct / backhaul) -> `routePolicy` of the three route
  actions (`auto`, `gateway`, `direct`, `backhaul`)
- `link_steering` (auto / fixed / preferred / available / mandatory) -> `linkPolicy`, with
  `wan_link` (a WAN link's internal logicalId, or `auto`) -> `wanlink` and `linkInternalLogicalId`
- `dscp_tag` -> `linkOuterDscpTag` / `linkInnerDscpTag`

Not implemented: NAT actions, SLA thresholds, rate limits, per-direction schedulers.
"""

from __future__ import annotations

from typing import Any, Literal

import pulumi
from pydantic import BaseModel, ConfigDict, Field

from ..mechanisms import module_edits as me
from ..mechanisms.declare import VcoResource
from ..mechanisms.module_rule import MODULE_RULES, ModuleRuleArgs, ModuleRuleOutputs, ModuleRuleProvider
from ..mechanisms.rule_match import RuleMatchArgs, match_from_document, render_match
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EXAMPLE_PROFILE_ID, register

BusinessPolicyMatchArgs = RuleMatchArgs
ROUTE_POLICIES = {"auto": "auto", "multipath": "gateway", "direct": "direct", "backhaul": "backhaul"}


class BusinessPolicyActionArgs(BaseModel):
    """How matched traffic is treated: priority, service class, network service and link steering."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    priority: Literal["high", "normal", "low"] = Field("normal", description="Scheduling priority.")
    service_class: Literal["realtime", "transactional", "bulk"] = Field(
        "transactional", description="Class of service."
    )
    network_service: Literal["auto", "multipath", "direct", "backhaul"] = Field(
        "auto", description="auto, multipath (through gateways), direct, or backhaul through a hub."
    )
    link_steering: Literal["auto", "fixed", "preferred", "available", "mandatory"] = Field(
        "auto", description="How the WAN link is chosen."
    )
    wan_link: str = Field("auto", min_length=1, description="The WAN link's internal logicalId, or auto.")
    dscp_tag: str = Field("CS0", min_length=1, description="DSCP tag written on the link, e.g. CS0 or EF.")


def render_action(action: BusinessPolicyActionArgs) -> dict[str, Any]:
    route = {
        "interface": "auto",
        "linkInternalLogicalId": action.wan_link,
        "linkPolicy": action.link_steering,
        "routeCfg": {},
        "routePolicy": ROUTE_POLICIES[action.network_service],
        "serviceGroup": "ALL",
        "vlanId": -1,
        "wanlink": action.wan_link,
        "linkCosLogicalId": None,
        "linkOuterDscpTag": action.dscp_tag,
        "linkInnerDscpTag": action.dscp_tag,
    }
    scheduler = {"bandwidth": -1, "bandwidthCapPct": -1, "queueLen": -1, "burst": -1, "latency": -1}
    return {
        "routeType": "edge2Any",
        "allowConditionalBh": False,
        "userDisableConditionalBh": False,
        "edge2EdgeRouteAction": dict(route),
        "edge2DataCenterRouteAction": dict(route),
        "edge2CloudRouteAction": dict(route),
        "QoS": {
            "type": action.service_class,
            "rxScheduler": {**scheduler, "priority": action.priority},
            "txScheduler": {**scheduler, "priority": action.priority},
        },
        "sla": {"latencyMs": "-1", "lossPct": "-1.0", "jitterMs": "-1"},
    }


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def action_from_document(action: Any) -> dict[str, Any]:
    """The `action` input this document action corresponds to (best effort, for display)."""
    if not isinstance(action, dict):
        return {}
    route = _obj(action.get("edge2CloudRouteAction"))
    qos = _obj(action.get("QoS"))
    policies = {v: k for k, v in ROUTE_POLICIES.items()}
    return {
        "priority": _obj(qos.get("rxScheduler")).get("priority"),
        "service_class": qos.get("type"),
        "network_service": policies.get(str(route.get("routePolicy")), route.get("routePolicy")),
        "link_steering": route.get("linkPolicy"),
        "wan_link": route.get("wanlink"),
        "dscp_tag": route.get("linkOuterDscpTag"),
    }


class BusinessPolicyRuleArgs(ModuleRuleArgs):
    """The inputs of a `BusinessPolicyRule`."""

    match: BusinessPolicyMatchArgs = Field(
        default_factory=BusinessPolicyMatchArgs, description="Traffic the policy applies to."
    )
    action: BusinessPolicyActionArgs = Field(
        default_factory=BusinessPolicyActionArgs, description="How matched traffic is treated."
    )


class BusinessPolicyRuleOutputs(ModuleRuleOutputs):
    action: dict[str, Any]


SPEC = register(
    MODULE_RULES.spec(
        name="BusinessPolicyRule",
        summary="One business policy of a profile or an edge; other policies of the module are left alone.",
        args=BusinessPolicyRuleArgs,
        outputs=BusinessPolicyRuleOutputs,
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "profile_id": EXAMPLE_PROFILE_ID,
            "name": "Voice",
            "position": 0,
            "match": {"dscp": 46},
            "action": {"priority": "high", "service_class": "realtime"},
        },
        example=(
            "voice = velocloud.BusinessPolicyRule(\n"
            '    "voice",\n'
            "    enterprise_id=acme.id,\n"
            "    profile_id=branch.id,\n"
            '    name="Voice",\n'
            "    position=0,\n"
            "    match=velocloud.BusinessPolicyMatchArgs(dscp=46),\n"
            '    action=velocloud.BusinessPolicyActionArgs(priority="high", service_class="realtime"),\n'
            ")"
        ),
        notes=("Managed policies of a segment are ordered by position; others keep their place.",),
    )
)


class BusinessPolicyRuleProvider(ModuleRuleProvider):
    spec = SPEC
    module = "QOS"
    document_keys = {
        "name": ("name",),
        "match": ("match",),
        "action": ("action",),
        "position": (me.POSITION,),
    }

    def render(self, args: Any) -> dict[str, Any]:
        return {"name": args.name, "match": render_match(args.match), "action": render_action(args.action)}

    def inputs_from_rule(self, rule: dict[str, Any]) -> dict[str, Any]:
        return {
            "match": match_from_document(rule.get("match")),
            "action": action_from_document(rule.get("action")),
        }


class BusinessPolicyRule(VcoResource[BusinessPolicyRuleArgs], provider=BusinessPolicyRuleProvider):
    """One business policy. Its Pulumi id is the rule's `ruleLogicalId`."""

    rule_logical_id: pulumi.Output[str]
    segment_id: pulumi.Output[int]
    rule: pulumi.Output[dict[str, Any]]
