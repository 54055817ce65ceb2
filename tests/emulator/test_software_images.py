"""Software images against the emulator server: operator profiles assigned to an enterprise, its
default, an edge's own image, edge image management, and who may change them."""

from __future__ import annotations

from typing import Any

import requests

from vco_emulator.domain.seed import seed_logical_id
from vco_emulator.process import EmulatorProcess

from .edge_helpers import Enterprise, create_edge, new_enterprise
from .helpers import v1
from .tenants import add_user, as_user, issue_token


def _images(vco: EmulatorProcess) -> dict[str, int]:
    """Seed two more operator profiles; their numeric ids (and the default's) by name."""
    r = requests.post(f"{vco.url}/__emulator/seed", json={"fixture": "software-images"}, timeout=10)
    assert r.status_code == 200, r.text
    return {p["name"]: int(p["id"]) for p in v1(vco, "network/getNetworkConfigurations").json()}


def _edge(vco: EmulatorProcess, ent: Enterprise, name: str = "branch-1") -> int:
    logical_id = create_edge(vco, ent, name=name).json()["logicalId"]
    return int(v1(vco, "edge/getEdge", {"logicalId": logical_id}).json()["id"])


def _specific(vco: EmulatorProcess, eid: int, **options: Any) -> list[dict[str, Any]]:
    r = v1(vco, "enterprise/getEnterpriseSpecificOperatorConfigurations", {"enterpriseId": eid, **options})
    assert r.status_code == 200, r.text
    result: list[dict[str, Any]] = r.json()
    return result


def _edge_image(vco: EmulatorProcess, eid: int, edge_id: int) -> str:
    listed = v1(vco, "enterprise/getEnterpriseEdges", {"enterpriseId": eid, "with": ["configuration"]}).json()
    [edge] = [e for e in listed if e["id"] == edge_id]
    return str(edge["configuration"]["operator"]["name"])


def test_assign_default_and_edge_image(vco: EmulatorProcess) -> None:
    images = _images(vco)
    new, old = images["Edge 5.2.0 image"], images["Edge 4.5.2 image"]
    base = images["VMware SD-WAN Default Profile"]
    ent = new_enterprise(vco)
    edge_id = _edge(vco, ent)
    assert [p["name"] for p in _specific(vco, ent.id)] == ["VMware SD-WAN Default Profile"]

    r = v1(
        vco,
        "enterprise/addEnterpriseOperatorConfiguration",
        {"configurationId": new, "enterpriseIds": [ent.id]},
    )
    assert r.json() == {"rows": 1}
    r = v1(
        vco,
        "enterprise/assignEnterpriseOperatorConfigurations",
        {"enterpriseId": ent.id, "configurationIds": [base, new, old]},
    )
    assert r.status_code == 200, r.text
    assert [(i["id"], i["isTemplate"], i["enterpriseId"]) for i in r.json()] == [
        (base, True, ent.id), (new, False, ent.id), (old, False, ent.id)
    ]  # fmt: skip
    first = {p["id"]: p["configurationAssociationId"] for p in _specific(vco, ent.id)}
    assert first == {p["id"]: p["configurationAssociationId"] for p in _specific(vco, ent.id)}  # stable

    # an edge's own image, shown in the edge list's configuration
    assert _edge_image(vco, ent.id, edge_id) == "VMware SD-WAN Default Profile"
    r = v1(
        vco,
        "edge/setEdgeOperatorConfiguration",
        {"edgeId": edge_id, "enterpriseId": ent.id, "configurationId": new, "networkId": 1},
    )
    assert r.json() == {"rows": 1}
    assert _edge_image(vco, ent.id, edge_id) == "Edge 5.2.0 image"
    counts = {p["name"]: p["edgeCount"] for p in _specific(vco, ent.id, withEdgeCount=True, withModules=True)}
    assert counts == {"VMware SD-WAN Default Profile": 0, "Edge 5.2.0 image": 1, "Edge 4.5.2 image": 0}

    # the enterprise default
    r = v1(
        vco,
        "enterprise/setDefaultEnterpriseOperatorConfiguration",
        {"enterpriseId": ent.id, "configurationId": old},
    )
    assert r.status_code == 200 and r.json()[0]["rows"] == 1
    assert (
        v1(vco, "enterprise/getEnterpriseDefaultOperatorConfiguration", {"enterpriseId": ent.id}).json()["id"]
        == old
    )
    assert (
        v1(vco, "enterprise/getEnterpriseOperatorConfiguration", {"enterpriseId": ent.id}).json()["id"] == old
    )

    # unset: only the profile the edge chose; then it runs the default again
    r = v1(vco, "edge/unsetEdgeOperatorConfiguration", {"edgeId": edge_id, "configurationId": old})
    assert r.json()["rows"] == 0 and "does not run" in r.json()["error"]
    r = v1(vco, "edge/unsetEdgeOperatorConfiguration", {"edgeId": edge_id, "configurationId": new})
    assert r.json() == {"id": edge_id, "rows": 1}
    assert _edge_image(vco, ent.id, edge_id) == "Edge 4.5.2 image"

    # setEnterpriseOperatorConfiguration: the default, first in the list
    r = v1(
        vco, "enterprise/setEnterpriseOperatorConfiguration", {"enterpriseId": ent.id, "configurationId": new}
    )
    assert r.json() == {"id": ent.id, "rows": 1}
    assert [(p["id"], p["isTemplate"]) for p in _specific(vco, ent.id)] == [(new, 1), (base, 0), (old, 0)]


