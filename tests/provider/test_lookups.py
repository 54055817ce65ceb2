"""Lookups against the emulator: one match, none, and how they say so."""

from __future__ import annotations

import pytest

from pulumi_velocloud import get_enterprise
from pulumi_velocloud.client import VcoClient
from vco_emulator.process import EmulatorProcess

from .test_client import new_enterprise


def test_get_enterprise_by_name(client: VcoClient) -> None:
    logical_id = new_enterprise(client, "ACME")
    new_enterprise(client, "ACME 2")
    found = get_enterprise(name="ACME", client=client)
    assert found.logical_id == logical_id and found.vco_id > 0


def test_no_match_says_so(client: VcoClient) -> None:
    new_enterprise(client, "ACME")
    with pytest.raises(LookupError, match=r"no enterprise matches name='Nope' \(.* has 1 enterprises\)"):
        get_enterprise(name="Nope", client=client)


def test_profile_and_edge_lookups(client: VcoClient, vco: EmulatorProcess) -> None:
    from pulumi_velocloud import get_edge, get_profile, list_edges
    from pulumi_velocloud.context import provider_context
    from pulumi_velocloud.resources.edge import EdgeProvider
    from pulumi_velocloud.resources.profile import ProfileProvider

    enterprise = new_enterprise(client, "ACME")
    provider_context().configure({"velocloud:url": vco.url, "velocloud:token": vco.token})
    try:
        profile = ProfileProvider().create({"enterprise_id": enterprise, "name": "Branch"})
        for i, model in enumerate(("edge6X0", "edge6X0", "edge5X0")):
            EdgeProvider().create(
                {
                    "enterprise_id": enterprise,
                    "profile_id": profile.id,
                    "name": f"e{i}",
                    "model_number": model,
                }
            )
    finally:
        provider_context().configure({})
    assert get_profile(enterprise_id=enterprise, name="Branch", client=client).logical_id == profile.id
    assert get_edge(enterprise_id=enterprise, name="e2", client=client).model_number == "edge5X0"
    six = list_edges(enterprise_id=enterprise, filters={"modelNumber[is]": "edge6X0"}, client=client)
    assert sorted(e.name or "" for e in six) == ["e0", "e1"]
    with pytest.raises(LookupError, match="no edge matches name='nope'"):
        get_edge(enterprise_id=enterprise, name="nope", client=client)
