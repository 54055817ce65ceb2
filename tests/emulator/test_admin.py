"""Admin extras: named seed fixtures and the state dump (without secrets)."""

from __future__ import annotations

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise


def test_seed_demo_creates_enterprises_visible_through_the_api(vco: EmulatorProcess) -> None:
    created = vco.admin("POST", "seed", {"fixture": "demo"})["created"]
    assert [c["name"] for c in created] == ["Demo Retail", "Demo Logistics"]
    r = requests.get(f"{vco.url}/api/sdwan/v2/enterprises/", headers=auth(vco), timeout=10)
    assert sorted(e["name"] for e in r.json()["data"]) == ["Demo Logistics", "Demo Retail"]


def test_seeding_twice_is_refused_without_partial_write(vco: EmulatorProcess) -> None:
    vco.admin("POST", "seed", {"fixture": "demo"})
    before = vco.admin("GET", "state")["objects"]
    r = requests.post(f"{vco.url}/__emulator/seed", json={"fixture": "demo"}, timeout=10)
    assert r.status_code == 422 and "Demo Retail" in r.json()["message"]
    assert vco.admin("GET", "state")["objects"] == before


def test_unknown_fixture_names_the_known_ones(vco: EmulatorProcess) -> None:
    r = requests.post(f"{vco.url}/__emulator/seed", json={"fixture": "huge"}, timeout=10)
    assert r.status_code == 400 and "demo" in r.json()["message"]


def test_state_dumps_objects_by_kind_without_secrets(vco: EmulatorProcess) -> None:
    user = {"username": "admin@acme.example", "password": "s3cret-Passw0rd", "password2": "s3cret-Passw0rd"}
    assert create_enterprise(vco, "ACME", user=user).status_code == 201
    r = requests.get(f"{vco.url}/__emulator/state", timeout=10)
    objects = r.json()["objects"]
    assert [e["name"] for e in objects["enterprise"]] == ["ACME"]
    assert [u["name"] for u in objects["enterprise_user"]] == ["admin@acme.example"]
    assert objects["operator_user"][0]["name"] == "super@velocloud.net"
    text = r.text.lower()
    assert "sha256" not in text and "password" not in text and vco.token.lower() not in text
