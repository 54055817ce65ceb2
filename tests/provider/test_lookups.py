"""Lookups against the emulator: one match, none, and how they say so."""

from __future__ import annotations

import pytest

from pulumi_velocloud import get_enterprise
from pulumi_velocloud.client import VcoClient

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
