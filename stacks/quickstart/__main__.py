"""Quickstart stack: one customer, one branch profile, three edges over two sites.

Stack config (all optional): `enterpriseName`, `profileName`.
The Orchestrator comes from `velocloud:url` and `velocloud:token` / `velocloud:tokenFile`.
"""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()

acme = velocloud.Enterprise(
    "acme",
    name=config.get("enterpriseName") or "ACME Corp",
    description="Managed by Pulumi (pulumi-velocloud quickstart)",
    contact_email="netops@acme.example",
    city="New York",
    country="US",
)

branch = velocloud.Profile(
    "branch",
    enterprise_id=acme.id,
    name=config.get("profileName") or "Branch",
    description="Standard branch profile",
)

new_york = velocloud.SiteArgs(name="New York", city="New York", country="US", lat=40.7128, lon=-74.006)
boston = velocloud.SiteArgs(name="Boston", city="Boston", country="US", lat=42.3601, lon=-71.0589)

edges = [
    velocloud.Edge(
        name,
        enterprise_id=acme.id,
        profile_id=branch.id,
        name=name,
        model_number=model,
        serial_number=serial,
        site=site,
        description=f"{site.name} branch edge",
    )
    for name, model, serial, site in [
        ("nyc-01", "edge6X0", "VC0600000001", new_york),
        ("nyc-02", "edge6X0", "VC0600000002", new_york),
        ("bos-01", "edge5X0", "VC0500000001", boston),
    ]
]

pulumi.export("enterprise_id", acme.id)
pulumi.export("enterprise_name", acme.name)
pulumi.export("profile_id", branch.id)
pulumi.export("edges", {edge._name: {"id": edge.id, "state": edge.edge_state} for edge in edges})
