"""20 firewall rules, the firewall switches and 2 business policies in a profile made elsewhere."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()
enterprise_id = config.require("enterpriseId")
profile_id = config.require("profileId")

velocloud.FirewallSettings(
    "firewall",
    enterprise_id=enterprise_id,
    profile_id=profile_id,
    enabled=True,
    stateful=True,
    logging=True,
)
for n in range(20):
    velocloud.FirewallRule(
        f"rule-{n:02}",
        enterprise_id=enterprise_id,
        profile_id=profile_id,
        segment=config.get(f"rule{n}Segment"),
        name=f"rule-{n:02}",
        position=n,
        match=velocloud.FirewallMatchArgs(protocol="tcp", destination_ports=str(8000 + n)),
        action=config.get(f"rule{n}Action") or "allow",
        logging=n == 0 and not config.get_bool("noRuleLogging"),
    )
velocloud.BusinessPolicyRule(
    "voice",
    enterprise_id=enterprise_id,
    profile_id=profile_id,
    name="Voice",
    position=0,
    match=velocloud.BusinessPolicyMatchArgs(dscp=46),
    action=velocloud.BusinessPolicyActionArgs(priority="high", service_class="realtime"),
)
velocloud.BusinessPolicyRule(
    "backup",
    enterprise_id=enterprise_id,
    profile_id=profile_id,
    name="Backup",
    position=1,
    match=velocloud.BusinessPolicyMatchArgs(protocol="tcp", destination_ports="873"),
    action=velocloud.BusinessPolicyActionArgs(priority="low", service_class="bulk"),
)
