"""NonSdwanDestination provider, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.non_sdwan_destination import SERVICE_TYPE, NonSdwanDestinationProvider
from vco_emulator.process import EmulatorProcess

from .object_helpers import calls


def inputs(enterprise: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "name": "DC1",
        "primary_ip": "203.0.113.10",
        "peer_subnets": ["10.50.0.0/16"],
        **extra,
    }


def stored(client: VcoClient, outs: dict[str, Any]) -> dict[str, Any]:
    [service] = [
        s
        for s in client.v1.get_enterprise_services(outs["enterprise_vco_id"], type=SERVICE_TYPE)
        if s.id == outs["vco_id"]
    ]
    return dict(service.data or {})


def test_destination_lifecycle_and_drift_field_by_field(
    enterprise: dict[str, Any], client: VcoClient, vco: EmulatorProcess
) -> None:
    p = NonSdwanDestinationProvider()
    news = inputs(enterprise)
    before = calls(vco)
    created = p.create(news)
    assert calls(vco) - before <= 3, "create: list (name taken?), insert, read back"
    outs = created.outs
    assert outs is not None and outs["logical_id"] == created.id
    assert outs["primary_ip"] == "203.0.113.10" and outs["backup_ip"] is None
    assert outs["ike"]["dh_group"] == 14 and outs["ipsec"]["encryption"] == "AES_256_CBC"
    data = stored(client, outs)
    assert data["primaryServer"]["nvsPublicIp"] == "203.0.113.10"
    assert data["primaryServer"]["IKEPROP"]["protocolVersion"] == 2
    assert data["peerSubnets"]["subnets"] == [
        {"cidrIp": "10.50.0.0", "cidrPrefix": "16", "netMask": "255.255.0.0"}
    ]
    assert p.diff(created.id, outs, news).changes is False
    assert p.read(created.id, outs).outs == outs

    # in place: a backup peer, stronger IKE, a second subnet (order does not matter)
    changed = inputs(
        enterprise,
        backup_ip="203.0.113.11",
        ike={"encryption": "AES_256_CBC", "dh_group": 19},
        peer_subnets=["10.60.0.0/16", "10.50.0.0/16"],
    )
    assert p.changed_fields(outs, changed) == ["backup_ip", "ike", "peer_subnets"]
    assert p.diff(created.id, outs, changed).replaces == []
    updated = p.update(created.id, outs, changed).outs
    assert updated is not None and updated["vco_id"] == outs["vco_id"]
    assert updated["backup_ip"] == "203.0.113.11" and updated["ike"]["dh_group"] == 19
    assert p.diff(created.id, updated, changed).changes is False

    # drift made by hand shows field by field; keys we do not model are kept by our update
    data = stored(client, updated)
    data["primaryServer"]["IPSECPROP"]["lifeTimeSeconds"] = 3600
    data["primaryServer"]["nvsPublicIp"] = "198.51.100.1"
    data["handMade"] = {"note": "kept"}
    client.v1.update_enterprise_service(updated["enterprise_vco_id"], updated["vco_id"], {"data": data})
    drifted = p.read(created.id, updated).outs
    assert drifted is not None
    assert p.changed_fields(drifted, changed) == ["primary_ip", "ipsec"]
    healed = p.update(created.id, drifted, changed).outs
    assert healed is not None and p.diff(created.id, healed, changed).changes is False
    assert stored(client, healed)["handMade"] == {"note": "kept"}

    p.delete(created.id, healed)
    assert p.read(created.id, healed).id is None
    p.delete(created.id, healed)  # already gone: success


def test_taken_name_needs_adopt(enterprise: dict[str, Any], client: VcoClient) -> None:
    p = NonSdwanDestinationProvider()
    theirs = p.create(inputs(enterprise))
    with pytest.raises(
        VcoResourceError, match=r"already has a non-SD-WAN destination named 'DC1'.*adopt=True"
    ):
        p.create(inputs(enterprise, primary_ip="192.0.2.1"))
    adopted = p.create(inputs(enterprise, primary_ip="192.0.2.1", adopt=True))
    assert adopted.id == theirs.id and adopted.outs is not None
    assert adopted.outs["primary_ip"] == "192.0.2.1"


def test_check_names_field_and_value() -> None:
    p = NonSdwanDestinationProvider()
    result = p.check(
        {}, {"enterprise_id": "e", "name": "x", "primary_ip": "not-an-ip", "peer_subnets": ["10.0.0.0/33"]}
    )
    reasons = " | ".join(f.reason for f in result.failures)
    assert "primary_ip" in reasons and "not-an-ip" in reasons
    assert "10.0.0.0/33" in reasons
