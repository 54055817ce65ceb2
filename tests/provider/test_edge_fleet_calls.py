"""API calls of a fleet of edges, counted by the emulator: one call per created edge, a refresh
by shared lists (never hiding what the same run changed, a deleted edge still reads as gone)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.context import provider_context
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.edge_device_settings import EdgeDeviceSettingsProvider
from pulumi_velocloud.resources.firewall_rule import FirewallRuleProvider
from pulumi_velocloud.resources.profile import ProfileProvider
from vco_emulator.process import EmulatorProcess

EDGES = 24
PAGE = 2048  # the Orchestrator's largest page
SINGLE_READS = ("v1 edge/getEdge", "v2 getEnterpriseEdge")


def edge_inputs(enterprise: dict[str, Any], profile: dict[str, Any], i: int) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "profile_id": profile["logical_id"],
        "name": f"edge-{i:03d}",
        "model_number": "edge6X0",
        "serial_number": f"VCF{i:07d}",
        "description": f"branch {i}",
        "site": {"name": f"Site {i}", "city": "Paris", "country": "FR"},
    }


def calls(vco: EmulatorProcess, action: Callable[[], Any]) -> tuple[Any, dict[str, int]]:
    """Run `action`; return its result and the API calls it made, by operation."""
    before = vco.admin("GET", "stats")["byOperation"]
    result = action()
    after = vco.admin("GET", "stats")["byOperation"]
    made = {op: n - before.get(op, 0) for op, n in after.items() if n != before.get(op, 0)}
    return result, made


def in_parallel(fn: Callable[[int], Any], n: int) -> list[Any]:
    """Like the dynamic-provider host: four workers."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(fn, range(n)))


