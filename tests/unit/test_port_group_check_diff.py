"""PortGroup check (protocols and port ranges, no API calls) and diff (entries as a set)."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.resources.port_group import PortGroupProvider, port_key

GROUP = PortGroupProvider()


def failures(*entries: dict[str, Any]) -> list[str]:
    return [
        f.reason
        for f in GROUP.check({}, {"enterprise_id": "e", "name": "Web", "ports": list(entries)}).failures
    ]


@pytest.mark.parametrize(
    "entry",
    [
        {"protocol": "tcp", "port_low": 0},
        {"protocol": "UDP", "port_low": 65535},
        {"protocol": 6, "port_low": 80, "port_high": 80},
        {"protocol": 17, "port_low": 5060, "port_high": 5080},
        {"protocol": 6.0, "port_low": 443.0},  # numbers as Pulumi hands them over
    ],
)
def test_valid_entries(entry: dict[str, Any]) -> None:
    assert failures(entry) == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            {"protocol": "icmp", "port_low": 1},
            "ports.0.protocol = 'icmp' is invalid: port groups take protocol tcp",
        ),
        ({"protocol": 1, "port_low": 1}, "ports.0.protocol = 1 is invalid"),
        ({"protocol": True, "port_low": 1}, "ports.0.protocol = True is invalid"),
        ({"protocol": "tcp", "port_low": -1}, "ports.0.port_low = -1 is invalid"),
        ({"protocol": "tcp", "port_low": 1, "port_high": 65536}, "ports.0.port_high = 65536 is invalid"),
        (
            {"protocol": "tcp", "port_low": 100, "port_high": 50},
            "ports.0.port_high = 50 is invalid: port_high must not be below port_low 100",
        ),
        ({"protocol": "tcp"}, "ports.0.port_low = missing is invalid"),
    ],
)
def test_invalid_entries_name_index_field_and_value(entry: dict[str, Any], message: str) -> None:
    [reason] = failures(entry)
    assert message in reason, reason


def test_reorder_and_omitted_port_high_are_no_change() -> None:
    outputs = {
        "enterprise_id": "e",
        "name": "Web",
        "description": None,
        "ports": [
            {"protocol": "udp", "port_low": 53, "port_high": 53},
            {"protocol": "tcp", "port_low": 443, "port_high": 443},
        ],
    }
    inputs = {
        "enterprise_id": "e",
        "name": "Web",
        "ports": [{"protocol": 6, "port_low": 443}, {"protocol": "UDP", "port_low": 53}],
    }
    assert GROUP.diff("g", outputs, inputs).changes is False, GROUP.changed_fields(outputs, inputs)
    wider = {**inputs, "ports": [{"protocol": "tcp", "port_low": 443, "port_high": 444}, inputs["ports"][1]]}
    assert GROUP.changed_fields(outputs, wider) == ["ports"]
    assert port_key({"proto": 6, "port_low": 1}) == port_key(
        {"protocol": "tcp", "port_low": 1, "port_high": 1}
    )


def test_numbers_as_floats_compare_like_ints() -> None:
    assert port_key({"protocol": 6.0, "port_low": 443.0}) == (6, 443, 443)
    assert repr(port_key({"proto": 17.0, "port_low": 1.0})) == repr(
        port_key({"protocol": "udp", "port_low": 1})
    )


def icmp_failures(*entries: dict[str, Any]) -> list[str]:
    inputs = {"enterprise_id": "e", "name": "Ping", "icmp": list(entries)}
    return [f.reason for f in GROUP.check({}, inputs).failures]


def test_icmp_entries_are_declared_by_type_and_code_range() -> None:
    assert (
        icmp_failures({"icmp_type": 8, "code_low": 0}, {"protocol": 58, "icmp_type": 128, "code_low": 0})
        == []
    )
    [reason] = icmp_failures({"protocol": "tcp", "icmp_type": 8, "code_low": 0})
    assert "icmp.0.protocol = 'tcp' is invalid: ICMP entries take protocol icmp (1) or icmpv6 (58)" in reason
    [reason] = icmp_failures({"icmp_type": 3, "code_low": 4, "code_high": 1})
    assert "icmp.0.code_high = 1 is invalid: code_high must not be below code_low 4" in reason
    [reason] = icmp_failures({"icmp_type": 256, "code_low": 0})
    assert "icmp.0.icmp_type = 256 is invalid" in reason


def test_icmp_entries_as_the_orchestrator_holds_them_compare_with_inputs() -> None:
    # a real port group (docs/evidence.md section 6): ICMP entries carry type and codes, no ports
    data = [
        {"proto": 6, "port_low": 9090, "port_high": 9090},
        {"proto": 1, "type": 2, "code_low": 3, "code_high": 3},
        {"proto": 58, "type": 4, "code_low": 5, "code_high": 5},
    ]
    outputs = {"enterprise_id": "e", "name": "Mixed", "description": None, **GROUP.output_data(data)}
    assert outputs["ports"] == [{"protocol": "tcp", "port_low": 9090, "port_high": 9090}]
    assert outputs["icmp"][1] == {"protocol": "icmpv6", "icmp_type": 4, "code_low": 5, "code_high": 5}
    inputs = {
        "enterprise_id": "e",
        "name": "Mixed",
        "ports": [{"protocol": "tcp", "port_low": 9090}],
        "icmp": [{"protocol": "icmpv6", "icmp_type": 4, "code_low": 5}, {"icmp_type": 2, "code_low": 3}],
    }
    assert GROUP.changed_fields(outputs, inputs) == []
    assert GROUP.changed_fields(outputs, {**inputs, "icmp": inputs["icmp"][:1]}) == ["icmp"]
    assert GROUP.wire_data(GROUP.args(inputs)) == [data[0], data[2], data[1]]
