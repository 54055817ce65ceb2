"""v1 `with` options over HTTP: every value the spec lists for an implemented method adds its
fields to every object of the result (what `with_options.ADDS` declares), and the data is real
(an enterprise's `edges` are its edges, a pool's `enterprises` use it)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Any

import pytest

from vco_emulator.process import EmulatorProcess
from vco_emulator.v1.rpc import METHODS
from vco_emulator.v1.with_options import ADDS

from ..fidelity.spec import spec_dir, v1_with_options
from .edge_helpers import Enterprise, create_edge, new_enterprise, v1


def _objects(result: Any) -> list[dict[str, Any]]:
    objects = result if isinstance(result, list) else [result]
    assert objects and all(isinstance(o, dict) for o in objects), result
    return objects


def _with_partner(vco: EmulatorProcess, ent: Enterprise) -> int:
    """Make a partner (MSP) manage `ent`, straight in the store (no emulated API creates partners)."""
    now = "2024-01-01T00:00:00.000Z"
    with sqlite3.connect(vco.db) as conn:
        cur = conn.execute(
            "INSERT INTO objects (logical_id, kind, enterprise_id, name, data, created, modified)"
            " VALUES (?, 'enterprise_proxy', NULL, 'Partner', ?, ?, ?)",
            (str(uuid.uuid4()), json.dumps({"proxyType": "MSP", "networkId": 1}), now, now),
        )
        data = json.loads(conn.execute("SELECT data FROM objects WHERE id = ?", (ent.id,)).fetchone()[0])
        data["enterpriseProxyId"] = cur.lastrowid
        conn.execute("UPDATE objects SET data = ? WHERE id = ?", (json.dumps(data), ent.id))
        assert cur.lastrowid is not None
        return cur.lastrowid


def test_every_spec_with_value_adds_its_fields(vco: EmulatorProcess) -> None:
    if spec_dir() is None:
        pytest.skip("vendor specs not found beside the repository (shared/vco-api)")
    ent = new_enterprise(vco)
    edge = create_edge(vco, ent, name="nyc").json()
    edge_id = next(e["id"] for e in v1(vco, "enterprise/getEnterpriseEdges", {"enterpriseId": ent.id}).json())
    _with_partner(vco, ent)
    service = {"enterpriseId": ent.id, "type": "nvsViaEdgeService", "name": "DC1", "data": {}}
    assert v1(vco, "enterprise/insertEnterpriseService", service).status_code == 200
    allocation = {"enterpriseId": ent.id, "name": "Corp"}
    allocation_id = v1(vco, "enterprise/insertEnterpriseNetworkAllocation", allocation).json()["id"]
    params = {
        "configuration/getConfiguration": {"id": ent.profile.id},
        "edge/getEdge": {"id": edge_id},
        "enterprise/getEnterprise": {"enterpriseId": ent.id},
        "enterprise/getEnterpriseAlerts": {"enterpriseId": ent.id},
        "enterprise/getEnterpriseConfigurations": {"enterpriseId": ent.id},
        "enterprise/getEnterpriseEdges": {"enterpriseId": ent.id},
        "enterprise/getEnterpriseEdgeList": {"enterpriseId": ent.id},
        "enterprise/getEnterpriseNetworkSegments": {"enterpriseId": ent.id},
        "enterprise/getEnterpriseNetworkAllocation": {"enterpriseId": ent.id, "id": allocation_id},
        "enterprise/getEnterpriseNetworkAllocations": {"enterpriseId": ent.id},
        "enterprise/getEnterpriseOperatorConfiguration": {"enterpriseId": ent.id},
        "enterprise/getEnterpriseServices": {"enterpriseId": ent.id},
        "network/getNetworkConfigurations": {},
        "network/getNetworkEnterprises": {},
        "network/getNetworkGatewayPools": {},
    }
    methods = {m: values for m, values in v1_with_options().items() if m in METHODS}
    assert set(methods) <= set(params), f"add params for {sorted(set(methods) - set(params))}"
    checked = 0
    for method, values in methods.items():
        plain = _objects(v1(vco, method, params[method]).json())
        for value in values:
            if value not in ADDS.get(method, {}):
                continue
            r = v1(vco, method, {**params[method], "with": [value]})
            assert r.status_code == 200, (method, value, r.text)
            for before, after in zip(plain, _objects(r.json()), strict=True):
                assert set(after) > set(before), f"{method} with {value} added nothing"
            checked += 1
    assert checked >= 30
    assert edge["logicalId"]


def test_network_enterprises_with_edges_lists_each_enterprises_edges(vco: EmulatorProcess) -> None:
    acme, other = new_enterprise(vco), new_enterprise(vco, "Other")
    made = {create_edge(vco, acme, name=n).json()["logicalId"] for n in ("a", "b")}
    r = v1(vco, "network/getNetworkEnterprises", {"with": ["edges", "edgeCount"]})
    assert r.status_code == 200, r.text
    by_id = {e["id"]: e for e in r.json()}
    assert {e["logicalId"] for e in by_id[acme.id]["edges"]} == made and by_id[acme.id]["edgeCount"] == 2
    assert all(e["enterpriseId"] == acme.id for e in by_id[acme.id]["edges"])
    assert by_id[other.id]["edges"] == [] and by_id[other.id]["edgeCount"] == 0
    assert "edges" not in v1(vco, "network/getNetworkEnterprises").json()[0]


def test_gateway_pool_enterprises_and_profile_enterprises(vco: EmulatorProcess) -> None:
    ent = new_enterprise(vco)
    [pool] = v1(vco, "network/getNetworkGatewayPools", {"with": ["enterprises", "gateways"]}).json()
    assert ent.id in {e["id"] for e in pool["enterprises"]}
    assert [g["name"] for g in pool["gateways"]] == ["gateway-1", "gateway-2"]  # the seeded ones
    profile = v1(
        vco, "configuration/getConfiguration", {"id": ent.profile.id, "with": ["enterprises"]}
    ).json()
    assert [e["id"] for e in profile["enterprises"]] == [ent.id] and profile["enterpriseCount"] == 1


def test_enterprise_proxy_only_for_a_managed_enterprise(vco: EmulatorProcess) -> None:
    managed, own = new_enterprise(vco), new_enterprise(vco, "Own")
    partner = _with_partner(vco, managed)
    got = v1(
        vco, "enterprise/getEnterprise", {"enterpriseId": managed.id, "with": ["enterpriseProxy"]}
    ).json()
    assert got["enterpriseProxy"]["id"] == partner and got["enterpriseProxy"]["proxyType"] == "MSP"
    alone = v1(vco, "enterprise/getEnterprise", {"enterpriseId": own.id, "with": ["enterpriseProxy"]}).json()
    assert "enterpriseProxy" not in alone


def test_a_with_that_is_not_a_list_of_names_is_refused(vco: EmulatorProcess) -> None:
    r = v1(vco, "network/getNetworkEnterprises", {"with": "edges"})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32602
