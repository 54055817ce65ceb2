"""A stack with a hub cluster of two edges and the enterprise's overlay flow control."""

import pulumi

import pulumi_velocloud as velocloud

acme = velocloud.Enterprise(
    "acme",
    name="Topology Corp",
    opts=pulumi.ResourceOptions(retain_on_delete=True),  # so the test can see what destroy leaves
)
branch = velocloud.Profile("hubs", enterprise_id=acme.id, name="Hubs")
hubs = [
    velocloud.Edge(
        f"hub-{i}", enterprise_id=acme.id, profile_id=branch.id, name=f"hub-{i}", model_number="edge6X0"
    )
    for i in (1, 2)
]
cluster = velocloud.HubCluster(
    "dc-hubs", enterprise_id=acme.id, name="DC Hubs", edge_ids=[h.id for h in hubs]
)
routing = velocloud.OverlayFlowControl(
    "routing",
    enterprise_id=acme.id,
    hub=velocloud.AdvertiseArgs(bgp_external=True, static=True),
    routing_preference=[velocloud.PreferenceArgs(entity="HUB"), velocloud.PreferenceArgs(entity="EDGE")],
)
gateway = velocloud.get_gateway_output(enterprise_id=acme.id, name="gateway-1")

pulumi.export("enterprise_id", acme.id)
pulumi.export("cluster", cluster.id)
pulumi.export("vpn_hub", cluster.vpn_hub)
pulumi.export("gateway_ip", gateway.ip_address)
