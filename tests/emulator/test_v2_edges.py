"""v2 edges against the emulator server: provision, read, list, JSON Patch, actions, delete, activation."""

from __future__ import annotations

import re
import uuid

import requests

from vco_emulator.process import EmulatorProcess

from .edge_helpers import V2, create_edge, edges_url, new_enterprise, stored_count, stored_profiles
from .helpers import auth

# The properties of the spec's EdgeResource (additionalProperties: false).
EDGE_RESOURCE_FIELDS = set(
    [
        "_href",
        "activationKey",
        "activationKeyExpires",
        "activationState",
        "activationTime",
        "alertsEnabled",
        "bastionState",
        "buildNumber",
        "created",
        "customInfo",
        "description",
        "deviceFamily",
        "deviceId",
        "dnsName",
        "edgeState",
        "edgeStateTime",
        "endpointPkiMode",
        "factoryBuildNumber",
        "factorySoftwareVersion",
        "platformBuildNumber",
        "platformFirmwareVersion",
        "modemBuildNumber",
        "modemFirmwareVersion",
        "lteRegion",
        "haLastContact",
        "haPreviousState",
        "haSerialNumber",
        "haState",
        "isLive",
        "lastContact",
        "logicalId",
        "modelNumber",
        "modified",
        "name",
        "operatorAlertsEnabled",
        "selfMacAddress",
        "serialNumber",
        "serviceState",
        "serviceUpSince",
        "softwareUpdated",
        "softwareVersion",
        "systemUpSince",
        "links",
        "site",
        "enterprise",
    ]
)
KEY = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")


def get(url: str, vco: EmulatorProcess, **params: str | int) -> requests.Response:
    return requests.get(url, params=params, headers=auth(vco), timeout=10)


def patch(url: str, vco: EmulatorProcess, ops: object) -> requests.Response:
    return requests.patch(url, json=ops, headers=auth(vco), timeout=10)


