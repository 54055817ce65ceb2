"""v1 network allocations over HTTP: insert, get (one, all, `with`), update, delete, and the checks
on names, CIDR addresses and VLAN ids."""

from __future__ import annotations

from vco_emulator.process import EmulatorProcess

from .edge_helpers import new_enterprise, v1

SPACE = {"name": "corp", "mode": "static", "cidrIp": "10.10.0.0", "cidrPrefix": 16, "vlans": [{"vlanId": 10}]}


def test_network_allocation_lifecycle(vco: EmulatorProcess) -> None:
    acme = new_enterprise(vco)
    r = v1(
        vco,
        "enterprise/insertEnterpriseNetworkAllocation",
        {"enterpriseId": acme.id, "name": "Corp", "data": {"spaces": [SPACE]}},
    )
    assert r.status_code == 200 and r.json()["rows"] == 1, r.text
    allocation_id = r.json()["id"]
    one = v1(
        vco,
        "enterprise/getEnterpriseNetworkAllocation",
        {"enterpriseId": acme.id, "id": allocation_id, "with": ["edgeCount", "profileCount"]},
    ).json()
    assert one["object"] == "NETWORK_ALLOCATION" and one["data"]["spaces"] == [SPACE]
    assert one["edgeCount"] == 0 and one["profileCount"] == 0
    assert [
        a["name"]
        for a in v1(vco, "enterprise/getEnterpriseNetworkAllocations", {"enterpriseId": acme.id}).json()
    ] == ["Corp"]

    dup = v1(vco, "enterprise/insertEnterpriseNetworkAllocation", {"enterpriseId": acme.id, "name": "corp"})
    assert dup.status_code == 400 and "already has" in dup.json()["error"]["message"]
    bad = {"spaces": [{**SPACE, "cidrIp": "10.10.0.0.1", "vlans": [{"vlanId": 10}, {"vlanId": 10}]}]}
    r = v1(
        vco,
        "enterprise/insertEnterpriseNetworkAllocation",
        {"enterpriseId": acme.id, "name": "X", "data": bad},
    )
    message = r.json()["error"]["message"]
    assert r.status_code == 400 and "data.spaces.0.cidrIp" in message and "data.spaces.0.vlans" in message

    r = v1(
        vco,
        "enterprise/updateEnterpriseNetworkAllocation",
        {
            "enterpriseId": acme.id,
            "id": allocation_id,
            "_update": {"name": "Corporate", "data": {"spaces": []}},
        },
    )
    assert r.json() == {"rows": 1}
    one = v1(
        vco, "enterprise/getEnterpriseNetworkAllocation", {"enterpriseId": acme.id, "id": allocation_id}
    ).json()
    assert one["name"] == "Corporate" and one["data"] == {"spaces": []}
    missing = v1(
        vco,
        "enterprise/updateEnterpriseNetworkAllocation",
        {"enterpriseId": acme.id, "id": 999999, "_update": {}},
    )
    assert missing.json()["rows"] == 0

    assert (
        v1(
            vco,
            "enterprise/deleteEnterpriseNetworkAllocation",
            {"enterpriseId": acme.id, "id": allocation_id},
        ).json()["rows"]
        == 1
    )
    assert v1(vco, "enterprise/getEnterpriseNetworkAllocations", {"enterpriseId": acme.id}).json() == []
    gone = v1(
        vco, "enterprise/getEnterpriseNetworkAllocation", {"enterpriseId": acme.id, "id": allocation_id}
    )
    assert gone.status_code == 400 and "not found" in gone.json()["error"]["message"]
