"""A port forward, a 1:1 NAT rule and a WAN link on an edge made elsewhere."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()
enterprise_id = config.require("enterpriseId")
edge_id = config.require("edgeId")

velocloud.PortForwardingRule(
    "web",
    enterprise_id=enterprise_id,
    edge_id=edge_id,
    name="web",
    position=1,
    interface="GE3",
    protocol="tcp",
    wan_ports="8443",
    lan_ip="10.0.1.20",
    lan_port=443,
)
velocloud.OneToOneNatRule(
    "mail",
    enterprise_id=enterprise_id,
    edge_id=edge_id,
    name="mail",
    position=2,
    interface="GE3",
    outside_ip="203.0.113.25",
    lan_ip="10.0.1.25",
    protocol="tcp",
    ports="25",
)
velocloud.EdgeWanLink(
    "internet",
    enterprise_id=enterprise_id,
    edge_id=edge_id,
    name="Internet 1",
    interfaces=["GE3"],
    isp="Example ISP",
    upstream_mbps=50,
    downstream_mbps=config.get_float("downstream") or 200,
)
