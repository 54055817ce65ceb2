"""Helpers shared by the segment, object group and user provider tests (fixtures: conftest.py)."""

from __future__ import annotations

from pulumi_velocloud.client import VcoClient
from vco_emulator.process import EmulatorProcess


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