@pytest.fixture
def fleet(enterprise: dict[str, Any], profile: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """EDGES edges created in an earlier run: their outputs by logicalId."""
    e = EdgeProvider()
    created = in_parallel(lambda i: e.create(edge_inputs(enterprise, profile, i)), EDGES)
    provider_context().new_run()
    return {c.id: c.outs for c in created}


def test_creating_an_edge_is_one_api_call(
    enterprise: dict[str, Any], profile: dict[str, Any], vco: EmulatorProcess
) -> None:
    e = EdgeProvider()
    created, made = calls(
        vco, lambda: in_parallel(lambda i: e.create(edge_inputs(enterprise, profile, i)), 10)
    )
    assert made == {"v2 createEdge": 10}
    outs = created[3].outs
    assert outs["name"] == "edge-003" and outs["profile_id"] == profile["logical_id"]
    assert outs["activation_key"] and outs["activation_state"] == "PENDING"
    assert outs["site"] == {"name": "Site 3", "city": "Paris", "country": "FR"}
    assert e.diff(created[3].id, outs, edge_inputs(enterprise, profile, 3)).changes is False


def test_a_refresh_reads_the_edges_of_an_enterprise_through_one_list_call(
    fleet: dict[str, dict[str, Any]], vco: EmulatorProcess
) -> None:
    e = EdgeProvider()
    ids = sorted(fleet)
    reads, made = calls(vco, lambda: in_parallel(lambda i: e.read(ids[i], fleet[ids[i]]), len(ids)))
    assert made.get("v1 enterprise/getEnterpriseEdges") == 1 <= 1 + EDGES // PAGE
    assert not any(op in made for op in SINGLE_READS), made
    assert sum(made.values()) <= 3, made  # the list, plus the enterprise's and profile's numeric ids once
    for read in reads:
        assert read.id is not None and e.changed_fields(read.outs, fleet[read.id]) == []


def test_a_refresh_by_lists_sees_every_field_changed_out_of_band(
    fleet: dict[str, dict[str, Any]],
    enterprise: dict[str, Any],
    profile: dict[str, Any],
    client: VcoClient,
) -> None:
    other = ProfileProvider().create({"enterprise_id": enterprise["logical_id"], "name": "Hub"}).outs
    edge_id = sorted(fleet)[5]
    client.v2.update_edge(
        enterprise["logical_id"],
        edge_id,
        [
            {"op": "replace", "path": "/description", "value": "changed by hand"},
            {"op": "replace", "path": "/site/city", "value": "Lyon"},
        ],
    )
    ent = client.v1.get_network_enterprises()
    numeric = next(x.id for x in ent if x.logical_id == enterprise["logical_id"])
    edge = client.v1.get_edge_by_logical_id(numeric, edge_id)
    client.v1.set_edge_enterprise_configuration(numeric, edge.id, other["vco_id"])
    provider_context().new_run()
    e = EdgeProvider()
    read = e.read(edge_id, fleet[edge_id]).outs
    assert read["description"] == "changed by hand" and read["site"]["city"] == "Lyon"
    assert read["profile_id"] == other["logical_id"]
    index = int(fleet[edge_id]["name"].split("-")[1])
    changed = e.changed_fields(read, edge_inputs(enterprise, profile, index))
    assert changed == ["profile_id", "description", "site"]


def test_an_edge_deleted_out_of_band_reads_as_gone(
    fleet: dict[str, dict[str, Any]], enterprise: dict[str, Any], client: VcoClient
) -> None:
    gone = sorted(fleet)[2]
    client.v2.delete_edge(enterprise["logical_id"], gone)
    e = EdgeProvider()
    assert e.read(gone, fleet[gone]).id is None
    kept = sorted(fleet)[3]
    assert e.read(kept, fleet[kept]).id == kept


def test_the_list_of_a_run_never_hides_what_the_same_run_changed(
    fleet: dict[str, dict[str, Any]], enterprise: dict[str, Any], profile: dict[str, Any]
) -> None:
    e = EdgeProvider()
    first, second = sorted(fleet)[:2]
    assert e.read(first, fleet[first]).id == first  # the run's list is fetched now
    index = int(fleet[first]["name"].split("-")[1])
    wanted = {**edge_inputs(enterprise, profile, index), "description": "updated by this run"}
    updated = e.update(first, fleet[first], wanted).outs
    assert e.read(first, updated).outs["description"] == "updated by this run"
    e.delete(second, fleet[second])
    assert e.read(second, fleet[second]).id is None
    new = e.create(edge_inputs(enterprise, profile, 99))
    assert e.read(new.id, new.outs).id == new.id  # created after the list was fetched, not "gone"


def test_device_settings_of_new_edges_find_them_through_one_shared_list(
    enterprise: dict[str, Any], profile: dict[str, Any], vco: EmulatorProcess
) -> None:
    e, s = EdgeProvider(), EdgeDeviceSettingsProvider()
    edges = in_parallel(lambda i: e.create(edge_inputs(enterprise, profile, i)), 8)

    def settings(i: int) -> Any:
        return s.create(
            {
                "enterprise_id": enterprise["logical_id"],
                "edge_id": edges[i].id,
                "lan_networks": [{"vlan_id": 1, "name": "Corporate", "cidr": f"10.0.{i}.1/24"}],
            }
        )

    created, made = calls(vco, lambda: in_parallel(settings, len(edges)))
    assert "v1 edge/getEdge" not in made, made  # no read per edge for its numeric id and name
    assert 1 <= made["v1 enterprise/getEnterpriseEdges"] <= 2, made
    assert [c.outs["target_name"] for c in created] == [f"edge-{i:03d}" for i in range(len(edges))]
    assert "v2 getAsyncOperation" not in made, made  # each write's read-back showed it applied


def test_rules_of_new_edges_find_them_through_one_shared_list(
    enterprise: dict[str, Any], profile: dict[str, Any], vco: EmulatorProcess, client: VcoClient
) -> None:
    e, r = EdgeProvider(), FirewallRuleProvider()
    edges = in_parallel(lambda i: e.create(edge_inputs(enterprise, profile, 200 + i)), 6)

    def rule(i: int) -> Any:
        return r.create(
            {
                "enterprise_id": enterprise["logical_id"],
                "edge_id": edges[i].id,
                "name": "allow-ssh",
                "position": 0,
                "action": "allow",
                "match": {"protocol": "tcp", "destination_ports": "22"},
            }
        )

    created, made = calls(vco, lambda: in_parallel(rule, len(edges)))
    assert "v1 edge/getEdge" not in made, made  # no read per edge for its numeric id
    assert 1 <= made["v1 enterprise/getEnterpriseEdges"] <= 2, made
    numeric = client.v1.get_edge_by_logical_id(enterprise["vco_id"], edges[4].id).id
    own = next(m for m in client.v1.get_edge_configuration_stack(enterprise["vco_id"], numeric)[0].modules
               if m.name == "firewall")  # fmt: skip
    assert created[4].id and own.data is not None and "allow-ssh" in str(own.data)
