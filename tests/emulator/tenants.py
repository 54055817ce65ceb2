"""Helpers for tenancy tests: customers with users, their tokens, and calls as those users."""

from __future__ import annotations

from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import create_enterprise, v1

PASSWORD = "correct horse battery"
ROLE_IDS = {"ENTERPRISE_SUPERUSER": 9, "ENTERPRISE_STANDARD_ADMIN": 10, "ENTERPRISE_READ_ONLY": 12}


def enterprise(vco: EmulatorProcess, name: str) -> tuple[int, str]:
    """Create a customer; returns its numeric id and logicalId."""
    logical_id = create_enterprise(vco, name).json()["logicalId"]
    ids = [e["id"] for e in v1(vco, "network/getNetworkEnterprises").json() if e["logicalId"] == logical_id]
    return int(ids[0]), logical_id


def add_user(
    vco: EmulatorProcess, enterprise_id: int, username: str, role: str = "ENTERPRISE_SUPERUSER"
) -> int:
    r = v1(
        vco,
        "enterprise/insertEnterpriseUser",
        {"enterpriseId": enterprise_id, "username": username, "password": PASSWORD, "roleId": ROLE_IDS[role]},
    )
    assert r.status_code == 200, r.text
    return int(r.json()["id"])


def issue_token(vco: EmulatorProcess, user_id: int, lifetime_ms: int = 3_600_000) -> str:
    """Create (as the operator) and download a token for a user."""
    r = v1(
        vco,
        "enterprise/createApiToken",
        {"enterpriseUserId": user_id, "name": "ci", "lifetimeMs": lifetime_ms},
    )
    assert r.status_code == 200, r.text
    token_id = r.json()["id"]
    return str(v1(vco, "enterprise/downloadApiToken", {"id": token_id}).json()["token"])


def as_user(
    vco: EmulatorProcess, token: str, method: str, params: dict[str, Any] | None = None
) -> requests.Response:
    return requests.post(
        f"{vco.url}/portal/rest/{method}",
        json=params or {},
        headers={"Authorization": f"Token {token}"},
        timeout=10,
    )


def v2_as(vco: EmulatorProcess, token: str, verb: str, path: str, **kwargs: Any) -> requests.Response:
    return requests.request(
        verb,
        f"{vco.url}/api/sdwan/v2{path}",
        headers={"Authorization": f"Token {token}"},
        timeout=10,
        **kwargs,
    )
