"""v1 network segments over HTTP: the Global Segment, create/read/update/delete, validation, limits."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise, v1

# The spec's `enterprise_object_base` required fields, which every segment shows.
BASE_FIELDS = {
    "id", "created", "operatorId", "networkId", "enterpriseId", "edgeId", "gatewayId", "parentGroupId",
    "description", "object", "name", "type", "logicalId", "alertsEnabled", "operatorAlertsEnabled",
    "status", "statusModified", "previousData", "previousCreated", "draftData", "draftCreated",
    "draftComment", "data", "lastContact", "version", "modified",
}  # fmt: skip


def segments(vco: EmulatorProcess, eid: int, **params: Any) -> list[dict[str, Any]]:
    r = v1(vco, "enterprise/getEnterpriseNetworkSegments", {"enterpriseId": eid, **params})
    assert r.status_code == 200, r.text
    result: list[dict[str, Any]] = r.json()
    return result


def insert(vco: EmulatorProcess, eid: int, name: str, **fields: Any) -> requests.Response:
    body = {"enterpriseId": eid, "name": name, "type": "REGULAR", "data": {}, **fields}
    return v1(vco, "enterprise/insertEnterpriseNetworkSegment", body)


def by_name(vco: EmulatorProcess, eid: int) -> dict[str, dict[str, Any]]:
    return {s["name"]: s for s in segments(vco, eid)}


def assert_refused(r: requests.Response, code: int, *words: str) -> dict[str, Any]:
    assert r.status_code == 400, r.text
    error: dict[str, Any] = r.json()["error"]
    assert error["code"] == code
    for word in words:
        assert word in error["message"], error["message"]
    return error


def test_a_new_enterprise_has_only_the_global_segment(vco: EmulatorProcess, eid: int) -> None:
    [segment] = segments(vco, eid)
    assert segment["name"] == "Global Segment" and segment["type"] == "REGULAR"
    assert segment["data"]["segmentId"] == 0 and segment["enterpriseId"] == eid
    assert segment["object"] == "NETWORK_SEGMENT" and segment["alertsEnabled"] in (0, 1)
    assert set(segment) >= BASE_FIELDS
    assert "serviceVlan" not in segment["data"]  # unset, not null


def test_create_read_update_delete(vco: EmulatorProcess, eid: int) -> None:
    r = insert(vco, eid, "PCI", type="CDE", data={"serviceVlan": 100, "delegateToEnterprise": False})
    assert r.status_code == 200 and r.json()["rows"] == 1
    pci_id = r.json()["id"]
    guest_id = insert(vco, eid, "Guest", type="PRIVATE").json()["id"]

    listed = by_name(vco, eid)
    assert listed["PCI"]["id"] == pci_id and listed["PCI"]["type"] == "CDE"
    assert listed["PCI"]["data"] == {
        "segmentId": 1,
        "serviceVlan": 100,
        "delegateToEnterprise": False,
        "delegateToEnterpriseProxy": True,
    }
    assert listed["Guest"]["data"]["segmentId"] == 2 and listed["Guest"]["type"] == "PRIVATE"
    assert [s["name"] for s in segments(vco, eid, type="CDE")] == ["PCI"]
    assert [s["id"] for s in segments(vco, eid, name="Guest")] == [guest_id]

    r = v1(
        vco,
        "enterprise/updateEnterpriseNetworkSegment",
        {"enterpriseId": eid, "id": pci_id, "_update": {"name": "Cards", "type": "REGULAR", "data": {}}},
    )
    assert r.status_code == 200 and r.json() == {"rows": 1}
    cards = by_name(vco, eid)["Cards"]
    assert cards["id"] == pci_id and cards["type"] == "REGULAR"
    assert cards["data"]["segmentId"] == 1 and "serviceVlan" not in cards["data"]  # data is replaced

    r = v1(vco, "enterprise/deleteEnterpriseNetworkSegment", {"enterpriseId": eid, "id": pci_id})
    assert r.status_code == 200 and r.json() == {"id": pci_id, "rows": 1}
    assert set(by_name(vco, eid)) == {"Global Segment", "Guest"}
    # the freed segmentId is the next one handed out
    insert(vco, eid, "Voice")
    assert by_name(vco, eid)["Voice"]["data"]["segmentId"] == 1


def test_duplicate_name_is_refused_and_nothing_is_written(vco: EmulatorProcess, eid: int) -> None:
    insert(vco, eid, "Guest")
    before = segments(vco, eid)
    assert_refused(insert(vco, eid, "guest"), -32009, "Guest", "already exists")
    guest = by_name(vco, eid)["Guest"]
    other_id = insert(vco, eid, "Voice").json()["id"]
    r = v1(
        vco,
        "enterprise/updateEnterpriseNetworkSegment",
        {"enterpriseId": eid, "id": other_id, "_update": {"name": "GUEST"}},
    )
    assert_refused(r, -32009, "already exists")
    after = segments(vco, eid)
    assert [s for s in after if s["name"] != "Voice"] == before
    assert by_name(vco, eid)["Guest"] == guest


@pytest.mark.parametrize("vlan", [0, 4095, 5000])
def test_invalid_service_vlan_is_refused_naming_field_and_value(
    vco: EmulatorProcess, eid: int, vlan: int
) -> None:
    error = assert_refused(
        insert(vco, eid, "Bad", data={"serviceVlan": vlan}), -32602, "serviceVlan", str(vlan)
    )
    assert error["data"]["error"][0]["path"] == "data.serviceVlan"
    assert "1..4094" in error["message"]
    assert set(by_name(vco, eid)) == {"Global Segment"}


def test_invalid_vlan_on_update_changes_nothing(vco: EmulatorProcess, eid: int) -> None:
    sid = insert(vco, eid, "Guest", data={"serviceVlan": 10}).json()["id"]
    r = v1(
        vco,
        "enterprise/updateEnterpriseNetworkSegment",
        {"enterpriseId": eid, "id": sid, "_update": {"name": "Visitors", "data": {"serviceVlan": 4095}}},
    )
    error = assert_refused(r, -32602, "4095")
    assert error["data"]["error"][0]["path"] == "_update.data.serviceVlan"
    guest = by_name(vco, eid)["Guest"]
    assert guest["data"]["serviceVlan"] == 10


def test_bad_type_and_missing_fields_are_refused(vco: EmulatorProcess, eid: int) -> None:
    error = assert_refused(insert(vco, eid, "Bad", type="PUBLIC"), -32602, "type")
    assert error["data"]["error"][0]["path"] == "type"
    r = v1(vco, "enterprise/insertEnterpriseNetworkSegment", {"enterpriseId": eid, "name": "No data"})
    assert_refused(r, -32602, "data")
    assert_refused(insert(vco, eid, "  "), -32602, "name")
    assert set(by_name(vco, eid)) == {"Global Segment"}


def test_segment_id_is_assigned_once_and_never_changes(vco: EmulatorProcess, eid: int) -> None:
    sid = insert(vco, eid, "Seven", data={"segmentId": 7}).json()["id"]
    assert by_name(vco, eid)["Seven"]["data"]["segmentId"] == 7
    assert_refused(insert(vco, eid, "Also seven", data={"segmentId": 7}), -32602, "segmentId", "7")
    r = v1(
        vco,
        "enterprise/updateEnterpriseNetworkSegment",
        {"enterpriseId": eid, "id": sid, "_update": {"data": {"segmentId": 8}}},
    )
    assert_refused(r, -32602, "segmentId")
    assert by_name(vco, eid)["Seven"]["data"]["segmentId"] == 7


def test_global_segment_cannot_be_deleted_renamed_or_retyped(vco: EmulatorProcess, eid: int) -> None:
    global_id = by_name(vco, eid)["Global Segment"]["id"]
    r = v1(vco, "enterprise/deleteEnterpriseNetworkSegment", {"enterpriseId": eid, "id": global_id})
    assert_refused(r, -32009, "Global Segment")
    for change in ({"name": "Main"}, {"type": "CDE"}):
        r = v1(
            vco,
            "enterprise/updateEnterpriseNetworkSegment",
            {"enterpriseId": eid, "id": global_id, "_update": change},
        )
        assert_refused(r, -32009, "Global Segment")
    [segment] = segments(vco, eid)
    assert segment["name"] == "Global Segment" and segment["type"] == "REGULAR"


def test_missing_segment_modifies_no_rows(vco: EmulatorProcess, eid: int) -> None:
    r = v1(vco, "enterprise/updateEnterpriseNetworkSegment", {"enterpriseId": eid, "id": 9999, "_update": {}})
    assert r.status_code == 200 and r.json()["rows"] == 0 and "9999" in r.json()["error"]
    r = v1(vco, "enterprise/deleteEnterpriseNetworkSegment", {"enterpriseId": eid, "id": 9999})
    assert r.status_code == 200 and r.json()["rows"] == 0
    # another enterprise's segment is not reachable through this enterprise
    other = create_enterprise(vco, "Other").json()["logicalId"]
    other_id = next(
        e["id"] for e in v1(vco, "network/getNetworkEnterprises").json() if e["logicalId"] == other
    )
    foreign = segments(vco, other_id)[0]["id"]
    r = v1(vco, "enterprise/deleteEnterpriseNetworkSegment", {"enterpriseId": eid, "id": foreign})
    assert r.json()["rows"] == 0
    assert len(segments(vco, other_id)) == 1


def test_operator_must_name_the_enterprise(vco: EmulatorProcess, eid: int) -> None:
    r = v1(vco, "enterprise/getEnterpriseNetworkSegments", {})
    assert_refused(r, -32602, "enterpriseId")
    assert_refused(v1(vco, "enterprise/getEnterpriseNetworkSegments", {"enterpriseId": 9999}), -32004)


def test_segment_limit_and_raising_it(vco: EmulatorProcess, eid: int) -> None:
    r = v1(vco, "enterprise/getEnterpriseMaximumSegments", {"enterpriseId": eid})
    assert r.status_code == 200
    prop = r.json()
    assert prop["value"] == "16" and prop["enterpriseId"] == eid and prop["dataType"] == "NUMBER"
    assert {"id", "created", "name", "isPassword", "description", "modified"} <= set(prop)
    for i in range(1, 16):
        assert insert(vco, eid, f"S{i}").status_code == 200
    assert_refused(insert(vco, eid, "S16"), -32009, "maximum is 16")
    assert len(segments(vco, eid)) == 16

    r = v1(vco, "enterprise/setEnterpriseMaximumSegments", {"enterpriseId": eid, "value": 8})
    assert_refused(r, -32009, "16")
    r = v1(vco, "enterprise/setEnterpriseMaximumSegments", {"enterpriseId": eid, "value": 500})
    assert_refused(r, -32602, "500")
    r = v1(vco, "enterprise/setEnterpriseMaximumSegments", {"enterpriseId": eid, "value": 20})
    assert r.status_code == 200 and r.json()["rows"] == 1
    assert v1(vco, "enterprise/getEnterpriseMaximumSegments", {"enterpriseId": eid}).json()["value"] == "20"
    assert insert(vco, eid, "S16").status_code == 200
    assert by_name(vco, eid)["S16"]["data"]["segmentId"] == 16


def test_with_profile_usage(vco: EmulatorProcess, eid: int) -> None:
    insert(vco, eid, "Guest")
    listed = {
        s["name"]: s
        for s in segments(
            vco, eid, **{"with": ["profileCount", "configuration", "edgeUsage", "handoffUsage"]}
        )
    }
    global_segment, guest = listed["Global Segment"], listed["Guest"]
    assert global_segment["profileCount"] == 1  # the enterprise's Quick Start Profile
    [usage] = global_segment["configuration"]
    assert usage["name"] == "Quick Start Profile" and usage["segmentObjectId"] == global_segment["id"]
    assert isinstance(usage["moduleId"], int)
    assert guest["profileCount"] == 0 and guest["configuration"] == [] and guest["edgeUsage"] == []
    assert guest["handoffUsage"] == [] and "mpgUsage" not in guest
    r = v1(vco, "enterprise/getEnterpriseNetworkSegments", {"enterpriseId": eid, "with": ["nonsense"]})
    assert_refused(r, -32602, "with")


def test_json_rpc_transport_answers_like_rest(vco: EmulatorProcess, eid: int) -> None:
    url, headers = f"{vco.url}/portal/", auth(vco)

    def rpc(method: str, params: dict[str, Any]) -> requests.Response:
        body = {"jsonrpc": "2.0", "method": method, "params": params, "id": 7}
        return requests.post(url, json=body, headers=headers, timeout=10)

    params = {"enterpriseId": eid, "name": "Guest", "type": "PRIVATE", "data": {"serviceVlan": 42}}
    r = rpc("enterprise/insertEnterpriseNetworkSegment", params)
    assert r.status_code == 200 and r.json()["result"]["rows"] == 1 and r.json()["id"] == 7
    got = rpc("enterprise/getEnterpriseNetworkSegments", {"enterpriseId": eid}).json()["result"]
    assert got == segments(vco, eid)
    r = rpc("enterprise/insertEnterpriseNetworkSegment", params)
    assert r.status_code == 400 and r.json()["error"]["code"] == -32009 and r.json()["id"] == 7


def test_description_is_set_on_insert_and_changed_or_cleared_by_update(
    vco: EmulatorProcess, eid: int
) -> None:
    sid = insert(vco, eid, "PCI", description="card terminals").json()["id"]
    assert by_name(vco, eid)["PCI"]["description"] == "card terminals"
    update = {"enterpriseId": eid, "id": sid, "_update": {"description": "payments"}}
    assert v1(vco, "enterprise/updateEnterpriseNetworkSegment", update).json() == {"rows": 1}
    assert by_name(vco, eid)["PCI"]["description"] == "payments"
    rename = {"enterpriseId": eid, "id": sid, "_update": {"name": "Cards"}}
    v1(vco, "enterprise/updateEnterpriseNetworkSegment", rename)
    assert by_name(vco, eid)["Cards"]["description"] == "payments", "an update without it keeps it"
    clear = {"enterpriseId": eid, "id": sid, "_update": {"description": None}}
    v1(vco, "enterprise/updateEnterpriseNetworkSegment", clear)
    assert by_name(vco, eid)["Cards"]["description"] is None
