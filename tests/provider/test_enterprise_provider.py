"""The Enterprise dynamic provider's create/read/update/delete, called in-process against the server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.context import provider_context
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.enterprise import EnterpriseProvider
from vco_emulator.process import EmulatorProcess


@pytest.fixture
def provider(vco: EmulatorProcess) -> Iterator[EnterpriseProvider]:
    provider_context().configure({"velocloud:url": vco.url, "velocloud:token": vco.token})
    yield EnterpriseProvider()
    provider_context().configure({})


def test_lifecycle(provider: EnterpriseProvider, client: VcoClient, vco: EmulatorProcess) -> None:
    created = provider.create({"name": "ACME", "description": "first", "city": "Paris"})
    outs = created.outs
    pools = vco.admin("GET", "stats")["byOperation"]["v1 network/getNetworkGatewayPools"]
    assert pools == 1, "the default pool's list also maps its id back for the outputs"
    assert outs is not None
    assert outs["logical_id"] == created.id and outs["vco_id"] > 0
    assert outs["description"] == "first" and outs["city"] == "Paris"
    assert outs["gateway_pool_id"] and outs["operator_profile_id"] and outs["account_number"]
    assert (
        provider.diff(created.id, outs, {"name": "ACME", "description": "first", "city": "Paris"}).changes
        is False
    )

    read = provider.read(created.id, outs)
    assert read.id == created.id and read.outs == outs

    news = {"name": "ACME 2", "description": "second", "city": "Paris"}
    assert provider.diff(created.id, outs, news).changes is True
    updated = provider.update(created.id, outs, news).outs
    assert updated is not None and updated["name"] == "ACME 2" and updated["description"] == "second"
    assert client.v1.get_enterprise(outs["vco_id"]).name == "ACME 2"

    provider.delete(created.id, updated)
    assert provider.read(created.id, updated).id is None
    provider.delete(created.id, updated)  # already gone: still success


def test_existing_name_fails_with_how_to_adopt(provider: EnterpriseProvider, vco: EmulatorProcess) -> None:
    provider.create({"name": "ACME"})
    writes = vco.admin("GET", "stats")["writes"]
    with pytest.raises(VcoResourceError, match=r'Enterprise "ACME": .*already exists .*set adopt=True'):
        provider.create({"name": "ACME"})
    assert vco.admin("GET", "stats")["writes"] == writes + 1  # the refused create, nothing else


def test_adopt_takes_over_and_converges(provider: EnterpriseProvider, client: VcoClient) -> None:
    original = provider.create({"name": "ACME", "description": "made by hand", "city": "Oslo"})
    adopted = provider.create({"name": "ACME", "description": "managed", "adopt": True})
    assert adopted.id == original.id
    assert adopted.outs is not None and adopted.outs["description"] == "managed"
    assert adopted.outs["city"] is None  # declared state wins: unset fields are cleared
    assert [e.name for e in client.v2.get_enterprises()] == ["ACME"]


def test_adopt_refuses_fields_that_would_need_a_replacement(provider: EnterpriseProvider) -> None:
    provider.create({"name": "ACME", "account_number": "A-1"})
    with pytest.raises(VcoResourceError, match="cannot adopt: account_number"):
        provider.create({"name": "ACME", "account_number": "B-2", "adopt": True})


def test_the_software_image_changes_in_place(
    provider: EnterpriseProvider, client: VcoClient, vco: EmulatorProcess
) -> None:
    vco.admin("POST", "seed", {"fixture": "software-images"})
    created = provider.create({"name": "Imaged"})
    outs = created.outs
    assert outs is not None
    other = next(
        p for p in client.v1.get_network_configurations() if p.logical_id != outs["operator_profile_id"]
    )
    news = {"name": "Imaged", "operator_profile_id": other.logical_id}
    assert provider.diff(created.id, outs, news).replaces == []
    updated = provider.update(created.id, outs, news).outs
    assert updated is not None and updated["operator_profile_id"] == other.logical_id
    assert updated["logical_id"] == created.id  # the same enterprise
    assert client.v1.get_enterprise_operator_configuration(outs["vco_id"]).logical_id == other.logical_id

    with pytest.raises(VcoResourceError, match="operator_profile_id = 'no-such-image'"):
        provider.update(created.id, updated, {**news, "operator_profile_id": "no-such-image"})
    provider.delete(created.id, updated)
