"""A small managed enterprise for `velocloud drift`: edges, device settings with a secret, rules, a user."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()

acme = velocloud.Enterprise("acme", name="Drift Corp", description="drift report test")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
edges = {
    name: velocloud.Edge(
        name,
        enterprise_id=acme.id,
        profile_id=branch.id,
        name=name,
        model_number="edge6X0",
        description=f"{name} branch edge",
    )
    for name in ("edge-1", "edge-2", "edge-3")
}
velocloud.ProfileDeviceSettings(
    "branch-settings",
    enterprise_id=acme.id,
    profile_id=branch.id,
    ntp=velocloud.NtpArgs(enabled=True, servers=["0.pool.ntp.org", "1.pool.ntp.org"]),
    snmp={"v2c_enabled": True, "v2c_community": config.require_secret("snmpCommunity"), "allowed_ips": []},
)
for n in range(3):
    velocloud.FirewallRule(
        f"rule-{n}",
        enterprise_id=acme.id,
        profile_id=branch.id,
        name=f"rule-{n}",
        position=n,
        match=velocloud.FirewallMatchArgs(protocol="tcp", destination_ports=str(8000 + n)),
        action="allow",
    )
velocloud.EnterpriseUser(
    "ops",
    enterprise_id=acme.id,
    username="ops@drift.example",
    role="Enterprise Standard Admin",
    password=config.require_secret("opsPassword"),
    first_name="Ops",
)

pulumi.export("enterprise_id", acme.id)
pulumi.export("profile_id", branch.id)
pulumi.export("edges", {name: edge.id for name, edge in edges.items()})
