"""Every kind of secret a stack carries, for the scan test: the API token (stack config, set with
--secret), a user password, an SNMP community, a BGP MD5 key inside a raw `segments` section, and
the activation key the Orchestrator returns. Only the BGP key is a plain string in the program:
the provider must find it by its name and keep it secret all the same.
"""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()

acme = velocloud.Enterprise("acme", name="Secret Corp")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
edge = velocloud.Edge(
    "edge-1", enterprise_id=acme.id, profile_id=branch.id, name="edge-1", model_number="edge6X0"
)
velocloud.EnterpriseUser(
    "ops",
    enterprise_id=acme.id,
    username="ops@secret.example",
    role="Enterprise Standard Admin",
    password=config.require_secret("userPassword"),
)
velocloud.ProfileDeviceSettings(
    "branch-settings",
    enterprise_id=acme.id,
    profile_id=branch.id,
    snmp={"v2c_enabled": True, "v2c_community": config.require_secret("snmpCommunity")},
)
velocloud.EdgeDeviceSettings(
    "edge-settings",
    enterprise_id=acme.id,
    edge_id=edge.id,
    segments=[
        velocloud.SegmentSettingsArgs(
            segment="Global Segment",
            static_routes=[
                velocloud.StaticRouteArgs(
                    destination="10.20.0.0/16", gateway=config.get("gateway") or "10.0.10.254"
                )
            ],
            extra={
                "bgp": {
                    "enabled": True,
                    "neighbors": [
                        {
                            "neighborIp": "192.0.2.1",
                            "neighborAS": "65001",
                            "enableMd5": True,
                            "md5Password": config.get("bgpKey") or "bgp-MD5-key-0451",
                        }
                    ],
                }
            },
        )
    ],
)
pulumi.export("activation_key", edge.activation_key)
