"""The checked-in v1 privilege table is exactly what the vendor spec's `x-privileges` say."""

from __future__ import annotations

import pytest

from scripts.gen_v1_privileges import find_spec, spec_table
from vco_emulator.domain.privileges import Requirement, decode, rule_for
from vco_emulator.domain.v1_privileges_table import TABLE


def test_table_matches_the_spec() -> None:
    spec = find_spec()
    if spec is None:
        pytest.skip("vendor spec not available (set VCO_API_SPECS)")
    assert spec_table(spec) == TABLE


def test_decoding_keeps_sufficient_required_and_flags() -> None:
    rule = decode(("ANY", "", ("UPDATE:ENTERPRISE_USER!", "READ:PROXY?"), "self=ENTERPRISE_USER"))
    assert rule.require == (
        Requirement("UPDATE", "ENTERPRISE_USER", required=True),
        Requirement("READ", "PROXY", sufficient=True),
    )
    assert rule.self_type == "ENTERPRISE_USER" and rule.admits("MSP_USER")
    assert not decode(("OPERATOR_USER", "", (), "")).admits("ENTERPRISE_USER")
    assert decode(("OPERATOR_USER", "", (), "conditional=ENTERPRISE_USER")).admits("ENTERPRISE_USER")


def test_methods_missing_from_the_table_default_to_enterprise_reads_and_updates() -> None:
    assert rule_for("enterprise/getEnterpriseEdgeList").require == (Requirement("READ", "ENTERPRISE"),)
    assert rule_for("enterprise/doSomethingNew").require == (Requirement("UPDATE", "ENTERPRISE"),)
    assert rule_for("network/getNetworkEnterprises").allow == frozenset({"OPERATOR_USER", "SERVICE_ACCOUNT"})
