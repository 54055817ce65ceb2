"""EnterpriseUser provider, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.user import EnterpriseUserProvider
from vco_emulator.process import EmulatorProcess

from .object_helpers import calls

PASSWORD = "first-Secret-1"


def can_log_in(vco: EmulatorProcess, username: str, password: str) -> bool:
    r = requests.post(
        f"{vco.url}/portal/rest/login/enterpriseLogin",
        json={"username": username, "password": password},
        timeout=10,
        allow_redirects=False,
    )
    return r.status_code == 200  # a failed login answers 302


def user_inputs(enterprise: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise["logical_id"],
        "username": "ops@acme.example",
        "role": "Enterprise Standard Admin",
        "first_name": "Olga",
        "password": PASSWORD,
        **extra,
    }


def test_user_lifecycle(enterprise: dict[str, Any], client: VcoClient, vco: EmulatorProcess) -> None:
    p = EnterpriseUserProvider()
    news = user_inputs(enterprise)
    before = calls(vco)
    created = p.create(news)
    assert calls(vco) - before <= 4, "create: list users, roles (cached after), insert, read back"
    outs = created.outs
    assert outs is not None and created.id == str(outs["vco_id"])
    assert outs["role"] == "Enterprise Standard Admin" and outs["email"] == "ops@acme.example"
    assert PASSWORD not in repr(outs), "the password is never an output"
    assert outs["password_fingerprint"] and outs["password_modified"]
    assert can_log_in(vco, "ops@acme.example", PASSWORD)
    assert p.diff(created.id, outs, news).changes is False
    read = p.read(created.id, outs).outs
    assert read == outs

    # role and name in place; the password only when it changes
    promoted = {**news, "role": "enterprise superuser", "last_name": "Ops"}
    assert p.changed_fields(outs, promoted) == ["role", "last_name"]
    updated = p.update(created.id, outs, promoted).outs
    assert updated is not None and updated["role"] == "Enterprise Superuser" and updated["last_name"] == "Ops"
    assert updated["password_modified"] == outs["password_modified"]
    assert p.diff(created.id, updated, promoted).changes is False

    renewed = {**promoted, "password": "second-Secret-2"}
    assert p.changed_fields(updated, renewed) == ["password"]
    assert p.diff(created.id, updated, renewed).replaces == []
    after = p.update(created.id, updated, renewed).outs
    assert after is not None and can_log_in(vco, "ops@acme.example", "second-Secret-2")
    assert p.diff(created.id, after, renewed).changes is False

    # a password changed by hand is seen through passwordModified and set again by update
    client.v1.update_enterprise_user(
        after["enterprise_vco_id"], after["vco_id"], {"password": "by-hand-3333"}
    )
    drifted = p.read(created.id, after).outs
    assert drifted is not None and p.changed_fields(drifted, renewed) == ["password"]
    p.update(created.id, drifted, renewed)
    assert can_log_in(vco, "ops@acme.example", "second-Secret-2")

    assert p.diff(created.id, after, {**renewed, "username": "o2@acme.example"}).replaces == ["username"]
    p.delete(created.id, after)
    assert p.read(created.id, after).id is None
    p.delete(created.id, after)


def test_user_taken_says_how_to_adopt_and_unknown_roles_list_the_allowed(enterprise: dict[str, Any]) -> None:
    p = EnterpriseUserProvider()
    with pytest.raises(VcoResourceError) as refused:
        p.create(user_inputs(enterprise, role="Janitor"))
    assert "'Janitor'" in str(refused.value) and "'Enterprise Read Only'" in str(refused.value)
    first = p.create(user_inputs(enterprise))
    with pytest.raises(VcoResourceError, match="set adopt=True"):
        p.create(user_inputs(enterprise))
    adopted = p.create(user_inputs(enterprise, adopt=True, password="adopted-Secret"))
    assert adopted.id == first.id and adopted.outs is not None and adopted.outs["password_fingerprint"]


def test_errors_never_show_the_password(enterprise: dict[str, Any]) -> None:
    p = EnterpriseUserProvider()
    with pytest.raises(VcoResourceError) as refused:
        p.create(user_inputs(enterprise, password="tiny"))
    assert "tiny" not in str(refused.value) and "password" in str(refused.value)
    [failure] = p.check({}, user_inputs(enterprise, password="tiny")).failures
    assert (
        failure.property == "password" and "tiny" not in failure.reason and "8 characters" in failure.reason
    )
