"""Six resources whose natural keys are all taken by objects this stack did not create.

None of them says `adopt=True`: `pulumi up` must fail for each and change nothing. The parent
enterprise is referenced by a lookup, so this stack manages nothing in it.
"""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()
parent = velocloud.get_enterprise(name="Parent Corp")
branch = velocloud.get_profile(enterprise_id=parent.logical_id, name="Branch")

velocloud.Enterprise("enterprise", name="Pre Corp", description="claimed by the stack")
velocloud.Profile("profile", enterprise_id=parent.logical_id, name="Pre Profile", description="claimed")
velocloud.Edge(
    "edge",
    enterprise_id=parent.logical_id,
    profile_id=branch.logical_id,
    name="pre-edge",
    model_number="edge6X0",
    description="claimed",
)
velocloud.NetworkSegment(
    "segment", enterprise_id=parent.logical_id, name="Pre Segment", type="REGULAR", description="claimed"
)
velocloud.AddressGroup(
    "addresses",
    enterprise_id=parent.logical_id,
    name="Pre Addresses",
    addresses=[{"ip": "198.51.100.7"}],
    description="claimed",
)
velocloud.PortGroup(
    "ports",
    enterprise_id=parent.logical_id,
    name="Pre Ports",
    ports=[{"protocol": "tcp", "port_low": 8443}],
    description="claimed",
)
velocloud.EnterpriseUser(
    "user",
    enterprise_id=parent.logical_id,
    username="pre@parent.example",
    role="Enterprise Standard Admin",
    first_name="Claimed",
    password=config.require_secret("userPassword"),
)
