"""What `PortForwardingRule` and `OneToOneNatRule` share: one rule of the `firewall` module's `inbound[]`.

Inbound rules are the spec's `firewall_inbound_rule`: a top-level list of the `firewall`
document (not per segment), each `{name, match, action: {type, interface, subinterfaceId,
nat: {lan_ip, lan_port, outbound}}, ruleLogicalId}`. Ownership, positions, adoption and the
verified read-modify-write are the other module rules' (`module_rule`, rule set `inbound`).

How a rule is written follows a Terraform provider that wrote these rules to real
Orchestrators (docs/evidence.md section 1c): the match is a firewall match whose destination
is the outside (WAN-side) address and ports and whose source is the remote hosts allowed in;
`subinterfaceId` -1 when none; a 1:1 NAT rule's `nat.lan_port` -1. `action.segmentId` (the
LAN side's segment) is written only when `segment_id` is set: the v1 spec does not name it,
so an Orchestrator that drops it fails the write's read-back check with a clear error.

Drift is compared field by field on the rule document (`document_keys` are dotted paths).
Not implemented: IPv6 inbound rules (`inboundV6`), criteria of the match other than protocol,
addresses and ports (a change to them by hand is not reported, but `up` writes them back
whenever it writes the rule).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field, field_validator

from . import module_edits as me
from .module_rule import ModuleRuleProvider, RuleArgs, RuleOutputs
from .rule_match import RuleMatchArgs, ipv4_host, match_from_document, port_range, render_match

NO_SUBINTERFACE = -1


class InboundRuleArgs(RuleArgs):
    """The inputs every inbound rule has."""

    interface: str = Field(
        min_length=1,
        description='The WAN interface the traffic comes in on, as the edge names it (e.g. "GE3").',
    )
    subinterface_id: int | None = Field(None, ge=0, description="The subinterface of `interface`, if any.")
    lan_ip: str = Field(description="The LAN host the traffic is sent to (IPv4 address).")
    remote_ip: str | None = Field(
        None,
        description="Only traffic from this IPv4 address or CIDR is let in; unset means any source.",
    )
    segment_id: int | None = Field(
        None,
        ge=0,
        description="The segmentId of the LAN host's segment (written as action.segmentId, a field the "
        "v1 spec does not name); unset leaves it to the Orchestrator (the Global Segment).",
    )

    @field_validator("lan_ip")
    @classmethod
    def _lan(cls, value: str) -> str:
        ipv4_host(value)
        return value

    @field_validator("remote_ip")
    @classmethod
    def _remote(cls, value: str | None) -> str | None:
        return RuleMatchArgs(source_ip=value).source_ip


class InboundRuleOutputs(RuleOutputs):
    interface: str | None = None
    subinterface_id: int | None = None
    lan_ip: str | None = None
    remote_ip: str | None = None
    segment_id: int | None = None


class InboundRuleProvider(ModuleRuleProvider):
    """Base provider of one inbound rule; subclasses render their `action.type` and match."""

    module = "firewall"
    rule_set = "inbound"
    action_type: ClassVar[str]
    document_keys: ClassVar[dict[str, tuple[str, ...]]] = {
        "name": ("name",),
        "position": (me.POSITION,),
        "interface": ("action.interface", "action.type"),
        "subinterface_id": ("action.subinterfaceId",),
        "segment_id": ("action.segmentId",),
        "lan_ip": ("action.nat.lan_ip",),
        "remote_ip": ("match.sip", "match.ssm", "match.s_rule_type"),
    }

    def render_inbound(
        self,
        args: InboundRuleArgs,
        *,
        protocol: str | None,
        outside_ip: str | None,
        ports: str | None,
        nat: dict[str, Any],
    ) -> dict[str, Any]:
        """The rule document for these inputs, without `ruleLogicalId`."""
        match = render_match(
            RuleMatchArgs(
                protocol=protocol,  # the subclass's Literal allows only RuleMatchArgs protocols
                source_ip=args.remote_ip,
                destination_ip=outside_ip,
                destination_ports=ports,
            )
        )
        action: dict[str, Any] = {
            "type": self.action_type,
            "interface": args.interface,
            "subinterfaceId": NO_SUBINTERFACE if args.subinterface_id is None else args.subinterface_id,
            "nat": {"lan_ip": args.lan_ip, **nat},
        }
        if args.segment_id is not None:
            action["segmentId"] = args.segment_id
        return {"name": args.name, "match": match, "action": action}

    def inbound_inputs(self, rule: dict[str, Any]) -> dict[str, Any]:
        """The inputs every inbound rule reads back, plus `protocol`, `outside_ip`, `ports`."""
        action: dict[str, Any] = rule["action"] if isinstance(rule.get("action"), dict) else {}
        nat: dict[str, Any] = action["nat"] if isinstance(action.get("nat"), dict) else {}
        match = match_from_document(rule.get("match"))
        sub = action.get("subinterfaceId")
        return {
            "interface": action.get("interface"),
            "subinterface_id": sub if isinstance(sub, int) and sub >= 0 else None,
            "segment_id": action.get("segmentId") if isinstance(action.get("segmentId"), int) else None,
            "lan_ip": nat.get("lan_ip"),
            "remote_ip": match.get("source_ip"),
            "protocol": match.get("protocol"),
            "outside_ip": match.get("destination_ip"),
            "ports": match.get("destination_ports"),
        }


def valid_ports(value: str | None) -> str | None:
    """A port or a range like 8000-8080 (1..65535)."""
    if value is not None:
        low, high = port_range(value)
        if not (1 <= low <= high <= 65535):
            raise ValueError("ports are 1..65535 with low <= high, e.g. 443 or 8000-8080")
    return value
