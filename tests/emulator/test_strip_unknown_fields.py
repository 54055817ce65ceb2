"""`serve --strip-unknown-fields`: module documents keep only the fields the v1 spec names.

Issue 10, point 6: the real Orchestrator may drop fields its schemas do not know; this mode
lets clients be tested against that. The default server keeps them (the spec allows them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.settings import Settings
from vco_emulator.process import EmulatorProcess

from .helpers import GATEWAY_POOL, OPERATOR_PROFILE


@pytest.fixture(scope="module")
def stripping(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorProcess]:
    workdir = tmp_path_factory.mktemp("strip")
    with EmulatorProcess.start(workdir, extra_args=["--strip-unknown-fields"]) as server:
        yield server


def firewall_round_trip(vco: EmulatorProcess) -> dict[str, Any]:
    """Write a firewall rule with extra fields, then read the document back."""
    client = VcoClient(Settings(url=vco.url, token=SecretStr(vco.token)))
    body = {
        "name": f"Strip {vco.url[-5:]}",
        "gatewayPool": GATEWAY_POOL,
        "operatorProfiles": [OPERATOR_PROFILE],
    }
    logical_id = client.v2.create_enterprise(body).logical_id
    enterprise = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == logical_id)
    [profile, *_] = client.v1.get_enterprise_configurations(enterprise)
    [module] = client.v1.get_configuration_modules(enterprise, profile.id, ["firewall"])
    data = dict(module.data or {})
    rule = {
        "name": "web",
        "match": {"dip": "192.0.2.80", "dport_low": 443, "vendorFuture": 1},
        "action": {"allow_or_deny": "allow"},
        "ruleLogicalId": "11111111-2222-4333-8444-555555555555",
        "pulumiPosition": 0,
    }
    data["segments"][0]["outbound"] = [rule]
    data["extraTopLevel"] = {"x": 1}
    client.v1.update_configuration_module(enterprise, module.id, {"data": data})
    [module] = client.v1.get_configuration_modules(enterprise, profile.id, ["firewall"])
    client.session.close()
    return dict(module.data or {})


def test_strip_mode_drops_fields_the_spec_does_not_name(stripping: EmulatorProcess) -> None:
    data = firewall_round_trip(stripping)
    [rule] = data["segments"][0]["outbound"]
    assert rule == {
        "name": "web",
        "match": {"dip": "192.0.2.80", "dport_low": 443},
        "action": {"allow_or_deny": "allow"},
        "ruleLogicalId": "11111111-2222-4333-8444-555555555555",
    }
    assert "extraTopLevel" not in data


def test_default_mode_keeps_them(vco: EmulatorProcess) -> None:
    data = firewall_round_trip(vco)
    [rule] = data["segments"][0]["outbound"]
    assert rule["pulumiPosition"] == 0 and rule["match"]["vendorFuture"] == 1
    assert data["extraTopLevel"] == {"x": 1}
