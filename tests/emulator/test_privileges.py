"""Who may do what: customers see only themselves, read-only users cannot write, operator-only
methods refuse enterprise users, in v1 and v2 alike."""

from __future__ import annotations

import requests

from vco_emulator.domain.seed import seed_logical_id
from vco_emulator.process import EmulatorProcess

from .helpers import GATEWAY_POOL, OPERATOR_PROFILE, auth, v1
from .tenants import add_user, as_user, enterprise, issue_token, v2_as

FORBIDDEN, NOT_FOUND = -32003, -32004


def two_customers(vco: EmulatorProcess, role: str = "ENTERPRISE_SUPERUSER") -> tuple[int, str, int, str, str]:
    """ACME with a user of `role` (and its token) and Other; returns their ids and the token."""
    acme, acme_lid = enterprise(vco, "ACME")
    other, other_lid = enterprise(vco, "Other Customer")
    add_user(vco, other, "olga@other.example")
    token = issue_token(vco, add_user(vco, acme, "alice@acme.example", role))
    return acme, acme_lid, other, other_lid, token


def test_enterprise_user_sees_only_its_enterprise_in_v1(vco: EmulatorProcess) -> None:
    acme, _, other, _, token = two_customers(vco)
    assert as_user(vco, token, "enterprise/getEnterprise").json()["id"] == acme
    assert as_user(vco, token, "enterprise/getEnterprise", {"enterpriseId": acme}).json()["name"] == "ACME"
    for method, params in [
        ("enterprise/getEnterprise", {"enterpriseId": other}),
        ("enterprise/getEnterprise", {"id": other}),
        ("enterprise/getEnterpriseUsers", {"enterpriseId": other}),
        ("enterprise/getApiTokens", {"enterpriseId": other}),
    ]:
        r = as_user(vco, token, method, params)
        assert r.status_code == 400 and r.json()["error"]["code"] == NOT_FOUND, (method, r.text)
        assert "Other Customer" not in r.text and "olga" not in r.text
    users = as_user(vco, token, "enterprise/getEnterpriseUsers").json()  # forced to its own enterprise
    assert [u["username"] for u in users] == ["alice@acme.example"]
    olga = v1(vco, "enterprise/getEnterpriseUsers", {"enterpriseId": other}).json()[0]["id"]
    r = as_user(vco, token, "enterpriseUser/getEnterpriseUser", {"id": olga})
    assert r.status_code == 400 and "olga" not in r.text


def test_enterprise_user_sees_only_its_enterprise_in_v2(vco: EmulatorProcess) -> None:
    _, acme_lid, _, other_lid, token = two_customers(vco)
    listed = v2_as(vco, token, "GET", "/enterprises/")
    assert listed.status_code == 200
    assert [e["logicalId"] for e in listed.json()["data"]] == [acme_lid]
    assert v2_as(vco, token, "GET", f"/enterprises/{acme_lid}/").json()["name"] == "ACME"
    r = v2_as(vco, token, "GET", f"/enterprises/{other_lid}/")
    assert r.status_code == 404 and "Other Customer" not in r.text
    assert v2_as(vco, token, "DELETE", f"/enterprises/{other_lid}/").status_code == 404
    assert (
        v1(vco, "enterprise/getEnterprise", {"enterpriseId": enterprise_id_of(vco, other_lid)}).status_code
        == 200
    )


def enterprise_id_of(vco: EmulatorProcess, logical_id: str) -> int:
    return next(
        e["id"] for e in v1(vco, "network/getNetworkEnterprises").json() if e["logicalId"] == logical_id
    )


def test_enterprise_user_cannot_change_another_customer(vco: EmulatorProcess) -> None:
    _, _, other, _, token = two_customers(vco)
    olga = v1(vco, "enterprise/getEnterpriseUsers", {"enterpriseId": other}).json()[0]["id"]
    attempts = [
        ("enterprise/updateEnterprise", {"enterpriseId": other, "_update": {"name": "Pwned"}}),
        (
            "enterprise/insertEnterpriseUser",
            {"enterpriseId": other, "username": "x@x.example", "password": "p" * 9, "roleId": 9},
        ),
        ("enterpriseUser/updateEnterpriseUser", {"id": olga, "_update": {"firstName": "Pwned"}}),
        ("enterpriseUser/deleteEnterpriseUser", {"id": olga}),
        ("enterprise/createApiToken", {"enterpriseUserId": olga, "name": "x", "lifetimeMs": 60_000}),
    ]
    for method, params in attempts:
        body = as_user(vco, token, method, params).json()
        assert body.get("rows") == 0 or body["error"]["code"] == NOT_FOUND, (method, body)
        assert "not found" in str(body["error"])
    assert v1(vco, "enterprise/getEnterprise", {"enterpriseId": other}).json()["name"] == "Other Customer"
    user = v1(vco, "enterpriseUser/getEnterpriseUser", {"id": olga}).json()
    assert user["firstName"] is None
    assert v1(vco, "enterprise/getApiTokens", {"enterpriseId": other}).json() == []
    assert len(v1(vco, "enterprise/getEnterpriseUsers", {"enterpriseId": other}).json()) == 1


