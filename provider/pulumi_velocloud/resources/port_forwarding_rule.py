"""`PortForwardingRule`: one port-forwarding rule of a profile's (or an edge's) `firewall` module.

The rule is an inbound rule with `action.type` `port_forwarding` (see
`mechanisms/inbound_rule` for the document and `module_rule` for ownership, positions and the
verified read-modify-write): traffic of `protocol` reaching `wan_ports` of `outside_ip` (any
address of the interface when unset) on WAN `interface` is sent to `lan_ip`:`lan_port`.

Not implemented: IPv6 rules, port ranges on the LAN side (the spec's `lan_port` is one port).
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


class PortForwardingRuleArgs(InboundRuleArgs):
    """The inputs of a `PortForwardingRule`."""

    protocol: Literal["tcp", "udp"] = Field(description="tcp or udp.")
    wan_ports: str = Field(description='The outside port or range, e.g. "8443" or "8000-8080".')
    outside_ip: str | None = Field(
        None, description="The outside (WAN-side) IPv4 address; unset means any address of the interface."
    )
    lan_port: int = Field(ge=1, le=65535, description="The LAN host's port the traffic is sent to.")

    @field_validator("wan_ports")
    @classmethod
    def _ports(cls, value: str) -> str | None:
        return valid_ports(value)

    @field_validator("outside_ip")
    @classmethod
    def _outside(cls, value: str | None) -> str | None:
        return ipv4_host(value)


class PortForwardingRuleOutputs(InboundRuleOutputs):
    protocol: str | None = None
    wan_ports: str | None = None
    outside_ip: str | None = None
    lan_port: int | None = None


SPEC = register(
    RULES.spec(
        name="PortForwardingRule",
        summary="One port-forwarding rule of an edge (or a profile); other inbound rules are left alone.",
        args=PortForwardingRuleArgs,
        outputs=PortForwardingRuleOutputs,
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "edge_id": EXAMPLE_EDGE_ID,
            "name": "Web server",
            "position": 10,
            "interface": "GE3",
            "protocol": "tcp",
            "wan_ports": "8443",
            "lan_ip": "10.0.1.20",
            "lan_port": 443,
        },
        example=(
            "web = velocloud.PortForwardingRule(\n"
            '    "web-server",\n'
            "    enterprise_id=acme.id,\n"
            "    edge_id=nyc.id,\n"
            '    name="Web server",\n'
            "    position=10,\n"
            '    interface="GE3",\n'
            '    protocol="tcp",\n'
            '    wan_ports="8443",\n'
            '    lan_ip="10.0.1.20",\n'
            "    lan_port=443,\n"
            '    remote_ip="198.51.100.0/24",\n'
            ")"
        ),
        notes=(
            "Managed inbound rules are ordered by position; rules made in the UI keep their place.",
            "The Orchestrator's UI offers port forwarding on edges; a profile's rule is written as the v1 "
            "spec allows (no client seen doing it).",
        ),
    )
)


class PortForwardingRuleProvider(InboundRuleProvider):
    spec = SPEC
    action_type = "port_forwarding"
    document_keys: ClassVar[dict[str, tuple[str, ...]]] = {
        **InboundRuleProvider.document_keys,
        "protocol": ("match.proto",),
        "wan_ports": ("match.dport_low", "match.dport_high"),
        "outside_ip": ("match.dip", "match.dsm", "match.d_rule_type"),
        "lan_port": ("action.nat.lan_port",),
    }

    def render(self, args: Any) -> dict[str, Any]:
        return self.render_inbound(
            args,
            protocol=args.protocol,
            outside_ip=args.outside_ip,
            ports=args.wan_ports,
            nat={"lan_port": args.lan_port},
        )

    def inputs_from_rule(self, rule: dict[str, Any]) -> dict[str, Any]:
        read = self.inbound_inputs(rule)
        nat = (rule.get("action") or {}).get("nat") or {}
        return {
            **{k: v for k, v in read.items() if k != "ports"},
            "wan_ports": read["ports"],
            "lan_port": nat.get("lan_port") if isinstance(nat, dict) else None,
        }


class PortForwardingRule(VcoResource[PortForwardingRuleArgs], provider=PortForwardingRuleProvider):
    """One port-forwarding rule. Its Pulumi id is the rule's `ruleLogicalId`."""

    rule_logical_id: pulumi.Output[str]
    rule: pulumi.Output[dict[str, Any]]
