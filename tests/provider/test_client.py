"""The shared client against the emulator server: operations, typed errors, no token leaks."""

from __future__ import annotations

import logging

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.client.errors import InvalidRequest, NotFound, Unauthorized
from pulumi_velocloud.settings import Settings
from vco_emulator.process import EmulatorProcess

from ..emulator.helpers import GATEWAY_POOL, OPERATOR_PROFILE


def new_enterprise(client: VcoClient, name: str) -> str:
    body = {"name": name, "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    return client.v2.create_enterprise(body).logical_id


def test_create_read_list_delete(client: VcoClient) -> None:
    logical_id = new_enterprise(client, "ACME")
    assert client.v2.get_enterprise(logical_id).name == "ACME"
    ref = next(e for e in client.v1.get_network_enterprises() if e.logical_id == logical_id)
    client.v1.update_enterprise(ref.id, {"description": "managed"})
    assert client.v1.get_enterprise(ref.id).description == "managed"
    assert [e.name for e in client.v2.get_enterprises()] == ["ACME"]
    client.v2.delete_enterprise(logical_id)
    with pytest.raises(NotFound):
        client.v2.get_enterprise(logical_id)


def test_pagination_walks_every_page(client: VcoClient, vco: EmulatorProcess) -> None:
    for i in range(7):
        new_enterprise(client, f"E{i}")
    assert [e.name for e in client.v2.get_enterprises(limit=3)] == [f"E{i}" for i in range(7)]
    assert vco.admin("GET", "stats")["byOperation"]["v2 getEnterprises"] == 3


def test_invalid_request_carries_field_errors_and_context(client: VcoClient) -> None:
    with pytest.raises(InvalidRequest) as info:
        client.v2.create_enterprise({"name": "", "gatewayPool": GATEWAY_POOL, "operatorProfiles": []})
    err = info.value
    assert err.status == 400 and err.operation == "createEnterprise" and err.method == "POST"
    assert {f.path for f in err.field_errors} == {"name", "operatorProfiles"}
    assert "createEnterprise (POST http://" in str(err) and "- name:" in str(err)


def test_missing_v1_update_is_not_found(client: VcoClient) -> None:
    with pytest.raises(NotFound):
        client.v1.update_enterprise(99999, {"description": "x"})


def test_wrong_token_is_unauthorized_and_never_leaks(
    vco: EmulatorProcess, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "wrong-token-" + "Z" * 20
    bad = VcoClient(Settings(url=vco.url, token=SecretStr(secret)))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(Unauthorized) as info:
        list(bad.v2.get_enterprises())
    assert vco.url in str(info.value)
    assert secret not in str(info.value) and secret not in repr(info.value)
    assert secret not in caplog.text and secret not in repr(bad)
    assert "GET api/sdwan/v2/enterprises/ -> 401" in caplog.text