def test_read_only_user_cannot_write(vco: EmulatorProcess) -> None:
    acme, acme_lid, _, _, token = two_customers(vco, "ENTERPRISE_READ_ONLY")
    assert as_user(vco, token, "enterprise/getEnterprise").status_code == 200
    assert as_user(vco, token, "enterprise/getEnterpriseUsers").status_code == 200
    for method, params in [
        ("enterprise/updateEnterprise", {"_update": {"description": "changed"}}),
        ("enterprise/insertEnterpriseUser", {"username": "x@acme.example", "password": "p" * 9, "roleId": 9}),
        ("enterprise/createApiToken", {"enterpriseUserId": 1, "name": "x", "lifetimeMs": 60_000}),
    ]:
        r = as_user(vco, token, method, params)
        assert r.status_code == 400 and r.json()["error"]["code"] == FORBIDDEN, (method, r.text)
        assert "Enterprise Read Only" in r.json()["error"]["message"]
    assert v1(vco, "enterprise/getEnterprise", {"enterpriseId": acme}).json()["description"] is None
    assert len(v1(vco, "enterprise/getEnterpriseUsers", {"enterpriseId": acme}).json()) == 1
    assert v2_as(vco, token, "GET", f"/enterprises/{acme_lid}/").status_code == 200
    r = v2_as(vco, token, "DELETE", f"/enterprises/{acme_lid}/")
    assert r.status_code == 403 and r.json()["code"] == "FORBIDDEN"
    assert v2_as(vco, token, "GET", f"/enterprises/{acme_lid}/").status_code == 200


def test_standard_admin_changes_the_enterprise_but_not_its_users(vco: EmulatorProcess) -> None:
    acme, _, _, _, token = two_customers(vco, "ENTERPRISE_STANDARD_ADMIN")
    r = as_user(vco, token, "enterprise/updateEnterprise", {"_update": {"description": "by admin"}})
    assert r.json() == {"rows": 1}
    assert v1(vco, "enterprise/getEnterprise", {"enterpriseId": acme}).json()["description"] == "by admin"
    r = as_user(
        vco,
        token,
        "enterprise/insertEnterpriseUser",
        {"username": "x@acme.example", "password": "p" * 9, "roleId": 9},
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == FORBIDDEN


def test_operator_only_methods_refuse_enterprise_users(vco: EmulatorProcess) -> None:
    acme, _, _, other_lid, token = two_customers(vco)
    for method, params in [
        ("network/getNetworkEnterprises", {}),
        ("network/getNetworkGatewayPools", {}),
        ("network/getNetworkConfigurations", {}),
        ("enterprise/insertEnterprise", {"name": "Mine", "configurationId": 1}),
        ("enterprise/deleteEnterprise", {"enterpriseId": acme}),
    ]:
        r = as_user(vco, token, method, params)
        assert r.status_code == 400 and r.json()["error"]["code"] == FORBIDDEN, (method, r.text)
        assert "ENTERPRISE_USER" in r.json()["error"]["message"]
        assert "Other Customer" not in r.text
    body = {"name": "Mine", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    r = v2_as(vco, token, "POST", "/enterprises/", json=body)
    assert r.status_code == 403
    assert v2_as(vco, token, "DELETE", f"/enterprises/{other_lid}/").status_code == 404
    names = [e["name"] for e in v1(vco, "network/getNetworkEnterprises").json()]
    assert sorted(names) == ["ACME", "Other Customer"]


def test_v1_insert_and_delete_enterprise_follow_the_v2_rules(vco: EmulatorProcess) -> None:
    profile_id = v1(vco, "network/getNetworkConfigurations").json()[0]["id"]
    r = v1(
        vco,
        "enterprise/insertEnterprise",
        {
            "name": "Via V1",
            "configurationId": profile_id,
            "city": "Oslo",
            "user": {"username": "root@v1.example", "password": "p" * 10},
        },
    )
    assert r.status_code == 200 and r.json()["rows"] == 1
    eid = r.json()["id"]
    got = v1(vco, "enterprise/getEnterprise", {"enterpriseId": eid}).json()
    assert got["name"] == "Via V1" and got["city"] == "Oslo"
    assert got["gatewayPoolId"] == v1(vco, "network/getNetworkGatewayPools").json()[0]["id"]
    v2 = requests.get(
        f"{vco.url}/api/sdwan/v2/enterprises/{got['logicalId']}/", headers=auth(vco), timeout=10
    )
    assert v2.status_code == 200
    (root,) = v1(vco, "enterprise/getEnterpriseUsers", {"enterpriseId": eid}).json()
    assert root["username"] == "root@v1.example" and root["roleName"] == "Enterprise Superuser"
    dup = v1(vco, "enterprise/insertEnterprise", {"name": "via v1", "configurationId": profile_id})
    assert dup.status_code == 400 and dup.json()["error"]["code"] == -32009
    bad = v1(vco, "enterprise/insertEnterprise", {"name": "X", "configurationId": 99999})
    assert bad.status_code == 400 and bad.json()["error"]["data"]["error"][0]["path"] == "configurationId"
    assert v1(vco, "enterprise/insertEnterprise", {"name": "Y"}).status_code == 400
    token = issue_token(vco, root["id"])
    assert v1(vco, "enterprise/deleteEnterprise", {"enterpriseId": eid}).json() == {"id": eid, "rows": 1}
    assert v1(vco, "enterprise/deleteEnterprise", {"enterpriseId": eid}).json()["rows"] == 0
    v2 = requests.get(
        f"{vco.url}/api/sdwan/v2/enterprises/{got['logicalId']}/", headers=auth(vco), timeout=10
    )
    assert v2.status_code == 404
    assert as_user(vco, token, "enterprise/getEnterprise").status_code == 401
    names = [e["name"] for e in v1(vco, "network/getNetworkEnterprises").json()]
    assert names == []


def test_operator_token_from_start_up_survives_reset(vco: EmulatorProcess) -> None:
    assert v1(vco, "network/getNetworkGatewayPools").json()[0]["logicalId"] == seed_logical_id("gateway-pool")
    vco.admin("POST", "reset")
    assert v1(vco, "network/getNetworkGatewayPools").status_code == 200
