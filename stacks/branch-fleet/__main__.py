"""Branch fleet: one enterprise profile shared by every branch, and one edge per site of an inventory.

Shared by all branches (in the "Branch" profile): a Guest segment, address and port groups,
firewall rules, business policies and the profile's LAN/NTP device settings. Per site of
`inventory.yaml` (or the file named by stack config `inventory`, YAML or CSV): one edge with
its site and its device-settings override (LAN network, WAN links).

Stack config (all optional): `enterpriseName`, `inventory`.
"""

from pathlib import Path

import pulumi
from inventory import Site, load_inventory

import pulumi_velocloud as velocloud

config = pulumi.Config()
inventory = Path(__file__).parent / (config.get("inventory") or "inventory.yaml")
sites = load_inventory(inventory)

acme = velocloud.Enterprise("fleet", name=config.get("enterpriseName") or "Branch Fleet Corp")
branch = velocloud.Profile(
    "branch", enterprise_id=acme.id, name="Branch", description="Shared by every branch"
)
guest = velocloud.NetworkSegment(
    "guest", enterprise_id=acme.id, name="Guest", type="REGULAR", service_vlan=30
)

datacenter = velocloud.AddressGroup(
    "datacenter",
    enterprise_id=acme.id,
    name="Data centre",
    addresses=[{"cidr": "10.200.0.0/16"}, {"cidr": "10.201.0.0/16"}],
)
web = velocloud.PortGroup(
    "web",
    enterprise_id=acme.id,
    name="Web",
    ports=[{"protocol": "tcp", "port_low": 80}, {"protocol": "tcp", "port_low": 443}],
)

velocloud.FirewallSettings(
    "branch-firewall", enterprise_id=acme.id, profile_id=branch.id, enabled=True, stateful=True
)
rules = [
    (
        "allow-dc-web",
        10,
        {"destination_address_group": datacenter.id, "destination_port_group": web.id},
        "allow",
    ),
    ("allow-dns", 20, {"protocol": "udp", "destination_ports": "53"}, "allow"),
    ("drop-telnet", 30, {"protocol": "tcp", "destination_ports": "23"}, "drop"),
]
for name, position, match, action in rules:
    velocloud.FirewallRule(
        name,
        enterprise_id=acme.id,
        profile_id=branch.id,
        name=name,
        position=position,
        match=match,
        action=action,
    )
velocloud.BusinessPolicyRule(
    "voice",
    enterprise_id=acme.id,
    profile_id=branch.id,
    name="Voice",
    position=0,
    match={"dscp": 46},
    action={"priority": "high", "service_class": "realtime"},
)
velocloud.ProfileDeviceSettings(
    "branch-settings",
    enterprise_id=acme.id,
    profile_id=branch.id,
    ntp={"enabled": True, "servers": ["0.pool.ntp.org", "1.pool.ntp.org"]},
)


def branch_edge(site: Site) -> velocloud.Edge:
    address = site.address
    edge = velocloud.Edge(
        site.name,
        enterprise_id=acme.id,
        profile_id=branch.id,
        name=site.name,
        model_number=site.model,
        serial_number=site.serial,
        site={
            "name": site.name,
            **{k: v for k, v in {"street_address": address.street, "city": address.city}.items() if v},
            **{k: v for k, v in {"state": address.state, "country": address.country}.items() if v},
        },
    )
    velocloud.EdgeDeviceSettings(
        f"{site.name}-settings",
        enterprise_id=acme.id,
        edge_id=edge.id,
        lan_networks=[{"vlan_id": 1, "name": "Corporate", "cidr": site.lan_cidr}],
        routed_interfaces=[
            {
                k: v
                for k, v in {
                    "name": w.interface,
                    "addressing": w.addressing,
                    "cidr": w.cidr,
                    "gateway": w.gateway,
                }.items()
                if v
            }
            for w in site.wan
        ],
    )
    return edge


edges = {site.name: branch_edge(site) for site in sites}

pulumi.export("enterprise_id", acme.id)
pulumi.export("profile_id", branch.id)
pulumi.export("edges", {name: edge.id for name, edge in edges.items()})
