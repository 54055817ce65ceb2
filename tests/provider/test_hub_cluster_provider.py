"""HubCluster provider and the get_gateway lookup, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.lookups import get_gateway
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.hub_cluster import CLUSTER_TYPE, HubClusterProvider
from pulumi_velocloud.resources.profile_device_settings import ProfileDeviceSettingsProvider


def edge(enterprise: dict[str, Any], profile: dict[str, Any], name: str) -> str:
    created = EdgeProvider().create(
        {
            "enterprise_id": enterprise["logical_id"],
            "profile_id": profile["logical_id"],
            "name": name,
            "model_number": "edge6X0",
        }
    )
    return str(created.id)


def test_hub_cluster_lifecycle_drift_and_members(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    hub1, hub2, hub3 = (edge(enterprise, profile, f"hub-{i}") for i in (1, 2, 3))
    p = HubClusterProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "DC Hubs", "edge_ids": [hub2, hub1]}
    created = p.create(news)
    outs = created.outs
    assert outs is not None and outs["logical_id"] == created.id
    assert outs["edge_ids"] == sorted([hub1, hub2]) and outs["auto_rebalance"] is False
    assert outs["vpn_hub"] == {"logicalId": created.id, "name": "DC Hubs", "type": "edgeHubCluster"}
    assert p.diff(created.id, outs, news).changes is False
    assert p.read(created.id, outs).outs == outs

    # drift by hand: a member removed and rebalancing switched on, seen field by field
    client.v1.update_enterprise_edge_cluster(
        outs["enterprise_vco_id"],
        outs["vco_id"],
        {
            "_update": {"data": {"autoRebalance": True}},
            "deleteEdges": [client.v1.get_edge_by_logical_id(outs["enterprise_vco_id"], hub1).id],
        },
    )
    drifted = p.read(created.id, outs).outs
    assert drifted is not None and drifted["edge_ids"] == [hub2] and drifted["auto_rebalance"] is True
    assert p.changed_fields(drifted, news) == ["edge_ids", "auto_rebalance"]

    changed = {**news, "name": "DC-Hubs", "edge_ids": [hub1, hub3]}
    updated = p.update(created.id, drifted, changed).outs
    assert updated["name"] == "DC-Hubs" and updated["edge_ids"] == sorted([hub1, hub3])
    assert updated["auto_rebalance"] is False

    # adopt is required for a cluster of that name made elsewhere
    with pytest.raises(VcoResourceError, match="set adopt=True"):
        p.create({**changed, "edge_ids": []})

    # an edge already in another cluster is refused and nothing is left behind
    with pytest.raises(VcoResourceError, match="already a member"):
        p.create({"enterprise_id": enterprise["logical_id"], "name": "Other", "edge_ids": [hub3]})
    names = [s.name for s in client.v1.get_enterprise_services(outs["enterprise_vco_id"], type=CLUSTER_TYPE)]
    assert names == ["DC-Hubs"]

    p.delete(created.id, updated)
    assert client.v1.get_enterprise_services(outs["enterprise_vco_id"], type=CLUSTER_TYPE) == []
    assert p.read(created.id, updated).id is None


def test_get_gateway_finds_the_enterprise_pool_gateways(
    enterprise: dict[str, Any], client: VcoClient
) -> None:
    found = get_gateway(enterprise_id=enterprise["logical_id"], name="gateway-2", client=client)
    assert found.name == "gateway-2" and found.ip_address == "192.0.2.12" and found.pool == "Default Pool"
    with pytest.raises(LookupError, match="2 gateways match"):
        get_gateway(enterprise_id=enterprise["logical_id"], client=client)
    with pytest.raises(LookupError, match="no gateway matches"):
        get_gateway(enterprise_id=enterprise["logical_id"], name="nope", client=client)


def test_a_profile_vpn_hub_list_takes_a_hub_cluster_by_its_id(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    """HubCluster (topology) and the Cloud VPN hub list of device settings (routing) meet here."""
    cluster = HubClusterProvider().create(
        {
            "enterprise_id": enterprise["logical_id"],
            "name": "Hub Pair",
            "edge_ids": [edge(enterprise, profile, "pair-1"), edge(enterprise, profile, "pair-2")],
        }
    )
    settings = ProfileDeviceSettingsProvider()
    news = {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "segments": [
            {
                "segment": "Global Segment",
                "vpn": {
                    "enabled": True,
                    "branch_to_hub": True,
                    "hubs": [{"hub_cluster_id": str(cluster.id)}],
                },
            }
        ],
    }
    assert settings.check({}, news).failures == []
    created = settings.create(news)
    doc = client.v2.get_profile_device_settings(enterprise["logical_id"], profile["logical_id"])
    [hub] = doc["segments"][0]["vpn"]["edgeToEdgeHub"]["vpnHubs"]
    assert hub["type"] == "edgeHubCluster" and hub["name"] == "Hub Pair"
    assert hub["_href"].endswith(f"/{cluster.id}")
    assert created.outs is not None and settings.read(created.id, created.outs).outs == created.outs
    settings.delete(created.id, created.outs)
