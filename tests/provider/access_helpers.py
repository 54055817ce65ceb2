"""A customer's own superuser and API token, for resources only the customer may manage."""

from __future__ import annotations

from typing import Any

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.ids import VcoId

ADMIN_PASSWORD = "customer-Admin-1"


def customer_token(
    client: VcoClient, enterprise: dict[str, Any], username: str = "admin@acme.example"
) -> str:
    """Create an Enterprise Superuser of `enterprise` (as the operator) and download a token for it."""
    eid = VcoId(int(enterprise["vco_id"]))
    superuser = next(
        r.id for r in client.v1.get_user_type_roles("ENTERPRISE") if r.name == "Enterprise Superuser"
    )
    user = client.v1.insert_enterprise_user(
        eid, {"username": username, "password": ADMIN_PASSWORD, "roleId": superuser}
    )
    token_id = client.v1.create_api_token(
        eid, {"enterpriseUserId": user, "name": "stack", "lifetimeMs": 3_600_000}
    )
    return client.v1.download_api_token(eid, token_id)
