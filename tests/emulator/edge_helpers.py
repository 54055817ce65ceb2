"""Helpers for the edge tests: an enterprise with its profile ids, provisioning, and a peek at the store.

The store peek (read-only SQLite) answers what no API on this branch shows: which profiles
exist (an enterprise's profile ids, and whether an edge-specific profile is still there).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise

V2 = "/api/sdwan/v2"


@dataclass(frozen=True)
class Profile:
    id: int
    logical_id: str
    edge_specific: bool
    edge_id: int | None


@dataclass(frozen=True)
class Enterprise:
    id: int
    logical_id: str
    profile: Profile


def stored_profiles(vco: EmulatorProcess, enterprise_id: int) -> list[Profile]:
    with sqlite3.connect(f"file:{vco.db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT id, logical_id, data FROM objects WHERE kind = 'configuration' AND enterprise_id = ?"
            " ORDER BY id",
            (enterprise_id,),
        ).fetchall()
    profiles = []
    for row_id, logical_id, data in rows:
        fields = json.loads(data)
        profiles.append(Profile(row_id, logical_id, bool(fields["edgeSpecific"]), fields["edgeId"]))
    return profiles


def stored_count(vco: EmulatorProcess, kind: str) -> int:
    with sqlite3.connect(f"file:{vco.db}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM objects WHERE kind = ?", (kind,)).fetchone()[0])


def new_enterprise(vco: EmulatorProcess, name: str = "ACME") -> Enterprise:
    r = create_enterprise(vco, name)
    assert r.status_code == 201, r.text
    logical_id = r.json()["logicalId"]
    enterprise_id = next(
        e["id"] for e in v1(vco, "network/getNetworkEnterprises").json() if e["logicalId"] == logical_id
    )
    [profile] = stored_profiles(vco, enterprise_id)
    return Enterprise(enterprise_id, logical_id, profile)


def v1(vco: EmulatorProcess, method: str, params: dict[str, Any] | None = None) -> requests.Response:
    return requests.post(f"{vco.url}/portal/rest/{method}", json=params or {}, headers=auth(vco), timeout=10)


def edges_url(vco: EmulatorProcess, enterprise: Enterprise, edge: str | None = None) -> str:
    url = f"{vco.url}{V2}/enterprises/{enterprise.logical_id}/edges/"
    return url if edge is None else f"{url}{edge}/"


def create_edge(vco: EmulatorProcess, enterprise: Enterprise, **fields: Any) -> requests.Response:
    body = {"profile": enterprise.profile.logical_id, "modelNumber": "edge6X0", **fields}
    return requests.post(edges_url(vco, enterprise), json=body, headers=auth(vco), timeout=10)
