"""The acceptance ladder for CustomRole, EnterpriseDelegation and AlertConfiguration with the real CLI.

The stack runs as the customer (an Enterprise Superuser's token): up -> changes
made by hand (role description, a delegation flag, an alert delay, our e-mail recipient) are shown
field by field by `preview --refresh --expect-no-changes` -> `up --refresh` heals them -> the
webhook URL is only in Pulumi's secret envelope -> destroy leaves the data it did not make
(another role, another recipient, another alert) and puts the delegation flags back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.settings import Settings
from vco_emulator.process import EmulatorProcess

from ..emulator.helpers import GATEWAY_POOL, OPERATOR_PROFILE
from ..provider.access_helpers import customer_token
from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "access.py").read_text()
HOOK = "https://hooks.example/services/T0/B0/very-secret-token"


def test_access_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    created = client.v2.create_enterprise(
        {"name": "Access Corp", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    )
    ent = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == created.logical_id)
    token = customer_token(client, {"vco_id": ent}, "admin@access.example")
    customer = VcoClient(Settings(url=vco.url, token=SecretStr(token)))
    # data this stack does not own
    client.v1.set_enterprise_all_alerts_recipients(
        ent, {"emailEnabled": True, "emailList": ["boss@access.example"]}
    )
    client.v1.insert_or_update_enterprise_alert_configurations(ent, [{"name": "EDGE_UP", "enabled": True}])
    client.v1.create_composite_role(ent, "Auditors", "", [2006])

    token_file = tmp_path / "customer-token"
    token_file.write_text(token)
    stack = stack_for(make_project(tmp_path / "access", PROGRAM), vco, token_file=token_file)
    stack.run(
        "config",
        "set-all",
        "--plaintext",
        f"enterpriseId={created.logical_id}",
        "--secret",
        "userPassword=olga-Secret-1",
        "--secret",
        f"webhookUrl={HOOK}",
    )
    stack.run("up", "--yes")
    out = json.loads(stack.run("stack", "output", "--json").stdout)
    roles = {r.name: r.id for r in client.v1.get_composite_roles(ent)}
    assert roles["Edge Operators"] == out["role_id"] and out["user_role"] == "Edge Operators"
    [olga] = [u for u in client.v1.get_enterprise_users(ent) if u.username == "olga@access.example"]
    assert olga.role_id == out["role_id"]
    delegated = customer.v1.is_enterprise_delegated(ent, "EnterpriseUserManagementDelegatedToOperator")
    assert delegated is True
    alerts = {c.name: c for c in client.v1.get_enterprise_alert_configurations(ent)}
    assert (
        alerts["EDGE_DOWN"].first_notification_seconds == 300 and alerts["LINK_DOWN"].max_notifications == 3
    )
    recipients = client.v1.get_enterprise_all_alerts_recipients(ent)
    assert recipients.email_list == [
        "boss@access.example",
        "noc@access.example",
    ] and recipients.webhook_list == [HOOK]

    # by hand: the role's description, a delegation flag, an alert's delay, our recipient
    client.v1.update_composite_role(ent, out["role_id"], {"description": "changed by hand"})
    customer.v1.set_enterprise_delegated(ent, "EnterpriseUserManagementDelegatedToOperator", False)
    client.v1.insert_or_update_enterprise_alert_configurations(
        ent, [{"name": "EDGE_DOWN", "firstNotificationSeconds": 60}]
    )
    client.v1.set_enterprise_all_alerts_recipients(
        ent, {"emailEnabled": True, "emailList": ["boss@access.example"]}
    )
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0
    for seen in (  # each field changed by hand, old => new, in the refresh part of the preview
        r'description\s*: "edges and alerts" => "changed by hand"',
        r"user_management_to_operator\s*: true => false",
        r"first_notification_seconds\s*: 300 => 60",
        r'- \[0\]: "noc@access.example"',
    ):
        assert re.search(seen, drift.stdout), (seen, drift.stdout)
    assert HOOK not in drift.stdout
    stack.run("up", "--refresh", "--yes")
    assert stack.run("preview", "--refresh", "--expect-no-changes", check=False).returncode == 0
    assert customer.v1.is_enterprise_delegated(ent, "EnterpriseUserManagementDelegatedToOperator") is True
    assert HOOK not in stack.run("stack", "export").stdout, "the webhook URL only inside the secret envelope"

    stack.run("destroy", "--yes")
    assert [r.name for r in client.v1.get_composite_roles(ent)] == ["Auditors"]
    assert [u.username for u in client.v1.get_enterprise_users(ent)] == ["admin@access.example"]
    after = client.v1.get_enterprise_all_alerts_recipients(ent)
    assert after.email_list == ["boss@access.example"] and after.webhook_list == []
    assert {c.name: c.enabled for c in client.v1.get_enterprise_alert_configurations(ent)} == {
        "EDGE_DOWN": False,
        "LINK_DOWN": False,
        "EDGE_UP": True,
    }
    assert customer.v1.is_enterprise_delegated(ent, "EnterpriseUserManagementDelegatedToOperator") is False
    assert customer.v1.is_enterprise_delegated(ent, "EnterpriseDelegatedToOperator") is True
    customer.session.close()
