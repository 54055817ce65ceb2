"""A stack with an enterprise, a segment, an address group, a port group and a user, driven by config.

The password is read with `config.require`, i.e. as a plain string, on purpose:
`EnterpriseUser` must keep it a secret in the state all the same.
"""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()

acme = velocloud.Enterprise(
    "acme",
    name="Objects Corp",
    opts=pulumi.ResourceOptions(retain_on_delete=True),  # so the test can see what destroy leaves
)
pci = velocloud.NetworkSegment(
    "pci",
    enterprise_id=acme.id,
    name="PCI",
    type=config.get("segmentType") or "CDE",
    service_vlan=config.get_int("segmentVlan") or 100,
    description=config.get("segmentDescription") or "card terminals",
)
servers = velocloud.AddressGroup(
    "servers",
    enterprise_id=acme.id,
    name="Servers",
    addresses=[
        {"cidr": "10.10.0.0/16"},
        {"ip": "192.0.2.10"},
        {"domain": "*.example.com"},
        *(
            [{"ip": "10.0.0.1", "mask": "0.0.255.0", "rule_type": "wildcard"}]
            if config.get_bool("moreAddresses")
            else []
        ),
    ][:: -1 if config.get_bool("reverseAddresses") else 1],
)
web = velocloud.PortGroup(
    "web",
    enterprise_id=acme.id,
    name=config.get("portGroupName") or "Web",
    ports=[{"protocol": "tcp", "port_low": 443}, {"protocol": "udp", "port_low": 5060, "port_high": 5080}],
)
ops = velocloud.EnterpriseUser(
    "ops",
    enterprise_id=acme.id,
    username=config.get("username") or "ops@objects.example",
    role=config.get("role") or "Enterprise Standard Admin",
    first_name="Olga",
    password=config.require("userPassword"),
)

pulumi.export("enterprise_id", acme.id)
pulumi.export("segment_id", pci.segment_id)
pulumi.export("segment", pci.id)
pulumi.export("address_group", servers.id)
pulumi.export("port_group", web.id)
pulumi.export("user", ops.id)
