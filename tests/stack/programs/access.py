"""A customer's own stack: a custom role given to a user, delegation to the operator, alerts with recipients.

It runs with an API token of one of the enterprise's superusers (delegation can only be granted
by the customer). The enterprise and the webhook URL come from config; the webhook is a secret.
"""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()
enterprise_id = config.require("enterpriseId")

role = velocloud.CustomRole(
    "edge-ops",
    enterprise_id=enterprise_id,
    name="Edge Operators",
    description="edges and alerts",
    privileges=["Edge Management", "Alert Management"],
)
olga = velocloud.EnterpriseUser(
    "olga",
    enterprise_id=enterprise_id,
    username="olga@access.example",
    role=role.name,
    password=config.require_secret("userPassword"),
)
velocloud.EnterpriseDelegation(
    "delegation",
    enterprise_id=enterprise_id,
    to_operator=True,
    user_management_to_operator=True,
)
velocloud.AlertConfiguration(
    "alerts",
    enterprise_id=enterprise_id,
    alerts=[
        velocloud.AlertArgs(name="EDGE_DOWN", first_notification_seconds=300),
        velocloud.AlertArgs(name="LINK_DOWN", max_notifications=3),
    ],
    emails=["noc@access.example"],
    webhooks=[{"url": config.require_secret("webhookUrl"), "template": '{"alert": "{{name}}"}'}],
)
pulumi.export("role_id", role.vco_id)
pulumi.export("user_role", olga.role)
