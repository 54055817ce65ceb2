"""Seed an enterprise through the API, as operators would build it in the Orchestrator UI.

Profiles cloned from the template, segments, address and port groups, edges with sites,
firewall rules and business policies written into the profiles' module documents (in the
shape the UI writes: every criterion present, "any" as -1 / "any"), device settings changed on
some profiles and edges, and users. Nothing here goes through a Pulumi resource.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.ids import LogicalId, VcoId
from pulumi_velocloud.mechanisms.rule_match import render_match
from pulumi_velocloud.resources.business_policy_rule import BusinessPolicyActionArgs, render_action

from ..emulator.helpers import GATEWAY_POOL, OPERATOR_PROFILE

PASSWORD = "seeded-Password-91"
COMMUNITY = "seeded-community-4f1"


@dataclass(frozen=True)
class Seeded:
    name: str
    logical_id: LogicalId
    vco_id: VcoId
    profiles: list[tuple[VcoId, LogicalId]]
    edges: int
    firewall_rules: int
    policies: int


def seed_enterprise(
    client: VcoClient, name: str, *, profiles: int = 5, edges: int = 50, rules_per_profile: int = 6
) -> Seeded:
    ent_lid = client.v2.create_enterprise(
        {"name": name, "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    ).logical_id
    ent = client.v1.get_network_enterprises()
    ent_id = next(e.id for e in ent if e.logical_id == ent_lid)
    made = []
    for n in range(profiles):
        pid = client.v1.clone_enterprise_template(ent_id, f"Branch {n + 1}" if n else "Hub")
        made.append((pid, client.v1.get_configuration(ent_id, pid).logical_id))
    client.v1.insert_enterprise_network_segment(ent_id, {"name": "Guest", "type": "REGULAR", "data": {}})
    guest = next(s for s in client.v1.get_enterprise_network_segments(ent_id) if s.name == "Guest")
    servers = client.v1.insert_object_group(
        ent_id,
        {
            "name": "Servers",
            "type": "address_group",
            "data": [
                {"ip": "10.10.0.0", "mask": "255.255.0.0", "rule_type": "prefix"},
                {"domain": "example.com"},
            ],
        },
    )
    web = client.v1.insert_object_group(
        ent_id,
        {
            "name": "Web ports",
            "type": "port_group",
            "data": [{"proto": 6, "port_low": 443, "port_high": 443}],
        },
    )
    groups = {g.id: g.logical_id for g in client.v1.get_object_groups(ent_id)}
    for n in range(edges):
        site = n % 7
        pid = made[n % profiles][0]
        params = {
            "configurationId": pid,
            "name": f"site-{n:03}",
            "modelNumber": "edge6X0" if n % 3 else "edge510",
            "serialNumber": f"VC{zlib.crc32(name.encode()) % 100:02}{n:08}",  # unique per enterprise
            "description": f"branch edge {n}",
            "site": {
                "name": f"Site {site}",
                "city": f"City {site}",
                "country": "US",
                "lat": 40.0 + site,
                "lon": -70.0,
            },
        }
        client.v1.edge_provision(ent_id, params, find=lambda: None)
    firewall = policies = 0
    for index, (pid, _) in enumerate(made):
        modules = {m.name: m for m in client.v1.get_configuration_modules(ent_id, pid, ["firewall", "QOS"])}
        fw = dict(modules["firewall"].data or {})
        outbound = fw["segments"][0]["outbound"]
        for r in range(rules_per_profile):
            match: dict[str, Any] = {"protocol": "tcp", "destination_ports": str(8000 + r)}
            if r == 1:
                match = {"destination_address_group": groups[servers], "destination_port_group": groups[web]}
            if r == 2:
                match = {"protocol": "udp", "source_ip": "10.1.0.0/16", "destination_ports": "53"}
            outbound.append(
                {
                    "name": f"rule {r}",
                    "match": render_match(match),
                    "action": {"allow_or_deny": "deny" if r == 3 else "allow"},
                    "loggingEnabled": r == 0,
                }
            )
            firewall += 1
        if index == 0:  # one rule in the Guest segment
            segment = {
                "segmentId": guest.data.segment_id if guest.data else 1,
                "name": "Guest",
                "type": "REGULAR",
            }
            if guest.logical_id:
                segment["segmentLogicalId"] = guest.logical_id
            rule = {
                "name": "guest web",
                "match": render_match({"protocol": "tcp", "destination_ports": "80"}),
            }
            fw["segments"].append(
                {
                    "segment": segment,
                    "firewall_logging_enabled": False,
                    "stateful_firewall_enabled": True,
                    "outbound": [{**rule, "action": {"allow_or_deny": "allow"}, "loggingEnabled": False}],
                }
            )
            firewall += 1
        client.v1.update_configuration_module(ent_id, modules["firewall"].id, {"data": fw})
        qos = dict(modules["QOS"].data or {})
        qos["segments"][0]["rules"].append(
            {
                "name": "voice",
                "match": render_match({"dscp": 46}),
                "action": render_action(BusinessPolicyActionArgs(priority="high", service_class="realtime")),
            }
        )
        policies += 1
        client.v1.update_configuration_module(ent_id, modules["QOS"].id, {"data": qos})
    # device settings: NTP and SNMP (a secret community) on the hub profile, NTP on one edge
    hub = made[0][1]
    current = client.v2.get_profile_device_settings(ent_lid, hub)
    client.v2.update_profile_device_settings(
        ent_lid,
        hub,
        [
            {
                "op": "replace" if "ntp" in current else "add",
                "path": "/ntp",
                "value": {
                    "enabled": True,
                    "servers": [{"server": "10.0.0.123"}],
                },
            },
            {
                "op": "replace" if "snmp" in current else "add",
                "path": "/snmp",
                "value": {"snmpv2c": {"enabled": True, "community": COMMUNITY, "allowedIp": []}},
            },
        ],
    )
    edge = next(e for e in client.v2.get_enterprise_edges(ent_lid) if e.name == "site-001")
    client.v2.update_edge_device_settings(
        ent_lid,
        edge.logical_id,
        [
            {
                "op": "add",
                "path": "/ntp",
                "value": {"override": True, "enabled": True, "servers": [{"server": "10.1.1.1"}]},
            }
        ],
    )
    # one edge overrides the firewall module with its own rules
    lab = next(e.id for e in client.v1.get_enterprise_edges(ent_id) if e.name == "site-002")
    own = client.v1.get_edge_configuration_stack(ent_id, lab)[0]  # its own profile first
    edge_fw = own.module("firewall")  # a fresh edge has none (as on a real VCO): inserted below
    hub_fw = client.v1.get_configuration_modules(ent_id, made[0][0], ["firewall"])[0].data or {}
    edge_doc = {
        **hub_fw,
        "segments": [
            {
                **hub_fw["segments"][0],
                "outbound": [
                    {
                        "name": "lab ssh",
                        "match": render_match({"protocol": "tcp", "destination_ports": "22"}),
                        "action": {"allow_or_deny": "allow"},
                        "loggingEnabled": False,
                    }
                ],
            }
        ],
    }
    # ... and inbound rules, in the shape a client that wrote them to real VCOs uses (docs/evidence.md 1c)
    ui_match = {**render_match({}), "ssm": "any", "dsm": "any"}
    edge_doc["inbound"] = [
        {
            "name": "lab web",
            "match": {**ui_match, "proto": 6, "dport_low": 8443, "dport_high": 8443},
            "action": {
                "type": "port_forwarding",
                "interface": "GE3",
                "subinterfaceId": -1,
                "nat": {"lan_ip": "10.2.0.10", "lan_port": 443},
            },
        },
        {
            "name": "lab nat",
            "match": {**ui_match, "dip": "203.0.113.9"},
            "action": {
                "type": "one_to_one_nat",
                "interface": "GE3",
                "subinterfaceId": -1,
                "nat": {"lan_ip": "10.2.0.9", "lan_port": -1, "outbound": True},
            },
        },
    ]
    if edge_fw is None:
        client.v1.insert_configuration_module(ent_id, own.id, "firewall", edge_doc)
    else:
        client.v1.update_configuration_module(ent_id, edge_fw.id, {"data": edge_doc})
    firewall += 1
    # ... and a WAN link of its own
    wan = own.module("WAN")
    link = {
        "logicalId": "seeded-lab-link",
        "discovery": "USER_DEFINED",
        "mode": "PUBLIC",
        "type": "WIRED",
        "name": "Lab Internet",
        "isp": "Lab ISP",
        "interfaces": ["GE3"],
        "bwMeasurement": "SLOW_START",
        "backupOnly": False,
    }
    if wan is None:
        client.v1.insert_configuration_module(ent_id, own.id, "WAN", {"links": [link]})
    else:
        client.v1.update_configuration_module(ent_id, wan.id, {"data": {**(wan.data or {}), "links": [link]}})
    for username, role in (("netops@seed.example", 10), ("viewer@seed.example", 12)):
        client.v1.insert_enterprise_user(
            ent_id,
            {"username": username, "password": PASSWORD, "roleId": role, "firstName": username.split("@")[0]},
        )
    return Seeded(name, ent_lid, ent_id, made, edges, firewall, policies)
