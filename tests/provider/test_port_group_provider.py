"""PortGroup provider, called in-process against the emulator server."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
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


def test_a_name_taken_between_lookup_and_insert_says_set_adopt(
    enterprise: dict[str, Any], client: VcoClient, vco: EmulatorProcess
) -> None:
    """The Orchestrator's refusal of the duplicate (-32603 on a real VCO) is no ambiguous failure."""
    hold = {"route": "insertObjectGroup", "fault": "latency", "latencySeconds": 3, "count": 1}
    vco.admin("POST", "faults", {"rules": [hold]})
    inputs = {"enterprise_id": enterprise["logical_id"], "name": "Raced", "ports": PORTS}
    with ThreadPoolExecutor(max_workers=1) as pool:
        ours = pool.submit(PortGroupProvider().create, inputs)
        while vco.admin("GET", "faults")["rules"][0]["fired"] == 0:  # our insert is held back
            threading.Event().wait(0.02)
        theirs = client.v1.insert_object_group(
            enterprise["vco_id"],
            {"name": "RACED", "type": "port_group", "data": [{"proto": 6, "port_low": 1}]},
        )
        with pytest.raises(VcoResourceError, match=r"already has a port_group named 'RACED'.*set adopt=True"):
            ours.result()
    [group] = client.v1.get_object_groups(enterprise["vco_id"], type="port_group")
    assert group.id == theirs and group.name == "RACED", "theirs is the only group, untouched"


def test_icmp_entries_round_trip_and_a_hand_made_one_reads(
    enterprise: dict[str, Any], client: VcoClient
) -> None:
    p = PortGroupProvider()
    news = {
        "enterprise_id": enterprise["logical_id"],
        "name": "Ping",
        "ports": [{"protocol": "udp", "port_low": 33434, "port_high": 33534}],
        "icmp": [{"icmp_type": 8, "code_low": 0}],
    }
    created = p.create(news)
    assert created.outs is not None
    assert created.outs["icmp"] == [{"protocol": "icmp", "icmp_type": 8, "code_low": 0, "code_high": 0}]
    [group] = client.v1.get_object_groups(created.outs["enterprise_vco_id"], type="port_group")
    assert {"proto": 1, "type": 8, "code_low": 0, "code_high": 0} in (group.data or [])
    assert p.diff(created.id, created.outs, news).changes is False
    # an ICMPv6 entry added in the UI reads back (a real port group holds such entries) and is drift
    data = [*(group.data or []), {"proto": 58, "type": 4, "code_low": 5, "code_high": 5}]
    client.v1.update_object_group(created.outs["enterprise_vco_id"], group.id, {"data": data})
    read = p.read(created.id, created.outs)
    assert read.outs is not None
    assert {"protocol": "icmpv6", "icmp_type": 4, "code_low": 5, "code_high": 5} in read.outs["icmp"]
    assert p.changed_fields(read.outs, news) == ["icmp"]
