"""`AlertConfiguration`: an enterprise's alerts (which are on, their notification timing) and recipients.

Alerts are written with `enterprise/insertOrUpdateEnterpriseAlertConfigurations` (one item per
declared alert, by definition id) and read with `getEnterpriseAlertConfigurations`; names are
checked against `getEnterpriseAlertDefinitions`. Recipients are read with
`getEnterpriseAllAlertsRecipients` and written with `setEnterpriseAllAlertsRecipients`, sending
back everything read (e-mails, SMS numbers, users, mobile) so that the write is right whether the
Orchestrator replaces all lists or only those sent (which one is unknown: docs/evidence.md
section 12).

Ownership: only declared alerts are touched; destroy turns them off. E-mail recipients are owned
entry by entry (addresses others added stay; destroy removes ours). SMS recipients and webhooks
can be read back only as phone numbers and URLs, so writing a list back would drop the names and
templates of entries this stack did not write: declaring `sms` or `webhooks` takes the whole list,
and is refused while it holds entries this stack does not manage unless `adopt=True`.
Webhooks are secret (their URLs and templates often carry tokens): kept as Pulumi secrets, never
in errors. The Pulumi id is `<enterprise logicalId>/alerts`; one per enterprise.

Not detected: a change of a webhook's template or expected response code made by hand (write-only
in the API). Not implemented: enterprise-user recipients, mobile-app recipients, SNMP.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field, model_validator

from ..client import VcoClient
from ..client.errors import NotFound
from ..context import connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..mechanisms.declare import VcoResource
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.provider_base import VcoProvider, is_unknown
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EnterpriseId, ResourceArgs, ResourceSpec, register
from ..models.alert import AlertRecipientsV1
from .user import EMAIL_PATTERN

_EMAIL = re.compile(EMAIL_PATTERN)
TIMINGS = {
    "first_notification_seconds": "firstNotificationSeconds",
    "max_notifications": "maxNotifications",
    "notification_interval_seconds": "notificationIntervalSeconds",
    "reset_interval_seconds": "resetIntervalSeconds",
}


class AlertArgs(BaseModel):
    """One alert: a definition name and, when set, its notification timing."""

    name: str = Field(
        min_length=1, description="Alert definition name, e.g. EDGE_DOWN, LINK_DOWN, VPN_TUNNEL_DOWN."
    )
    enabled: bool = Field(True, description="Whether the alert notifies.")
    first_notification_seconds: int | None = Field(
        None, ge=0, description="Delay before the first notification."
    )
    max_notifications: int | None = Field(None, ge=0, description="How many notifications at most.")
    notification_interval_seconds: int | None = Field(
        None, ge=0, description="Seconds between notifications."
    )
    reset_interval_seconds: int | None = Field(
        None, ge=0, description="Seconds after which the alert resets."
    )


class SmsRecipientArgs(BaseModel):
    phone: str = Field(pattern=r"^\+?[0-9 ()-]{6,20}$", description="Mobile number, e.g. +15551234567.")
    name: str | None = Field(
        None, description="Who it is (write-only: the Orchestrator shows only the number)."
    )


class WebhookArgs(BaseModel):
    url: str = Field(pattern=r"^https?://", description="Webhook URL (a secret: it often carries a token).")
    expected_response_code: int = Field(200, ge=100, le=599, description="HTTP status the receiver answers.")
    template: str | None = Field(None, description="JSON payload template (write-only).")


class AlertConfigurationArgs(ResourceArgs):
    """The inputs of an `AlertConfiguration` (unset recipient lists are left as they are)."""

    enterprise_id: EnterpriseId
    alerts: list[AlertArgs] = Field(default_factory=list, description="The alerts this stack manages.")
    emails: list[str] | None = Field(None, description="E-mail recipients this stack adds (others' stay).")
    sms: list[SmsRecipientArgs] | None = Field(None, description="SMS recipients (the whole list).")
    webhooks: list[WebhookArgs] | None = Field(None, description="Webhooks (the whole list; secret).")

    @model_validator(mode="after")
    def _check(self) -> AlertConfigurationArgs:
        names = [a.name for a in self.alerts]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"alerts: {twice} declared more than once")
        bad = [e for e in self.emails or [] if not _EMAIL.match(e)]
        if bad:
            raise ValueError(f"emails: {bad} are not e-mail addresses")
        return self


class AlertConfigurationOutputs(BaseModel):
    enterprise_id: str
    enterprise_vco_id: int
    alerts: list[dict[str, Any]] = Field(description="The declared alerts as the Orchestrator holds them.")
    emails: list[str] | None = None
    sms: list[dict[str, Any]] | None = None
    webhooks: list[dict[str, Any]] | None = Field(None, description="Secret.")


SPEC = register(
    ResourceSpec(
        name="AlertConfiguration",
        summary="An enterprise's alerts and their recipients. "
        "Its Pulumi id is `<enterprise logicalId>/alerts`.",
        args=AlertConfigurationArgs,
        outputs=AlertConfigurationOutputs,
        natural_key=("enterprise_id",),
        replace_on_change=frozenset({"enterprise_id"}),
        secret_inputs=frozenset({"webhooks"}),
        secret_outputs=frozenset({"webhooks"}),
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "alerts": [{"name": "EDGE_DOWN", "first_notification_seconds": 300}],
            "emails": ["noc@acme.example"],
        },
        example=(
            "velocloud.AlertConfiguration(\n"
            '    "acme-alerts",\n'
            "    enterprise_id=acme.id,\n"
            "    alerts=[\n"
            '        velocloud.AlertArgs(name="EDGE_DOWN", first_notification_seconds=300),\n'
            '        velocloud.AlertArgs(name="LINK_DOWN", max_notifications=3),\n'
            "    ],\n"
            '    emails=["noc@acme.example"],\n'
            '    webhooks=[velocloud.WebhookArgs(url=config.require_secret("alertWebhook"))],\n'
            ")"
        ),
        notes=(
            "Only declared alerts are touched; destroy turns them off.",
            "E-mail recipients are owned one by one; `sms` and `webhooks` take the whole list (refused "
            "while it holds entries this stack does not manage, unless adopt=True).",
            "Webhooks are secret inputs and outputs.",
        ),
    )
)


class AlertConfigurationProvider(VcoProvider):
    spec = SPEC

    def changed_fields(self, olds: Mapping[str, Any], news: Mapping[str, Any]) -> list[str]:
        changed = []
        if is_unknown(news.get("alerts")) or _alerts_differ(
            news.get("alerts") or [], olds.get("alerts") or []
        ):
            changed.append("alerts")
        for field in ("emails", "sms", "webhooks"):
            new = news.get(field)
            if new is None:
                continue
            if is_unknown(new) or _keys(field, new) != _keys(field, olds.get(field) or []):
                changed.append(field)
        if news.get("enterprise_id") != olds.get("enterprise_id"):
            changed.append("enterprise_id")
        return changed

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: AlertConfigurationArgs = self.args(props)
        label = self.label_for(props)
        vco = connect()
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            _write(vco.client, enterprise, args, {}, label)
            outs = _read(vco.client, args.enterprise_id, enterprise, args.model_dump(exclude={"adopt"}))
        return CreateResult(f"{args.enterprise_id}/alerts", outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        enterprise = vco_id(props["enterprise_vco_id"])
        with vco_errors(self.label_for(props, id_)):
            try:
                outs = _read(vco.client, logical_id(props["enterprise_id"]), enterprise, props)
            except NotFound:
                return ReadResult(None, {})
        return ReadResult(id_, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: AlertConfigurationArgs = self.args(news)
        label = self.label_for(news, id_)
        vco = connect()
        enterprise = vco_id(olds["enterprise_vco_id"])
        with vco_errors(label):
            _write(vco.client, enterprise, args, olds, label)
            dropped = [
                a["name"] for a in olds.get("alerts") or [] if a["name"] not in {x.name for x in args.alerts}
            ]
            _disable(vco.client, enterprise, dropped)
            outs = _read(vco.client, args.enterprise_id, enterprise, args.model_dump(exclude={"adopt"}))
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        vco = connect()
        enterprise = vco_id(props["enterprise_vco_id"])
        with vco_errors(self.label_for(props, id_)):
            try:
                _disable(vco.client, enterprise, [a["name"] for a in props.get("alerts") or []])
                mine = set(props.get("emails") or [])
                sms: list[dict[str, Any]] | None = [] if props.get("sms") is not None else None
                hooks: list[dict[str, Any]] | None = [] if props.get("webhooks") is not None else None
                if mine or sms is not None or hooks is not None:
                    current = vco.client.v1.get_enterprise_all_alerts_recipients(enterprise)
                    emails = [e for e in current.email_list if e not in mine]
                    vco.client.v1.set_enterprise_all_alerts_recipients(
                        enterprise, _recipients(current, emails, sms, hooks)
                    )
            except NotFound:
                return


class AlertConfiguration(VcoResource[AlertConfigurationArgs], provider=AlertConfigurationProvider):
    """An enterprise's alerts and recipients; only what is declared is managed."""

    alerts: pulumi.Output[list[dict[str, Any]]]
    emails: pulumi.Output[list[str] | None]
    sms: pulumi.Output[list[dict[str, Any]] | None]
    webhooks: pulumi.Output[list[dict[str, Any]] | None]


