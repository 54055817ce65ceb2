"""A firewall rule matching an application by name, and that application looked up."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()
enterprise_id = config.require("enterpriseId")
profile_id = config.require("profileId")

torrent = velocloud.get_application(enterprise_id=enterprise_id, name="BitTorrent")
velocloud.FirewallRule(
    "block-p2p",
    enterprise_id=enterprise_id,
    profile_id=profile_id,
    name="block-p2p",
    position=0,
    match=velocloud.FirewallMatchArgs(application="BitTorrent"),
    action="deny",
)
pulumi.export("torrentId", torrent.id)
pulumi.export("torrentClass", torrent.class_name)
