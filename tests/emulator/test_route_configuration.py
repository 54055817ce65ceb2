"""v1 routing configuration (overlay flow control) over HTTP: the defaults, a whole-document update
checked against the spec's schema, the refresh-routes counter and the composite route table."""

from __future__ import annotations

import copy

from vco_emulator.process import EmulatorProcess

from .edge_helpers import create_edge, new_enterprise, v1
from .tenants import add_user, as_user, issue_token


def test_defaults_update_and_route_table(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco)
    config = v1(vco, "enterprise/getEnterpriseRouteConfiguration", {"enterpriseId": acme.id}).json()
    assert (config["object"], config["name"], config["type"]) == (
        "ROUTING_CONFIGURATION",
        "GLOBAL",
        "DEFAULT",
    )
    document = config["data"]
    assert document["edge"]["assigned"] == {"advertiseStatic": True, "advertiseConnected": True}
    assert document["hub"]["ospf"]["advertiseExternal"] is False and "v6Detail" in document

    changed = copy.deepcopy(document)
    changed["hub"]["bgp"]["advertiseExternal"] = True
    changed["routingPreference"] = [{"entity": "HUB", "allow": True}, {"entity": "EDGE", "allow": False}]
    r = v1(
        vco,
        "enterprise/updateEnterpriseRouteConfiguration",
        {"enterpriseId": acme.id, "id": config["id"], "data": changed},
    )
    assert r.status_code == 200 and r.json() == {"rows": 1}, r.text
    again = v1(vco, "enterprise/getEnterpriseRouteConfiguration", {"enterpriseId": acme.id}).json()
    assert again["id"] == config["id"] and again["data"] == changed

    missing = copy.deepcopy(changed)
    del missing["partnerGateway"]
    r = v1(vco, "enterprise/updateEnterpriseRouteConfiguration", {"enterpriseId": acme.id, "data": missing})
    assert r.status_code == 400 and "data.partnerGateway" in r.json()["error"]["message"]
    wrong = copy.deepcopy(changed)
    wrong["routingPreference"][0]["entity"] = "SATELLITE"
    r = v1(vco, "enterprise/updateEnterpriseRouteConfiguration", {"enterpriseId": acme.id, "data": wrong})
    assert r.status_code == 400 and "routingPreference" in r.json()["error"]["message"]

    r = v1(vco, "enterprise/recalcRefreshRoutesVersion", {"enterpriseId": acme.id})
    assert r.status_code == 200 and r.json()["rows"] == 1

    assert create_edge(vco, acme, name="branch-1").status_code == 201
    v1(vco, "enterprise/insertEnterpriseEdgeCluster", {"enterpriseId": acme.id, "name": "Hubs"})
    table = v1(vco, "enterprise/getEnterpriseRouteTable", {"enterpriseId": acme.id}).json()
    assert [p["id"] for p in table["profiles"]] == [acme.profile.id] and table["subnets"] == []
    assert [e["name"] for e in table["exits"]["edges"]] == ["branch-1"]
    assert [h["name"] for h in table["exits"]["hubs"]] == ["Hubs"]
    assert [g["name"] for g in table["exits"]["gateways"]] == ["gateway-1", "gateway-2"]
    none = v1(vco, "enterprise/getEnterpriseRouteTable", {"enterpriseId": acme.id, "profiles": [0]}).json()
    assert none["profiles"] == []


def test_read_only_user_cannot_update_and_others_cannot_see(vco: EmulatorProcess) -> None:
    acme, other = new_enterprise(vco, "ACME"), new_enterprise(vco, "Other")
    document = v1(vco, "enterprise/getEnterpriseRouteConfiguration", {"enterpriseId": acme.id}).json()["data"]
    reader = issue_token(vco, add_user(vco, acme.id, "ro@acme.example", "ENTERPRISE_READ_ONLY"))
    r = as_user(vco, reader, "enterprise/updateEnterpriseRouteConfiguration", {"data": document})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32003
    outsider = issue_token(vco, add_user(vco, other.id, "admin@other.example"))
    r = as_user(vco, outsider, "enterprise/getEnterpriseRouteConfiguration", {"enterpriseId": acme.id})
    assert r.status_code == 400 and "not found" in r.json()["error"]["message"]
