"""Custom roles (v1 compositeRole/*ByEnterprise, functionalRole/getByEnterprise) over real HTTP."""

from __future__ import annotations

from typing import Any

from vco_emulator.process import EmulatorProcess

from .helpers import v1
from .tenants import PASSWORD, add_user, as_user, enterprise, issue_token


def _functional(vco: EmulatorProcess, eid: int) -> dict[str, int]:
    r = v1(vco, "functionalRole/getByEnterprise", {"userType": "ENTERPRISE", "enterpriseId": eid})
    assert r.status_code == 200, r.text
    assert all(f["roleType"] == "FUNCTIONAL" and f["isCustom"] == 0 for f in r.json())
    return {f["name"]: f["id"] for f in r.json()}


def _create(vco: EmulatorProcess, eid: int, name: str, ids: list[int], **extra: Any) -> int:
    body = {
        "userType": "ENTERPRISE",
        "enterpriseId": eid,
        "name": name,
        "description": "d",
        "functionalRoleIds": ids,
    }
    r = v1(vco, "compositeRole/createByEnterprise", {**body, **extra})
    assert r.status_code == 200, r.text
    return int(r.json()["id"])


def test_custom_role_lifecycle_and_rules(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    other, _ = enterprise(vco, "Other")
    functional = _functional(vco, eid)
    role = _create(vco, eid, "Edge Operators", [functional["Edge Management"]])
    listed = v1(
        vco, "compositeRole/getByEnterprise", {"userTypes": ["ENTERPRISE"], "enterpriseId": eid}
    ).json()
    assert [(r["id"], r["name"], r["roleType"], r["isCustom"]) for r in listed] == [
        (role, "Edge Operators", "COMPOSITE", 1)
    ]
    assert (
        v1(vco, "compositeRole/getByEnterprise", {"userTypes": ["ENTERPRISE"], "enterpriseId": other}).json()
        == []
    )

    bad = [
        ({"name": "edge operators"}, -32009, None),  # names unique per enterprise, any case
        ({"functionalRoleIds": [999]}, -32602, "functionalRoleIds"),
        ({"functionalRoleIds": []}, -32602, "functionalRoleIds"),
        ({"name": ""}, -32602, "name"),
    ]
    for change, code, path in bad:
        body = {
            "userType": "ENTERPRISE",
            "enterpriseId": eid,
            "name": "X",
            "description": "d",
            "functionalRoleIds": [functional["Monitoring"]],
            **change,
        }
        r = v1(vco, "compositeRole/createByEnterprise", body)
        assert r.status_code == 400 and r.json()["error"]["code"] == code, (change, r.text)
        if path:
            assert path in r.text

    upd = v1(
        vco,
        "compositeRole/updateByEnterprise",
        {
            "enterpriseId": eid,
            "roleId": role,
            "_update": {
                "name": "Edge Admins",
                "functionalRoleIds": [functional["Edge Management"], functional["Alert Management"]],
            },
        },
    )
    assert upd.status_code == 200 and upd.json() == {}
    assert (
        v1(vco, "compositeRole/getByEnterprise", {"userTypes": ["ENTERPRISE"], "enterpriseId": eid}).json()[
            0
        ]["name"]
        == "Edge Admins"
    )
    missing = v1(
        vco,
        "compositeRole/updateByEnterprise",
        {"enterpriseId": other, "roleId": role, "_update": {"name": "x"}},
    )
    assert missing.status_code == 400 and missing.json()["error"]["code"] == -32004

    deleted = v1(vco, "compositeRole/deleteByEnterprise", {"enterpriseId": eid, "roleIds": [role]})
    assert deleted.status_code == 200
    assert (
        v1(vco, "compositeRole/getByEnterprise", {"userTypes": ["ENTERPRISE"], "enterpriseId": eid}).json()
        == []
    )


def test_a_user_with_a_custom_role_may_do_what_its_functional_roles_grant(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    functional = _functional(vco, eid)
    role = _create(vco, eid, "Alerting", [functional["Alert Management"]])
    r = v1(
        vco,
        "enterprise/insertEnterpriseUser",
        {"enterpriseId": eid, "username": "carol@acme.example", "password": PASSWORD, "roleId": role},
    )
    assert r.status_code == 200, r.text
    uid = int(r.json()["id"])
    user = v1(vco, "enterpriseUser/getEnterpriseUser", {"id": uid}).json()
    assert user["roleId"] == role and user["roleName"] == "Alerting" and user["isSuper"] == 0
    token = issue_token(vco, uid)
    allowed = as_user(vco, token, "enterprise/setEnterpriseAllAlertsRecipients", {"emailEnabled": True})
    assert allowed.status_code == 200, allowed.text
    refused = as_user(
        vco,
        token,
        "enterprise/insertEnterpriseNetworkSegment",
        {"name": "PCI", "type": "REGULAR", "data": {}},
    )
    assert refused.status_code == 400 and refused.json()["error"]["code"] == -32003
    assert as_user(vco, token, "enterprise/getEnterpriseNetworkSegments").status_code == 200  # reads are free

    in_use = v1(vco, "compositeRole/deleteByEnterprise", {"enterpriseId": eid, "roleIds": [role]})
    assert in_use.status_code == 400 and "carol@acme.example" in in_use.json()["error"]["message"]
    other, _ = enterprise(vco, "Other")
    foreign = v1(
        vco,
        "enterprise/insertEnterpriseUser",
        {"enterpriseId": other, "username": "dan@other.example", "password": PASSWORD, "roleId": role},
    )
    assert foreign.status_code == 400 and "roleId" in foreign.text


def test_custom_roles_need_the_role_customization_capability(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    off = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseCapability",
        {"enterpriseId": eid, "name": "enableRoleCustomization", "value": False},
    )
    assert off.status_code == 200, off.text
    assert (
        v1(vco, "enterprise/getEnterpriseCapabilities", {"enterpriseId": eid}).json()[
            "enableRoleCustomization"
        ]
        is False
    )
    r = v1(
        vco,
        "compositeRole/createByEnterprise",
        {
            "userType": "ENTERPRISE",
            "enterpriseId": eid,
            "name": "X",
            "description": "",
            "functionalRoleIds": [2006],
        },
    )
    assert r.status_code == 400 and "enableRoleCustomization" in r.json()["error"]["message"]


def test_another_customers_user_sees_no_custom_roles(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    other, _ = enterprise(vco, "Other")
    _create(vco, eid, "Secret role", [2006])
    token = issue_token(vco, add_user(vco, other, "eve@other.example"))
    mine = as_user(vco, token, "compositeRole/getByEnterprise", {"userTypes": ["ENTERPRISE"]})
    assert mine.status_code == 200 and mine.json() == []
    theirs = as_user(
        vco, token, "compositeRole/getByEnterprise", {"userTypes": ["ENTERPRISE"], "enterpriseId": eid}
    )
    assert "Secret role" not in theirs.text
