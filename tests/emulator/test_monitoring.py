"""v2 monitoring: events recorded for API writes, and every metric route's shape (vendor schema)."""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests

from vco_emulator.process import EmulatorProcess
from vco_emulator.store import Store

from ..fidelity.spec import errors, response_schema
from .helpers import auth, create_enterprise, v1

V2 = "/api/sdwan/v2"
ENT = V2 + "/enterprises/{enterpriseLogicalId}"
EDGE = ENT + "/edges/{edgeLogicalId}"


def get(vco: EmulatorProcess, path: str, **params: Any) -> requests.Response:
    return requests.get(f"{vco.url}{path}", params=params, headers=auth(vco), timeout=10)


def add_edge(vco: EmulatorProcess, enterprise_logical_id: str, name: str) -> str:
    """An `edge` row as the edges module stores it (kinds.py), written straight into the db."""
    store = Store(vco.db)
    try:
        with store.transaction() as tx:
            enterprise = tx.get("enterprise", logical_id=enterprise_logical_id)
            assert enterprise is not None
            edge = tx.insert("edge", name, {"edgeState": "NEVER_ACTIVATED"}, enterprise_id=enterprise.id)
    finally:
        store.close()
    return edge.logical_id


def test_writes_through_v1_and_v2_become_events_newest_first(vco: EmulatorProcess) -> None:
    body = create_enterprise(vco, "ACME").json()
    r = v1(vco, "enterprise/updateEnterprise", {"enterpriseId": 999999, "_update": {"city": "Porto"}})
    assert r.json()["rows"] == 0  # no such enterprise: no event
    enterprise_id = v1(vco, "enterprise/getEnterprise", {"enterpriseId": None}).status_code  # noqa: F841
    ent = requests.get(f"{vco.url}/__emulator/state", timeout=10).json()["objects"]["enterprise"][0]
    assert v1(
        vco, "enterprise/updateEnterprise", {"enterpriseId": ent["id"], "_update": {"city": "Porto"}}
    ).ok
    assert create_enterprise(vco, "ACME").status_code == 422  # failed write: no event

    r = get(vco, f"{V2}/enterprises/{body['logicalId']}/events")
    assert r.status_code == 200
    path = ENT + "/events"
    assert not errors(r.json(), response_schema(path))
    events = r.json()["data"]
    assert [e["event"] for e in events] == ["EXTERNAL_API_CALL", "CREATE_ENTERPRISE"]
    assert all(e["severity"] == "INFO" and "super@velocloud.net" in e["message"] for e in events)
    assert "updateEnterprise" in events[0]["message"] and "createEnterprise" in events[1]["message"]


def test_events_filter_page_and_time_window(vco: EmulatorProcess) -> None:
    logical_id = create_enterprise(vco, "ACME").json()["logicalId"]
    ent = requests.get(f"{vco.url}/__emulator/state", timeout=10).json()["objects"]["enterprise"][0]
    for city in ("A", "B", "C"):
        v1(vco, "enterprise/updateEnterprise", {"enterpriseId": ent["id"], "_update": {"city": city}})
    url = f"{V2}/enterprises/{logical_id}/events"
    assert len(get(vco, url, **{"event[is]": "CREATE_ENTERPRISE"}).json()["data"]) == 1
    assert len(get(vco, url, **{"enterpriseUsername[is]": "super@velocloud.net"}).json()["data"]) == 4
    page = get(vco, url, limit=3).json()
    assert len(page["data"]) == 3 and page["metaData"]["more"] is True
    rest = get(vco, url, nextPageLink=page["metaData"]["nextPageLink"]).json()
    assert [e["event"] for e in rest["data"]] == ["CREATE_ENTERPRISE"]
    future = int(time.time() * 1000) + 60_000
    assert get(vco, url, start=future).json()["data"] == []
    assert get(vco, url, start="yesterday").status_code == 400


