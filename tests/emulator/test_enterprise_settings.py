"""Enterprise properties, capabilities, rate limits and delegation flags over real HTTP."""

from __future__ import annotations

import json

from vco_emulator.process import EmulatorProcess

from .helpers import v1
from .tenants import add_user, as_user, enterprise, issue_token


def test_properties_insert_update_read_and_find_enterprises(vco: EmulatorProcess) -> None:
    eid, logical_id = enterprise(vco, "ACME")
    other, _ = enterprise(vco, "Other")
    name = "vco.enterprise.authentication.twoFactor.enable"
    first = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseProperty",
        {"enterpriseId": eid, "name": name, "value": "true", "dataType": "BOOLEAN"},
    )
    assert first.status_code == 200 and first.json()["rows"] == 1 and "id" in first.json()
    again = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseProperty",
        {"enterpriseId": eid, "name": name, "value": "false"},
    )
    assert again.json() == {"rows": 1}  # an update: as a VMware sample expects
    prop = v1(vco, "enterprise/getEnterpriseProperty", {"enterpriseId": eid, "name": name}).json()
    assert (prop["value"], prop["dataType"], prop["enterpriseId"]) == ("false", "BOOLEAN", eid)
    assert v1(vco, "enterprise/getEnterpriseProperty", {"enterpriseId": other, "name": name}).json() is None

    bad = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseProperty",
        {"enterpriseId": eid, "name": "n", "value": "maybe", "dataType": "BOOLEAN"},
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == -32602 and "value" in bad.text

    v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseProperty",
        {"enterpriseId": eid, "name": name, "value": "true"},
    )
    found = v1(vco, "enterprise/getEnterprisesWithProperty", {"name": name, "value": "true"}).json()
    assert [e["logicalId"] for e in found] == [logical_id]
    assert (
        v1(
            vco, "enterprise/getEnterpriseProxyEnterprisesWithProperty", {"name": name, "value": "true"}
        ).json()
        == []
    )


def test_capabilities_and_rate_limits(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    caps = v1(vco, "enterprise/getEnterpriseCapabilities", {"enterpriseId": eid}).json()
    assert caps["enableSegmentation"] is True and caps["enablePremium"] is False
    assert (
        v1(
            vco,
            "enterprise/insertOrUpdateEnterpriseCapability",
            {"enterpriseId": eid, "name": "enablePremium", "value": True},
        ).status_code
        == 200
    )
    assert (
        v1(vco, "enterprise/getEnterpriseCapabilities", {"enterpriseId": eid}).json()["enablePremium"] is True
    )
    unknown = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseCapability",
        {"enterpriseId": eid, "name": "x", "value": True},
    )
    assert unknown.status_code == 400 and "name" in unknown.text

    empty = v1(vco, "enterprise/getEnterpriseRateLimits", {"enterpriseId": eid}).json()
    assert (empty["dataType"], json.loads(empty["value"])) == ("JSON", [])
    limits = [{"type": "ENTERPRISE_USER", "enabled": True, "policies": [{"match": {}, "rules": []}]}]
    assert (
        v1(
            vco, "enterprise/insertOrUpdateEnterpriseRateLimits", {"enterpriseId": eid, "value": limits}
        ).status_code
        == 200
    )
    stored = v1(vco, "enterprise/getEnterpriseRateLimits", {"enterpriseId": eid}).json()
    assert json.loads(stored["value"]) == limits


def test_only_an_enterprise_user_delegates_access(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    # an operator cannot grant itself access (the vendor's own API test suite expects this refusal)
    r = v1(vco, "role/setEnterpriseDelegatedToOperator", {"enterpriseId": eid, "isDelegated": False})
    assert r.status_code == 400 and "ENTERPRISE_DELEGATION" in r.json()["error"]["message"]
    token = issue_token(vco, add_user(vco, eid, "admin@acme.example"))
    assert as_user(vco, token, "role/isEnterpriseDelegatedToOperator").json() == {"isDelegated": True}
    for method, value in (
        ("role/setEnterpriseDelegatedToOperator", False),
        ("role/setEnterpriseUserManagementDelegatedToOperator", 1),
        ("role/setEnterpriseDelegatedToEnterpriseProxy", True),
        ("role/setEnterpriseViewSensitiveDataDelegatedToOperator", True),
        ("role/setEnterpriseViewSensitiveDataDelegatedToEnterpriseProxy", False),
    ):
        r = as_user(vco, token, method, {"isDelegated": value})
        assert r.status_code == 200 and r.json() == {"isDelegated": bool(value)}, (method, r.text)
    assert as_user(vco, token, "role/isEnterpriseDelegatedToOperator").json() == {"isDelegated": False}
    assert v1(vco, "role/isEnterpriseUserManagementDelegatedToOperator", {"enterpriseId": eid}).json() == {
        "isDelegated": True
    }
    assert v1(vco, "role/isEnterpriseDelegatedToEnterpriseProxy", {"enterpriseId": eid}).json() == {
        "isDelegated": True
    }
    sensitive = {
        "role/isEnterpriseViewSensitiveDataDelegatedToOperator": True,
        "role/isEnterpriseViewSensitiveDataDelegatedToEnterpriseProxy": False,
    }
    for reader, value in sensitive.items():
        assert as_user(vco, token, reader).json() == {"isDelegated": value}, reader
    missing = as_user(vco, token, "role/setEnterpriseDelegatedToOperator", {})
    assert missing.status_code == 400 and "delegation flag missing" in missing.json()["error"]["message"]


def test_another_customer_cannot_read_or_set_properties(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    other, _ = enterprise(vco, "Other")
    token = issue_token(vco, add_user(vco, other, "eve@other.example"))
    for method, params in (
        ("enterprise/getEnterpriseProperty", {"enterpriseId": eid, "name": "x"}),
        ("enterprise/insertOrUpdateEnterpriseProperty", {"enterpriseId": eid, "name": "x", "value": "1"}),
        ("enterprise/getEnterpriseCapabilities", {"enterpriseId": eid}),
    ):
        r = as_user(vco, token, method, params)
        assert r.status_code == 400 and r.json()["error"]["code"] in (-32004, -32003), (method, r.text)
    # listing customers by property is for operators only (spec: OPERATOR_USER)
    r = as_user(vco, token, "enterprise/getEnterprisesWithProperty", {"name": "x", "value": "1"})
    assert r.status_code == 400 and r.json()["error"]["code"] == -32003