def _alerts_differ(declared: list[Any], current: list[Any]) -> bool:
    """Whether a declared alert differs from what was read, comparing only the fields it sets."""
    by_name = {a.get("name"): a for a in current if isinstance(a, dict)}
    if {a.get("name") for a in declared if isinstance(a, dict)} != set(by_name):
        return True
    for alert in declared:
        now = by_name.get(alert.get("name"), {})
        if bool(alert.get("enabled", True)) != bool(now.get("enabled")):
            return True
        for field in TIMINGS:
            if alert.get(field) is not None and float(alert[field]) != float(now.get(field) or -1):
                return True
    return False


def _keys(field: str, items: list[Any]) -> list[str]:
    """What refresh can see of a recipient list: addresses (any case), phone numbers, URLs; sorted."""
    if field == "emails":
        return sorted(str(e).casefold() for e in items)
    key = "phone" if field == "sms" else "url"
    return sorted(str(i.get(key)) if isinstance(i, dict) else str(i) for i in items)


def _write(
    client: VcoClient, enterprise: VcoId, args: AlertConfigurationArgs, olds: Mapping[str, Any], label: str
) -> None:
    """Write the declared alerts and recipients; every check runs before the first write."""
    items = _alert_items(client, enterprise, args, label) if args.alerts else []
    recipients = None
    if args.emails is not None or args.sms is not None or args.webhooks is not None or olds.get("emails"):
        recipients = _recipients_write(client, enterprise, args, olds, label)
    if items:
        _write_configurations(client, enterprise, {i["name"]: i for i in items})
    if recipients is not None:
        client.v1.set_enterprise_all_alerts_recipients(enterprise, recipients)


