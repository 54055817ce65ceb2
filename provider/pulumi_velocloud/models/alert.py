"""Enterprise alert payloads of the v1 API: definitions, configurations and recipients.

Recipients are read in the spec's result shape: e-mail addresses, SMS recipients by phone
number and webhooks by URL (strings); a webhook's response code and template are write-only.
"""

from __future__ import annotations

from ..ids import VcoId
from .base import ApiModel


class AlertDefinitionV1(ApiModel):
    """An item of `enterprise/getEnterpriseAlertDefinitions`."""

    id: VcoId
    name: str
    first_notification_seconds: int | None = None
    max_notifications: int | None = None
    notification_interval_seconds: int | None = None
    reset_interval_seconds: int | None = None


class AlertConfigurationV1(AlertDefinitionV1):
    """An item of `enterprise/getEnterpriseAlertConfigurations` (its `id` is the configuration's)."""

    alert_definition_id: VcoId
    enabled: bool = False


class AlertRecipientUserV1(ApiModel):
    """An enterprise user among the recipients (tinyint flags)."""

    enterprise_user_id: VcoId
    enabled: bool = False
    email_enabled: bool = False
    sms_enabled: bool = False
    mobile_enabled: bool = False


class AlertRecipientsV1(ApiModel):
    """`enterprise/getEnterpriseAllAlertsRecipients`."""

    enterprise_users: list[AlertRecipientUserV1] = []
    mobile_enabled: bool = False
    mobile_list: list[str] = []
    email_enabled: bool = False
    email_list: list[str] = []
    sms_enabled: bool = False
    sms_list: list[str] = []
    webhook_enabled: bool | None = None
    webhook_list: list[str] = []
