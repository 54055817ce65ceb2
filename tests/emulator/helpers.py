"""Small HTTP helpers for talking to the emulator server directly with requests."""

from __future__ import annotations

from typing import Any

import requests

from vco_emulator.domain.seed import seed_logical_id
from vco_emulator.process import EmulatorProcess

GATEWAY_POOL = seed_logical_id("gateway-pool")
OPERATOR_PROFILE = seed_logical_id("operator-profile")


def auth(vco: EmulatorProcess) -> dict[str, str]:
    return {"Authorization": f"Token {vco.token}"}


def create_enterprise(vco: EmulatorProcess, name: str, **fields: Any) -> requests.Response:
    body = {"name": name, "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE], **fields}
    return requests.post(f"{vco.url}/api/sdwan/v2/enterprises/", json=body, headers=auth(vco), timeout=10)


def v1(vco: EmulatorProcess, method: str, params: dict[str, Any] | None = None) -> requests.Response:
    return requests.post(f"{vco.url}/portal/rest/{method}", json=params or {}, headers=auth(vco), timeout=10)
