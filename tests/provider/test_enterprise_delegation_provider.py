"""EnterpriseDelegation provider, called in-process against the emulator server with a customer's token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.context import connect, provider_context
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.enterprise_delegation import EnterpriseDelegationProvider
from vco_emulator.process import EmulatorProcess

from .access_helpers import customer_token


@pytest.fixture
def as_customer(enterprise: dict[str, Any], client: VcoClient, vco: EmulatorProcess) -> Iterator[str]:
    token = customer_token(client, enterprise)
    provider_context().configure({"velocloud:url": vco.url, "velocloud:token": token})
    yield token
    provider_context().configure({"velocloud:url": vco.url, "velocloud:token": vco.token})


def test_the_operator_is_refused_with_a_clear_error(enterprise: dict[str, Any]) -> None:
    p = EnterpriseDelegationProvider()
    with pytest.raises(VcoResourceError, match=r"field to_operator = False.*customer's own superusers"):
        p.create({"enterprise_id": enterprise["logical_id"], "to_operator": False})


def test_delegation_lifecycle_drift_and_restore(
    enterprise: dict[str, Any], as_customer: str, client: VcoClient
) -> None:
    p = EnterpriseDelegationProvider()
    news = {
        "enterprise_id": enterprise["logical_id"],
        "to_operator": False,
        "user_management_to_operator": True,
    }
    created = p.create(news)
    outs = created.outs
    assert outs is not None and created.id == f"{enterprise['logical_id']}/delegation"
    assert (outs["to_operator"], outs["user_management_to_operator"], outs["to_partner"]) == (
        False,
        True,
        None,
    )
    assert outs["previous"] == {"to_operator": True, "user_management_to_operator": False}
    assert p.diff(created.id, outs, news).changes is False

    # the customer flips one flag by hand: refresh shows exactly that field
    eid = outs["enterprise_vco_id"]
    connect().client.v1.set_enterprise_delegated(eid, "EnterpriseDelegatedToOperator", True)
    drifted = p.read(created.id, outs).outs
    assert drifted is not None and p.changed_fields(drifted, news) == ["to_operator"]
    fixed = p.update(created.id, drifted, news).outs
    assert fixed is not None and fixed["to_operator"] is False

    # destroy puts back what was there before
    p.delete(created.id, fixed)
    assert connect().client.v1.is_enterprise_delegated(eid, "EnterpriseDelegatedToOperator") is True
    assert (
        connect().client.v1.is_enterprise_delegated(eid, "EnterpriseUserManagementDelegatedToOperator")
        is False
    )
    failures = p.check({}, {"enterprise_id": enterprise["logical_id"]}).failures
    assert failures and "declare at least one" in failures[0].reason
