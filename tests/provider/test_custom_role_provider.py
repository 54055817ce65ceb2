"""CustomRole provider (and a user holding the role), called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.custom_role import CustomRoleProvider
from pulumi_velocloud.resources.user import EnterpriseUserProvider


def role_inputs(enterprise: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "name": "Edge Operators",
        "privileges": ["edge management"],
        **extra,
    }


def test_custom_role_lifecycle_with_a_user(enterprise: dict[str, Any], client: VcoClient) -> None:
    p = CustomRoleProvider()
    news = role_inputs(enterprise)
    created = p.create(news)
    outs = created.outs
    assert outs is not None and created.id == str(outs["vco_id"])
    assert outs["privileges"] == ["Edge Management"] and len(outs["functional_role_ids"]) == 1
    assert p.diff(created.id, outs, news).changes is False
    assert p.read(created.id, outs).outs == outs

    users = EnterpriseUserProvider()
    user_news = {
        "enterprise_id": enterprise["logical_id"],
        "username": "olga@acme.example",
        "role": "edge operators",
        "password": "first-Secret-1",
    }
    user = users.create(user_news).outs
    assert user is not None and user["role"] == "Edge Operators" and user["role_id"] == outs["vco_id"]

    # drift: a rename by hand shows as a change of that field only; update puts it back in place
    eid = outs["enterprise_vco_id"]
    client.v1.update_composite_role(eid, outs["vco_id"], {"name": "Renamed", "description": "by hand"})
    drifted = p.read(created.id, outs).outs
    assert drifted is not None and drifted["name"] == "Renamed"
    assert p.changed_fields(drifted, news) == ["name", "description"]
    wider = {**news, "privileges": ["Edge Management", "Alert Management"]}
    updated = p.update(created.id, drifted, wider).outs
    assert updated is not None and updated["name"] == "Edge Operators" and updated["description"] is None
    assert updated["privileges"] == ["Alert Management", "Edge Management"]
    assert p.diff(created.id, updated, wider).changes is False

    # held by a user: deleting the role fails and names the user; without the user it goes
    with pytest.raises(VcoResourceError, match=r"olga@acme\.example"):
        p.delete(created.id, updated)
    users.delete(str(user["vco_id"]), user)
    p.delete(created.id, updated)
    assert p.read(created.id, updated).id is None
    p.delete(created.id, updated)  # already gone: still fine


def test_custom_role_errors_name_the_field_and_value(enterprise: dict[str, Any]) -> None:
    p = CustomRoleProvider()
    with pytest.raises(VcoResourceError, match=r"privileges: \['Firewall God'\].*'Edge Management'"):
        p.create(role_inputs(enterprise, privileges=["Firewall God"]))
    first = p.create(role_inputs(enterprise))
    assert first.outs is not None
    with pytest.raises(VcoResourceError, match=r"already has a role named 'Edge Operators'.*adopt=True"):
        p.create(role_inputs(enterprise, name="EDGE operators"))
    adopted = p.create(role_inputs(enterprise, name="Edge Operators", adopt=True, description="adopted"))
    assert adopted.outs is not None and adopted.id == first.id and adopted.outs["description"] == "adopted"
    with pytest.raises(
        VcoResourceError, match=r"role: role 'Nope' is not an enterprise role.*'Edge Operators'"
    ):
        EnterpriseUserProvider().create(
            {
                "enterprise_id": enterprise["logical_id"],
                "username": "x@acme.example",
                "role": "Nope",
                "password": "first-Secret-1",
            }
        )
    failures = p.check(
        {}, {"enterprise_id": enterprise["logical_id"], "name": "R", "privileges": []}
    ).failures
    assert failures and "privileges" in failures[0].reason
