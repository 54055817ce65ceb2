"""Enterprise users, roles, API tokens and login sessions over real HTTP."""

from __future__ import annotations

import time
from pathlib import Path

import requests

from vco_emulator.domain.seed import OPERATOR_USERNAME
from vco_emulator.process import EmulatorProcess

from .helpers import v1
from .tenants import PASSWORD, add_user, as_user, enterprise, issue_token, v2_as


def test_users_are_listed_and_read_without_their_password(vco: EmulatorProcess) -> None:
    eid, logical_id = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example", "ENTERPRISE_STANDARD_ADMIN")
    listed = v1(vco, "enterprise/getEnterpriseUsers", {"enterpriseId": eid})
    one = v1(vco, "enterpriseUser/getEnterpriseUser", {"id": uid})
    assert listed.status_code == 200 and one.status_code == 200
    assert [u["username"] for u in listed.json()] == ["alice@acme.example"]
    user = one.json()
    assert user["id"] == uid and user["enterpriseId"] == eid and user["enterpriseLogicalId"] == logical_id
    assert user["roleId"] == 10 and user["roleName"] == "Enterprise Standard Admin" and user["isSuper"] == 0
    assert user["isActive"] == 1 and user["email"] == "alice@acme.example"
    for body in (listed.text, one.text):
        assert PASSWORD not in body and '"password"' not in body and '"salt"' not in body
        assert "scrypt" not in body


