"""The legacy /sdwan/ prefix answers 308 to the same path under /api/sdwan/v2/."""

from __future__ import annotations

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import GATEWAY_POOL, OPERATOR_PROFILE, auth


def test_get_redirects_with_query_and_requests_follows(vco: EmulatorProcess) -> None:
    r = requests.get(
        f"{vco.url}/sdwan/v2/enterprises/?limit=1", headers=auth(vco), allow_redirects=False, timeout=10
    )
    assert r.status_code == 308
    assert r.headers["Location"] == "/api/sdwan/v2/enterprises/?limit=1"
    followed = requests.get(f"{vco.url}/sdwan/v2/enterprises/", headers=auth(vco), timeout=10)
    assert followed.status_code == 200 and followed.json()["data"] == []


def test_prefix_without_version_also_redirects(vco: EmulatorProcess) -> None:
    r = requests.get(f"{vco.url}/sdwan/enterprises/", headers=auth(vco), allow_redirects=False, timeout=10)
    assert r.status_code == 308 and r.headers["Location"] == "/api/sdwan/v2/enterprises/"


def test_post_is_repeated_with_its_body_after_308(vco: EmulatorProcess) -> None:
    body = {"name": "ACME", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    r = requests.post(f"{vco.url}/sdwan/v2/enterprises/", json=body, headers=auth(vco), timeout=10)
    assert r.status_code == 201 and r.json()["name"] == "ACME"
    assert r.history[0].status_code == 308
