"""Application maps over HTTP: the seeded catalogue through v1 and v2, by enterprise, by edge and
by map; refreshing and pushing a map; another customer's user gets "not found"."""

from __future__ import annotations

from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .edge_helpers import create_edge, new_enterprise
from .helpers import auth, v1
from .tenants import add_user, as_user, enterprise, issue_token, v2_as

V2 = "/api/sdwan/v2"


def get(vco: EmulatorProcess, path: str) -> requests.Response:
    return requests.get(f"{vco.url}{V2}{path}", headers=auth(vco), timeout=10)


def identifiable(vco: EmulatorProcess, **params: Any) -> dict[str, Any]:
    r = v1(vco, "configuration/getIdentifiableApplications", params)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_v1_catalogue_by_enterprise_and_edge(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    body = identifiable(vco, enterpriseId=acme.id)
    apps = {a["displayName"]: a for a in body["applications"]}
    teams = apps["Microsoft Teams"]
    assert teams["name"] == "MS_TEAMS" and isinstance(teams["id"], int)
    assert body["applicationClasses"][teams["class"]] == "Business Collaboration"
    assert teams["id"] in body["applicationClassToApplication"][str(teams["class"])]
    assert body["applicationToApplicationClass"][str(teams["id"])] == teams["class"]
    assert len(apps) >= 40 and len(body["applicationClasses"]) >= 10

    only = identifiable(vco, enterpriseId=acme.id, applicationIds=[teams["id"]])
    assert [a["id"] for a in only["applications"]] == [teams["id"]]

    edge = create_edge(vco, acme, name="nyc-01").json()
    edge_id = next(
        e["id"]
        for e in v1(vco, "enterprise/getEnterpriseEdges", {"enterpriseId": acme.id}).json()
        if e["logicalId"] == edge["logicalId"]
    )
    assert identifiable(vco, enterpriseId=acme.id, edgeId=edge_id)["applications"] == body["applications"]
    other = new_enterprise(vco, "Other")
    missing = v1(
        vco, "configuration/getIdentifiableApplications", {"enterpriseId": other.id, "edgeId": edge_id}
    )
    assert missing.status_code == 400 and "not found" in missing.json()["error"]["message"]

    routable = v1(vco, "configuration/getRoutableApplications", {"enterpriseId": acme.id}).json()
    names = {a["name"] for a in routable["applications"]}
    assert "MS_TEAMS" in names and "SSH" not in names  # known subnets only
    assert all(a["knownIpPortMapping"]["subnets"] for a in routable["applications"])
    assert routable["metaData"]["logicalId"] and routable["metaData"]["version"]


def test_v2_map_enterprise_and_edge_applications(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    edge = create_edge(vco, acme, name="nyc-01").json()
    routable = v1(vco, "configuration/getRoutableApplications", {"enterpriseId": acme.id}).json()
    map_id = routable["metaData"]["logicalId"]

    app_map = get(vco, f"/applicationMaps/{map_id}").json()
    assert app_map["logicalId"] == map_id and app_map["blobContent"]["applications"]
    listed = get(vco, f"/applicationMaps/{map_id}/applications").json()
    slack = next(a for a in listed if a["displayName"] == "Slack")
    app_id = int(slack["_href"].rsplit("/", 1)[1])
    assert get(vco, f"/applicationMaps/{map_id}/applications/{app_id}").json()["name"] == "SLACK"
    classes = get(vco, f"/applicationMaps/{map_id}/applicationClasses").json()
    assert {"Instant Messaging", "Web"} <= {c["name"] for c in classes}
    assert next(c["id"] for c in classes if c["name"] == "Instant Messaging") == slack["class"]

    ent = f"/enterprises/{acme.logical_id}"
    assert [a["name"] for a in get(vco, f"{ent}/applications").json()] == [a["name"] for a in listed]
    [one] = get(vco, f"{ent}/applications/{app_id}").json()
    assert one["displayName"] == "Slack" and one["_href"].endswith(f"{ent}/applications/{app_id}")
    edge_apps = get(vco, f"{ent}/edges/{edge['logicalId']}/applications").json()
    assert len(edge_apps) == len(listed)
    [on_edge] = get(vco, f"{ent}/edges/{edge['logicalId']}/applications/{app_id}").json()
    assert on_edge["name"] == "SLACK"

    assert get(vco, f"{ent}/applications/999999").status_code == 404
    assert get(vco, f"{ent}/applications/slack").status_code == 404
    assert get(vco, "/applicationMaps/00000000-0000-4000-8000-000000000000").status_code == 404


def test_refresh_and_push_map(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco, "ACME")
    meta = v1(vco, "configuration/getRoutableApplications", {"enterpriseId": acme.id}).json()["metaData"]

    dry = v1(vco, "configuration/updateApplicationMapContent", {"ids": [meta["id"]], "checkOnly": True})
    assert dry.status_code == 200 and dry.json() == [
        {"id": meta["id"], "name": meta["name"], "logicalId": meta["logicalId"]}
    ]
    unchanged = v1(vco, "configuration/getRoutableApplications", {"enterpriseId": acme.id}).json()["metaData"]
    assert unchanged["modified"] == meta["modified"]
    assert v1(vco, "configuration/updateApplicationMapContent", {"ids": [meta["id"]]}).status_code == 200
    refreshed = get(vco, f"/applicationMaps/{meta['logicalId']}").json()
    assert refreshed["timestamp"] >= meta["modified"]

    pushed = v1(vco, "configuration/updateApplicationMapProfiles", {"id": meta["id"], "checkOnly": True})
    assert pushed.status_code == 200, pushed.text
    assert {e["id"] for e in pushed.json()["enterprises"]} == {acme.id}
    assert [p["id"] for p in pushed.json()["profiles"]] == [acme.profile.id]
    bad = v1(vco, "configuration/updateApplicationMapContent", {"ids": [meta["id"] + 10_000]})
    assert bad.status_code == 400 and "does not exist" in bad.json()["error"]["message"]


def test_customers_see_their_catalogue_only(vco: EmulatorProcess) -> None:
    acme_id, acme_logical = enterprise(vco, "ACME")
    other_id, other_logical = enterprise(vco, "Other")
    token = issue_token(vco, add_user(vco, acme_id, "admin@acme.example"))
    own = as_user(vco, token, "configuration/getIdentifiableApplications")
    assert own.status_code == 200 and own.json()["applications"]
    theirs = as_user(vco, token, "configuration/getIdentifiableApplications", {"enterpriseId": other_id})
    assert theirs.status_code == 400 and "not found" in theirs.json()["error"]["message"]
    assert v2_as(vco, token, "GET", f"/enterprises/{acme_logical}/applications").status_code == 200
    assert v2_as(vco, token, "GET", f"/enterprises/{other_logical}/applications").status_code == 404
    # refreshing maps is an operator's job
    refused = as_user(vco, token, "configuration/updateApplicationMapContent", {"ids": [1]})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == -32003
