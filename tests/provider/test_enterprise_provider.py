"""The Enterprise dynamic provider's create/read/update/delete, called in-process against the server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.resources import base
from pulumi_velocloud.resources.enterprise import EnterpriseProvider
from vco_emulator.process import EmulatorProcess


@pytest.fixture
def provider(vco: EmulatorProcess) -> Iterator[EnterpriseProvider]:
    base.set_connection_config({"velocloud:url": vco.url, "velocloud:token": vco.token})
    yield EnterpriseProvider()
    base.set_connection_config({})


def test_lifecycle(provider: EnterpriseProvider, client: VcoClient) -> None:
    created = provider.create({"name": "ACME", "description": "first", "city": "Paris"})
    outs = created.outs
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


def test_duplicate_name_error_names_the_resource(provider: EnterpriseProvider) -> None:
    provider.create({"name": "ACME"})
    with pytest.raises(base.VcoResourceError, match=r'Enterprise "ACME": createEnterprise .* already exists'):
        provider.create({"name": "ACME"})
