"""v1 object groups over HTTP: address and port groups, create/read/update/delete and validation."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise, v1

ADDRESSES = [
    {"ip": "10.1.2.3", "rule_type": "exact"},
    {"ip": "10.0.0.0", "mask": "255.255.0.0", "rule_type": "netmask"},
    {"ip": "192.168.0.0/24", "rule_type": "prefix"},
    {"ip": "172.16.0.0", "mask": "255.255.240.0", "rule_type": "prefix"},
    {"ip": "10.0.0.1", "mask": "0.255.0.255", "rule_type": "wildcard"},
    {"ip": "2001:db8::/32", "rule_type": "prefix"},
    {"ip": "2001:db8::1", "rule_type": "exact"},
    {"domain": "*.example.com"},
]
PORTS = [{"proto": 6, "port_low": 443, "port_high": 443}, {"proto": 17, "port_low": 5060, "port_high": 5080}]


def groups(vco: EmulatorProcess, eid: int, **params: Any) -> list[dict[str, Any]]:
    r = v1(vco, "enterprise/getObjectGroups", {"enterpriseId": eid, **params})
    assert r.status_code == 200, r.text
    result: list[dict[str, Any]] = r.json()
    return result


def insert(
    vco: EmulatorProcess, eid: int, name: str, type: str, data: Any, **fields: Any
) -> requests.Response:
    body = {"enterpriseId": eid, "name": name, "type": type, "data": data, **fields}
    return v1(vco, "enterprise/insertObjectGroup", body)


def refused(r: requests.Response, code: int, *words: str) -> dict[str, Any]:
    assert r.status_code == 400, r.text
    error: dict[str, Any] = r.json()["error"]
    assert error["code"] == code
    for word in words:
        assert word in error["message"], error["message"]
    return error


def test_create_read_update_delete(vco: EmulatorProcess, eid: int) -> None:
    r = insert(vco, eid, "Branch LANs", "address_group", ADDRESSES, description="all branches")
    assert r.status_code == 200 and r.json()["rows"] == 1
    addr_id = r.json()["id"]
    port_id = insert(vco, eid, "Web and SIP", "port_group", PORTS).json()["id"]

    [addr] = groups(vco, eid, type="address_group")
    assert addr["id"] == addr_id and addr["name"] == "Branch LANs" and addr["type"] == "address_group"
    assert addr["data"] == ADDRESSES and addr["description"] == "all branches"
    assert addr["object"] == "OBJECT_GROUP" and addr["enterpriseId"] == eid and addr["logicalId"]
    [port] = groups(vco, eid, id=port_id)
    assert port["type"] == "port_group" and port["data"] == PORTS
    assert [g["id"] for g in groups(vco, eid)] == [addr_id, port_id]

    r = v1(
        vco,
        "enterprise/updateObjectGroup",
        {"enterpriseId": eid, "id": port_id, "name": "Web", "data": [{"proto": 6, "port_low": 80}]},
    )
    assert r.status_code == 200 and r.json() == {"rows": 1}
    [port] = groups(vco, eid, id=port_id)
    assert port["name"] == "Web" and port["data"] == [{"proto": 6, "port_low": 80}]
    assert port["logicalId"] == groups(vco, eid, type="port_group")[0]["logicalId"]

    r = v1(vco, "enterprise/deleteObjectGroup", {"enterpriseId": eid, "id": addr_id})
    assert r.status_code == 200 and r.json() == {"id": addr_id, "rows": 1}
    assert [g["id"] for g in groups(vco, eid)] == [port_id]
    r = v1(vco, "enterprise/deleteObjectGroup", {"enterpriseId": eid, "id": addr_id})
    assert r.status_code == 200 and r.json()["rows"] == 0


def test_type_defaults_to_port_group(vco: EmulatorProcess, eid: int) -> None:
    r = v1(vco, "enterprise/insertObjectGroup", {"enterpriseId": eid, "name": "P", "data": PORTS})
    assert r.status_code == 200
    assert groups(vco, eid)[0]["type"] == "port_group"


def test_names_are_unique_per_type_and_refusals_write_nothing(vco: EmulatorProcess, eid: int) -> None:
    insert(vco, eid, "Servers", "address_group", ADDRESSES[:1])
    refused(insert(vco, eid, "servers", "address_group", ADDRESSES[1:2]), -32009, "Servers", "address_group")
    assert insert(vco, eid, "Servers", "port_group", PORTS).status_code == 200  # another type: allowed
    other = insert(vco, eid, "Clients", "address_group", ADDRESSES[:1]).json()["id"]
    before = groups(vco, eid)
    r = v1(vco, "enterprise/updateObjectGroup", {"enterpriseId": eid, "id": other, "name": "SERVERS"})
    refused(r, -32009, "already has")
    assert groups(vco, eid) == before


@pytest.mark.parametrize(
    ("entry", "path", "value"),
    [
        ({"ip": "10.0.0.1/24", "rule_type": "prefix"}, "data.0.ip", "10.0.0.1/24"),  # host bits set
        ({"ip": "10.0.0.0/33", "rule_type": "prefix"}, "data.0.ip", "10.0.0.0/33"),
        ({"ip": "10.0.0.1", "mask": "255.255.255.0", "rule_type": "prefix"}, "data.0.ip", "10.0.0.1"),
        ({"ip": "10.0.0.0", "mask": "255.0.255.0", "rule_type": "netmask"}, "data.0.mask", "255.0.255.0"),
        ({"ip": "10.0.0.0", "rule_type": "netmask"}, "data.0.mask", "required"),
        ({"ip": "10.0.0.0", "mask": "ffff::", "rule_type": "wildcard"}, "data.0.mask", "ffff::"),
        ({"ip": "10.0.0.300", "rule_type": "exact"}, "data.0.ip", "10.0.0.300"),
        ({"ip": "10.0.0.1", "mask": "255.255.255.0", "rule_type": "exact"}, "data.0.mask", "255.255.255.0"),
        ({"ip": "10.0.0.1", "rule_type": "range"}, "data.0.rule_type", "exact"),
        ({"domain": "bad..example.com"}, "data.0.domain", "bad..example.com"),
        ({"ip": "10.0.0.1"}, "data.0.rule_type", "rule_type"),
    ],
)
def test_invalid_address_entries_are_refused_naming_field_and_value(
    vco: EmulatorProcess, eid: int, entry: dict[str, Any], path: str, value: str
) -> None:
    error = refused(insert(vco, eid, "Bad", "address_group", [entry]), -32602, value)
    assert error["data"]["error"][0]["path"] == path
    assert groups(vco, eid) == []


@pytest.mark.parametrize(
    ("entry", "path", "value"),
    [
        ({"proto": 6, "port_low": 200, "port_high": 100}, "data.0.port_high", "100"),
        ({"proto": 6, "port_low": 70000}, "data.0.port_low", "70000"),
        ({"proto": 17, "port_low": 1, "port_high": 65536}, "data.0.port_high", "65536"),
        ({"proto": 1, "port_low": 0}, "data.0.proto", "1"),
        ({"proto": "TCP", "port_low": 80}, "data.0.proto", "proto"),
        ({"proto": 6}, "data.0.port_low", "port_low"),
    ],
)
def test_invalid_port_entries_are_refused_naming_field_and_value(
    vco: EmulatorProcess, eid: int, entry: dict[str, Any], path: str, value: str
) -> None:
    error = refused(insert(vco, eid, "Bad", "port_group", [entry]), -32602, value)
    assert error["data"]["error"][0]["path"] == path
    assert groups(vco, eid) == []


def test_data_must_be_a_list_and_is_checked_against_the_group_type(vco: EmulatorProcess, eid: int) -> None:
    refused(insert(vco, eid, "Bad", "port_group", {"proto": 6, "port_low": 1}), -32602, "list")
    refused(insert(vco, eid, "Bad", "port_group", ADDRESSES[:1]), -32602, "data.0")
    gid = insert(vco, eid, "Good", "address_group", ADDRESSES[:1]).json()["id"]
    r = v1(
        vco, "enterprise/updateObjectGroup", {"enterpriseId": eid, "id": gid, "name": "New", "data": PORTS}
    )
    refused(r, -32602, "data.0")
    [group] = groups(vco, eid)
    assert group["name"] == "Good" and group["data"] == ADDRESSES[:1]
    r = v1(vco, "enterprise/updateObjectGroup", {"enterpriseId": eid, "id": gid, "type": "port_group"})
    refused(r, -32602, "type")


def test_groups_of_another_enterprise_are_not_reachable(vco: EmulatorProcess, eid: int) -> None:
    gid = insert(vco, eid, "Servers", "address_group", ADDRESSES[:1]).json()["id"]
    other = create_enterprise(vco, "Other").json()["logicalId"]
    other_id = next(
        e["id"] for e in v1(vco, "network/getNetworkEnterprises").json() if e["logicalId"] == other
    )
    assert groups(vco, other_id) == []
    r = v1(vco, "enterprise/deleteObjectGroup", {"enterpriseId": other_id, "id": gid})
    assert r.status_code == 200 and r.json()["rows"] == 0
    assert len(groups(vco, eid)) == 1


def test_json_rpc_transport_answers_like_rest(vco: EmulatorProcess, eid: int) -> None:
    def rpc(method: str, params: dict[str, Any]) -> requests.Response:
        body = {"jsonrpc": "2.0", "method": method, "params": params, "id": "a"}
        return requests.post(f"{vco.url}/portal/", json=body, headers=auth(vco), timeout=10)

    params = {"enterpriseId": eid, "name": "Web", "type": "port_group", "data": PORTS}
    r = rpc("enterprise/insertObjectGroup", params)
    assert r.status_code == 200 and r.json()["result"]["rows"] == 1
    assert rpc("enterprise/getObjectGroups", {"enterpriseId": eid}).json()["result"] == groups(vco, eid)
    bad = {**params, "name": "Bad", "data": [{"proto": 6, "port_low": 9, "port_high": 1}]}
    r = rpc("enterprise/insertObjectGroup", bad)
    assert r.status_code == 400 and r.json()["error"]["data"]["error"][0]["path"] == "data.0.port_high"
