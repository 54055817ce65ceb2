"""Non-SD-WAN destinations: v2 tunnel and site status derived from the services and the edges that
use them, and the v1 NSD helpers (policy flag, BGP configuration, default documents)."""

from __future__ import annotations

import json
from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .edge_helpers import Enterprise, create_edge, new_enterprise
from .helpers import auth, v1
from .test_enterprise_services import NVS, document, insert, services

V2 = "/api/sdwan/v2"


def get(vco: EmulatorProcess, path: str, **query: str) -> requests.Response:
    return requests.get(f"{vco.url}{V2}{path}", params=query, headers=auth(vco), timeout=10)


def attach(vco: EmulatorProcess, acme: Enterprise, service_logical_id: str) -> None:
    """Reference the destination from the profile's device settings (edgeDirect providers)."""
    [module] = v1(
        vco,
        "configuration/getConfigurationModules",
        {"enterpriseId": acme.id, "configurationId": acme.profile.id, "modules": ["deviceSettings"]},
    ).json()
    data = module["data"]
    data["edgeDirect"] = {"enabled": True, "providers": [{"logicalId": service_logical_id}]}
    r = v1(
        vco,
        "configuration/updateConfigurationModule",
        {"enterpriseId": acme.id, "configurationModuleId": module["id"], "_update": {"data": data}},
    )
    assert r.status_code == 200, r.text


def test_tunnel_status_follows_the_edges_that_use_a_destination(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    insert(vco, acme.id, "DC1", document("203.0.113.10"))
    insert(vco, acme.id, "Unused", document("203.0.113.20"))
    [dc1] = [s for s in services(vco, acme.id, type=NVS) if s["name"] == "DC1"]
    attach(vco, acme, dc1["logicalId"])
    nyc = create_edge(vco, acme, name="nyc-01").json()
    bos = create_edge(vco, acme, name="bos-01").json()
    assert vco.admin("POST", f"edges/{nyc['logicalId']}/activate")["edgeState"] == "CONNECTED"

    ent = f"/enterprises/{acme.logical_id}"
    body = get(vco, f"{ent}/edgeNonSdwanServices/status").json()
    by_service = {r["provider"]["_href"].rsplit("/", 1)[1]: r for r in body["data"]}
    assert len(by_service) == 2
    tunnels = by_service[dc1["logicalId"]]["tunnels"]
    assert sorted(t["edge"]["name"] for t in tunnels) == ["bos-01", "nyc-01"]
    up = get(vco, f"{ent}/edgeNonSdwanServices/status", **{"state[is]": "UP"}).json()["data"]
    assert [[t["edge"]["name"] for t in r["tunnels"]] for r in up] == [["nyc-01"]]
    bad = get(vco, f"{ent}/edgeNonSdwanServices/status", **{"name[is]": "DC1"})
    assert bad.status_code == 400

    [on_nyc] = get(vco, f"{ent}/edges/{nyc['logicalId']}/nonSdWanTunnelStatus").json()["data"]
    assert on_nyc["state"] == "UP" and on_nyc["nvs_ip"] == "203.0.113.10"
    assert on_nyc["provider"]["type"] == "genericIKEv2Router"
    [on_bos] = get(vco, f"{ent}/edges/{bos['logicalId']}/nonSdWanTunnelStatus").json()["data"]
    assert on_bos["state"] == "PENDING"
    pending = get(vco, f"{ent}/edges/{bos['logicalId']}/nonSdWanTunnelStatus", **{"state[is]": "UP"})
    assert pending.json()["data"] == []


def test_sites_via_gateways(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    insert(
        vco, acme.id, "HQ DC", {"primaryServer": {"ip": "198.51.100.1"}, "secondaryServer": {}}, "dataCenter"
    )
    insert(vco, acme.id, "Branch VPN", document())
    [site] = get(vco, f"/enterprises/{acme.logical_id}/gatewayNonSdWanSites").json()
    assert site["name"] == "HQ DC" and site["status"]["primary"] == "DOWN"
    assert site["status"]["secondary"] == "DOWN" and site["status"]["primaryRedundant"] is None


def test_v1_nsd_policy_configuration_and_defaults(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    flag = v1(vco, "enterprise/getEnterpriseUseNSDPolicy", {"enterpriseId": acme.id}).json()
    assert flag["value"] == "false" and flag["dataType"] == "BOOLEAN" and flag["enterpriseId"] == acme.id
    r = v1(vco, "enterprise/setEnterpriseUseNSDPolicy", {"enterpriseId": acme.id, "value": True})
    assert r.status_code == 200 and r.json()["rows"] == 1
    assert (
        v1(vco, "enterprise/getEnterpriseUseNSDPolicy", {"enterpriseId": acme.id}).json()["value"] == "true"
    )

    service_id = insert(vco, acme.id, "DC1", document()).json()["id"]
    read: dict[str, Any] = v1(
        vco, "enterprise/getNSDConfiguration", {"enterpriseId": acme.id, "id": service_id}
    ).json()
    assert read["statusCode"] == 200 and json.loads(read["responseData"]) == {"enabled": False}
    bgp = {"enabled": True, "neighborIp": "169.254.0.1", "ASN": "65001"}
    updated = v1(
        vco,
        "enterprise/getNSDConfiguration",
        {"enterpriseId": acme.id, "id": service_id, "_update": {"data": bgp}},
    ).json()
    assert json.loads(updated["responseData"]) == bgp
    [stored] = services(vco, acme.id, type=NVS)
    assert stored["data"]["bgp"] == bgp and stored["data"]["primaryServer"]["nvsPublicIp"] == "203.0.113.10"
    missing = v1(vco, "enterprise/getNSDConfiguration", {"enterpriseId": acme.id, "id": service_id + 99})
    assert missing.status_code == 400

    for provider, category in (("Zscaler", "CSS"), ("genericIKEv1Router", "DATACENTER")):
        generated = v1(
            vco,
            "enterprise/generateNsdViaEdgeServiceConfiguration",
            {"enterpriseId": acme.id, "provider": provider},
        ).json()
        assert generated["provider"] == provider and generated["providerCategory"] == category
        # what it generates is a document insertEnterpriseService takes
        generated["primaryServer"]["nvsPublicIp"] = "192.0.2.7"
        assert insert(vco, acme.id, f"new {provider}", generated).status_code == 200
    assert generated["primaryServer"]["IKEPROP"]["protocolVersion"] == 1
    unknown = v1(
        vco, "enterprise/generateNsdViaEdgeServiceConfiguration", {"enterpriseId": acme.id, "provider": "x"}
    )
    assert unknown.status_code == 400
