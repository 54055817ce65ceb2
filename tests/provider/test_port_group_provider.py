"""PortGroup provider, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.port_group import PortGroupProvider
from vco_emulator.process import EmulatorProcess

from .object_helpers import calls

PORTS = [{"protocol": "tcp", "port_low": 443}, {"protocol": 17, "port_low": 5060, "port_high": 5080}]


def test_port_group_lifecycle(enterprise: dict[str, Any], client: VcoClient, vco: EmulatorProcess) -> None:
    p = PortGroupProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "Web", "ports": PORTS}
    before = calls(vco)
    created = p.create(news)
    assert calls(vco) - before <= 3
    outs = created.outs
    assert outs is not None
    assert outs["ports"] == [
        {"protocol": "tcp", "port_low": 443, "port_high": 443},
        {"protocol": "udp", "port_low": 5060, "port_high": 5080},
    ]
    [group] = client.v1.get_object_groups(outs["enterprise_vco_id"], type="port_group")
    assert group.data == [
        {"proto": 6, "port_low": 443, "port_high": 443},
        {"proto": 17, "port_low": 5060, "port_high": 5080},
    ]
    assert p.diff(created.id, outs, news).changes is False
    assert p.diff(created.id, outs, {**news, "ports": PORTS[::-1]}).changes is False

    wider = {**news, "name": "Web and SIP", "ports": [*PORTS, {"protocol": "TCP", "port_low": 8443}]}
    assert p.changed_fields(outs, wider) == ["name", "ports"]
    updated = p.update(created.id, outs, wider).outs
    assert updated is not None and updated["name"] == "Web and SIP" and len(updated["ports"]) == 3
    assert p.diff(created.id, updated, wider).changes is False

    p.delete(created.id, updated)
    assert p.read(created.id, updated).id is None
    p.delete(created.id, updated)


def test_port_and_address_groups_have_separate_names(enterprise: dict[str, Any]) -> None:
    from pulumi_velocloud.resources.address_group import AddressGroupProvider

    ports = PortGroupProvider().create(
        {"enterprise_id": enterprise["logical_id"], "name": "X", "ports": PORTS}
    )
    addresses = AddressGroupProvider().create(
        {"enterprise_id": enterprise["logical_id"], "name": "X", "addresses": [{"ip": "10.0.0.1"}]}
    )
    assert ports.id != addresses.id
    with pytest.raises(VcoResourceError, match="port_group named 'X'"):
        PortGroupProvider().create({"enterprise_id": enterprise["logical_id"], "name": "x", "ports": PORTS})
