"""Cloud VPN, BGP and OSPF on a profile, a BGP override on one edge; the MD5 password from a secret config."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()
md5 = config.require_secret("bgpPassword")

acme = velocloud.Enterprise("acme", name="Routing Corp", description="routing ladder")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
hub = velocloud.Edge(
    "dc-hub", enterprise_id=acme.id, profile_id=branch.id, name="dc-hub", model_number="edge6X0"
)
site = velocloud.Edge(
    "site-1", enterprise_id=acme.id, profile_id=branch.id, name="site-1", model_number="edge6X0"
)

# Sections holding Outputs (the hub's id, the secret password) are written as dicts: a typed
# Args object checks its values when the program builds it, before Outputs are known.
profile_routing = velocloud.ProfileDeviceSettings(
    "branch-routing",
    enterprise_id=acme.id,
    profile_id=branch.id,
    segments=[
        {
            "segment": "Global Segment",
            "vpn": {
                "enabled": True,
                "branch_to_hub": True,
                "hubs": [{"edge_id": hub.id}],
                "edge_to_edge": True,
                "edge_to_edge_via": "gateway",
            },
            "bgp": {
                "enabled": True,
                "asn": 65001,
                "router_id": "10.255.0.1",
                "neighbors": [{"ip": "192.0.2.2", "asn": 65002, "md5_password": md5}],
            },
            "ospf": velocloud.OspfArgs(enabled=True, areas=[velocloud.OspfAreaArgs(id=0, type="normal")]),
        }
    ],
)
site_routing = velocloud.EdgeDeviceSettings(
    "site-1-routing",
    enterprise_id=acme.id,
    edge_id=site.id,
    segments=[
        {
            "segment": "Global Segment",
            "bgp": {
                "enabled": True,
                "asn": 65010,
                "neighbors": [{"ip": "198.51.100.1", "asn": 65020, "md5_password": md5}],
            },
        }
    ],
)

pulumi.export("enterprise_id", acme.id)
pulumi.export("profile_id", branch.id)
pulumi.export("site_id", site.id)
pulumi.export("hub_id", hub.id)
pulumi.export("profile_values", profile_routing.values)
