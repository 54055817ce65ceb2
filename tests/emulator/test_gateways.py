"""v1 gateway methods over HTTP: the seeded gateways in the default pool, an edge's assignment and
hand-off gateways, the enterprise hand-off document, addresses, SD-WAN peers and BGP records."""

from __future__ import annotations

import requests

from vco_emulator.process import EmulatorProcess

from .edge_helpers import create_edge, new_enterprise, v1


def test_gateways_assignments_and_handoff(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco)
    [pool] = v1(vco, "network/getNetworkGatewayPools", {"with": ["gateways"]}).json()
    names = [g["name"] for g in pool["gateways"]]
    assert names == ["gateway-1", "gateway-2"] and pool["gateways"][0]["ipAddress"] == "192.0.2.11"

    created = create_edge(vco, acme, name="branch-1").json()
    edge = v1(vco, "edge/getEdge", {"logicalId": created["logicalId"], "enterpriseId": acme.id}).json()
    assigned = v1(vco, "edge/getEdgeGatewayAssignments", {"id": edge["id"], "enterpriseId": acme.id}).json()
    assert (assigned["primary"]["name"], assigned["secondary"]["name"]) == ("gateway-1", "gateway-2")

    gateway_ids = [g["id"] for g in pool["gateways"]]
    r = v1(
        vco, "edge/setEdgeHandOffGateways", {"edgeId": edge["id"], "gateways": {"primary": gateway_ids[1]}}
    )
    assert r.status_code == 200 and r.json() == {"rows": 1}, r.text
    assigned = v1(vco, "edge/getEdgeGatewayAssignments", {"id": edge["id"], "enterpriseId": acme.id}).json()
    assert assigned["handOffs"]["gateways"] == {"primary": gateway_ids[1], "secondary": None}
    r = v1(vco, "edge/setEdgeHandOffGateways", {"edgeId": edge["id"], "gateways": {"primary": 424242}})
    assert r.status_code == 400 and "gateways.primary" in r.json()["error"]["message"]

    assert v1(vco, "enterprise/getEnterpriseGatewayHandoff", {"enterpriseId": acme.id}).json()["value"] == {}
    value = {"type": "802.1Q", "cTag": 100, "override": False}
    r = v1(
        vco, "enterprise/insertOrUpdateEnterpriseGatewayHandoff", {"enterpriseId": acme.id, "value": value}
    )
    assert r.status_code == 200 and r.json()["rows"] == 1
    handoff = v1(vco, "enterprise/getEnterpriseGatewayHandoff", {"enterpriseId": acme.id}).json()
    assert handoff == {"enterpriseId": acme.id, "value": value}

    addresses = v1(vco, "enterprise/getEnterpriseAddresses", {"enterpriseId": acme.id}).json()
    assert {"address": "192.0.2.12", "entity": "GATEWAY"} in addresses
    assert [a["entity"] for a in addresses].count("ACTIVE_VCO") == 1

    assert v1(vco, "edge/getEdgeSDWANPeers", {"edgeId": edge["id"], "enterpriseId": acme.id}).json() == []
    requests.post(f"{vco.url}/__emulator/edges/{created['logicalId']}/activate", timeout=10)
    peers = v1(vco, "edge/getEdgeSDWANPeers", {"edgeId": edge["id"], "enterpriseId": acme.id}).json()
    assert [(p["peerName"], p["peerType"]) for p in peers] == [
        ("gateway-1", "GATEWAY"),
        ("gateway-2", "GATEWAY"),
    ]

    records = [{"edgeId": edge["id"], "neighborIp": "10.0.0.1"}]
    assert v1(vco, "edge/deleteEdgeBgpNeighborRecords", {"records": records}).json() == {"rows": 0}
    gw_records = [{"gatewayId": gateway_ids[0], "neighborIp": "10.0.0.1"}]
    assert v1(vco, "enterprise/deleteEnterpriseGatewayRecords", {"records": gw_records}).json() == {"rows": 0}
    unknown = v1(vco, "enterprise/deleteEnterpriseGatewayRecords", {"records": [{"gatewayId": 424242}]})
    assert unknown.status_code == 400
    assert v1(vco, "enterprise/getEnterprisesMissingGateway", {"gatewayType": "SUPER_ALT"}).json() == []