def test_events_of_another_enterprise_are_not_shown_and_unknown_is_404(vco: EmulatorProcess) -> None:
    a = create_enterprise(vco, "A").json()["logicalId"]
    create_enterprise(vco, "B")
    assert len(get(vco, f"{V2}/enterprises/{a}/events").json()["data"]) == 1
    r = get(vco, f"{V2}/enterprises/00000000-0000-0000-0000-000000000000/events")
    assert r.status_code == 404


ENTERPRISE_ROUTES = [
    "/alerts",
    "/flowStats",
    "/linkStats",
    "/healthStats",
    "/bgpSessions",
    "/clientDevices",
    "/applications",
    "/gatewayNonSdWanSites",
    "/edgeNonSdwanServices/status",
]
EDGE_ROUTES = [
    "/applications",
    "/linkStats",
    "/linkStats/timeSeries",
    "/flowStats",
    "/flowStats/timeSeries",
    "/linkQualityStats",
    "/linkQualityStats/timeSeries",
    "/healthStats",
    "/healthStats/timeSeries",
    "/pathStats",
    "/pathStats/timeSeries",
    "/nonSdWanTunnelStatus",
]


@pytest.mark.parametrize("route", ENTERPRISE_ROUTES)
def test_enterprise_metrics_match_the_schema(vco: EmulatorProcess, route: str) -> None:
    logical_id = create_enterprise(vco, "ACME").json()["logicalId"]
    add_edge(vco, logical_id, "branch-1")
    r = get(vco, f"{V2}/enterprises/{logical_id}{route}")
    assert r.status_code == 200, r.text
    assert not errors(r.json(), response_schema(ENT + route))
    if route == "/healthStats":
        assert [row["edge"]["name"] for row in r.json()["data"]] == ["branch-1"]
    assert get(vco, f"{V2}/enterprises/00000000-0000-0000-0000-000000000000{route}").status_code == 404


@pytest.mark.parametrize("route", EDGE_ROUTES)
def test_edge_metrics_match_the_schema_and_404_without_the_edge(vco: EmulatorProcess, route: str) -> None:
    logical_id = create_enterprise(vco, "ACME").json()["logicalId"]
    other = create_enterprise(vco, "Other").json()["logicalId"]
    missing = get(vco, f"{V2}/enterprises/{logical_id}/edges/00000000-0000-0000-0000-000000000000{route}")
    assert missing.status_code == 404
    edge = add_edge(vco, logical_id, "branch-1")
    r = get(vco, f"{V2}/enterprises/{logical_id}/edges/{edge}{route}")
    assert r.status_code == 200, r.text
    assert not errors(r.json(), response_schema(EDGE + route))
    assert get(vco, f"{V2}/enterprises/{other}/edges/{edge}{route}").status_code == 404


def test_edge_health_series_covers_the_window_for_the_asked_metrics(vco: EmulatorProcess) -> None:
    logical_id = create_enterprise(vco, "ACME").json()["logicalId"]
    edge = add_edge(vco, logical_id, "branch-1")
    url = f"{V2}/enterprises/{logical_id}/edges/{edge}/healthStats/timeSeries"
    r = get(vco, url, start=0, end=3_600_000, metrics="cpuPct,memoryPct")
    series = r.json()["series"]
    assert [s["metric"] for s in series] == ["cpuPct", "memoryPct"]
    assert series[0]["startTime"] == "1970-01-01T00:00:00.000Z" and len(series[0]["data"]) == 12
    bad = get(vco, url, metrics="temperature")
    assert bad.status_code == 400 and "temperature" in bad.json()["message"]


def test_unknown_client_device_and_application_are_404(vco: EmulatorProcess) -> None:
    logical_id = create_enterprise(vco, "ACME").json()["logicalId"]
    assert get(vco, f"{V2}/enterprises/{logical_id}/clientDevices/x").status_code == 404
    assert get(vco, f"{V2}/enterprises/{logical_id}/applications/1").status_code == 404
