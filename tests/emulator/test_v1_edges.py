"""v1 edge methods against the emulator server, and v1/v2 seeing the same edges."""

from __future__ import annotations

import re
import uuid
from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .edge_helpers import (
    Enterprise,
    create_edge,
    edges_url,
    new_enterprise,
    stored_count,
    stored_profiles,
    v1,
)
from .helpers import auth

KEY = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")


def provision(vco: EmulatorProcess, ent: Enterprise, **fields: Any) -> requests.Response:
    params = {"enterpriseId": ent.id, "configurationId": ent.profile.id, "modelNumber": "edge510", **fields}
    return v1(vco, "edge/edgeProvision", params)


def second_profile(vco: EmulatorProcess, ent: Enterprise) -> int:
    """A second enterprise profile, written straight into the store (profiles are another module's API)."""
    import sqlite3

    with sqlite3.connect(vco.db) as conn:
        data = conn.execute("SELECT data FROM objects WHERE id = ?", (ent.profile.id,)).fetchone()[0]
        now = "2024-01-01T00:00:00.000Z"
        cur = conn.execute(
            "INSERT INTO objects (logical_id, kind, enterprise_id, name, data, created, modified)"
            " VALUES (?, 'configuration', ?, 'Second', ?, ?, ?)",
            (str(uuid.uuid4()), ent.id, data, now, now),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid


def test_provision_then_get_by_id_logical_id_key_and_name(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    r = provision(
        vco, ent, name="Branch", serialNumber="S1", site={"city": "Rome", "shippingSameAsLocation": 1}
    )
    assert r.status_code == 200, r.text
    result = r.json()
    # the real answer is {id, activationKey} (docs/evidence.md section 3): no logicalId
    assert set(result) == {"id", "activationKey"} and KEY.match(result["activationKey"])
    by_id = v1(vco, "edge/getEdge", {"id": result["id"], "enterpriseId": ent.id}).json()
    assert by_id["name"] == "Branch" and by_id["logicalId"]
    result["logicalId"] = by_id["logicalId"]
    assert by_id["activationState"] == "PENDING" and by_id["edgeState"] == "NEVER_ACTIVATED"
    assert by_id["isLive"] == 0 and by_id["alertsEnabled"] == 1  # tinyints
    assert by_id["enterpriseId"] == ent.id and by_id["enterpriseLogicalId"] == ent.logical_id
    for params in (
        {"logicalId": result["logicalId"]},
        {"activationKey": result["activationKey"], "enterpriseId": ent.id},
        {"name": "branch", "enterpriseId": ent.id},
    ):
        assert v1(vco, "edge/getEdge", params).json()["id"] == result["id"], params
    full = v1(
        vco,
        "edge/getEdge",
        {"id": result["id"], "with": ["site", "enterprise", "configuration", "recentLinks"]},
    ).json()
    assert full["site"]["city"] == "Rome" and full["site"]["shippingSameAsLocation"] == 1
    assert full["site"]["id"] == full["siteId"]
    assert full["enterprise"]["id"] == ent.id and full["recentLinks"] == []
    assert full["configuration"]["id"] == ent.profile.id


def test_unknown_edge_is_a_v1_error(vco: EmulatorProcess) -> None:
    r = v1(vco, "edge/getEdge", {"id": 999999})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32004


def test_v1_and_v2_see_the_same_edge(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    made = create_edge(vco, ent, name="V2 made").json()
    listed = v1(vco, "enterprise/getEnterpriseEdges", {"enterpriseId": ent.id, "with": ["site"]}).json()
    assert [(e["logicalId"], e["name"]) for e in listed] == [(made["logicalId"], "V2 made")]
    assert listed[0]["activationKey"] == made["activationKey"]
    edge_id = listed[0]["id"]
    r = v1(
        vco,
        "edge/updateEdgeAttributes",
        {
            "id": edge_id,
            "enterpriseId": ent.id,
            "_update": {"description": "from v1", "site": {"city": "Oslo"}},
        },
    )
    assert r.json() == {"rows": 1}
    seen = requests.get(
        edges_url(vco, ent, made["logicalId"]), params={"include": "site"}, headers=auth(vco), timeout=10
    ).json()
    assert seen["description"] == "from v1" and seen["site"]["city"] == "Oslo"


def test_update_edge_attributes_rules(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    a = provision(vco, ent, name="A", serialNumber="SA").json()
    provision(vco, ent, name="B", serialNumber="SB")
    ok = v1(
        vco,
        "edge/updateEdgeAttributes",
        {
            "id": a["id"],
            "_update": {
                "name": "A2",
                "serialNumber": "SA2",
                "customInfo": "c",
                "endpointPkiMode": "CERTIFICATE_REQUIRED",
            },
        },
    )
    assert ok.json() == {"rows": 1}
    got = v1(vco, "edge/getEdge", {"id": a["id"]}).json()
    assert (got["name"], got["serialNumber"], got["customInfo"], got["endpointPkiMode"]) == (
        "A2",
        "SA2",
        "c",
        "CERTIFICATE_REQUIRED",
    )
    for update, code in (
        ({"name": "b"}, -32009),
        ({"serialNumber": "SB"}, -32009),
        ({"edgeState": "X"}, -32602),
    ):
        r = v1(vco, "edge/updateEdgeAttributes", {"id": a["id"], "_update": {**update, "description": "no"}})
        assert r.status_code == 400 and r.json()["error"]["code"] == code, (update, r.text)
    assert v1(vco, "edge/getEdge", {"id": a["id"]}).json()["description"] is None


def test_set_edge_enterprise_configuration(vco: EmulatorProcess) -> None:
    ent, other = new_enterprise(vco), new_enterprise(vco, "Other")
    edge = provision(vco, ent, name="A").json()
    second = second_profile(vco, ent)
    r = v1(vco, "edge/setEdgeEnterpriseConfiguration", {"edgeId": edge["id"], "configurationId": second})
    assert r.json() == {"rows": 1}
    got = v1(vco, "edge/getEdge", {"id": edge["id"], "with": ["configuration"]}).json()
    assert got["configuration"]["id"] == second and got["configuration"]["name"] == "Second"
    specific = next(p for p in stored_profiles(vco, ent.id) if p.edge_specific)
    for bad in (other.profile.id, specific.id, 999999):
        r = v1(vco, "edge/setEdgeEnterpriseConfiguration", {"id": edge["id"], "configurationId": bad})
        assert r.status_code == 400 and r.json()["error"]["code"] == -32602, bad
    summary = v1(
        vco, "enterprise/getEnterpriseEdges", {"enterpriseId": ent.id, "with": ["configuration"]}
    ).json()
    assert summary[0]["configuration"]["enterprise"] == {"id": second, "name": "Second", "modules": []}


def test_get_enterprise_edges_with_configuration_names_profiles_and_overridden_modules(
    vco: EmulatorProcess,
) -> None:
    ent = new_enterprise(vco)
    provision(vco, ent, name="A")
    [edge] = v1(vco, "enterprise/getEnterpriseEdges", {"id": ent.id, "with": ["configuration"]}).json()
    configuration = edge["configuration"]
    assert configuration["enterprise"]["id"] == ent.profile.id
    modules = {m["name"]: m["isEdgeSpecific"] for m in configuration["enterprise"]["modules"]}
    assert modules["deviceSettings"] == 1 and modules["controlPlane"] == 0
    assert configuration["operator"]["name"] == "VMware SD-WAN Default Profile"


def test_provision_errors_write_nothing(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    assert provision(vco, ent, name="A", serialNumber="S").status_code == 200
    r = provision(vco, ent, name="B", modelNumber="edge9")
    assert r.status_code == 400 and r.json()["error"]["data"]["error"][0]["path"] == "modelNumber"
    assert "edge510lte" in r.json()["error"]["message"]
    assert provision(vco, ent, name="a").json()["error"]["code"] == -32009
    assert provision(vco, ent, name="C", serialNumber="s").json()["error"]["code"] == -32009
    assert stored_count(vco, "edge") == 1 and stored_count(vco, "site") == 1


def test_delete_one_or_many_removes_edge_specific_profiles(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    ids = [provision(vco, ent, name=f"E{i}").json()["id"] for i in range(3)]
    assert len(stored_profiles(vco, ent.id)) == 4
    assert v1(vco, "edge/deleteEdge", {"id": ids[0]}).json() == [{"id": ids[0], "rows": 1}]
    r = v1(vco, "edge/deleteEdge", {"ids": [ids[1], 999999], "enterpriseId": ent.id})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32004  # all or nothing
    assert v1(vco, "edge/deleteEdge", {"ids": ids[1:], "enterpriseId": ent.id}).json() == [
        {"id": ids[1], "rows": 1},
        {"id": ids[2], "rows": 1},
    ]
    assert stored_profiles(vco, ent.id) == [ent.profile]
    assert v1(vco, "enterprise/getEnterpriseEdges", {"enterpriseId": ent.id}).json() == []


def test_get_enterprise_edge_list_pages_with_next_page_link_and_filters(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    for i in range(30):
        provision(vco, ent, name=f"edge-{i:02d}", modelNumber="virtual" if i % 3 == 0 else "edge510")
    page = v1(
        vco, "enterprise/getEnterpriseEdgeList", {"enterpriseId": ent.id, "limit": 10, "_count": True}
    ).json()
    assert set(page) == {"metaData", "data"} and page["metaData"]["more"] is True
    assert page["metaData"]["count"] == 30
    names = [e["name"] for e in page["data"]]
    while page["metaData"]["more"]:
        page = v1(
            vco,
            "enterprise/getEnterpriseEdgeList",
            {"enterpriseId": ent.id, "nextPageLink": page["metaData"]["nextPageLink"], "limit": 1000},
        ).json()
        names += [e["name"] for e in page["data"]]
    assert names == [f"edge-{i:02d}" for i in range(30)]
    virtual = v1(
        vco,
        "enterprise/getEnterpriseEdgeList",
        {
            "enterpriseId": ent.id,
            "filters": {"and": [{"field": "modelNumber", "operator": "is", "value": "virtual"}]},
            "sortBy": [{"attribute": "name", "type": "DESC"}],
            "_filterSpec": True,
            "with": ["site", "configuration", "ha"],
        },
    ).json()
    # Without paging parameters the answer is the plain array of all matches.
    assert [e["name"] for e in virtual][:2] == ["edge-27", "edge-24"] and len(virtual) == 10
    assert virtual[0]["configuration"]["enterprise"] == {
        "id": ent.profile.id,
        "name": "Quick Start Profile",
    }
    assert "site" in virtual[0]
    found = v1(
        vco, "enterprise/getEnterpriseEdgeList", {"enterpriseId": ent.id, "quickSearch": "EDGE-1"}
    ).json()
    assert len(found) == 10
    bad = v1(
        vco,
        "enterprise/getEnterpriseEdgeList",
        {"enterpriseId": ent.id, "filters": {"and": [{"field": "name", "operator": "like", "value": "x"}]}},
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == -32602


def test_admin_activation_is_visible_in_v1(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = provision(vco, ent, name="A").json()
    logical_id = v1(vco, "edge/getEdge", {"id": edge["id"]}).json()["logicalId"]
    r = requests.post(f"{vco.url}/__emulator/edges/{logical_id}/activate", timeout=10)
    assert r.status_code == 200
    got = v1(vco, "edge/getEdge", {"id": edge["id"]}).json()
    assert got["activationState"] == "ACTIVATED" and got["edgeState"] == "CONNECTED" and got["isLive"] == 1
    assert got["softwareVersion"] and got["buildNumber"] and got["activationTime"]


def test_parameters_real_clients_send_are_accepted(vco: EmulatorProcess) -> None:
    """What code that runs against real Orchestrators sends (docs/evidence.md section 7, N)."""
    ent = new_enterprise(vco)
    r = provision(vco, ent, name="Loose", configurationId=str(ent.profile.id), licenseId=7)
    assert r.status_code == 200, r.text
    edge_id = r.json()["id"]
    assert v1(vco, "edge/getEdge", {"edgeId": edge_id}).json()["name"] == "Loose"
    stack = v1(
        vco, "edge/getEdgeConfigurationStack", {"edgeId": edge_id, "with": ["modules"], "noData": True}
    )
    assert stack.status_code == 200, stack.text
    assert [m["name"] for m in stack.json()[0]["modules"]] == ["deviceSettings", "WAN"]
    modules = v1(
        vco,
        "configuration/getConfigurationModules",
        {"id": ent.profile.id, "enterpriseId": ent.id, "modules": ["QOS"], "rawData": True},
    )
    assert modules.status_code == 200 and [m["name"] for m in modules.json()] == ["QOS"], modules.text
    missing = v1(vco, "configuration/getConfigurationModules", {"enterpriseId": ent.id})
    assert missing.status_code == 400 and "configurationId (or id) is required" in missing.text
    bad = provision(vco, ent, name="Bad", configurationId="not-a-number")
    assert bad.status_code == 400 and "configurationId" in bad.text
