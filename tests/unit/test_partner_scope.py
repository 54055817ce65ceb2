"""Partner (MSP) users see and manage only their partner's customers (domain level: the
emulator has no API yet to create partners)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vco_emulator.domain import enterprises, kinds, roles
from vco_emulator.domain.auth import principal_of
from vco_emulator.domain.errors import Forbidden, NotFound
from vco_emulator.domain.privileges import authorize_v1, authorize_v2
from vco_emulator.domain.seed import operator_user, seed, seed_logical_id
from vco_emulator.store import Store


def test_partner_user_sees_only_its_partners_customers(tmp_path: Path) -> None:
    store = Store(tmp_path / "vco.sqlite")
    body = {
        "gatewayPool": seed_logical_id("gateway-pool"),
        "operatorProfiles": [seed_logical_id("operator-profile")],
    }
    with store.transaction() as tx:
        seed(tx)
        operator = principal_of(tx, operator_user(tx))
        direct = enterprises.create_enterprise(tx, operator, {**body, "name": "Direct Customer"})
        partner = tx.insert(kinds.ENTERPRISE_PROXY, "Partner", {"proxyType": "MSP"})
        msp_user = tx.insert(
            kinds.ENTERPRISE_PROXY_USER,
            "msp@partner.example",
            {"roleId": roles.MSP_SUPERUSER.id, "enterpriseProxyId": partner.id, "isActive": True},
        )
        msp = principal_of(tx, msp_user)
        assert msp.auth_type == "MSP_USER" and enterprises.list_enterprises(tx, msp) == []

        managed = enterprises.create_enterprise(tx, msp, {**body, "name": "Managed Customer"})
        assert managed.data["enterpriseProxyId"] == partner.id
        msp = principal_of(tx, msp_user)
        assert [e.name for e in enterprises.list_enterprises(tx, msp)] == ["Managed Customer"]
        assert enterprises.get_enterprise(tx, msp, id=managed.id).id == managed.id
        with pytest.raises(NotFound):
            enterprises.get_enterprise(tx, msp, id=direct.id)
        with pytest.raises(NotFound):
            authorize_v1(tx, msp, "enterprise/getEnterprise", {"enterpriseId": direct.id})
        with pytest.raises(NotFound):
            authorize_v2(
                tx,
                msp,
                "GET",
                f"/api/sdwan/v2/enterprises/{direct.logical_id}/",
                {"enterpriseLogicalId": direct.logical_id},
            )
        with pytest.raises(Forbidden):
            authorize_v1(tx, msp, "network/getNetworkEnterprises", {})
        with pytest.raises(NotFound):
            enterprises.delete_enterprise(tx, msp, id=direct.id)
        enterprises.delete_enterprise(tx, msp, id=managed.id)
        assert [e.name for e in enterprises.list_enterprises(tx, operator)] == ["Direct Customer"]
    store.close()
