"""A stack with profile- and edge-level device settings, driven by stack config step by step."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()

acme = velocloud.Enterprise("acme", name="Settings Corp", description="device settings ladder")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
edge = velocloud.Edge(
    "edge-1", enterprise_id=acme.id, profile_id=branch.id, name="edge-1", model_number="edge6X0"
)

branch_settings = velocloud.ProfileDeviceSettings(
    "branch-settings",
    enterprise_id=acme.id,
    profile_id=branch.id,
    lan_networks=[
        velocloud.LanNetworkArgs(
            vlan_id=10,
            name=config.get("staffName") or "Staff",
            cidr="10.0.10.1/24",
            segment_id=config.get_int("staffSegment") or 0,
            dhcp=velocloud.DhcpArgs(enabled=True, range_start="10.0.10.100", range_size=100),
        ),
    ],
    ntp=velocloud.NtpArgs(enabled=True, servers=["0.pool.ntp.org", "1.pool.ntp.org"]),
    snmp={
        "v2c_enabled": True,
        "v2c_community": config.require_secret("snmpCommunity"),
        "allowed_ips": ["10.0.0.0/8"],
    },
    software_update=velocloud.SoftwareUpdateArgs(windowed=True, day=0, begin_hour=1, end_hour=5),
)
edge_settings = velocloud.EdgeDeviceSettings(
    "edge-1-settings",
    enterprise_id=acme.id,
    edge_id=edge.id,
    ntp=velocloud.NtpArgs(enabled=True, servers=["10.0.0.1"]),
    segments=[
        velocloud.SegmentSettingsArgs(
            segment="Global Segment",
            static_routes=[velocloud.StaticRouteArgs(destination="10.20.0.0/16", gateway="10.0.10.254")],
        )
    ],
)

pulumi.export("enterprise_id", acme.id)
pulumi.export("profile_id", branch.id)
pulumi.export("edge_id", edge.id)
pulumi.export("profile_managed_paths", branch_settings.managed_paths)