def _alert_items(
    client: VcoClient, enterprise: VcoId, args: AlertConfigurationArgs, label: str
) -> list[dict[str, Any]]:
    definitions = {d.name: d.id for d in client.v1.get_enterprise_alert_definitions(enterprise)}
    unknown = [a.name for a in args.alerts if a.name not in definitions]
    if unknown:
        raise VcoResourceError(
            f"{label}: field alerts: {unknown} are not alert definitions; "
            f"valid: {', '.join(sorted(definitions))}"
        )
    items = []
    for alert in args.alerts:
        item: dict[str, Any] = {
            "alertDefinitionId": definitions[alert.name],
            "name": alert.name,
            "enabled": alert.enabled,
        }
        item.update({key: getattr(alert, f) for f, key in TIMINGS.items() if getattr(alert, f) is not None})
        items.append(item)
    return items


def _recipients_write(
    client: VcoClient, enterprise: VcoId, args: AlertConfigurationArgs, olds: Mapping[str, Any], label: str
) -> dict[str, Any]:
    current = client.v1.get_enterprise_all_alerts_recipients(enterprise)
    ours_before = set(olds.get("emails") or [])
    declared = args.emails or []
    emails = [e for e in current.email_list if e not in ours_before or e in declared]
    emails += [e for e in declared if e.casefold() not in {x.casefold() for x in emails}]
    sms = hooks = None
    if args.sms is not None:
        _require_owned(
            "sms", current.sms_list, [s.get("phone") for s in olds.get("sms") or []], args.adopt, label
        )
        sms = [{"mobilePhone": s.phone, **({"username": s.name} if s.name else {})} for s in args.sms]
    if args.webhooks is not None:
        ours = [w.get("url") for w in olds.get("webhooks") or []]
        _require_owned("webhooks", current.webhook_list, ours, args.adopt, label)
        hooks = [
            {"url": w.url, "expectedResponseCode": w.expected_response_code}
            | ({"template": w.template} if w.template else {})
            for w in args.webhooks
        ]
    return _recipients(current, emails, sms, hooks)


def _require_owned(field: str, current: list[str], ours: list[Any], adopt: bool, label: str) -> None:
    foreign = [c for c in current if c not in ours]
    if foreign and not adopt:
        shown = f"{len(foreign)} webhook(s)" if field == "webhooks" else repr(foreign)
        raise VcoResourceError(
            f"{label}: field {field}: the enterprise already has {shown} this stack does not manage; the API "
            "cannot read their details back, so writing the list would lose them; "
            "set adopt=True to take the list over"
        )


