"""Segments and object groups a profile uses cannot be deleted (domain level, on a real Store).

No API on this branch puts references into module documents yet (that is
`configuration/updateConfigurationModule`), so these tests edit a module document inside a
transaction, as that method will, and call the domain functions directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vco_emulator.domain import enterprises, kinds, object_groups, profiles, segments
from vco_emulator.domain.auth import Principal, principal_of
from vco_emulator.domain.errors import DataConflict
from vco_emulator.domain.seed import seed, seed_logical_id
from vco_emulator.store import Record, Store, Tx


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "vco.sqlite")
    yield s
    s.close()


@pytest.fixture
def setup(store: Store) -> tuple[Principal, int]:
    """An operator principal and the id of a new enterprise with its Quick Start Profile."""
    with store.transaction() as tx:
        operator = principal_of(tx, seed(tx))
        enterprise = enterprises.create_enterprise(
            tx,
            operator,
            {
                "name": "ACME",
                "gatewayPool": seed_logical_id("gateway-pool"),
                "operatorProfiles": [seed_logical_id("operator-profile")],
            },
        )
    return operator, enterprise.id


def firewall_module(tx: Tx, enterprise_id: int) -> Record:
    [profile] = [p for p in tx.find(kinds.PROFILE, enterprise_id=enterprise_id)]
    [module] = [m for m in profiles.profile_modules(tx, profile) if m.name == "firewall"]
    return module


def edit_firewall(tx: Tx, enterprise_id: int, edit: Any) -> None:
    module = firewall_module(tx, enterprise_id)
    document = module.data["data"]
    edit(document)
    tx.update(module, module.name, {**module.data, "data": document})


def test_a_segment_a_profile_uses_cannot_be_deleted(store: Store, setup: tuple[Principal, int]) -> None:
    operator, eid = setup
    with store.transaction() as tx:
        segment = segments.insert_segment(
            tx, operator, {"enterpriseId": eid, "name": "PCI", "type": "CDE", "data": {}}
        )
        ref = profiles.segment_ref(segment)
        edit_firewall(
            tx, eid, lambda d: d["segments"].append({"segment": ref, "outbound": [], "inbound": []})
        )

    with pytest.raises(DataConflict) as refused, store.transaction() as tx:
        segments.delete_segment(tx, operator, eid, segment.id)
    assert "'PCI'" in refused.value.message and "'Quick Start Profile'" in refused.value.message
    with store.transaction() as tx:
        assert tx.get(kinds.NETWORK_SEGMENT, id=segment.id) is not None

        edit_firewall(tx, eid, lambda d: d["segments"].pop())
        assert segments.delete_segment(tx, operator, eid, segment.id) is not None
        assert tx.get(kinds.NETWORK_SEGMENT, id=segment.id) is None


def test_a_reference_by_segment_id_alone_counts(store: Store, setup: tuple[Principal, int]) -> None:
    operator, eid = setup
    with store.transaction() as tx:
        segment = segments.insert_segment(
            tx, operator, {"enterpriseId": eid, "name": "PCI", "type": "CDE", "data": {}}
        )
        edit_firewall(tx, eid, lambda d: d["segments"].append({"segment": {"segmentId": 1}, "outbound": []}))
    with pytest.raises(DataConflict), store.transaction() as tx:
        segments.delete_segment(tx, operator, eid, segment.id)


def test_renaming_a_segment_renames_it_in_module_documents(
    store: Store, setup: tuple[Principal, int]
) -> None:
    operator, eid = setup
    with store.transaction() as tx:
        segment = segments.insert_segment(
            tx, operator, {"enterpriseId": eid, "name": "PCI", "type": "CDE", "data": {}}
        )
        ref = profiles.segment_ref(segment)
        edit_firewall(tx, eid, lambda d: d["segments"].append({"segment": ref, "outbound": []}))
        segments.update_segment(
            tx,
            operator,
            {"enterpriseId": eid, "id": segment.id, "_update": {"name": "Cards", "type": "PRIVATE"}},
        )
        names = {
            s["segment"]["segmentLogicalId"]: (s["segment"]["name"], s["segment"]["type"])
            for s in firewall_module(tx, eid).data["data"]["segments"]
        }
    assert names[segment.logical_id] == ("Cards", "PRIVATE")
    assert ("Global Segment", "REGULAR") in names.values()


def test_an_object_group_a_rule_references_cannot_be_deleted(
    store: Store, setup: tuple[Principal, int]
) -> None:
    operator, eid = setup
    with store.transaction() as tx:
        group = object_groups.insert_object_group(
            tx,
            operator,
            {
                "enterpriseId": eid,
                "name": "Servers",
                "type": "address_group",
                "data": [{"ip": "10.0.0.0/8", "rule_type": "prefix"}],
            },
        )
        unused = object_groups.insert_object_group(
            tx, operator, {"enterpriseId": eid, "name": "Web", "data": [{"proto": 6, "port_low": 80}]}
        )
        rule = {"name": "deny servers", "match": {"dAddressGroup": group.logical_id}, "action": {}}
        edit_firewall(tx, eid, lambda d: d["segments"][0]["outbound"].append(rule))

    with pytest.raises(DataConflict) as refused, store.transaction() as tx:
        object_groups.delete_object_group(tx, operator, eid, group.id)
    assert "'Servers'" in refused.value.message and "'Quick Start Profile'" in refused.value.message
    with store.transaction() as tx:
        assert tx.get(kinds.OBJECT_GROUP, id=group.id) is not None
        assert object_groups.delete_object_group(tx, operator, eid, unused.id) is not None
        edit_firewall(tx, eid, lambda d: d["segments"][0]["outbound"].clear())
        assert object_groups.delete_object_group(tx, operator, eid, group.id) is not None
