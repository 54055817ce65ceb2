"""The client against the emulator server with injected faults, throttling and slow operations.

Faults come from the emulator's fault admin, so the client meets real 503s, real dropped
connections after a committed write, and real 429 penalties; waits use a fake clock except
where the emulator's own penalty must pass.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.client.errors import AsyncOperationFailed, AsyncOperationTimeout
from pulumi_velocloud.client.retry import RetryPolicy
from pulumi_velocloud.client.session import ApiSession
from pulumi_velocloud.settings import Settings
from vco_emulator.process import EmulatorProcess

from ..emulator.helpers import GATEWAY_POOL, OPERATOR_PROFILE


def client_with(vco: EmulatorProcess, sleeps: list[float] | None = None, **settings: Any) -> VcoClient:
    s = Settings(url=vco.url, token=SecretStr(vco.token), **settings)
    sleep = (lambda seconds: sleeps.append(seconds)) if sleeps is not None else None
    session = ApiSession(s, sleep=sleep) if sleep else ApiSession(s, policy=RetryPolicy(rate_limit_wait=1.2))
    return VcoClient(s, session=session)


def body(name: str) -> dict[str, Any]:
    return {"name": name, "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}


def test_503_burst_costs_exactly_the_retries(vco: EmulatorProcess) -> None:
    vco.admin("POST", "faults", {"seed": 1, "rules": [{"route": "/enterprises", "fault": "503", "count": 3}]})
    sleeps: list[float] = []
    assert list(client_with(vco, sleeps).v2.get_enterprises()) == []
    stats = vco.admin("GET", "stats")
    assert stats["faults"]["total"] == 3 and stats["byOperation"]["v2 getEnterprises"] == 1
    assert len(sleeps) == 3 and sleeps == sorted(sleeps)  # exponential back-off


def test_dropped_answer_to_a_committed_create_is_recovered_without_duplicate(vco: EmulatorProcess) -> None:
    rule = {"route": "/enterprises/?$", "method": "POST", "fault": "drop", "when": "after", "count": 1}
    vco.admin("POST", "faults", {"seed": 1, "rules": [rule]})
    client = client_with(vco, [])
    created = client.v2.create_enterprise(body("ACME"))
    assert created.name == "ACME"
    assert [e.name for e in client.v2.get_enterprises()] == ["ACME"]  # the same state as without the fault
    assert vco.admin("GET", "stats")["faults"]["total"] == 1


def test_a_create_that_failed_before_commit_is_sent_again(vco: EmulatorProcess) -> None:
    rule = {"route": "/enterprises/?$", "method": "POST", "fault": "503", "when": "before", "count": 1}
    vco.admin("POST", "faults", {"seed": 1, "rules": [rule]})
    client = client_with(vco, [])
    client.v2.create_enterprise(body("ACME"))
    assert [e.name for e in client.v2.get_enterprises()] == ["ACME"]


def test_throttled_client_waits_out_the_penalty(vco: EmulatorProcess) -> None:
    vco.admin("POST", "ratelimit", {"requests": 3, "windowSeconds": 5, "penaltySeconds": 1})
    client = client_with(vco)
    for i in range(5):
        client.v2.create_enterprise(body(f"E{i}"))
    assert len(list(client.v2.get_enterprises())) == 5
    assert vco.admin("GET", "stats")["throttled"] >= 1


def test_async_device_settings_done_error_and_timeout(vco: EmulatorProcess, client: VcoClient) -> None:
    enterprise = client.v2.create_enterprise(body("ACME")).logical_id
    vco_id = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == enterprise)
    [profile] = client.v1.get_enterprise_configurations(vco_id)
    assert profile.logical_id
    settings = client.v2.get_profile_device_settings(enterprise, profile.logical_id)
    network = dict(settings["lan"]["networks"][0])

    done = client.v2.update_profile_device_settings(
        enterprise, profile.logical_id, [{"op": "replace", "path": "/lan/networks/0/vlanId", "value": 20}]
    )
    assert done["status"] == "DONE"
    assert (
        client.v2.get_profile_device_settings(enterprise, profile.logical_id)["lan"]["networks"][0]["vlanId"]
        == 20
    )

    with pytest.raises(AsyncOperationFailed, match=r"4094|vlan"):
        client.v2.update_profile_device_settings(
            enterprise,
            profile.logical_id,
            [{"op": "replace", "path": "/lan/networks/0/vlanId", "value": 5000}],
        )
    after = client.v2.get_profile_device_settings(enterprise, profile.logical_id)["lan"]["networks"][0]
    assert after["vlanId"] == 20 and after.get("cidrIp") == network.get("cidrIp")  # nothing half-applied

    vco.admin("POST", "async", {"mode": "delayed", "delaySeconds": 60})
    slow = client_with(vco, async_timeout=1.0)
    with pytest.raises(AsyncOperationTimeout) as info:
        slow.v2.update_profile_device_settings(
            enterprise, profile.logical_id, [{"op": "replace", "path": "/lan/networks/0/vlanId", "value": 30}]
        )
    assert info.value.last_status == "ACCEPTED" and info.value.operation_id in str(info.value)


def test_pagination_walks_3000_edges_in_two_pages(vco: EmulatorProcess, client: VcoClient) -> None:
    vco.admin("POST", "seed", {"fixture": "fleet-3000"})
    [fleet] = list(client.v2.get_enterprises())
    before = vco.admin("GET", "stats")["byOperation"].get("v2 getEnterpriseEdges", 0)
    edges = client.v2.get_enterprise_edges(fleet.logical_id)
    first = next(edges)  # a generator: pages are fetched as they are consumed
    assert vco.admin("GET", "stats")["byOperation"]["v2 getEnterpriseEdges"] == before + 1
    names = [first.name, *(e.name for e in edges)]
    assert len(names) == 3000 and len(set(names)) == 3000
    assert vco.admin("GET", "stats")["byOperation"]["v2 getEnterpriseEdges"] == before + 2  # 2048 + 952

    vco_id = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == fleet.logical_id)
    v1_edges = list(client.v1.get_enterprise_edge_list(vco_id, limit=1000))
    assert len({e.logical_id for e in v1_edges}) == 3000
    assert vco.admin("GET", "stats")["byOperation"]["v1 enterprise/getEnterpriseEdgeList"] == 3
