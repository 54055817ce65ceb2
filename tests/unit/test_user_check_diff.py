"""EnterpriseUser check (no API calls, the password never shown) and diff (password by fingerprint)."""

from __future__ import annotations

from typing import Any

from pulumi.output import Unknown

from pulumi_velocloud.mechanisms.secret_fingerprint import fingerprint
from pulumi_velocloud.resources.user import EnterpriseUserProvider

USER = EnterpriseUserProvider()
INPUTS: dict[str, Any] = {
    "enterprise_id": "ent", "username": "ops@acme.example", "role": "Enterprise Superuser",
    "password": "correct-horse-1", "first_name": "Olga",
}  # fmt: skip
OUTPUTS: dict[str, Any] = {
    "vco_id": 3, "enterprise_id": "ent", "enterprise_vco_id": 5, "username": "ops@acme.example",
    "role": "Enterprise Superuser", "role_id": 9, "first_name": "Olga", "last_name": None,
    "email": "ops@acme.example", "is_active": True, "password_modified": "2024-01-01T00:00:00.000Z",
    "password_fingerprint": fingerprint("correct-horse-1"),
}  # fmt: skip


def failures(news: dict[str, Any]) -> dict[str, str]:
    return {f.property: f.reason for f in USER.check({}, news).failures}


def test_check_names_fields_but_never_shows_the_password() -> None:
    assert failures(INPUTS) == {}
    f = failures({**INPUTS, "username": "ops", "email": "x@", "password": "hunter2"})
    assert "username = 'ops'" in f["username"] and "email = 'x@'" in f["email"]
    assert "hunter2" not in f["password"] and "at least 8 characters" in f["password"]
    assert "Field required" in failures({k: v for k, v in INPUTS.items() if k != "password"})["password"]
    assert failures({**INPUTS, "password": Unknown()}) == {}


def test_no_diff_for_the_same_password_role_case_and_defaulted_email() -> None:
    same = {**INPUTS, "role": "enterprise SUPERUSER"}
    assert USER.diff("3", OUTPUTS, same).changes is False, USER.changed_fields(OUTPUTS, same)


def test_a_new_password_changes_in_place_and_the_fingerprint_is_salted() -> None:
    assert USER.changed_fields(OUTPUTS, {**INPUTS, "password": "another-one-2"}) == ["password"]
    assert USER.diff("3", OUTPUTS, {**INPUTS, "password": "another-one-2"}).replaces == []
    assert fingerprint("same-password") != fingerprint("same-password")
    assert "correct-horse-1" not in OUTPUTS["password_fingerprint"]


def test_an_unknown_fingerprint_or_password_is_a_change() -> None:
    assert USER.changed_fields({**OUTPUTS, "password_fingerprint": None}, INPUTS) == ["password"]
    assert "password" in USER.changed_fields(OUTPUTS, {**INPUTS, "password": Unknown()})


def test_username_and_enterprise_replace_the_user_deleting_first() -> None:
    result = USER.diff("3", OUTPUTS, {**INPUTS, "username": "o2@acme.example", "role": "Enterprise Support"})
    assert result.replaces == ["username"] and result.delete_before_replace is True
    assert USER.changed_fields(OUTPUTS, {**INPUTS, "role": "Enterprise Support"}) == ["role"]
