"""Profile and Edge dynamic providers, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.profile import ProfileProvider
from vco_emulator.process import EmulatorProcess


def edge_inputs(enterprise: dict[str, Any], profile: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "name": "nyc-01",
        "model_number": "edge6X0",
        "serial_number": "VC0600000001",
        "site": {"name": "NYC", "city": "New York", "country": "US", "lat": 40.7, "lon": -74.0},
        **extra,
    }


def test_profile_lifecycle(enterprise: dict[str, Any], vco: EmulatorProcess) -> None:
    p = ProfileProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "Branch", "description": "first"}
    before = vco.admin("GET", "stats")["byOperation"]
    created = p.create(news)
    made = vco.admin("GET", "stats")["byOperation"]
    outs = created.outs
    assert outs is not None and outs["logical_id"] == created.id and outs["description"] == "first"
    updates = "v1 configuration/updateConfiguration"
    assert made.get(updates, 0) == before.get(updates, 0), "the clone took the description"
    assert p.diff(created.id, outs, news).changes is False
    assert p.read(created.id, outs).outs == outs
    renamed = {**news, "name": "Branch 2", "description": "second"}
    updated = p.update(created.id, outs, renamed).outs
    assert updated is not None and updated["name"] == "Branch 2" and updated["description"] == "second"
    p.delete(created.id, updated)
    assert p.read(created.id, updated).id is None
    p.delete(created.id, updated)


def test_profile_name_taken_says_how_to_adopt(profile: dict[str, Any], enterprise: dict[str, Any]) -> None:
    with pytest.raises(VcoResourceError, match="set adopt=True"):
        ProfileProvider().create({"enterprise_id": enterprise["logical_id"], "name": "Branch"})
    adopted = ProfileProvider().create(
        {"enterprise_id": enterprise["logical_id"], "name": "Branch", "adopt": True}
    )
    assert adopted.id == profile["logical_id"]


def test_edge_lifecycle(enterprise: dict[str, Any], profile: dict[str, Any], vco: EmulatorProcess) -> None:
    e = EdgeProvider()
    news = edge_inputs(enterprise, profile, description="first floor")
    before = vco.admin("GET", "stats")["total"]
    created = e.create(news)
    assert vco.admin("GET", "stats")["total"] - before <= 2, "create costs at most two calls per edge"
    outs = created.outs
    assert outs is not None
    assert outs["activation_state"] == "PENDING" and outs["edge_state"] == "NEVER_ACTIVATED"
    assert outs["activation_key"] and outs["profile_id"] == profile["logical_id"]
    assert outs["description"] == "first floor" and outs["site"]["city"] == "New York"
    assert e.diff(created.id, outs, news).changes is False

    read = e.read(created.id, outs)
    assert read.outs is not None
    assert e.diff(created.id, read.outs, news).changes is False, e.changed_fields(read.outs, news)

    moved = {
        **news,
        "name": "nyc-02",
        "description": "second floor",
        "site": {**news["site"], "city": "Brooklyn"},
    }
    assert e.changed_fields(outs, moved) == ["name", "description", "site"]
    updated = e.update(created.id, outs, moved).outs
    assert updated is not None
    assert updated["name"] == "nyc-02" and updated["description"] == "second floor"
    assert updated["site"]["city"] == "Brooklyn" and updated["site"]["name"] == "NYC"

    e.delete(created.id, updated)
    assert e.read(created.id, updated).id is None
    e.delete(created.id, updated)


def test_edge_moves_between_profiles_in_place(enterprise: dict[str, Any], profile: dict[str, Any]) -> None:
    other = ProfileProvider().create({"enterprise_id": enterprise["logical_id"], "name": "Hub"}).outs
    assert other is not None
    e = EdgeProvider()
    news = edge_inputs(enterprise, profile)
    created = e.create(news)
    assert created.outs is not None
    moved = {**news, "profile_id": other["logical_id"]}
    result = e.diff(created.id, created.outs, moved)
    assert result.changes is True and result.replaces == []
    updated = e.update(created.id, created.outs, moved).outs
    assert updated is not None and updated["profile_id"] == other["logical_id"]
    read = e.read(created.id, updated).outs
    assert read is not None and read["profile_id"] == other["logical_id"]


def test_profile_in_use_cannot_be_deleted_and_says_by_whom(
    enterprise: dict[str, Any], profile: dict[str, Any]
) -> None:
    EdgeProvider().create(edge_inputs(enterprise, profile))
    with pytest.raises(VcoResourceError, match="nyc-01"):
        ProfileProvider().delete(profile["logical_id"], profile)


def test_out_of_band_change_is_seen_by_read(
    enterprise: dict[str, Any], profile: dict[str, Any], vco: EmulatorProcess, client: VcoClient
) -> None:
    e = EdgeProvider()
    news = edge_inputs(enterprise, profile)
    created = e.create(news)
    client.v2.update_edge(
        enterprise["logical_id"], created.id, [{"op": "replace", "path": "/name", "value": "renamed"}]
    )
    read = e.read(created.id, created.outs or {}).outs
    assert read is not None and read["name"] == "renamed"
    assert e.changed_fields(read, news) == ["name"]


def test_edge_name_taken_and_adopt(
    enterprise: dict[str, Any], profile: dict[str, Any], vco: EmulatorProcess
) -> None:
    e = EdgeProvider()
    first = e.create(edge_inputs(enterprise, profile))
    with pytest.raises(VcoResourceError, match="set adopt=True"):
        e.create(edge_inputs(enterprise, profile, serial_number="VC0600000002"))
    adopted = e.create(edge_inputs(enterprise, profile, description="adopted", adopt=True))
    assert adopted.id == first.id
    assert adopted.outs is not None and adopted.outs["description"] == "adopted"
    r = requests.get(
        f"{vco.url}/api/sdwan/v2/enterprises/{enterprise['logical_id']}/edges/",
        headers={"Authorization": f"Token {vco.token}"},
        timeout=10,
    )
    assert [x["name"] for x in r.json()["data"]] == ["nyc-01"]
