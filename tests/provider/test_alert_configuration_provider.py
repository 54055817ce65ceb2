"""AlertConfiguration provider, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.alert_configuration import AlertConfigurationProvider

HOOK = "https://hooks.example/T000/secret-token"


def alert_inputs(enterprise: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "alerts": [{"name": "EDGE_DOWN", "first_notification_seconds": 300}, {"name": "LINK_DOWN"}],
        "emails": ["noc@acme.example"],
        "webhooks": [{"url": HOOK, "template": '{"text": "{{alert}}"}'}],
        **extra,
    }


def test_alert_configuration_owns_only_what_it_declares(
    enterprise: dict[str, Any], client: VcoClient
) -> None:
    eid = enterprise["vco_id"]
    # someone else's recipient and alert, before the stack
    client.v1.set_enterprise_all_alerts_recipients(
        eid, {"emailEnabled": True, "emailList": ["boss@acme.example"]}
    )
    client.v1.insert_or_update_enterprise_alert_configurations(eid, [{"name": "EDGE_UP", "enabled": True}])
    p = AlertConfigurationProvider()
    news = alert_inputs(enterprise)
    created = p.create(news)
    outs = created.outs
    assert outs is not None and created.id == f"{enterprise['logical_id']}/alerts"
    assert next((a["name"], a["enabled"], a["first_notification_seconds"]) for a in outs["alerts"]) == (
        "EDGE_DOWN",
        True,
        300,
    )
    assert outs["emails"] == ["noc@acme.example"] and outs["webhooks"][0]["url"] == HOOK
    assert p.diff(created.id, outs, news).changes is False
    recipients = client.v1.get_enterprise_all_alerts_recipients(eid)
    assert recipients.email_list == ["boss@acme.example", "noc@acme.example"]

    # drift by hand: a delay changed and our address removed show as those fields only
    client.v1.insert_or_update_enterprise_alert_configurations(
        eid, [{"name": "EDGE_DOWN", "firstNotificationSeconds": 60}]
    )
    client.v1.set_enterprise_all_alerts_recipients(eid, {"emailList": ["boss@acme.example"]})
    drifted = p.read(created.id, outs).outs
    assert drifted is not None and p.changed_fields(drifted, news) == ["alerts", "emails"]
    fixed = p.update(created.id, drifted, news).outs
    assert fixed is not None and p.diff(created.id, fixed, news).changes is False
    assert client.v1.get_enterprise_all_alerts_recipients(eid).email_list == [
        "boss@acme.example",
        "noc@acme.example",
    ]

    # destroy: our alerts off, our address gone, the others' stay
    p.delete(created.id, fixed)
    configs = {c.name: c.enabled for c in client.v1.get_enterprise_alert_configurations(eid)}
    assert configs == {"EDGE_DOWN": False, "LINK_DOWN": False, "EDGE_UP": True}
    after = client.v1.get_enterprise_all_alerts_recipients(eid)
    assert after.email_list == ["boss@acme.example"] and after.webhook_list == []


def test_alert_configuration_errors_and_foreign_webhooks(
    enterprise: dict[str, Any], client: VcoClient
) -> None:
    p = AlertConfigurationProvider()
    with pytest.raises(
        VcoResourceError, match=r"field alerts: \['EDGE_SIDEWAYS'\] are not alert definitions"
    ):
        p.create(alert_inputs(enterprise, alerts=[{"name": "EDGE_SIDEWAYS"}], webhooks=None))
    eid = enterprise["vco_id"]
    client.v1.set_enterprise_all_alerts_recipients(
        eid, {"webhookEnabled": True, "webhookList": [{"url": "https://other.example/x"}]}
    )
    with pytest.raises(VcoResourceError) as raised:
        p.create(alert_inputs(enterprise))
    assert "1 webhook(s) this stack does not manage" in str(raised.value) and "other.example" not in str(
        raised.value
    )
    assert client.v1.get_enterprise_alert_configurations(eid) == []  # refused before any write
    taken = p.create(alert_inputs(enterprise, adopt=True)).outs
    assert taken is not None and [w["url"] for w in taken["webhooks"]] == [HOOK]
    bad = p.check({}, alert_inputs(enterprise, emails=["not-an-address"])).failures
    assert bad and "emails" in bad[0].reason