def test_new_users_are_validated_and_usernames_unique(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    add_user(vco, eid, "alice@acme.example")
    base = {"enterpriseId": eid, "password": PASSWORD, "roleId": 9}
    cases = [
        ({**base, "username": "ALICE@acme.example"}, -32009, None),
        ({**base, "username": "not-an-email"}, -32602, "username"),
        ({**base, "username": "bob@acme.example", "password": "short"}, -32602, "password"),
        ({**base, "username": "bob@acme.example", "roleId": 1}, -32602, "roleId"),
        ({**base, "username": "bob@acme.example", "email": "bob@"}, -32602, "email"),
        ({"enterpriseId": eid, "username": "bob@acme.example", "roleId": 9}, -32602, "password"),
    ]
    for params, code, path in cases:
        r = v1(vco, "enterprise/insertEnterpriseUser", params)
        assert r.status_code == 400, params
        error = r.json()["error"]
        assert error["code"] == code, (params, error)
        if path is not None:
            assert path in [e["path"] for e in error["data"]["error"]], error
        assert PASSWORD not in r.text
    users = v1(vco, "enterprise/getEnterpriseUsers", {"enterpriseId": eid}).json()
    assert [u["username"] for u in users] == ["alice@acme.example"]


def test_roles_per_user_type(vco: EmulatorProcess) -> None:
    r = v1(vco, "role/getUserTypeRoles", {"userType": "ENTERPRISE"})
    assert r.status_code == 200
    names = {role["name"] for role in r.json()}
    assert names == {
        "Enterprise Superuser",
        "Enterprise Standard Admin",
        "Enterprise Support",
        "Enterprise Read Only",
    }
    assert all(role["userType"] == "ENTERPRISE" for role in r.json())
    msp = v1(vco, "role/getUserTypeRoles", {"userType": "MSP"}).json()
    assert "MSP Superuser" in {role["name"] for role in msp}
    assert v1(vco, "role/getUserTypeRoles", {}).status_code == 400


def test_update_and_delete_user(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example")
    token = issue_token(vco, uid)
    r = v1(
        vco,
        "enterpriseUser/updateEnterpriseUser",
        {"id": uid, "_update": {"firstName": "Alice", "roleId": 12, "email": "a@acme.example"}},
    )
    assert r.json() == {"rows": 1}
    user = v1(vco, "enterpriseUser/getEnterpriseUser", {"id": uid}).json()
    assert (user["firstName"], user["roleName"], user["email"]) == (
        "Alice",
        "Enterprise Read Only",
        "a@acme.example",
    )
    bad = v1(vco, "enterpriseUser/updateEnterpriseUser", {"id": uid, "_update": {"email": "nope"}})
    assert bad.status_code == 400 and bad.json()["error"]["data"]["error"][0]["path"] == "_update.email"
    r = v1(vco, "enterpriseUser/deleteEnterpriseUser", {"id": uid})
    assert r.json() == {"id": uid, "rows": 1}
    assert v1(vco, "enterpriseUser/getEnterpriseUser", {"id": uid}).status_code == 400
    assert as_user(vco, token, "enterprise/getEnterprise").status_code == 401
    assert v1(vco, "enterpriseUser/deleteEnterpriseUser", {"id": uid}).json()["rows"] == 0


def test_deactivated_user_cannot_authenticate(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example")
    token = issue_token(vco, uid)
    assert as_user(vco, token, "enterprise/getEnterprise").status_code == 200
    v1(vco, "enterpriseUser/updateEnterpriseUser", {"id": uid, "_update": {"isActive": False}})
    r = as_user(vco, token, "enterprise/getEnterprise")
    assert r.status_code == 401 and "deactivated" in r.json()["error"]["message"]


def test_own_password_change_needs_the_current_password(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example")
    token = issue_token(vco, uid)
    update = {"id": uid, "_update": {"password": "a new long password"}}
    r = as_user(vco, token, "enterpriseUser/updateEnterpriseUser", update)
    assert r.status_code == 400 and r.json()["error"]["code"] == -32003
    r = as_user(vco, token, "enterpriseUser/updateEnterpriseUser", {**update, "currentPassword": PASSWORD})
    assert r.json() == {"rows": 1}
    session = requests.Session()
    login = session.post(
        f"{vco.url}/portal/rest/login/enterpriseLogin",
        json={"username": "alice@acme.example", "password": "a new long password"},
        allow_redirects=False,
        timeout=10,
    )
    assert login.status_code == 200


def test_token_is_downloaded_once_and_never_listed(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example")
    created = v1(
        vco, "enterprise/createApiToken", {"enterpriseUserId": uid, "name": "ci", "lifetimeMs": 86_400_000}
    )
    assert created.status_code == 200 and created.json()["rows"] == 1
    token_id = created.json()["id"]
    pending = v1(vco, "enterprise/getApiTokens", {"enterpriseId": eid}).json()
    assert [(t["id"], t["state"], t["downloaded"]) for t in pending] == [(token_id, "PENDING", None)]
    first = v1(vco, "enterprise/downloadApiToken", {"id": token_id})
    assert first.status_code == 200
    token = first.json()["token"]
    second = v1(vco, "enterprise/downloadApiToken", {"id": token_id})
    assert second.status_code == 400 and "once" in second.json()["error"]["message"]
    assert token not in second.text
    listed = v1(vco, "enterprise/getApiTokens", {"enterpriseId": eid})
    assert token not in listed.text
    (entry,) = listed.json()
    assert entry["state"] == "ENABLED" and entry["isRevoked"] is False and entry["downloaded"]
    assert entry["createdForEnterpriseUserId"] == uid and entry["enterpriseId"] == eid
    assert entry["createdByOperatorUserId"] is not None and entry["expiration"] > entry["created"]
    assert as_user(vco, token, "enterprise/getEnterprise").json()["id"] == eid


def test_revoked_token_fails_at_once(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example")
    token = issue_token(vco, uid)
    assert as_user(vco, token, "enterprise/getEnterprise").status_code == 200
    token_id = v1(vco, "enterprise/getApiTokens", {"enterpriseId": eid}).json()[0]["id"]
    assert v1(vco, "enterprise/revokeApiToken", {"id": token_id}).json() == {"rows": 1}
    r = as_user(vco, token, "enterprise/getEnterprise")
    assert r.status_code == 401 and "error" in r.json()
    assert v2_as(vco, token, "GET", "/enterprises/").status_code == 401
    (entry,) = v1(vco, "enterprise/getApiTokens", {"enterpriseId": eid}).json()
    assert entry["state"] == "REVOKED" and entry["isRevoked"] is True


def test_a_user_manages_its_own_tokens(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example")
    token = issue_token(vco, uid)
    r = as_user(
        vco,
        token,
        "enterprise/createApiToken",
        {"enterpriseUserId": uid, "name": "mine", "lifetimeMs": 60_000},
    )
    assert r.status_code == 200
    second = as_user(vco, token, "enterprise/downloadApiToken", {"id": r.json()["id"]}).json()["token"]
    assert as_user(vco, second, "enterprise/getEnterprise").status_code == 200


def test_expired_token_is_refused(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example")
    token = issue_token(vco, uid, lifetime_ms=1500)
    assert as_user(vco, token, "enterprise/getEnterprise").status_code == 200
    time.sleep(1.6)
    assert as_user(vco, token, "enterprise/getEnterprise").status_code == 401
    assert v2_as(vco, token, "GET", "/enterprises/").status_code == 401
    (entry,) = v1(vco, "enterprise/getApiTokens", {"enterpriseId": eid}).json()
    assert entry["state"] == "EXPIRED"


def test_token_parameters_are_validated(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "alice@acme.example")
    for params in (
        {"enterpriseUserId": uid, "name": "ci"},
        {"enterpriseUserId": uid, "name": "ci", "lifetimeMs": 0},
        {"enterpriseUserId": 99999, "name": "ci", "lifetimeMs": 1000},
    ):
        assert v1(vco, "enterprise/createApiToken", params).status_code == 400, params
    assert v1(vco, "enterprise/downloadApiToken", {}).status_code == 400
    assert v1(vco, "enterprise/getApiTokens", {"enterpriseId": eid}).json() == []


def test_login_cookie_authenticates_both_apis_until_logout(vco: EmulatorProcess) -> None:
    eid, logical_id = enterprise(vco, "ACME")
    enterprise(vco, "Other")
    add_user(vco, eid, "alice@acme.example")
    session = requests.Session()
    r = session.post(
        f"{vco.url}/portal/rest/login/enterpriseLogin",
        json={"username": "alice@acme.example", "password": PASSWORD},
        allow_redirects=False,
        timeout=10,
    )
    assert r.status_code == 200 and session.cookies.get("velocloud.session")
    assert PASSWORD not in r.text
    got = session.post(f"{vco.url}/portal/rest/enterprise/getEnterprise", json={}, timeout=10)
    assert got.status_code == 200 and got.json()["id"] == eid
    listed = session.get(f"{vco.url}/api/sdwan/v2/enterprises/", timeout=10)
    assert [e["logicalId"] for e in listed.json()["data"]] == [logical_id]
    out = session.post(f"{vco.url}/portal/rest/logout", allow_redirects=False, timeout=10)
    assert out.status_code == 302
    stale = requests.post(
        f"{vco.url}/portal/rest/enterprise/getEnterprise",
        json={},
        cookies={"velocloud.session": r.cookies["velocloud.session"]},
        timeout=10,
    )
    assert stale.status_code == 401


def test_failed_login_redirects_without_a_session(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    add_user(vco, eid, "alice@acme.example")
    attempts = [
        ("enterpriseLogin", {"username": "alice@acme.example", "password": "wrong password"}),
        ("enterpriseLogin", {"username": "nobody@acme.example", "password": PASSWORD}),
        ("operatorLogin", {"username": "alice@acme.example", "password": PASSWORD}),
        ("enterpriseLogin", {"username": "alice@acme.example"}),
    ]
    for login, body in attempts:
        r = requests.post(
            f"{vco.url}/portal/rest/login/{login}", json=body, allow_redirects=False, timeout=10
        )
        assert r.status_code == 302, (login, body)
        assert not r.cookies.get("velocloud.session") and r.cookies.get("velocloud.message")
    form = requests.post(
        f"{vco.url}/portal/rest/login/enterpriseLogin",
        data={"username": "alice@acme.example", "password": PASSWORD},
        allow_redirects=False,
        timeout=10,
    )
    assert form.status_code == 200 and form.cookies.get("velocloud.session")


def test_operator_login_with_the_password_given_at_start(tmp_path: Path) -> None:
    (tmp_path / "pw").write_text("correct horse battery\n")
    args = ["--operator-password-file", str(tmp_path / "pw")]
    with EmulatorProcess.start(tmp_path, extra_args=args) as vco:
        login = f"{vco.url}/portal/rest/login/operatorLogin"
        creds = {"username": OPERATOR_USERNAME, "password": "nope"}
        wrong = requests.post(login, json=creds, allow_redirects=False, timeout=10)
        assert wrong.status_code == 302 and "velocloud.session" not in wrong.cookies
        session = requests.Session()
        ok = session.post(login, json={"username": OPERATOR_USERNAME, "password": "correct horse battery"})
        assert ok.status_code == 200 and "velocloud.session" in session.cookies
        vco.admin("POST", "reset")  # the password survives a reset
        again = requests.Session()
        assert again.post(login, json={"username": OPERATOR_USERNAME, "password": "correct horse battery"}).ok
        r = again.post(f"{vco.url}/portal/rest/network/getNetworkGatewayPools", json={})
        assert r.status_code == 200 and len(r.json()) == 1


def test_a_token_is_refreshed_once_and_listed_per_user(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "ci@acme.example")
    token = issue_token(vco, uid)
    r = as_user(vco, token, "enterprise/refreshApiToken", {"apiToken": token})
    assert r.status_code == 200, r.text
    fresh = r.json()["token"]
    assert fresh != token
    assert as_user(vco, token, "enterprise/getEnterprise").status_code == 401  # the old one is revoked
    assert as_user(vco, fresh, "enterprise/getEnterprise").status_code == 200
    again = as_user(vco, fresh, "enterprise/refreshApiToken", {"apiToken": token})
    assert again.status_code == 400 and again.json()["error"]["code"] == -32004
    listed = v1(vco, "enterpriseUser/getApiTokens", {"id": uid}).json()
    assert [(t["state"], t["name"]) for t in listed] == [("REVOKED", "ci"), ("ENABLED", "ci")]
    assert fresh not in str(listed) and token not in str(listed)
    other, _ = enterprise(vco, "Other")
    eve = issue_token(vco, add_user(vco, other, "eve@other.example"))
    hidden = as_user(vco, eve, "enterpriseUser/getApiTokens", {"id": uid})
    assert hidden.status_code == 400 and hidden.json()["error"]["code"] == -32004