def test_create_answers_201_with_a_pending_edge_that_get_returns(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    r = create_edge(
        vco,
        ent,
        name="Branch 1",
        serialNumber="SN-1",
        description="first",
        customInfo="rack 4",
        site={"name": "Paris", "city": "Paris", "country": "FR", "lat": 48.85, "lon": 2.35},
    )
    assert r.status_code == 201, r.text
    edge = r.json()
    assert set(edge) <= EDGE_RESOURCE_FIELDS
    uuid.UUID(edge["logicalId"])
    assert KEY.match(edge["activationKey"])
    assert edge["activationState"] == "PENDING" and edge["edgeState"] == "NEVER_ACTIVATED"
    assert edge["isLive"] is False and edge["haState"] == "UNCONFIGURED"
    assert edge["name"] == "Branch 1" and edge["serialNumber"] == "SN-1" and edge["modelNumber"] == "edge6X0"
    assert edge["customInfo"] == "rack 4" and edge["activationKeyExpires"] > edge["created"]
    assert edge["_href"] == f"{V2}/enterprises/{ent.logical_id}/edges/{edge['logicalId']}/"
    assert set(edge["site"]) == {"_href"}  # linked resources only resolved on `include`
    assert edge["enterprise"] == {"_href": f"{V2}/enterprises/{ent.logical_id}/"}
    assert "softwareVersion" not in edge  # a non-nullable string the edge does not have yet
    got = get(edges_url(vco, ent, edge["logicalId"]), vco)
    assert got.status_code == 200 and got.json() == edge


def test_include_resolves_site_and_enterprise(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    logical_id = create_edge(
        vco, ent, name="B", site={"city": "Lyon", "shippingSameAsLocation": True}
    ).json()["logicalId"]
    edge = get(edges_url(vco, ent, logical_id), vco, include="site,enterprise").json()
    assert edge["site"]["city"] == "Lyon" and edge["site"]["shippingSameAsLocation"] is True
    assert edge["site"]["name"] == "B"  # a site without a name is named after its edge
    assert edge["enterprise"]["name"] == "ACME" and edge["enterprise"]["logicalId"] == ent.logical_id
    listed = get(edges_url(vco, ent), vco, include="site").json()["data"]
    assert listed[0]["site"]["city"] == "Lyon" and set(listed[0]["enterprise"]) == {"_href"}


def test_provisioning_creates_an_edge_specific_profile_that_delete_removes(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    logical_id = create_edge(vco, ent, name="B").json()["logicalId"]
    specific = [p for p in stored_profiles(vco, ent.id) if p.edge_specific]
    assert len(specific) == 1 and specific[0].edge_id is not None
    assert stored_count(vco, "site") == 1
    r = requests.delete(edges_url(vco, ent, logical_id), headers=auth(vco), timeout=10)
    assert r.status_code == 204 and r.content == b""
    assert stored_profiles(vco, ent.id) == [ent.profile]
    assert stored_count(vco, "site") == 0
    assert get(edges_url(vco, ent, logical_id), vco).status_code == 404
    again = requests.delete(edges_url(vco, ent, logical_id), headers=auth(vco), timeout=10)
    assert again.status_code == 404 and again.json()["code"] == "RESOURCE_NOT_FOUND"


def test_list_walks_30_edges_in_pages_of_10(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    for i in range(30):
        assert create_edge(vco, ent, name=f"edge-{i:02d}").status_code == 201
    page = get(edges_url(vco, ent), vco, limit=10).json()
    assert set(page) == {"_href", "data", "metaData"} and page["metaData"]["limit"] == 10
    names = [e["name"] for e in page["data"]]
    pages = 1
    while page["metaData"]["more"]:
        page = get(edges_url(vco, ent), vco, nextPageLink=page["metaData"]["nextPageLink"]).json()
        names += [e["name"] for e in page["data"]]
        pages += 1
    assert pages == 3 and names == [f"edge-{i:02d}" for i in range(30)]
    assert "nextPageLink" not in page["metaData"]


def test_list_filters_and_sort(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    create_edge(vco, ent, name="paris-1", serialNumber="A1")
    create_edge(vco, ent, name="paris-2", modelNumber="virtual")
    create_edge(vco, ent, name="lyon-1", serialNumber="B1")
    url = edges_url(vco, ent)
    by_name = get(url, vco, **{"name[startsWith]": "paris", "sortBy": "nameDESC"}).json()["data"]
    assert [e["name"] for e in by_name] == ["paris-2", "paris-1"]
    virtual = get(url, vco, **{"modelNumber[is]": "virtual"}).json()["data"]
    assert [e["name"] for e in virtual] == ["paris-2"]
    no_serial = get(url, vco, **{"serialNumber[isNull]": "true"}).json()["data"]
    assert [e["name"] for e in no_serial] == ["paris-2"]
    pending = get(url, vco, **{"edgeState[in]": "NEVER_ACTIVATED,OFFLINE"}).json()["data"]
    assert len(pending) == 3
    not_paris = get(url, vco, **{"name[notStartsWith]": "paris"}).json()["data"]
    assert [e["name"] for e in not_paris] == ["lyon-1"]
    # times filter as epoch milliseconds
    assert len(get(url, vco, **{"created[greaterOrEquals]": 1_500_000_000_000}).json()["data"]) == 3
    assert get(url, vco, **{"created[lesserOrEquals]": 1_500_000_000_000}).json()["data"] == []


def test_unlisted_filter_field_or_operator_is_400(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    r = get(edges_url(vco, ent), vco, **{"description[contains]": "x"})
    assert r.status_code == 400 and r.json()["errors"][0]["path"] == "description[contains]"
    r = get(edges_url(vco, ent), vco, **{"modelNumber[contains]": "edge"})
    assert r.status_code == 400 and "modelNumber takes the operators" in r.json()["errors"][0]["message"]


def test_patch_changes_name_description_custom_info_and_site(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = create_edge(
        vco, ent, name="old", description="d", site={"city": "Lyon", "contactName": "Ann"}
    ).json()
    url = edges_url(vco, ent, edge["logicalId"])
    r = patch(
        url,
        vco,
        [
            {"op": "replace", "path": "/name", "value": "new"},
            {"op": "replace", "path": "/customInfo", "value": "row 7"},
            {"op": "remove", "path": "/description"},
            {"op": "replace", "path": "/site/city", "value": "Nice"},
            {"op": "add", "path": "/site/postalCode", "value": "06000"},
            {"op": "move", "from": "/site/contactName", "path": "/site/shippingContactName"},
        ],
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["name"] == "new" and body["customInfo"] == "row 7" and body["description"] is None
    site = get(url, vco, include="site").json()["site"]
    assert site["city"] == "Nice" and site["postalCode"] == "06000"
    assert site["contactName"] is None and site["shippingContactName"] == "Ann"


def test_patch_with_a_bad_operation_is_400_and_changes_nothing(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = create_edge(vco, ent, name="keep").json()
    url = edges_url(vco, ent, edge["logicalId"])
    before = get(url, vco, include="site").json()
    for ops, path in [
        (
            [
                {"op": "replace", "path": "/name", "value": "x"},
                {"op": "replace", "path": "/edgeState", "value": "X"},
            ],
            "/edgeState",
        ),
        ([{"op": "replace", "path": "/site/colour", "value": "red"}], "/site/colour"),
        ([{"op": "test", "path": "/name", "value": "keep"}], "/0/op"),
        ([{"op": "copy", "from": "/name", "path": "/description"}], "/0/op"),
        ([{"op": "replace", "path": "/name"}], "/0"),
        ([{"op": "replace", "path": "/endpointPkiMode", "value": "NOPE"}], "endpointPkiMode"),
        ([{"op": "replace", "path": "/site/lat", "value": 123}], "site.lat"),
        ([{"op": "remove", "path": "/site"}], "site"),
    ]:
        r = patch(url, vco, ops)
        assert r.status_code == 400, (ops, r.text)
        body = r.json()
        assert body["code"] == "VALIDATION_ERROR" and path in [e["path"] for e in body["errors"]], (ops, body)
    r = patch(url, vco, {"op": "replace", "path": "/name", "value": "x"})
    assert r.status_code == 400  # not an array
    assert get(url, vco, include="site").json() == before


def test_duplicate_name_or_serial_is_422_and_nothing_is_written(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    other = new_enterprise(vco, "Other")
    assert create_edge(vco, ent, name="B1", serialNumber="SN-1").status_code == 201
    r = create_edge(vco, ent, name="b1")
    assert r.status_code == 422 and "already exists" in r.json()["message"]
    r = create_edge(vco, other, name="X", serialNumber="sn-1")  # serials are unique Orchestrator-wide
    assert r.status_code == 422 and "serialNumber" in r.json()["message"]
    assert create_edge(vco, other, name="B1").status_code == 201  # names are unique per enterprise only
    assert stored_count(vco, "edge") == 2 and stored_count(vco, "site") == 2
    assert len([p for p in stored_profiles(vco, ent.id) if p.edge_specific]) == 1
    second = create_edge(vco, ent, name="B2").json()
    r = patch(
        edges_url(vco, ent, second["logicalId"]), vco, [{"op": "replace", "path": "/name", "value": "B1"}]
    )
    assert r.status_code == 422
    assert get(edges_url(vco, ent, second["logicalId"]), vco).json()["name"] == "B2"


def test_bad_model_is_400_naming_the_field_and_the_models(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    r = create_edge(vco, ent, name="B", modelNumber="edge9000")
    assert r.status_code == 400
    [error] = r.json()["errors"]
    assert error["path"] == "modelNumber" and "edge6X0" in error["message"] and "virtual" in error["message"]
    assert stored_count(vco, "edge") == 0


def test_profile_must_be_an_enterprise_profile_of_the_same_enterprise(vco: EmulatorProcess) -> None:
    ent, other = new_enterprise(vco), new_enterprise(vco, "Other")
    create_edge(vco, ent, name="B")
    specific = next(p for p in stored_profiles(vco, ent.id) if p.edge_specific)
    for profile in (other.profile.logical_id, specific.logical_id, str(uuid.uuid4())):
        r = create_edge(vco, ent, name="C", profile=profile)
        assert r.status_code == 400 and r.json()["errors"][0]["path"] == "profile"
    missing = requests.post(
        f"{vco.url}{V2}/enterprises/{uuid.uuid4()}/edges/",
        json={"profile": ent.profile.logical_id, "modelNumber": "edge6X0"},
        headers=auth(vco),
        timeout=10,
    )
    assert missing.status_code == 404
    assert stored_count(vco, "edge") == 1


def test_an_enterprise_with_edges_cannot_be_deleted(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = create_edge(vco, ent, name="B").json()
    url = f"{vco.url}{V2}/enterprises/{ent.logical_id}/"
    r = requests.delete(url, headers=auth(vco), timeout=10)
    assert r.status_code == 422 and "edge" in r.json()["message"]
    assert get(edges_url(vco, ent, edge["logicalId"]), vco).status_code == 200
    requests.delete(edges_url(vco, ent, edge["logicalId"]), headers=auth(vco), timeout=10)
    assert requests.delete(url, headers=auth(vco), timeout=10).status_code == 204


def test_edge_of_another_enterprise_is_404(vco: EmulatorProcess) -> None:
    ent, other = new_enterprise(vco), new_enterprise(vco, "Other")
    edge = create_edge(vco, ent, name="B").json()
    assert get(edges_url(vco, other, edge["logicalId"]), vco).status_code == 404
    r = patch(
        edges_url(vco, other, edge["logicalId"]), vco, [{"op": "replace", "path": "/name", "value": "x"}]
    )
    assert r.status_code == 404


def test_actions(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = create_edge(vco, ent, name="B").json()
    vco_post = requests.post
    url = edges_url(vco, ent)
    r = vco_post(
        url, params={"action": "selfDestruct"}, json={"edges": [edge["logicalId"]]}, headers=auth(vco)
    )
    assert r.status_code == 400 and "reboot" in r.json()["message"]
    r = vco_post(url, params={"action": "reboot"}, json={"edges": [str(uuid.uuid4())]}, headers=auth(vco))
    assert r.status_code == 400 and r.json()["errors"][0]["path"] == "edges.0"
    activated = requests.post(f"{vco.url}/__emulator/edges/{edge['logicalId']}/activate", timeout=10).json()
    assert activated["edgeState"] == "CONNECTED"
    r = vco_post(url, params={"action": "reboot"}, json={"edges": [edge["logicalId"]]}, headers=auth(vco))
    assert r.status_code == 204
    r = vco_post(url, params={"action": "shutdown"}, json={"edges": [edge["logicalId"]]}, headers=auth(vco))
    assert r.status_code == 204
    after = get(edges_url(vco, ent, edge["logicalId"]), vco).json()
    assert after["edgeState"] == "OFFLINE" and after["isLive"] is False


def test_admin_activation_brings_the_edge_online(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    edge = create_edge(vco, ent, name="B", modelNumber="virtual").json()
    r = requests.post(
        f"{vco.url}/__emulator/edges/{edge['logicalId']}/activate",
        json={"softwareVersion": "5.2.0.0"},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (
        body["activationState"] == "ACTIVATED" and body["edgeState"] == "CONNECTED" and body["isLive"] is True
    )
    assert body["softwareVersion"] == "5.2.0.0" and body["buildNumber"] and body["activationTime"]
    assert body["serialNumber"] and body["deviceFamily"] == "VIRTUAL"
    got = get(edges_url(vco, ent, edge["logicalId"]), vco).json()
    assert got["activationState"] == "ACTIVATED" and got["softwareVersion"] == "5.2.0.0"
    assert requests.post(f"{vco.url}/__emulator/edges/{uuid.uuid4()}/activate", timeout=10).status_code == 404
