"""Helpers for the profile, module and deviceSettings tests: ids, modules, async timing, polling."""

from __future__ import annotations

import time
from typing import Any

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise, v1

V2 = "/api/sdwan/v2"


def new_enterprise(vco: EmulatorProcess, name: str = "ACME") -> tuple[int, str]:
    """Create an enterprise; return its numeric id and logicalId."""
    r = create_enterprise(vco, name)
    assert r.status_code == 201, r.text
    logical_id = r.json()["logicalId"]
    for e in v1(vco, "network/getNetworkEnterprises").json():
        if e["logicalId"] == logical_id:
            return int(e["id"]), logical_id
    raise AssertionError(f"{logical_id} not listed by v1")


def profiles(
    vco: EmulatorProcess, enterprise_id: int, with_: list[str] | None = None
) -> list[dict[str, Any]]:
    r = v1(
        vco, "enterprise/getEnterpriseConfigurations", {"enterpriseId": enterprise_id, "with": with_ or []}
    )
    assert r.status_code == 200, r.text
    result: list[dict[str, Any]] = r.json()
    return result


def quick_start(vco: EmulatorProcess, enterprise_id: int) -> dict[str, Any]:
    [profile] = [p for p in profiles(vco, enterprise_id) if p["name"] == "Quick Start Profile"]
    return profile


def module(vco: EmulatorProcess, configuration_id: int, name: str) -> dict[str, Any]:
    r = v1(
        vco, "configuration/getConfigurationModules", {"configurationId": configuration_id, "modules": [name]}
    )
    assert r.status_code == 200, r.text
    [found] = r.json()
    assert found["name"] == name
    result: dict[str, Any] = found
    return result


def set_async(vco: EmulatorProcess, **timing: Any) -> dict[str, Any]:
    r = requests.post(f"{vco.url}/__emulator/async", json=timing, timeout=10)
    assert r.status_code == 200, r.text
    result: dict[str, Any] = r.json()
    return result


def poll(vco: EmulatorProcess, location: str, *, timeout: float = 10.0) -> dict[str, Any]:
    """Poll an async operation until it is no longer ACCEPTED; return its last state."""
    deadline = time.monotonic() + timeout
    while True:
        r = requests.get(vco.url + location, headers=auth(vco), timeout=10)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        if body["status"] != "ACCEPTED" or time.monotonic() > deadline:
            return body
        time.sleep(0.05)
