"""Enterprise alerts: the alert definitions, an enterprise's alert configurations and recipients.

- Definitions (`enterprise/getEnterpriseAlertDefinitions`): the spec's alert names, built in;
  their notification defaults (`DEFAULTS`) are a guess.
- Configurations (`getEnterpriseAlertConfigurations`, `insertOrUpdateEnterpriseAlertConfigurations`):
  at most one per enterprise and definition; an item with an `id` updates that configuration, one
  without updates the configuration of its definition (by `alertDefinitionId`, else `name`) or
  inserts it; configurations the request does not name are kept (VMware's sample sends back the
  whole list it read plus new items, which fits both readings: docs/evidence.md section 12). A
  new enterprise has none. Delays are seconds >= 0, `maxNotifications` >= 0.
- Recipients (`getEnterpriseAllAlertsRecipients`, `setEnterpriseAllAlertsRecipients`): kept in the
  enterprise's data `alertRecipients`; a set replaces the lists it names and keeps the others.
  E-mail addresses are checked; enterprise users must belong to the enterprise. The answer shows
  SMS recipients by phone number and webhooks by URL, as the spec's result types them (strings).
- Alerts (`getEnterpriseAlerts`): none are ever triggered (no telemetry): an empty page.

Not implemented: sending anything, SNMP recipients (read as empty), operator alerts.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from ..store import Record, Tx
from . import kinds
from .auth import Principal
from .enterprise_settings import enterprise_of
from .errors import DataConflict, FieldError, InvalidRequest, NotFound
from .validation import StrictModel, parse

KIND = kinds.ALERT_CONFIGURATION
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
DEFINITIONS_CREATED = "2015-01-01T00:00:00.000Z"
ALERT_NAMES = (
    "EDGE_DOWN",
    "EDGE_UP",
    "LINK_DOWN",
    "LINK_UP",
    "VPN_TUNNEL_DOWN",
    "EDGE_HA_FAILOVER",
    "EDGE_SERVICE_DOWN",
    "GATEWAY_SERVICE_DOWN",
    "VNF_VM_EVENT",
    "VNF_VM_DEPLOYED",
    "VNF_VM_POWERED_ON",
    "VNF_VM_POWERED_OFF",
    "VNF_VM_DEPLOYED_AND_POWERED_OFF",
    "VNF_VM_DELETED",
    "VNF_VM_ERROR",
    "VNF_INSERTION_EVENT",
    "VNF_INSERTION_ENABLED",
    "VNF_INSERTION_DISABLED",
    "TEST_ALERT",
    "EDGE_CSS_TUNNEL_DOWN",
    "EDGE_CSS_TUNNEL_UP",
    "NVS_FROM_EDGE_TUNNEL_DOWN",
    "NVS_FROM_EDGE_TUNNEL_UP",
    "VNF_IMAGE_DOWNLOAD_EVENT",
    "VNF_IMAGE_DOWNLOAD_IN_PROGRESS",
    "VNF_IMAGE_DOWNLOAD_COMPLETED",
    "VNF_IMAGE_DOWNLOAD_FAILED",
)
# firstNotificationSeconds, maxNotifications, notificationIntervalSeconds, resetIntervalSeconds
DEFAULTS = (600, 1, 0, 3600)
TIMINGS = (
    "firstNotificationSeconds",
    "maxNotifications",
    "notificationIntervalSeconds",
    "resetIntervalSeconds",
)


def definition(name: str) -> dict[str, Any]:
    """The built-in definition `name` as the spec's `enterprise_alert_definition` (id = position + 1)."""
    return {
        "id": ALERT_NAMES.index(name) + 1,
        "created": DEFINITIONS_CREATED,
        "name": name,
        "type": name,
        "definition": {"isSystemOnly": False, "isOperatorOnly": name == "GATEWAY_SERVICE_DOWN"},
        **dict(zip(TIMINGS, DEFAULTS, strict=True)),
        "modified": DEFINITIONS_CREATED,
    }


def definitions() -> list[dict[str, Any]]:
    return [definition(n) for n in ALERT_NAMES]


class AlertConfigurationItem(StrictModel):
    """One `enterprise_alert_configuration` of a write; read-only fields are accepted and ignored."""

    id: int | None = None
    created: str | None = None
    alertDefinitionId: int | None = None
    enterpriseId: int | None = None
    enterpriseLogicalId: str | None = None
    enabled: bool | int | None = None
    name: str | None = None
    description: str | None = None
    type: str | None = None
    definition: dict[str, Any] | None = None
    firstNotificationSeconds: int | None = Field(None, ge=0)
    maxNotifications: int | None = Field(None, ge=0)
    notificationIntervalSeconds: int | None = Field(None, ge=0)
    resetIntervalSeconds: int | None = Field(None, ge=0)
    modified: str | None = None


class SetAlertConfigurations(StrictModel):
    enterpriseId: int | None = None
    enterpriseAlertConfigurations: list[AlertConfigurationItem]


def list_configurations(tx: Tx, principal: Principal, enterprise_id: int | None) -> list[Record]:
    enterprise = enterprise_of(tx, principal, enterprise_id)
    return sorted(tx.find(KIND, enterprise_id=enterprise.id), key=lambda r: ALERT_NAMES.index(r.name))


