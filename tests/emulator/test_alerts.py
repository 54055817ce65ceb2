"""Enterprise alert definitions, configurations, recipients and alerts over real HTTP."""

from __future__ import annotations

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, v1
from .tenants import add_user, as_user, enterprise, issue_token


def test_alert_configurations_are_inserted_and_updated_by_definition(vco: EmulatorProcess) -> None:
    eid, logical_id = enterprise(vco, "ACME")
    definitions = v1(vco, "enterprise/getEnterpriseAlertDefinitions", {"enterpriseId": eid}).json()
    by_name = {d["name"]: d for d in definitions}
    assert {"EDGE_DOWN", "LINK_DOWN", "EDGE_UP"} <= set(by_name)
    assert v1(vco, "enterprise/getEnterpriseAlertConfigurations", {"enterpriseId": eid}).json() == []
    # as VMware's sample does: items built from the definitions, enabled
    items = [
        {"alertDefinitionId": by_name["EDGE_DOWN"]["id"], "enabled": 1, "firstNotificationSeconds": 300},
        {"name": "LINK_DOWN", "enabled": True},
    ]
    r = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseAlertConfigurations",
        {"enterpriseId": eid, "enterpriseAlertConfigurations": items},
    )
    assert r.status_code == 200, r.text
    configs = {c["name"]: c for c in r.json()["enterpriseAlertConfigurations"]}
    assert configs["EDGE_DOWN"]["firstNotificationSeconds"] == 300 and configs["EDGE_DOWN"]["enabled"] is True
    assert configs["EDGE_DOWN"]["enterpriseLogicalId"] == logical_id
    assert (
        configs["LINK_DOWN"]["firstNotificationSeconds"] == by_name["LINK_DOWN"]["firstNotificationSeconds"]
    )
    # an item with an id updates it; the others stay
    r = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseAlertConfigurations",
        {
            "enterpriseId": eid,
            "enterpriseAlertConfigurations": [{"id": configs["EDGE_DOWN"]["id"], "enabled": False}],
        },
    )
    listed = {
        c["name"]: c
        for c in v1(vco, "enterprise/getEnterpriseAlertConfigurations", {"enterpriseId": eid}).json()
    }
    assert listed["EDGE_DOWN"]["enabled"] is False and listed["EDGE_DOWN"]["firstNotificationSeconds"] == 300
    assert listed["LINK_DOWN"]["enabled"] is True
    for bad, path in (
        ([{"alertDefinitionId": 999}], "alertDefinitionId"),
        ([{"name": "EDGE_DOWN", "firstNotificationSeconds": -1}], "firstNotificationSeconds"),
        ([{"name": "NOPE"}], "alertDefinitionId"),
    ):
        r = v1(
            vco,
            "enterprise/insertOrUpdateEnterpriseAlertConfigurations",
            {"enterpriseId": eid, "enterpriseAlertConfigurations": bad},
        )
        assert r.status_code == 400 and path in r.text, (bad, r.text)
    twice = v1(
        vco,
        "enterprise/insertOrUpdateEnterpriseAlertConfigurations",
        {"enterpriseId": eid, "enterpriseAlertConfigurations": [{"name": "EDGE_UP"}, {"name": "EDGE_UP"}]},
    )
    assert twice.status_code == 400 and twice.json()["error"]["code"] == -32009


def test_recipients_are_set_and_shown_in_the_spec_shape(vco: EmulatorProcess) -> None:
    eid, _ = enterprise(vco, "ACME")
    uid = add_user(vco, eid, "noc@acme.example")
    body = {
        "enterpriseId": eid,
        "emailEnabled": True,
        "emailList": ["noc@acme.example", "oncall@acme.example"],
        "smsEnabled": True,
        "smsList": [{"mobilePhone": "+15551234567", "username": "oncall"}],
        "webhookEnabled": True,
        "webhookList": [{"url": "https://hooks.example/abc", "expectedResponseCode": 200, "template": "{}"}],
        "enterpriseUsers": [{"enterpriseUserId": uid, "enabled": True, "emailEnabled": True}],
    }
    r = v1(vco, "enterprise/setEnterpriseAllAlertsRecipients", body)
    assert r.status_code == 200, r.text
    got = v1(vco, "enterprise/getEnterpriseAllAlertsRecipients", {"enterpriseId": eid}).json()
    assert got["emailList"] == ["noc@acme.example", "oncall@acme.example"] and got["emailEnabled"] is True
    assert got["smsList"] == ["+15551234567"] and got["webhookList"] == ["https://hooks.example/abc"]
    assert [(u["enterpriseUserId"], u["emailEnabled"], u["smsEnabled"]) for u in got["enterpriseUsers"]] == [
        (uid, 1, 0)
    ]
    # a set replaces only the lists it names
    v1(
        vco,
        "enterprise/setEnterpriseAllAlertsRecipients",
        {"enterpriseId": eid, "emailList": ["a@acme.example"]},
    )
    got = v1(vco, "enterprise/getEnterpriseAllAlertsRecipients", {"enterpriseId": eid}).json()
    assert got["emailList"] == ["a@acme.example"] and got["smsList"] == ["+15551234567"]
    for bad, path in (
        ({"emailList": ["nope"]}, "emailList"),
        ({"webhookList": [{"url": "ftp://x"}]}, "webhookList"),
        ({"enterpriseUsers": [{"enterpriseUserId": 987654}]}, "enterpriseUsers"),
    ):
        r = v1(vco, "enterprise/setEnterpriseAllAlertsRecipients", {"enterpriseId": eid, **bad})
        assert r.status_code == 400 and path in r.text, (bad, r.text)


def test_alerts_are_an_empty_page_and_hidden_from_other_customers(vco: EmulatorProcess) -> None:
    eid, logical_id = enterprise(vco, "ACME")
    other, _ = enterprise(vco, "Other")
    r = v1(
        vco,
        "enterprise/getEnterpriseAlerts",
        {"enterpriseId": eid, "interval": {"start": 1609459200000}, "with": ["notifications"]},
    )
    assert r.status_code == 200 and r.json()["data"] == [] and r.json()["metaData"]["more"] is False
    v2 = requests.get(
        f"{vco.url}/api/sdwan/v2/enterprises/{logical_id}/alerts", headers=auth(vco), timeout=10
    )
    assert v2.status_code == 200 and v2.json()["data"] == []
    token = issue_token(vco, add_user(vco, other, "eve@other.example"))
    for method in (
        "enterprise/getEnterpriseAlertConfigurations",
        "enterprise/getEnterpriseAllAlertsRecipients",
    ):
        r = as_user(vco, token, method, {"enterpriseId": eid})
        assert r.status_code == 400 and r.json()["error"]["code"] == -32004, (method, r.text)
