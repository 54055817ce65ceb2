"""v2 customers against the emulator server: envelopes, status codes and error bodies."""

from __future__ import annotations

import uuid

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise

V2 = "/api/sdwan/v2"


def test_create_returns_201_with_the_resource_and_get_finds_it(vco: EmulatorProcess) -> None:
    r = create_enterprise(vco, "ACME", city="New York", lat=40.7)
    assert r.status_code == 201
    body = r.json()
    uuid.UUID(body["logicalId"])
    assert body["name"] == "ACME" and body["city"] == "New York" and body["lat"] == 40.7
    assert body["_href"] == f"{V2}/enterprises/{body['logicalId']}/"
    assert "id" not in body and "description" not in body  # v2 shows neither
    got = requests.get(f"{vco.url}{V2}/enterprises/{body['logicalId']}/", headers=auth(vco), timeout=10)
    assert got.status_code == 200 and got.json() == body


def test_list_envelope_and_paging(vco: EmulatorProcess) -> None:
    for i in range(5):
        assert create_enterprise(vco, f"E{i}").status_code == 201
    r = requests.get(f"{vco.url}{V2}/enterprises/?limit=2", headers=auth(vco), timeout=10)
    page = r.json()
    assert set(page) == {"_href", "data", "metaData"}
    assert [e["name"] for e in page["data"]] == ["E0", "E1"]
    assert page["metaData"]["more"] is True and page["metaData"]["limit"] == 2
    names = [e["name"] for e in page["data"]]
    while page["metaData"]["more"]:
        # the page link alone carries the query; other parameters are ignored
        link = page["metaData"]["nextPageLink"]
        page = requests.get(
            f"{vco.url}{V2}/enterprises/",
            params={"nextPageLink": link, "limit": 1000},
            headers=auth(vco),
            timeout=10,
        ).json()
        names += [e["name"] for e in page["data"]]
    assert names == ["E0", "E1", "E2", "E3", "E4"]
    assert "prevPageLink" in page["metaData"]


def test_filters_and_sort(vco: EmulatorProcess) -> None:
    for name in ("alpha", "beta", "alphabet"):
        create_enterprise(vco, name)
    r = requests.get(
        f"{vco.url}{V2}/enterprises",
        params={"name[contains]": "alpha", "sortBy": "nameDESC"},
        headers=auth(vco),
        timeout=10,
    )
    assert [e["name"] for e in r.json()["data"]] == ["alphabet", "alpha"]


def test_invalid_create_is_400_with_field_errors(vco: EmulatorProcess) -> None:
    r = create_enterprise(vco, "", colour="red")
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert {e["path"] for e in body["errors"]} == {"name", "colour"}


def test_duplicate_name_is_422_and_nothing_is_written(vco: EmulatorProcess) -> None:
    assert create_enterprise(vco, "ACME").status_code == 201
    r = create_enterprise(vco, "acme")
    assert r.status_code == 422
    assert "already exists" in r.json()["message"]
    listed = requests.get(f"{vco.url}{V2}/enterprises/", headers=auth(vco), timeout=10).json()["data"]
    assert [e["name"] for e in listed] == ["ACME"]


def test_body_without_json_content_type_is_415(vco: EmulatorProcess) -> None:
    r = requests.post(
        f"{vco.url}{V2}/enterprises/",
        data='{"name": "x"}',
        headers={**auth(vco), "Content-Type": "text/plain"},
        timeout=10,
    )
    assert r.status_code == 415
    assert r.json()["code"] == "UNSUPPORTED_MEDIA_TYPE"


def test_malformed_json_is_400(vco: EmulatorProcess) -> None:
    r = requests.post(
        f"{vco.url}{V2}/enterprises/",
        data="{nope",
        headers={**auth(vco), "Content-Type": "application/json"},
        timeout=10,
    )
    assert r.status_code == 400


def test_missing_or_wrong_token_is_401(vco: EmulatorProcess) -> None:
    assert requests.get(f"{vco.url}{V2}/enterprises/", timeout=10).status_code == 401
    r = requests.get(f"{vco.url}{V2}/enterprises/", headers={"Authorization": "Token wrong"}, timeout=10)
    assert r.status_code == 401 and r.json()["code"] == "UNAUTHORIZED"


def test_unknown_ids_are_404_and_delete_is_204(vco: EmulatorProcess) -> None:
    missing = f"{vco.url}{V2}/enterprises/{uuid.uuid4()}/"
    assert requests.get(missing, headers=auth(vco), timeout=10).status_code == 404
    assert requests.delete(missing, headers=auth(vco), timeout=10).status_code == 404
    logical_id = create_enterprise(vco, "ACME").json()["logicalId"]
    r = requests.delete(f"{vco.url}{V2}/enterprises/{logical_id}", headers=auth(vco), timeout=10)
    assert r.status_code == 204 and r.content == b""
    assert (
        requests.get(f"{vco.url}{V2}/enterprises/{logical_id}/", headers=auth(vco), timeout=10).status_code
        == 404
    )


def test_every_response_has_a_request_id(vco: EmulatorProcess) -> None:
    for r in (
        requests.get(f"{vco.url}{V2}/enterprises/", timeout=10),
        requests.get(f"{vco.url}{V2}/nothing/here", headers=auth(vco), timeout=10),
        requests.get(f"{vco.url}/__emulator/health", timeout=10),
    ):
        uuid.UUID(r.headers["X-Request-ID"])


def test_stats_count_operations_and_writes(vco: EmulatorProcess) -> None:
    create_enterprise(vco, "ACME")
    requests.get(f"{vco.url}{V2}/enterprises/", headers=auth(vco), timeout=10)
    stats = vco.admin("GET", "stats")
    assert stats["byOperation"] == {"v2 createEnterprise": 1, "v2 getEnterprises": 1}
    assert stats["writes"] == 1 and stats["byStatus"] == {"200": 1, "201": 1}
