"""v1 edge clusters over HTTP: insert with members, update (rename, data, add/remove edges), use as a
VPN hub of a profile's segment (module refs), delete through the enterprise-service methods."""

from __future__ import annotations

from typing import Any

from vco_emulator.process import EmulatorProcess

from .edge_helpers import Enterprise, create_edge, new_enterprise, v1
from .tenants import add_user, as_user, issue_token


def edge_id(vco: EmulatorProcess, enterprise: Enterprise, name: str) -> int:
    r = create_edge(vco, enterprise, name=name)
    assert r.status_code == 201, r.text
    found = v1(vco, "edge/getEdge", {"logicalId": r.json()["logicalId"], "enterpriseId": enterprise.id})
    return int(found.json()["id"])


def members(vco: EmulatorProcess, enterprise: Enterprise, cluster_id: int) -> list[int]:
    found = v1(
        vco,
        "enterprise/getEnterpriseServices",
        {"enterpriseId": enterprise.id, "type": "edgeHubClusterMember"},
    )
    return sorted(m["edgeId"] for m in found.json() if m["parentGroupId"] == cluster_id)


def device_settings_module(vco: EmulatorProcess, enterprise: Enterprise) -> dict[str, Any]:
    modules = v1(
        vco,
        "configuration/getConfigurationModules",
        {
            "configurationId": enterprise.profile.id,
            "enterpriseId": enterprise.id,
            "modules": ["deviceSettings"],
        },
    ).json()
    module: dict[str, Any] = modules[0]
    return module


def test_cluster_lifecycle_and_hub_refs(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco)
    hub1, hub2, hub3 = (edge_id(vco, acme, f"hub-{i}") for i in (1, 2, 3))
    r = v1(
        vco,
        "enterprise/insertEnterpriseEdgeCluster",
        {
            "enterpriseId": acme.id,
            "name": "DC Hubs",
            "data": {"autoRebalance": True, "routeSummaryV4": [{"prefix": "10.0.0.0", "prefixLength": 8}]},
            "edges": [hub1, hub2, 999999],  # an unknown edge is ignored, as the real one does
        },
    )
    assert r.status_code == 200, r.text
    cluster = r.json()
    assert cluster["name"] == "DC Hubs" and cluster["type"] == "edgeHubCluster" and cluster["logicalId"]
    assert cluster["data"]["autoRebalance"] is True and cluster["data"]["routeSummaryV6"] == []
    assert members(vco, acme, cluster["id"]) == [hub1, hub2]
    [listed] = v1(
        vco, "enterprise/getEnterpriseServices", {"enterpriseId": acme.id, "type": "edgeHubCluster"}
    ).json()
    assert listed["id"] == cluster["id"] and listed["data"]["routeSummaryV4"][0]["prefixLength"] == 8

    duplicate = v1(
        vco, "enterprise/insertEnterpriseEdgeCluster", {"enterpriseId": acme.id, "name": "DC Hubs"}
    )
    assert duplicate.status_code == 500, duplicate.text
    assert duplicate.json()["error"]["message"] == "duplicate edge cluster name [DC Hubs]"
    taken = v1(
        vco, "enterprise/insertEnterpriseEdgeCluster", {"enterpriseId": acme.id, "name": "B", "edges": [hub1]}
    )
    assert taken.status_code == 400 and "already a member" in taken.json()["error"]["message"]
    bad = v1(
        vco,
        "enterprise/insertEnterpriseEdgeCluster",
        {"enterpriseId": acme.id, "name": "C", "data": {"autoRebalance": "yes"}},
    )
    assert bad.status_code == 400 and "data.autoRebalance" in bad.json()["error"]["message"]

    r = v1(
        vco,
        "enterprise/updateEnterpriseEdgeCluster",
        {
            "enterpriseId": acme.id,
            "id": cluster["id"],
            "_update": {"name": "DC-Hubs", "data": {"autoRebalance": False}},
            "addEdges": [hub3],
            "deleteEdges": [hub1],
        },
    )
    assert r.status_code == 200, r.text
    assert r.json()["name"] == "DC-Hubs" and r.json()["data"]["autoRebalance"] is False
    assert r.json()["data"]["routeSummaryV4"] == [{"prefix": "10.0.0.0", "prefixLength": 8}]
    assert members(vco, acme, cluster["id"]) == [hub2, hub3]

    module = device_settings_module(vco, acme)
    hub = {
        "enterpriseId": acme.id,
        "id": cluster["id"],
        "configurationId": acme.profile.id,
        "moduleId": module["id"],
    }
    assert v1(vco, "enterprise/enableClusterForEdgeHub", hub).status_code == 200
    assert v1(vco, "enterprise/enableClusterForEdgeHub", hub).status_code == 200  # idempotent
    [ref] = device_settings_module(vco, acme)["refs"]["deviceSettings:vpn:edgeHubCluster"]
    assert ref["logicalId"] == cluster["logicalId"] and ref["enterpriseObjectId"] == cluster["id"]
    assert ref["data"][str(acme.profile.id)]["0"]["roles"]["edgeHub"] is True
    in_use = v1(vco, "enterprise/deleteEnterpriseService", {"enterpriseId": acme.id, "id": cluster["id"]})
    assert in_use.status_code == 400 and "used by profile" in in_use.json()["error"]["message"]
    wrong_module = v1(vco, "enterprise/enableClusterForEdgeHub", {**hub, "moduleId": module["id"] + 1})
    assert wrong_module.status_code == 400 and "moduleId" in wrong_module.json()["error"]["message"]

    assert v1(vco, "enterprise/disableClusterForEdgeHub", hub).status_code == 200
    assert "deviceSettings:vpn:edgeHubCluster" not in device_settings_module(vco, acme)["refs"]
    deleted = v1(vco, "enterprise/deleteEnterpriseService", {"enterpriseId": acme.id, "id": cluster["id"]})
    assert deleted.status_code == 200 and deleted.json()["rows"] == 1
    assert members(vco, acme, cluster["id"]) == []  # members go with the cluster


def test_another_customer_cannot_see_the_cluster(vco: EmulatorProcess) -> None:
    acme, other = new_enterprise(vco, "ACME"), new_enterprise(vco, "Other")
    cluster = v1(
        vco, "enterprise/insertEnterpriseEdgeCluster", {"enterpriseId": acme.id, "name": "Hubs"}
    ).json()
    token = issue_token(vco, add_user(vco, other.id, "admin@other.example"))
    r = as_user(
        vco, token, "enterprise/updateEnterpriseEdgeCluster", {"id": cluster["id"], "_update": {"name": "x"}}
    )
    assert r.status_code == 400 and "not found" in r.json()["error"]["message"]
