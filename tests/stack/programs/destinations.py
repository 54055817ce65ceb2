"""A stack with a non-SD-WAN destination and an API token of an automation user, driven by config."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()

acme = velocloud.Enterprise(
    "acme",
    name="Destinations Corp",
    opts=pulumi.ResourceOptions(retain_on_delete=True),  # so the test can see what destroy leaves
)
dc1 = velocloud.NonSdwanDestination(
    "dc1",
    enterprise_id=acme.id,
    name="DC1",
    primary_ip="203.0.113.10",
    backup_ip=config.get("backupIp"),
    peer_subnets=["10.50.0.0/16", *(["10.60.0.0/16"] if config.get_bool("moreSubnets") else [])],
    ike=velocloud.IkeArgs(encryption="AES_256_CBC", dh_group=config.get_int("dhGroup") or 14),
)
automation = velocloud.EnterpriseUser(
    "automation",
    enterprise_id=acme.id,
    username="automation@destinations.example",
    role="Enterprise Standard Admin",
    password="correct horse battery",
)
token = velocloud.EnterpriseApiToken(
    "ci",
    enterprise_id=acme.id,
    user_id=automation.id,
    name=config.get("tokenName") or "ci",
    lifetime_days=90,
)

pulumi.export("enterprise_id", acme.id)
pulumi.export("destination", dc1.id)
pulumi.export("token_id", token.id)
pulumi.export("token", token.token)
