"""`OneToOneNatRule`: one 1:1 NAT rule of a profile's (or an edge's) `firewall` module.

The rule is an inbound rule with `action.type` `one_to_one_nat` (see
`mechanisms/inbound_rule` for the document and `module_rule` for ownership, positions and the
verified read-modify-write): `outside_ip` on WAN `interface` is mapped to `lan_ip`; traffic let
in may be narrowed by `protocol`, `ports` and `remote_ip`; `outbound_traffic` also translates
the LAN host's own outgoing traffic to `outside_ip` (`nat.outbound`).

Not implemented: IPv6 rules.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

import pulumi
from pydantic import Field, field_validator

from ..mechanisms.declare import VcoResource
from ..mechanisms.inbound_rule import (
    InboundRuleArgs,
    InboundRuleOutputs,
    InboundRuleProvider,
    valid_ports,
)
from ..mechanisms.module_rule import RULES
from ..mechanisms.rule_match import ipv4_host
from ..mechanisms.spec import EXAMPLE_EDGE_ID, EXAMPLE_ENTERPRISE_ID, register

NO_LAN_PORT = -1  # a 1:1 NAT rule maps every port (docs/evidence.md section 1c)


class OneToOneNatRuleArgs(InboundRuleArgs):
    """The inputs of a `OneToOneNatRule`."""

    outside_ip: str = Field(description="The outside (WAN-side) IPv4 address mapped to `lan_ip`.")
    protocol: Literal["tcp", "udp", "icmp", "gre"] | None = Field(
        None, description="Only this protocol is let in (tcp, udp, icmp or gre); unset means all."
    )
    ports: str | None = Field(
        None, description='Only these outside ports are let in, e.g. "443" or "8000-8080".'
    )
    outbound_traffic: bool = Field(
        False, description="Also translate the LAN host's outgoing traffic to `outside_ip`."
    )

    @field_validator("outside_ip")
    @classmethod
    def _outside(cls, value: str) -> str | None:
        return ipv4_host(value)

    @field_validator("ports")
    @classmethod
    def _ports(cls, value: str | None) -> str | None:
        return valid_ports(value)


class OneToOneNatRuleOutputs(InboundRuleOutputs):
    outside_ip: str | None = None
    protocol: str | None = None
    ports: str | None = None
    outbound_traffic: bool


SPEC = register(
    RULES.spec(
        name="OneToOneNatRule",
        summary="One 1:1 NAT rule of an edge (or a profile); other inbound rules are left alone.",
        args=OneToOneNatRuleArgs,
        outputs=OneToOneNatRuleOutputs,
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "edge_id": EXAMPLE_EDGE_ID,
            "name": "Mail server",
            "position": 20,
            "interface": "GE3",
            "outside_ip": "203.0.113.25",
            "lan_ip": "10.0.1.25",
        },
        example=(
            "mail = velocloud.OneToOneNatRule(\n"
            '    "mail-server",\n'
            "    enterprise_id=acme.id,\n"
            "    edge_id=nyc.id,\n"
            '    name="Mail server",\n'
            "    position=20,\n"
            '    interface="GE3",\n'
            '    outside_ip="203.0.113.25",\n'
            '    lan_ip="10.0.1.25",\n'
            '    protocol="tcp",\n'
            '    ports="25",\n'
            "    outbound_traffic=True,\n"
            ")"
        ),
        notes=(
            "Managed inbound rules are ordered by position; rules made in the UI keep their place.",
            "The Orchestrator's UI offers 1:1 NAT on edges; a profile's rule is written as the v1 spec "
            "allows (no client seen doing it).",
        ),
    )
)


class OneToOneNatRuleProvider(InboundRuleProvider):
    spec = SPEC
    action_type = "one_to_one_nat"
    document_keys: ClassVar[dict[str, tuple[str, ...]]] = {
        **InboundRuleProvider.document_keys,
        "outside_ip": ("match.dip", "match.dsm", "match.d_rule_type"),
        "protocol": ("match.proto",),
        "ports": ("match.dport_low", "match.dport_high"),
        "outbound_traffic": ("action.nat.outbound", "action.nat.lan_port"),
    }

    def render(self, args: Any) -> dict[str, Any]:
        return self.render_inbound(
            args,
            protocol=args.protocol,
            outside_ip=args.outside_ip,
            ports=args.ports,
            nat={"lan_port": NO_LAN_PORT, "outbound": args.outbound_traffic},
        )

    def inputs_from_rule(self, rule: dict[str, Any]) -> dict[str, Any]:
        nat = (rule.get("action") or {}).get("nat") or {}
        return {
            **self.inbound_inputs(rule),
            "outbound_traffic": bool(nat.get("outbound")) if isinstance(nat, dict) else False,
        }


class OneToOneNatRule(VcoResource[OneToOneNatRuleArgs], provider=OneToOneNatRuleProvider):
    """One 1:1 NAT rule. Its Pulumi id is the rule's `ruleLogicalId`."""

    rule_logical_id: pulumi.Output[str]
    rule: pulumi.Output[dict[str, Any]]
