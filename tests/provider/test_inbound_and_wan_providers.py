"""PortForwardingRule, OneToOneNatRule and EdgeWanLink providers in-process against the emulator.

Each owns one item of a shared list (the firewall's `inbound[]`, the edge WAN module's
`links[]`): items made elsewhere survive creates, updates and deletes; a change made by hand
shows up field by field on read; a name taken by an item we do not own needs `adopt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.context import provider_context
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.edge_wan_link import EdgeWanLinkProvider
from pulumi_velocloud.resources.enterprise import EnterpriseProvider
from pulumi_velocloud.resources.one_to_one_nat_rule import OneToOneNatRuleProvider
from pulumi_velocloud.resources.port_forwarding_rule import PortForwardingRuleProvider
from pulumi_velocloud.resources.profile import ProfileProvider
from pulumi_velocloud.settings import Settings
from vco_emulator.process import EmulatorProcess


@pytest.fixture
def edge(enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient) -> dict[str, Any]:
    created = EdgeProvider().create(
        {
            "enterprise_id": enterprise["logical_id"],
            "profile_id": profile["logical_id"],
            "name": "nyc",
            "model_number": "edge6X0",
        }
    )
    assert created.outs is not None
    numeric = client.v1.get_edge_by_logical_id(enterprise["vco_id"], created.id).id
    return {**created.outs, "logical_id": created.id, "numeric": numeric}


def own_module(client: VcoClient, enterprise: dict[str, Any], edge: dict[str, Any], name: str) -> Any:
    stack = client.v1.get_edge_configuration_stack(enterprise["vco_id"], edge["numeric"])
    return next((m for m in stack[0].modules if m.name == name), None)


def write_own(
    client: VcoClient, enterprise: dict[str, Any], edge: dict[str, Any], name: str, data: Any
) -> None:
    found = own_module(client, enterprise, edge, name)
    assert found is not None
    client.v1.update_configuration_module(enterprise["vco_id"], found.id, {"data": data})


def forward(enterprise: dict[str, Any], edge: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "edge_id": edge["logical_id"],
        "name": "web",
        "position": 1,
        "interface": "GE3",
        "protocol": "tcp",
        "wan_ports": "8443",
        "lan_ip": "10.0.1.20",
        "lan_port": 443,
        **extra,
    }


def test_inbound_rules_on_an_edge_keep_a_hand_made_one_and_see_drift_field_by_field(
    enterprise: dict[str, Any], edge: dict[str, Any], client: VcoClient
) -> None:
    ports, nat = PortForwardingRuleProvider(), OneToOneNatRuleProvider()
    web = ports.create(forward(enterprise, edge))
    assert web.outs is not None and web.outs["lan_port"] == 443 and web.outs["wan_ports"] == "8443"
    firewall = own_module(client, enterprise, edge, "firewall")
    assert firewall is not None and firewall.data is not None
    hand = {
        "name": "ssh",
        "match": {"proto": 6, "dport_low": 22, "dport_high": 22, "dip": "any", "sip": "any"},
        "action": {
            "type": "port_forwarding",
            "interface": "GE3",
            "nat": {"lan_ip": "10.0.1.5", "lan_port": 22},
        },
        "ruleLogicalId": "ui-ssh",
    }
    write_own(
        client, enterprise, edge, "firewall", {**firewall.data, "inbound": [hand, *firewall.data["inbound"]]}
    )
    mail_inputs = {
        "enterprise_id": enterprise["logical_id"],
        "edge_id": edge["logical_id"],
        "name": "mail",
        "position": 2,
        "interface": "GE3",
        "outside_ip": "203.0.113.25",
        "lan_ip": "10.0.1.25",
        "protocol": "tcp",
        "ports": "25",
        "outbound_traffic": True,
    }
    mail = nat.create(mail_inputs)
    assert mail.outs is not None
    inbound = own_module(client, enterprise, edge, "firewall").data["inbound"]
    assert [r["name"] for r in inbound] == ["ssh", "web", "mail"]
    assert inbound[0] == hand, "the hand-made rule is untouched"
    assert inbound[2]["action"]["nat"] == {"lan_ip": "10.0.1.25", "lan_port": -1, "outbound": True}

    # out of band: the LAN host of the port forward changes
    data = own_module(client, enterprise, edge, "firewall").data
    data["inbound"][1]["action"]["nat"]["lan_ip"] = "10.0.1.99"
    write_own(client, enterprise, edge, "firewall", data)
    read = ports.read(web.id, web.outs)
    assert read.outs is not None and read.outs["lan_ip"] == "10.0.1.99"
    assert ports.diff(web.id, read.outs, forward(enterprise, edge)).changes
    assert ports.changed_fields(read.outs, forward(enterprise, edge)) == ["lan_ip"]
    fixed = ports.update(web.id, read.outs, forward(enterprise, edge, lan_port=8443))
    assert fixed.outs is not None and (fixed.outs["lan_ip"], fixed.outs["lan_port"]) == ("10.0.1.20", 8443)

    with pytest.raises(VcoResourceError, match=r"already has a rule named 'ssh'.*adopt=True"):
        ports.create(forward(enterprise, edge, name="ssh", position=5))
    legacy = {**{k: v for k, v in hand.items() if k != "ruleLogicalId"}, "name": "legacy"}
    data = own_module(client, enterprise, edge, "firewall").data
    write_own(client, enterprise, edge, "firewall", {**data, "inbound": [*data["inbound"], legacy]})
    adopted = ports.create(forward(enterprise, edge, name="legacy", position=5, adopt=True))
    inbound = own_module(client, enterprise, edge, "firewall").data["inbound"]
    assert [r["name"] for r in inbound] == ["ssh", "web", "mail", "legacy"], "taken over, not copied"
    assert inbound[3]["ruleLogicalId"] == adopted.id and inbound[3]["action"]["nat"]["lan_port"] == 443
    assert adopted.outs is not None
    ports.delete(adopted.id, adopted.outs)

    ports.delete(web.id, fixed.outs)
    nat.delete(mail.id, mail.outs)
    assert own_module(client, enterprise, edge, "firewall").data["inbound"] == [hand]
    assert ports.read(web.id, fixed.outs).id is None


def test_a_profile_inbound_rule_and_an_unknown_field_dropped_by_the_orchestrator(
    enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient
) -> None:
    inputs = {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "name": "nat",
        "position": 0,
        "interface": "GE3",
        "outside_ip": "203.0.113.7",
        "lan_ip": "10.0.1.7",
    }
    created = OneToOneNatRuleProvider().create(inputs)
    (module,) = client.v1.get_configuration_modules(enterprise["vco_id"], profile["vco_id"], ["firewall"])
    assert module.data is not None and [r["ruleLogicalId"] for r in module.data["inbound"]] == [created.id]
    assert created.outs is not None
    OneToOneNatRuleProvider().delete(created.id, created.outs)
    (module,) = client.v1.get_configuration_modules(enterprise["vco_id"], profile["vco_id"], ["firewall"])
    assert module.data is not None and module.data["inbound"] == []


def link_inputs(enterprise: dict[str, Any], edge: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "edge_id": edge["logical_id"],
        "name": "Internet 1",
        "interfaces": ["GE3"],
        "isp": "Example ISP",
        "upstream_mbps": 50,
        "downstream_mbps": 200,
        **extra,
    }


def test_a_wan_link_owns_only_itself(
    enterprise: dict[str, Any], edge: dict[str, Any], client: VcoClient
) -> None:
    discovered = {
        "logicalId": "auto-1",
        "internalId": "00000002-0000-0000-0000-000000000000",
        "discovery": "AUTO_DISCOVERED",
        "name": "GE2 link",
        "mode": "PUBLIC",
        "interfaces": ["GE2"],
        "bwMeasurement": "SLOW_START",
    }
    write_own(client, enterprise, edge, "WAN", {"links": [discovered], "networks": []})
    links = EdgeWanLinkProvider()
    created = links.create(link_inputs(enterprise, edge))
    assert created.outs is not None
    assert (created.outs["upstream_mbps"], created.outs["bandwidth_measurement"]) == (50.0, "user_defined")
    stored = own_module(client, enterprise, edge, "WAN").data["links"]
    assert stored[0] == discovered and stored[1]["logicalId"] == created.id
    assert stored[1]["upstreamMbps"] == "50" and stored[1]["discovery"] == "USER_DEFINED"

    # out of band: a field we manage and one we do not
    data = own_module(client, enterprise, edge, "WAN").data
    data["links"][1]["backupOnly"] = True
    data["links"][1]["staticSLA"] = {"latencyMs": 20}
    write_own(client, enterprise, edge, "WAN", data)
    read = links.read(created.id, created.outs)
    assert read.outs is not None and read.outs["backup_only"] is True
    assert links.changed_fields(read.outs, link_inputs(enterprise, edge)) == ["backup_only"]
    updated = links.update(created.id, read.outs, link_inputs(enterprise, edge, vlan_id=20, mtu=1492))
    assert updated.outs is not None and (updated.outs["backup_only"], updated.outs["vlan_id"]) == (False, 20)
    assert updated.outs["link"]["staticSLA"] == {"latencyMs": 20}, "fields we do not manage are kept"

    with pytest.raises(VcoResourceError, match=r"already has a WAN link named 'GE2 link'.*adopt=True"):
        links.create(link_inputs(enterprise, edge, name="GE2 link", interfaces=["GE2"]))
    adopted = links.create(link_inputs(enterprise, edge, name="GE2 link", interfaces=["GE2"], adopt=True))
    assert adopted.id == "auto-1"
    assert adopted.outs is not None and adopted.outs["link"]["internalId"] == discovered["internalId"]

    links.delete(created.id, updated.outs)
    assert [x["logicalId"] for x in own_module(client, enterprise, edge, "WAN").data["links"]] == ["auto-1"]
    assert links.read(created.id, updated.outs).id is None


@pytest.fixture(scope="module")
def stripping(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorProcess]:
    """An emulator that stores module documents with only the fields the v1 spec names."""
    with EmulatorProcess.start(
        tmp_path_factory.mktemp("strip"), extra_args=["--strip-unknown-fields"]
    ) as server:
        yield server


def test_an_orchestrator_dropping_segment_id_fails_the_create_and_leaves_nothing(
    stripping: EmulatorProcess,
) -> None:
    """`action.segmentId` is not in the v1 spec (docs/evidence.md 1c): such an Orchestrator keeps the
    rule without it, so the create fails naming the field and takes its rule out again."""
    provider_context().configure({"velocloud:url": stripping.url, "velocloud:token": stripping.token})
    try:
        enterprise = EnterpriseProvider().create({"name": "Strip Inbound"}).outs
        profile = ProfileProvider().create({"enterprise_id": enterprise["logical_id"], "name": "Branch"}).outs
        assert enterprise is not None and profile is not None
        inputs = {
            **forward(enterprise, {"logical_id": None}),
            "edge_id": None,
            "profile_id": profile["logical_id"],
        }
        with pytest.raises(VcoResourceError, match=r"without keeping action\.segmentId as written"):
            PortForwardingRuleProvider().create({**inputs, "segment_id": 1})
        kept = PortForwardingRuleProvider().create(inputs)
        assert kept.outs is not None and kept.outs["segment_id"] is None
        client = VcoClient(Settings(url=stripping.url, token=SecretStr(stripping.token)))
        (module,) = client.v1.get_configuration_modules(enterprise["vco_id"], profile["vco_id"], ["firewall"])
        assert module.data is not None and [r["ruleLogicalId"] for r in module.data["inbound"]] == [kept.id]
        client.session.close()
    finally:
        provider_context().configure({})