def test_edge_image_rules(vco: EmulatorProcess) -> None:
    images = _images(vco)
    new = images["Edge 5.2.0 image"]
    ent = new_enterprise(vco)
    edge_id = _edge(vco, ent)
    r = v1(vco, "edge/setEdgeOperatorConfiguration", {"edgeId": edge_id, "configurationId": new})
    assert r.status_code == 400 and "not assigned to enterprise" in r.json()["error"]["message"]
    assert "configurationId" in str(r.json()["error"]["data"])
    r = v1(vco, "edge/setEdgeOperatorConfiguration", {"edgeId": edge_id, "configurationId": ent.profile.id})
    assert r.status_code == 400 and "is not an operator profile" in r.json()["error"]["message"]
    r = v1(
        vco,
        "enterprise/assignEnterpriseOperatorConfigurations",
        {"enterpriseId": ent.id, "configurationIds": []},
    )
    assert r.status_code == 400 and "at least one" in r.json()["error"]["message"]
    r = v1(
        vco,
        "enterprise/setDefaultEnterpriseOperatorConfiguration",
        {"enterpriseId": ent.id, "configurationId": new},
    )
    assert r.status_code == 400 and "assign it first" in r.json()["error"]["message"]

    # removing an assignment everywhere: only from image-managed enterprises, edges fall back
    v1(
        vco,
        "enterprise/addEnterpriseOperatorConfiguration",
        {"configurationId": new, "enterpriseIds": [ent.id]},
    )
    v1(vco, "edge/setEdgeOperatorConfiguration", {"edgeId": edge_id, "configurationId": new})
    r = v1(vco, "configuration/removeOperatorConfigurationAssocFromEnterprises", {"configurationId": new})
    assert r.json() == {"rowsAffected": 0}
    r = v1(vco, "enterprise/updateEdgeImageManagement", {"enterpriseId": ent.id, "edgeImageManagement": True})
    assert r.json() == {"rowsAffected": 1}
    r = v1(vco, "configuration/removeOperatorConfigurationAssocFromEnterprises", {"configurationId": new})
    assert r.json() == {"rowsAffected": 1}
    assert [p["name"] for p in _specific(vco, ent.id)] == ["VMware SD-WAN Default Profile"]
    assert _edge_image(vco, ent.id, edge_id) == "VMware SD-WAN Default Profile"


