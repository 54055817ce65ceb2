"""BusinessPolicyRule against the emulator: route actions per destination as real writers set them.

Evidence (docs/evidence.md section 1): VMware's sample sending internet traffic direct writes
`gateway` for edge-to-edge and edge-to-data-centre traffic and `direct` only for edge-to-cloud
(it also sets a `routePolicy` on the action itself, a field the v1 spec lacks: we do not send
it). Documents written before (one policy on all three actions) must still read.
"""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.resources.business_policy_rule import BusinessPolicyRuleProvider


def qos(client: VcoClient, profile: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    (module,) = client.v1.get_configuration_modules(profile["enterprise_vco_id"], profile["vco_id"], ["QOS"])
    return module.id, dict(module.data or {})


def policy(enterprise: dict[str, Any], profile: dict[str, Any], service: str) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "name": f"to-{service}",
        "position": 0,
        "match": {"dscp": 10},
        "action": {"network_service": service},
    }


@pytest.mark.parametrize(
    ("service", "edge", "datacenter", "cloud"),
    [
        ("direct", "gateway", "gateway", "direct"),
        ("multipath", "gateway", "gateway", "gateway"),
        ("backhaul", "gateway", "gateway", "backhaul"),
        ("auto", "auto", "auto", "auto"),
    ],
)
def test_network_service_sets_each_destination_route_action(
    enterprise: dict[str, Any],
    profile: dict[str, Any],
    client: VcoClient,
    service: str,
    edge: str,
    datacenter: str,
    cloud: str,
) -> None:
    provider = BusinessPolicyRuleProvider()
    inputs = policy(enterprise, profile, service)
    created = provider.create(inputs)
    _, data = qos(client, profile)
    (stored,) = [r for r in data["segments"][0]["rules"] if r["name"] == f"to-{service}"]
    action = stored["action"]
    assert "routePolicy" not in action  # not in the v1 spec: never relied on
    assert action["edge2EdgeRouteAction"]["routePolicy"] == edge
    assert action["edge2DataCenterRouteAction"]["routePolicy"] == datacenter
    assert action["edge2CloudRouteAction"]["routePolicy"] == cloud
    read = provider.read(created.id, created.outs)
    assert read.outs is not None and read.outs["action"]["network_service"] == service
    assert provider.diff(created.id, read.outs, inputs).changes is False


def test_a_policy_written_with_one_route_policy_on_all_actions_still_reads_and_is_rewritten(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    provider = BusinessPolicyRuleProvider()
    inputs = policy(enterprise, profile, "direct")
    created = provider.create(inputs)
    module_id, data = qos(client, profile)
    (stored,) = data["segments"][0]["rules"]
    for key in ("edge2EdgeRouteAction", "edge2DataCenterRouteAction", "edge2CloudRouteAction"):
        stored["action"][key]["routePolicy"] = "direct"  # the layout this provider wrote before
    client.v1.update_configuration_module(profile["enterprise_vco_id"], module_id, {"data": data})

    read = provider.read(created.id, created.outs)
    assert read.outs is not None and read.outs["action"]["network_service"] == "direct"
    assert provider.changed_fields(read.outs, inputs) == ["action"]
    updated = provider.update(created.id, read.outs, inputs).outs
    assert updated is not None
    assert updated["rule"]["action"]["edge2EdgeRouteAction"]["routePolicy"] == "gateway"
    assert provider.diff(created.id, updated, inputs).changes is False
