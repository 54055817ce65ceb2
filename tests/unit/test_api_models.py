"""API models tolerate what the API promises to add: unknown fields and unknown enum values."""

from __future__ import annotations

from pulumi_velocloud.models.enterprise import EnterpriseV1, EnterpriseV2


def test_unknown_fields_and_enum_values_are_accepted() -> None:
    e = EnterpriseV2.model_validate(
        {"logicalId": "x", "name": "ACME", "endpointPkiMode": "CERT_FUTURE_MODE", "newField": {"a": 1}}
    )
    assert e.endpoint_pki_mode == "CERT_FUTURE_MODE"
    assert not hasattr(e, "newField")


def test_v1_tinyint_flags_become_booleans() -> None:
    e = EnterpriseV1.model_validate({"id": 1, "logicalId": "x", "name": "A", "alertsEnabled": 0})
    assert e.alerts_enabled is False
