"""A stack with every core resource, driven by stack config so tests can change it step by step."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()

acme = velocloud.Enterprise(
    "acme",
    name=config.get("enterpriseName") or "Ladder Corp",
    description=config.get("enterpriseDescription") or "ladder",
    adopt=config.get_bool("adopt") or False,
)
branch = velocloud.Profile(
    "branch",
    enterprise_id=acme.id,
    name="Branch",
    description=config.get("profileDescription") or "branch profile",
)
edge = velocloud.Edge(
    "edge-1",
    enterprise_id=acme.id,
    profile_id=branch.id,
    name="edge-1",
    model_number=config.get("edgeModel") or "edge6X0",
    serial_number="VC0000000001",
    description=config.get("edgeDescription") or "first edge",
    site=velocloud.SiteArgs(name="Lab", city="Paris", country="FR"),
)

pulumi.export("enterprise_id", acme.id)
pulumi.export("profile_id", branch.id)
pulumi.export("edge_id", edge.id)
pulumi.export("activation_key", edge.activation_key)