def _recipients(
    current: AlertRecipientsV1,
    emails: list[str],
    sms: list[dict[str, Any]] | None,
    hooks: list[dict[str, Any]] | None,
) -> dict[str, Any]:
    """A whole recipients write: the lists read, with ours changed (webhooks only when we own them)."""
    body: dict[str, Any] = {
        "emailEnabled": bool(emails) or current.email_enabled,
        "emailList": emails,
        "smsEnabled": bool(sms) if sms is not None else current.sms_enabled,
        "smsList": sms if sms is not None else [{"mobilePhone": p} for p in current.sms_list],
        "mobileEnabled": current.mobile_enabled,
        "mobileList": current.mobile_list,
        "enterpriseUsers": [
            {
                "enterpriseUserId": u.enterprise_user_id,
                "enabled": u.enabled,
                "emailEnabled": u.email_enabled,
                "smsEnabled": u.sms_enabled,
                "mobileEnabled": u.mobile_enabled,
            }
            for u in current.enterprise_users
        ],
    }
    if hooks is not None:
        body["webhookEnabled"] = bool(hooks)
        body["webhookList"] = hooks
    return body


def _disable(client: VcoClient, enterprise: VcoId, names: list[str]) -> None:
    current = {c.name: c for c in client.v1.get_enterprise_alert_configurations(enterprise)}
    off = {n: {"name": n, "enabled": False} for n in names if n in current and current[n].enabled}
    if off:
        _write_configurations(client, enterprise, off)


def _write_configurations(
    client: VcoClient, enterprise: VcoId, changes: Mapping[str, dict[str, Any]]
) -> None:
    """Write `changes` (by alert name) together with every other configuration as read, unchanged: right
    whether the Orchestrator keeps configurations a write leaves out or drops them (VMware's sample
    always sends the whole list; which one it does is unknown)."""
    items = []
    for config in client.v1.get_enterprise_alert_configurations(enterprise):
        item = {
            "id": config.id,
            "alertDefinitionId": config.alert_definition_id,
            "name": config.name,
            "enabled": config.enabled,
            **{key: getattr(config, f) for f, key in TIMINGS.items() if getattr(config, f) is not None},
        }
        change = changes.get(config.name)
        items.append(item if change is None else {**item, **change})
    known = {i["name"] for i in items}
    items += [c for n, c in changes.items() if n not in known]
    client.v1.insert_or_update_enterprise_alert_configurations(enterprise, items)


def _read(
    client: VcoClient, enterprise_id: LogicalId, enterprise: VcoId, state: Mapping[str, Any]
) -> dict[str, Any]:
    """The outputs: the declared alerts and our recipients as the Orchestrator holds them now."""
    configured = {c.name: c for c in client.v1.get_enterprise_alert_configurations(enterprise)}
    alerts = []
    for alert in state.get("alerts") or []:
        now = configured.get(alert["name"])
        alerts.append(
            {"name": alert["name"], "enabled": bool(now and now.enabled)}
            | {f: (getattr(now, f) if now is not None else None) for f in TIMINGS}
        )
    outs: dict[str, Any] = {
        "enterprise_id": enterprise_id,
        "enterprise_vco_id": enterprise,
        "alerts": alerts,
        "emails": None,
        "sms": None,
        "webhooks": None,
    }
    recipients = None
    if any(state.get(f) is not None for f in ("emails", "sms", "webhooks")):
        recipients = client.v1.get_enterprise_all_alerts_recipients(enterprise)
    if state.get("emails") is not None and recipients is not None:
        present = {e.casefold(): e for e in recipients.email_list}
        outs["emails"] = [present[e.casefold()] for e in state["emails"] if e.casefold() in present]
    if state.get("sms") is not None and recipients is not None:
        names = {s.get("phone"): s.get("name") for s in state["sms"]}
        outs["sms"] = [{"phone": p, "name": names.get(p)} for p in recipients.sms_list]
    if state.get("webhooks") is not None and recipients is not None:
        written = {w.get("url"): w for w in state["webhooks"]}
        outs["webhooks"] = [
            {
                "url": u,
                "expected_response_code": written.get(u, {}).get("expected_response_code"),
                "template": written.get(u, {}).get("template"),
            }
            for u in recipients.webhook_list
        ]
    return outs
