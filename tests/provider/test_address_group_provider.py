"""AddressGroup provider, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.address_group import AddressGroupProvider
from vco_emulator.process import EmulatorProcess

from .object_helpers import calls, reference_in_firewall

ADDRESSES = [
    {"cidr": "10.10.0.0/16"},
    {"ip": "192.0.2.10"},
    {"ip": "10.0.0.1", "mask": "0.0.255.0", "rule_type": "wildcard"},
    {"ip": "172.16.0.0", "mask": "20", "rule_type": "netmask"},
    {"cidr": "2001:db8::/32"},
    {"domain": "*.example.com"},
]


def test_address_group_lifecycle(enterprise: dict[str, Any], client: VcoClient, vco: EmulatorProcess) -> None:
    p = AddressGroupProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "Servers", "addresses": ADDRESSES}
    before = calls(vco)
    created = p.create(news)
    assert calls(vco) - before <= 3, "create: list (name taken?), insert, read back"
    outs = created.outs
    assert outs is not None and outs["logical_id"] == created.id
    # sent in the user's order, a cidr as the spec's ip + netmask
    assert outs["addresses"][0] == {"ip": "10.10.0.0", "mask": "255.255.0.0", "rule_type": "prefix"}
    assert outs["addresses"][1] == {"ip": "192.0.2.10", "rule_type": "exact"}
    assert outs["addresses"][5] == {"domain": "*.example.com"}
    assert p.diff(created.id, outs, news).changes is False
    assert p.read(created.id, outs).outs == outs

    # the Orchestrator reordering the entries is not drift
    group = client.v1.get_object_groups(outs["enterprise_vco_id"], id=outs["vco_id"])[0]
    assert group.data is not None
    client.v1.update_object_group(outs["enterprise_vco_id"], outs["vco_id"], {"data": group.data[::-1]})
    reordered = p.read(created.id, outs).outs
    assert reordered is not None and reordered["addresses"] != outs["addresses"]
    assert p.diff(created.id, reordered, news).changes is False

    # one entry changed by hand is drift; update writes only the entries, in the user's order
    client.v1.update_object_group(
        outs["enterprise_vco_id"], outs["vco_id"], {"data": [{"ip": "192.0.2.99", "rule_type": "exact"}]}
    )
    drifted = p.read(created.id, outs).outs
    assert drifted is not None and p.changed_fields(drifted, news) == ["addresses"]
    before = calls(vco)
    healed = p.update(created.id, drifted, {**news, "description": "app servers"}).outs
    assert calls(vco) - before == 2, "update: one write, one read"
    assert healed is not None and healed["addresses"] == outs["addresses"]
    assert healed["description"] == "app servers"

    p.delete(created.id, healed)
    assert p.read(created.id, healed).id is None
    p.delete(created.id, healed)


def test_address_group_name_taken_says_how_to_adopt(enterprise: dict[str, Any]) -> None:
    p = AddressGroupProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "Servers", "addresses": ADDRESSES[:1]}
    first = p.create(news)
    with pytest.raises(VcoResourceError, match="set adopt=True"):
        p.create(news)
    adopted = p.create({**news, "addresses": ADDRESSES[1:2], "adopt": True})
    assert adopted.id == first.id and adopted.outs is not None
    assert adopted.outs["addresses"] == [{"ip": "192.0.2.10", "rule_type": "exact"}]


def test_a_group_a_firewall_rule_uses_is_not_deleted_and_the_error_names_the_profile(
    enterprise: dict[str, Any], client: VcoClient
) -> None:
    p = AddressGroupProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "Servers", "addresses": ADDRESSES[:1]}
    created = p.create(news)
    assert created.outs is not None
    profile = reference_in_firewall(client, enterprise["vco_id"], created.id)
    with pytest.raises(VcoResourceError) as refused:
        p.delete(created.id, created.outs)
    message = str(refused.value)
    assert message.startswith('AddressGroup "Servers"') and repr(profile) in message, message
    assert p.read(created.id, created.outs).id == created.id
