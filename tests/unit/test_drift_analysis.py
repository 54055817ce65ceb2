"""Drift analysis over a checkpoint and a `pulumi preview --refresh --json` document (pure logic)."""

from __future__ import annotations

from typing import Any

import jsonschema

from pulumi_velocloud.cli.drift_analysis import analyse, differing, masked
from pulumi_velocloud.cli.drift_report import (
    SECRET,
    FieldDrift,
    ResourceDrift,
    UnmanagedObject,
    build_report,
    cell,
    render_markdown,
    report_schema,
)

T = "pulumi-python:dynamic/velocloud:"
CIPHER = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:abc"}


def urn(kind: str, name: str) -> str:
    return f"urn:pulumi:dev::proj::{T}{kind}::{name}"


def res(
    kind: str, name: str, inputs: dict[str, Any], outputs: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {
        "urn": urn(kind, name),
        "type": T + kind,
        "id": f"id-{name}",
        "inputs": inputs,
        "outputs": outputs,
        **extra,
    }


def step(op: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, Any]:
    return {"op": op, "urn": (old or new or {})["urn"], "oldState": old, "newState": new}


def export(*resources: dict[str, Any]) -> dict[str, Any]:
    stack = {"urn": "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", "type": "pulumi:pulumi:Stack"}
    return {"version": 3, "deployment": {"resources": [stack, *resources]}}


EDGE_IN = {"name": "nyc", "description": "d", "__provider": "pickled-1"}
EDGE_OUT = {"name": "nyc", "description": "d", "edge_state": "CONNECTED", "activation_key": CIPHER}


def test_a_field_changed_on_the_orchestrator_is_drift_declared_to_found() -> None:
    before = res("Edge", "nyc", EDGE_IN, EDGE_OUT, additionalSecretOutputs=["activation_key"])
    refreshed = res(
        "Edge",
        "nyc",
        EDGE_IN,
        {**EDGE_OUT, "name": "nyc-by-hand", "edge_state": "OFFLINE", "activation_key": SECRET},
        additionalSecretOutputs=["activation_key"],
    )
    new = {**refreshed, "outputs": {}, "inputs": {**EDGE_IN, "__provider": "pickled-2"}}
    count, drift, pending = analyse(
        export(before), {"steps": [step("refresh", before, before), step("update", refreshed, new)]}
    )
    assert count == 1 and pending == []
    assert drift == [
        ResourceDrift(
            type="Edge",
            name="nyc",
            urn=urn("Edge", "nyc"),
            id="id-nyc",
            status="changed",
            fields=[FieldDrift(field="name", declared="nyc", found="nyc-by-hand")],
        )
    ], "an output-only field moved by the Orchestrator is not drift; the pickled provider is ignored"


def test_a_program_change_is_pending_not_drift_and_a_recreated_resource_was_deleted() -> None:
    edge = res("Edge", "nyc", EDGE_IN, EDGE_OUT)
    rule = res("FirewallRule", "web", {"name": "web"}, {"name": "web"})
    changed = {**edge, "inputs": {**EDGE_IN, "description": "new text"}, "outputs": {}}
    doc = {
        "steps": [
            step("update", edge, changed),
            step("create", None, {**rule, "outputs": {}}),
            step("create", None, res("Edge", "new-one", EDGE_IN, {})),
            step("delete", res("Profile", "old", {}, {}), None),
        ]
    }
    count, drift, pending = analyse(export(edge, rule, res("Profile", "old", {}, {})), doc)
    assert count == 3
    assert [(d.name, d.status, d.fields) for d in drift] == [("web", "deleted", [])]
    assert [(p.name, p.op, p.fields) for p in pending] == [
        ("nyc", "update", ["description"]),
        ("new-one", "create", []),
        ("old", "delete", []),
    ]


def test_secrets_never_compared_nor_shown_and_a_hidden_change_is_still_reported() -> None:
    inputs = {"snmp": CIPHER, "ntp": {"servers": ["a"]}}
    before = res(
        "ProfileDeviceSettings", "s", inputs, {"values": {"/ntp/servers": ["a"]}, "secret_values": CIPHER}
    )
    refreshed = {
        **before,
        "inputs": {**inputs, "snmp": SECRET},
        "outputs": {"values": {"/ntp/servers": ["a"]}, "secret_values": SECRET},
    }
    new = {**refreshed, "outputs": {}}
    _, drift, pending = analyse(export(before), {"steps": [step("update", refreshed, new)]})
    assert pending == []
    assert drift[0].fields == [FieldDrift(field="(a value not shown: secret)", declared=SECRET, found=SECRET)]
    assert masked({"a": [CIPHER], "b": 1}) == {"a": [SECRET], "b": 1}
    assert masked("x", frozenset({"k"}), "k") == SECRET


def test_differing_follows_dicts_and_compares_numbers_as_pulumi_hands_them_back() -> None:
    assert differing({"a": {"b": 1, "c": [1]}}, {"a": {"b": 1.0, "c": [2]}}) == [("a.c", [1], [2])]
    assert differing({"values": {"/ntp": 1}}, {"values": {"/ntp": 2}}) == [("/ntp", 1, 2)]
    assert differing({"x": True}, {"x": 1}) == [("x", True, 1)]
    assert differing({"x": SECRET}, {"x": "other"}) == []


def test_report_counts_schema_and_markdown() -> None:
    drift = [
        ResourceDrift(
            type="Edge",
            name="nyc",
            urn="u1",
            id="e1",
            status="changed",
            fields=[FieldDrift(field="name", declared="a|b", found="x" * 200)],
        ),
        ResourceDrift(type="FirewallRule", name="web", urn="u2", id="r1", status="deleted"),
    ]
    info = [
        UnmanagedObject(kind="Edge", name="lab", id=None, scope="enterprise 'A'", note="made outside Pulumi")
    ]
    report = build_report("dev", 7, drift, [], info, [])
    assert report.in_sync is False
    assert report.summary.model_dump() == {
        "resources": 7,
        "drifted": 1,
        "deleted": 1,
        "pending": 0,
        "unmanaged": 1,
    }
    jsonschema.validate(report.model_dump(mode="json"), report_schema())
    text = render_markdown(report)
    assert text.splitlines()[2].startswith("7 resources checked · 1 drifted · 1 deleted out of band")
    assert '| `nyc` | name | `"a\\|b"` |' in text and "…" in text
    assert "| Edge | lab | — | enterprise 'A' | made outside Pulumi |" in text
    assert cell(SECRET) == "`[secret]`"
    assert build_report("dev", 7, [], [], info, []).in_sync is True, "unmanaged objects are information only"
