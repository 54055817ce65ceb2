"""Enterprise properties, capabilities, rate limits and delegation flags over real HTTP."""

from __future__ import annotations

import json
from typing import Any

import requests

from vco_emulator.domain import enterprise_properties as properties
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
    secret = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseProperty",
        {"enterpriseId": eid, "name": "pin", "value": "hunter2", "dataType": "NUMBER", "isPassword": True},
    )
    assert secret.status_code == 400 and "pin" in secret.text and "hunter2" not in secret.text

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


def test_one_property_store_whichever_method_wrote_it(vco: EmulatorProcess) -> None:
    """A property written by a switch method reads back through the generic property methods, and
    the reverse: one row per name, its `dataType` kept and checked whoever writes."""
    eid, logical_id = enterprise(vco, "ACME")

    def read(name: str) -> Any:
        return v1(vco, "enterprise/getEnterpriseProperty", {"enterpriseId": eid, "name": name}).json()

    def put(name: str, value: str) -> requests.Response:
        params = {"enterpriseId": eid, "name": name, "value": value}
        return v1(vco, "enterprise/insertOrUpdateEnterpriseProperty", params)

    # a switch writes; getEnterpriseProperty (by name and by id) and getEnterprisesWithProperty read it
    cost = properties.DISTRIBUTED_COST_CALCULATION.name
    assert read(cost) is None
    v1(vco, "enterprise/setEnterpriseDistributedCostCalculation", {"enterpriseId": eid, "value": True})
    stored = read(cost)
    assert (stored["value"], stored["dataType"], stored["enterpriseId"]) == ("true", "BOOLEAN", eid)
    by_id = v1(vco, "enterprise/getEnterpriseProperty", {"enterpriseId": eid, "id": stored["id"]}).json()
    assert by_id == stored
    found = v1(vco, "enterprise/getEnterprisesWithProperty", {"name": cost, "value": "true"}).json()
    assert [e["logicalId"] for e in found] == [logical_id]
    # the generic method writes the same row (an update: no id), the switch reads it back
    assert put(cost, "false").json() == {"rows": 1}
    switch = v1(vco, "enterprise/getEnterpriseDistributedCostCalculation", {"enterpriseId": eid}).json()
    assert (switch["id"], switch["value"], switch["dataType"]) == (stored["id"], "false", "BOOLEAN")
    bad = put(cost, "yes")
    assert bad.status_code == 400 and cost in bad.json()["error"]["message"]

    # first written by the generic method without a dataType: the switch's own type applies
    nsd = properties.USE_NSD_POLICY.name
    inserted = put(nsd, "true").json()
    policy = v1(vco, "enterprise/getEnterpriseUseNSDPolicy", {"enterpriseId": eid}).json()
    assert (policy["id"], policy["value"], policy["dataType"]) == (inserted["id"], "true", "BOOLEAN")
    assert put(nsd, "1").status_code == 400
    v1(vco, "enterprise/setEnterpriseUseNSDPolicy", {"enterpriseId": eid, "value": False})
    assert read(nsd)["value"] == "false"

    # rate limits, both ways
    limits = properties.RATE_LIMITS.name
    rules = [{"type": "ENTERPRISE", "enabled": False}]
    v1(vco, "enterprise/insertOrUpdateEnterpriseRateLimits", {"enterpriseId": eid, "value": rules})
    assert (json.loads(read(limits)["value"]), read(limits)["dataType"]) == (rules, "JSON")
    assert put(limits, "[]").json() == {"rows": 1}
    assert v1(vco, "enterprise/getEnterpriseRateLimits", {"enterpriseId": eid}).json()["value"] == "[]"
    assert put(limits, "[unclosed").status_code == 400

    # the maximum number of segments, both ways
    maximum = properties.MAXIMUM_SEGMENTS.name
    v1(vco, "enterprise/setEnterpriseMaximumSegments", {"enterpriseId": eid, "value": 20})
    assert (read(maximum)["value"], read(maximum)["dataType"]) == ("20", "NUMBER")
    assert put(maximum, "24").json() == {"rows": 1}
    assert v1(vco, "enterprise/getEnterpriseMaximumSegments", {"enterpriseId": eid}).json()["value"] == "24"

    # the secure edge access mode, both ways
    mode = properties.SECURE_EDGE_ACCESS_MODE.name
    v1(vco, "enterprise/insertOrUpdateSecureEdgeAccessMode", {"enterpriseId": eid, "mode": "SSH_KEY"})
    assert (read(mode)["value"], read(mode)["dataType"]) == ("SSH_KEY", "STRING")

    rows = [
        o["name"]
        for o in vco.admin("GET", "state")["objects"]["enterprise_property"]
        if o["enterpriseId"] == eid
    ]
    assert sorted(rows) == sorted({cost, nsd, limits, maximum, mode})