def test_image_management_and_enterprise_users(vco: EmulatorProcess) -> None:
    images = _images(vco)
    new = images["Edge 5.2.0 image"]
    ent = new_enterprise(vco)
    other = new_enterprise(vco, "Other")
    edge_id = _edge(vco, ent)
    v1(
        vco,
        "enterprise/addEnterpriseOperatorConfiguration",
        {"configurationId": new, "enterpriseIds": [ent.id]},
    )
    token = issue_token(vco, add_user(vco, ent.id, "admin@acme.example"))

    r = as_user(vco, token, "edge/setEdgeOperatorConfiguration", {"edgeId": edge_id, "configurationId": new})
    assert (
        r.status_code == 400 and "does not manage its edges' software images" in r.json()["error"]["message"]
    )
    r = as_user(
        vco,
        token,
        "enterprise/updateEdgeImageManagement",
        {"enterpriseId": ent.id, "edgeImageManagement": True},
    )
    assert r.status_code == 400  # operators and partners only

    r = v1(
        vco,
        "enterprise/updateEdgeImageManagementForEnterprises",
        {"enterpriseIds": [ent.id, other.id], "edgeImageManagement": True},
    )
    assert r.json() == [
        {"enterpriseId": ent.id, "rowsAffected": 1},
        {"enterpriseId": other.id, "rowsAffected": 1},
    ]
    r = as_user(vco, token, "edge/setEdgeOperatorConfiguration", {"edgeId": edge_id, "configurationId": new})
    assert r.status_code == 400  # enabled, but not delegated to the enterprise

    # another customer's user does not see the edge
    other_token = issue_token(vco, add_user(vco, other.id, "admin@other.example"))
    r = as_user(
        vco, other_token, "edge/setEdgeOperatorConfiguration", {"edgeId": edge_id, "configurationId": new}
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == -32004
    r = as_user(
        vco, other_token, "enterprise/getEnterpriseSpecificOperatorConfigurations", {"enterpriseId": ent.id}
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == -32004
    assert seed_logical_id("Edge 5.2.0 image") in {p["logicalId"] for p in _specific(vco, ent.id)}


def test_image_management_is_an_enterprise_property(vco: EmulatorProcess) -> None:
    ent, other = new_enterprise(vco), new_enterprise(vco, "Other")
    name = "vco.enterprise.edgeImageManagement.enable"
    r = v1(vco, "enterprise/getEnterpriseProperty", {"enterpriseId": ent.id, "name": name})
    assert r.status_code == 200 and r.json() is None  # never written: null (docs/evidence.md)
    v1(vco, "enterprise/updateEdgeImageManagement", {"enterpriseId": ent.id, "edgeImageManagement": True})
    v1(vco, "enterprise/updateEdgeImageManagement", {"enterpriseId": other.id, "edgeImageManagement": False})
    prop = v1(vco, "enterprise/getEnterpriseProperty", {"enterpriseId": ent.id, "name": name}).json()
    assert (prop["name"], prop["value"], prop["dataType"], prop["enterpriseId"]) == (
        name,
        "true",
        "BOOLEAN",
        ent.id,
    )
    r = v1(vco, "enterprise/getEnterpriseProperty", {"enterpriseId": ent.id})
    assert r.status_code == 400 and "name" in str(r.json()["error"]["data"])

    # the query a troubleshooting script runs against real Orchestrators (docs/evidence.md "Edge lifecycle")
    found = v1(vco, "enterprise/getEnterprisesWithProperty", {"name": name, "value": "true"}).json()
    assert [e["id"] for e in found] == [ent.id]
    found = v1(
        vco,
        "enterprise/getEnterprisesWithProperty",
        {"name": name, "value": "false", "enterpriseIds": [ent.id]},
    )
    assert found.json() == []

    token = issue_token(vco, add_user(vco, other.id, "admin@other.example"))
    r = as_user(vco, token, "enterprise/getEnterpriseProperty", {"enterpriseId": ent.id, "name": name})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32004
    assert as_user(vco, token, "enterprise/getEnterpriseProperty", {"name": name}).json()["value"] == "false"


def test_image_management_written_as_a_property_is_honoured(vco: EmulatorProcess) -> None:
    """Switched on through the generic property method (as a script would), edge image management
    is what the software-image methods see; switched off by their own method, the property reads so."""
    new = _images(vco)["Edge 5.2.0 image"]
    ent = new_enterprise(vco)
    name = "vco.enterprise.edgeImageManagement.enable"
    v1(
        vco,
        "enterprise/addEnterpriseOperatorConfiguration",
        {"configurationId": new, "enterpriseIds": [ent.id]},
    )
    r = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseProperty",
        {"enterpriseId": ent.id, "name": name, "value": "true"},
    )
    assert r.status_code == 200, r.text
    inserted = r.json()["id"]
    r = v1(vco, "configuration/removeOperatorConfigurationAssocFromEnterprises", {"configurationId": new})
    assert r.json() == {"rowsAffected": 1}
    assert [p["name"] for p in _specific(vco, ent.id)] == ["VMware SD-WAN Default Profile"]

    v1(vco, "enterprise/updateEdgeImageManagement", {"enterpriseId": ent.id, "edgeImageManagement": False})
    prop = v1(vco, "enterprise/getEnterpriseProperty", {"enterpriseId": ent.id, "name": name}).json()
    assert (prop["id"], prop["value"], prop["dataType"]) == (inserted, "false", "BOOLEAN")
