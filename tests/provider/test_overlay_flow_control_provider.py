"""OverlayFlowControl provider, called in-process against the emulator server: it owns only the
settings it declares, sees drift on them field by field and puts the earlier values back on delete."""

from __future__ import annotations

import copy
from typing import Any

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.resources.overlay_flow_control import OverlayFlowControlProvider


def test_declared_settings_only_drift_and_restore(enterprise: dict[str, Any], client: VcoClient) -> None:
    eid = client.v1.get_network_enterprises()[0].id
    before = client.v1.get_enterprise_route_configuration(eid).data
    p = OverlayFlowControlProvider()
    news = {
        "enterprise_id": enterprise["logical_id"],
        "hub": {"bgp_external": True, "static": False},
        "routing_preference": [{"entity": "HUB", "allow": True}, {"entity": "EDGE", "allow": False}],
    }
    created = p.create(news)
    outs = created.outs
    assert outs is not None
    assert outs["hub"] == {"static": False, "bgp_external": True} and outs["edge"] is None
    assert outs["original"]["original"]["/hub/bgp/advertiseExternal"] is False
    document = client.v1.get_enterprise_route_configuration(eid).data
    assert (
        document["hub"]["bgp"]["advertiseExternal"] is True
        and document["hub"]["assigned"]["advertiseStatic"] is False
    )
    assert [r["entity"] for r in document["routingPreference"]] == ["HUB", "EDGE"]
    assert document["edge"] == before["edge"] and document["v6Detail"] == before["v6Detail"]
    assert p.diff(created.id, outs, news).changes is False
    assert p.read(created.id, outs).outs == outs

    # by hand: a declared setting and an undeclared one change; only the declared one is drift
    by_hand = copy.deepcopy(document)
    by_hand["hub"]["bgp"]["advertiseExternal"] = False
    by_hand["edge"]["ospf"]["advertiseExternal"] = True
    config = client.v1.get_enterprise_route_configuration(eid)
    client.v1.update_enterprise_route_configuration(eid, config.id, by_hand)
    drifted = p.read(created.id, outs).outs
    assert drifted is not None and drifted["hub"] == {"static": False, "bgp_external": False}
    assert p.changed_fields(drifted, news) == ["hub"]
    healed = p.update(created.id, drifted, news).outs
    assert healed["hub"]["bgp_external"] is True
    assert client.v1.get_enterprise_route_configuration(eid).data["edge"]["ospf"]["advertiseExternal"] is True

    # no longer declaring the preference puts its original order back
    fewer = {**news, "routing_preference": None}
    updated = p.update(created.id, healed, fewer).outs
    assert (
        client.v1.get_enterprise_route_configuration(eid).data["routingPreference"]
        == before["routingPreference"]
    )
    p.delete(created.id, updated)
    final = client.v1.get_enterprise_route_configuration(eid).data
    assert (
        final["hub"] == before["hub"] and final["edge"]["ospf"]["advertiseExternal"] is True
    )  # foreign edit kept