def _definition_name(item: AlertConfigurationItem, at: str) -> str:
    if item.alertDefinitionId is not None:
        if not 1 <= item.alertDefinitionId <= len(ALERT_NAMES):
            raise InvalidRequest(
                f"{at}.alertDefinitionId {item.alertDefinitionId} is not an alert definition",
                [FieldError(f"{at}.alertDefinitionId", "unknown alert definition")],
            )
        name = ALERT_NAMES[item.alertDefinitionId - 1]
        if item.name is not None and item.name != name:
            raise InvalidRequest(
                f"{at}.name {item.name!r} does not match alertDefinitionId {item.alertDefinitionId} ({name})",
                [FieldError(f"{at}.name", "does not match alertDefinitionId")],
            )
        return name
    if item.name not in ALERT_NAMES:
        raise InvalidRequest(
            f"{at}: alertDefinitionId or a known alert name is required (got name {item.name!r})",
            [FieldError(f"{at}.alertDefinitionId", "required")],
        )
    return item.name


def set_configurations(tx: Tx, principal: Principal, payload: Any) -> list[Record]:
    principal.require_write()
    req = parse(
        SetAlertConfigurations, payload, what="enterprise/insertOrUpdateEnterpriseAlertConfigurations params"
    )
    enterprise = enterprise_of(tx, principal, req.enterpriseId)
    existing = {r.name: r for r in tx.find(KIND, enterprise_id=enterprise.id)}
    seen: set[str] = set()
    for i, item in enumerate(req.enterpriseAlertConfigurations):
        at = f"enterpriseAlertConfigurations.{i}"
        if item.id is not None:
            record = tx.get(KIND, id=item.id)
            if record is None or record.enterprise_id != enterprise.id:
                raise NotFound(
                    f"{at}: alert configuration {item.id} not found in enterprise {enterprise.name!r}"
                )
            name = record.name
        else:
            name = _definition_name(item, at)
            record = existing.get(name)
        if name in seen:
            raise DataConflict(f"{at}: alert {name} is configured twice in one request")
        seen.add(name)
        old = record.data if record is not None else dict(zip(TIMINGS, DEFAULTS, strict=True))
        data = {
            "alertDefinitionId": ALERT_NAMES.index(name) + 1,
            "enabled": bool(item.enabled) if item.enabled is not None else bool(old.get("enabled", False)),
        }
        for field in TIMINGS:
            value = getattr(item, field)
            data[field] = value if value is not None else old[field]
        if record is None:
            existing[name] = tx.insert(KIND, name, data, enterprise_id=enterprise.id)
        else:
            existing[name] = tx.update(record, name, data)
    return sorted(existing.values(), key=lambda r: ALERT_NAMES.index(r.name))


# -- recipients ------------------------------------------------------------------------


class RecipientUser(StrictModel):
    enterpriseUserId: int
    enabled: bool | None = None
    smsEnabled: bool | None = None
    emailEnabled: bool | None = None
    mobileEnabled: bool | None = None


class SmsRecipient(StrictModel):
    username: str | None = None
    mobilePhone: str = Field(min_length=1)
    email: str | None = None


class Webhook(StrictModel):
    url: str = Field(min_length=1)
    expectedResponseCode: int | None = Field(None, ge=100, le=599)
    template: str | None = None


class SetRecipients(StrictModel):
    enterpriseId: int | None = None
    enterpriseUsers: list[RecipientUser] | None = None
    smsEnabled: bool | None = None
    smsList: list[SmsRecipient] | None = None
    emailEnabled: bool | None = None
    emailList: list[str] | None = None
    mobileEnabled: bool | None = None
    mobileList: list[str] | None = None
    webhookEnabled: bool | None = None
    webhookList: list[Webhook] | None = None


EMPTY_RECIPIENTS: dict[str, Any] = {
    "emailEnabled": False,
    "emailList": [],
    "enterpriseUsers": [],
    "mobileEnabled": False,
    "mobileList": [],
    "smsEnabled": False,
    "smsList": [],
    "webhookEnabled": False,
    "webhookList": [],
}


def recipients(tx: Tx, principal: Principal, enterprise_id: int | None) -> tuple[Record, dict[str, Any]]:
    enterprise = enterprise_of(tx, principal, enterprise_id)
    return enterprise, {**EMPTY_RECIPIENTS, **enterprise.data.get("alertRecipients", {})}


def set_recipients(tx: Tx, principal: Principal, payload: Any) -> tuple[Record, dict[str, Any]]:
    principal.require_write()
    req = parse(SetRecipients, payload, what="enterprise/setEnterpriseAllAlertsRecipients params")
    enterprise, current = recipients(tx, principal, req.enterpriseId)
    for i, email in enumerate(req.emailList or []):
        if not EMAIL.match(email):
            raise InvalidRequest(
                f"emailList.{i} {email!r} is not an e-mail address",
                [FieldError(f"emailList.{i}", "not an e-mail address")],
            )
    for i, hook in enumerate(req.webhookList or []):
        if not hook.url.startswith(("https://", "http://")):
            raise InvalidRequest(
                f"webhookList.{i}.url is not an http(s) URL",
                [FieldError(f"webhookList.{i}.url", "not an http(s) URL")],
            )
    for i, user in enumerate(req.enterpriseUsers or []):
        record = tx.get(kinds.ENTERPRISE_USER, id=user.enterpriseUserId)
        if record is None or record.enterprise_id != enterprise.id:
            raise NotFound(
                f"enterpriseUsers.{i}: user {user.enterpriseUserId} is not a user of {enterprise.name!r}"
            )
    fields = req.model_dump(exclude_unset=True, exclude={"enterpriseId"})
    stored = {**current, **fields}
    tx.update(enterprise, enterprise.name, {**enterprise.data, "alertRecipients": stored})
    return enterprise, stored
