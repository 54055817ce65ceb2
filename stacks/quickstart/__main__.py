"""Quickstart stack: one customer (enterprise) on the Orchestrator named by `velocloud:url`."""

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

pulumi.export("enterprise_id", acme.id)
pulumi.export("enterprise_vco_id", acme.vco_id)
pulumi.export("enterprise_name", acme.name)
