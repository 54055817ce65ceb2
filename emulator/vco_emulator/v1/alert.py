"""v1 enterprise alerts: definitions, configurations, recipients and triggered alerts (domain/alerts.py).

Recipients are answered in the spec's result shape: SMS recipients by phone number and webhooks
by URL (strings); a webhook's response code and template are kept but never shown.
Not implemented: `with: [notifications]` on alerts (there are never any alerts).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..domain import alerts
from ..domain.auth import Principal
from ..domain.enterprise_settings import enterprise_of
from ..domain.validation import StrictModel, parse
from ..store import Record, Tx
from . import with_options
from .rpc import method

with_options.not_shown(
    "enterprise/getEnterpriseAlerts",
    "no alert is ever triggered, so no alert has notifications",
    "notifications",
)
MAX_ALERTS = 2048  # the page size when the request sets none (a guess)


class _EnterpriseOnly(StrictModel):
    enterpriseId: int | None = None


class _AlertsFilter(StrictModel):
    limit: int | None = None


class _GetAlerts(StrictModel):
    enterpriseId: int | None = None
    interval: dict[str, Any] | None = None
    filter: _AlertsFilter | None = None
    with_: list[Literal["notifications"]] | None = Field(None, alias="with")


def configuration_object(record: Record, enterprise: Record) -> dict[str, Any]:
    """An `enterprise_alert_configuration`."""
    base = alerts.definition(record.name)
    return {
        "id": record.id,
        "created": record.created,
        "alertDefinitionId": base["id"],
        "enterpriseId": enterprise.id,
        "enterpriseLogicalId": enterprise.logical_id,
        "enabled": bool(record.data.get("enabled")),
        "name": record.name,
        "description": f"{record.name} alert",
        "type": record.name,
        "definition": base["definition"],
        **{f: int(record.data[f]) for f in alerts.TIMINGS},
        "modified": record.modified,
    }


def recipients_object(tx: Tx, stored: dict[str, Any]) -> dict[str, Any]:
    users = []
    for entry in stored.get("enterpriseUsers", []):
        user = tx.get("enterprise_user", id=entry["enterpriseUserId"])
        if user is None:
            continue
        users.append(
            {
                "enterpriseUserId": user.id,
                "username": user.name,
                "email": user.data.get("email") or user.name,
                "mobilePhone": user.data.get("mobilePhone") or "",
                "enabled": int(bool(entry.get("enabled"))),
                "emailEnabled": int(bool(entry.get("emailEnabled"))),
                "smsEnabled": int(bool(entry.get("smsEnabled"))),
                "mobileEnabled": int(bool(entry.get("mobileEnabled"))),
            }
        )
    return {
        "emailEnabled": bool(stored.get("emailEnabled")),
        "emailList": list(stored.get("emailList", [])),
        "enterpriseUsers": users,
        "mobileEnabled": bool(stored.get("mobileEnabled")),
        "mobileList": list(stored.get("mobileList", [])),
        "smsEnabled": bool(stored.get("smsEnabled")),
        "smsList": [s["mobilePhone"] for s in stored.get("smsList", [])],
        "snmpEnabled": False,
        "snmpList": [],
        "webhookEnabled": bool(stored.get("webhookEnabled")),
        "webhookList": [w["url"] for w in stored.get("webhookList", [])],
    }


@method("enterprise/getEnterpriseAlertDefinitions")
def get_enterprise_alert_definitions(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_EnterpriseOnly, params, what="enterprise/getEnterpriseAlertDefinitions params")
    enterprise_of(tx, principal, req.enterpriseId)
    return alerts.definitions()


@method("enterprise/getEnterpriseAlertConfigurations")
def get_enterprise_alert_configurations(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> list[dict[str, Any]]:
    req = parse(_EnterpriseOnly, params, what="enterprise/getEnterpriseAlertConfigurations params")
    enterprise = enterprise_of(tx, principal, req.enterpriseId)
    return [
        configuration_object(r, enterprise) for r in alerts.list_configurations(tx, principal, enterprise.id)
    ]


@method("enterprise/insertOrUpdateEnterpriseAlertConfigurations")
def insert_or_update_enterprise_alert_configurations(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    records = alerts.set_configurations(tx, principal, params)
    enterprise = enterprise_of(tx, principal, params.get("enterpriseId"))
    return {"enterpriseAlertConfigurations": [configuration_object(r, enterprise) for r in records]}


@method("enterprise/getEnterpriseAllAlertsRecipients")
def get_enterprise_all_alerts_recipients(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    req = parse(_EnterpriseOnly, params, what="enterprise/getEnterpriseAllAlertsRecipients params")
    _, stored = alerts.recipients(tx, principal, req.enterpriseId)
    return recipients_object(tx, stored)


@method("enterprise/setEnterpriseAllAlertsRecipients")
def set_enterprise_all_alerts_recipients(
    tx: Tx, principal: Principal, params: dict[str, Any]
) -> dict[str, Any]:
    _, stored = alerts.set_recipients(tx, principal, params)
    return recipients_object(tx, stored)


@method("enterprise/getEnterpriseAlerts")
def get_enterprise_alerts(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_GetAlerts, params, what="enterprise/getEnterpriseAlerts params")
    enterprise_of(tx, principal, req.enterpriseId)
    limit = req.filter.limit if req.filter is not None and req.filter.limit else MAX_ALERTS
    return {"metaData": {"limit": limit, "more": False}, "data": []}
