"""Fixtures and helpers shared by the segment, object group and user provider tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.resources import base
from pulumi_velocloud.resources.enterprise import EnterpriseProvider
from vco_emulator.process import EmulatorProcess


@pytest.fixture
def connected(vco: EmulatorProcess) -> Iterator[None]:
    base.set_connection_config({"velocloud:url": vco.url, "velocloud:token": vco.token})
    yield
    base.set_connection_config({})


@pytest.fixture
def enterprise(connected: None) -> dict[str, Any]:
    created = EnterpriseProvider().create({"name": "ACME"})
    assert created.outs is not None
    return created.outs


def calls(vco: EmulatorProcess) -> int:
    """The number of API calls the emulator has answered so far."""
    return int(vco.admin("GET", "stats")["total"])


def reference_in_firewall(client: VcoClient, enterprise_vco_id: int, logical_id: str) -> str:
    """Make the enterprise's first profile's firewall rule reference an object group; its name."""
    [profile, *_] = client.v1.get_enterprise_configurations(enterprise_vco_id)
    modules = client.v1.call(
        "configuration/getConfigurationModules",
        {"enterpriseId": enterprise_vco_id, "configurationId": profile.id, "modules": ["firewall"]},
    )
    [module] = [m for m in modules if m["name"] == "firewall"]
    data = module["data"]
    rule = {
        "name": "deny servers",
        "match": {"dAddressGroup": logical_id},
        "action": {"allow_or_deny": "deny"},
    }
    data["segments"][0]["outbound"].append(rule)
    client.v1.call(
        "configuration/updateConfigurationModule",
        {"enterpriseId": enterprise_vco_id, "id": module["id"], "_update": {"data": data}},
    )
    return profile.name
