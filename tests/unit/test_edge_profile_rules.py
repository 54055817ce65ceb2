"""Edge-level profile rules in the domain, with an edge row written as the edges contract describes
(`configurationId`, `edgeSpecificConfigurationId`), so they are checked before edges exist over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from vco_emulator.domain import device_settings, enterprises, kinds, profile_rules, profiles
from vco_emulator.domain.auth import principal_of
from vco_emulator.domain.errors import DataConflict
from vco_emulator.domain.seed import OPERATOR_PROFILE_NAME, seed
from vco_emulator.store import Record, Store, Tx


def _edge(tx: Tx) -> tuple[Record, Record, Record]:
    operator = principal_of(tx, seed(tx))
    pool = tx.find(kinds.GATEWAY_POOL)[0]
    [template] = tx.find(kinds.OPERATOR_PROFILE, name=OPERATOR_PROFILE_NAME)
    enterprise = enterprises.create_enterprise(
        tx,
        operator,
        {"name": "ACME", "gatewayPool": pool.logical_id, "operatorProfiles": [template.logical_id]},
    )
    [profile] = profile_rules.enterprise_profiles(tx, operator, enterprise.id)
    edge = tx.insert(kinds.EDGE, "branch-1", {"configurationId": profile.id}, enterprise_id=enterprise.id)
    own = profiles.create_profile(tx, enterprise.id, "branch-1 profile", description=None, edge_id=edge.id)
    edge = tx.update(edge, edge.name, {**edge.data, "edgeSpecificConfigurationId": own.id})
    return edge, profile, own


def test_profile_rules_for_edges(tmp_path: Path) -> None:
    store = Store(tmp_path / "unit.sqlite")
    with store.transaction() as tx:
        edge, profile, own = _edge(tx)
        operator = principal_of(tx, tx.find(kinds.OPERATOR_USER)[0])
        with pytest.raises(DataConflict, match="branch-1"):
            profile_rules.delete_profile(tx, operator, profile)
        with pytest.raises(DataConflict, match="edge-specific"):
            profile_rules.delete_profile(tx, operator, own)
        assert [p.id for p in profile_rules.edge_stack(tx, edge)] == [own.id, profile.id]
        effective = profile_rules.edge_effective_modules(tx, edge)
        profile_settings = device_settings.module_of(tx, profile).data["data"]
        assert effective["deviceSettings"][1] == profile_settings
        assert effective["WAN"][0].data["configurationId"] == profile.id  # edge WAN has no content
        profiles.write_module_data(
            tx, device_settings.module_of(tx, own), {"routedInterfaces": [{"name": "GE3"}]}
        )
        record, data = profile_rules.edge_effective_modules(tx, edge, ["deviceSettings"])["deviceSettings"]
        assert record.data["configurationId"] == own.id
        assert data == {**profile_settings, "routedInterfaces": [{"name": "GE3"}]}
