"""Pure pieces of issue 10: patch judgement, rule positions in the description, untouched-rule
verification, and the state surgery of `velocloud recover`."""

from __future__ import annotations

from typing import Any

from pulumi_velocloud.cli import interrupted_run as ir
from pulumi_velocloud.client import json_patch
from pulumi_velocloud.mechanisms import module_edits as me
from pulumi_velocloud.mechanisms.provider_base import CHECKED_AT


def test_a_patch_is_reached_when_its_removes_and_values_are_there() -> None:
    before = {"ntp": {"enabled": True}, "lan": {"networks": [1]}}
    target = {"lan": {"networks": [1]}, "softwareUpdate": {"windowed": True}}
    patch = json_patch.diff(before, target)
    assert not json_patch.reached(before, target, patch)
    assert json_patch.reached({**target, "extra": 1}, target, patch)
    assert json_patch.reached(
        {"lan": {"networks": [1]}, "softwareUpdate": {"windowed": True, "day": 0}}, target, patch
    )
    assert not json_patch.reached({"softwareUpdate": {"windowed": False}}, target, patch)


def test_changes_outside_the_written_paths_are_named() -> None:
    before = {"a": {"x": 1, "y": 2}, "b": [1, 2], "c": 3}
    patch = [{"op": "replace", "path": "/a/x", "value": 9}]
    assert json_patch.changed_elsewhere(before, {"a": {"x": 9, "y": 2}, "b": [1, 2], "c": 3}, patch) == []
    assert json_patch.changed_elsewhere(before, {"a": {"x": 5, "y": 7}, "b": [1], "c": 3, "d": 0}, patch) == [
        "/a/y",
        "/b",
    ]
    assert json_patch.changed_elsewhere(before, {"a": {"x": 9, "y": 2}, "b": [1, 2]}, patch) == ["/c"]


def doc(*rules: dict[str, Any]) -> dict[str, Any]:
    return {"firewall_enabled": True, "segments": [{"segment": {"segmentId": 0}, "outbound": list(rules)}]}


def test_positions_live_in_the_description_and_come_back_in_the_rules() -> None:
    ours = {"name": "a", me.RULE_ID: "r1", me.POSITION: 3}
    hand = {"name": "ui", me.RULE_ID: "ui-1"}
    stored, description = me.stored_form(doc(hand, ours), "made by hand")
    assert me.POSITION not in str(stored)
    assert description == "made by hand\n" + me.POSITIONS_MARKER + '{"r1":3}'
    assert me.positions_in(description) == ("made by hand", {"r1": 3})
    assert me.with_positions(stored, description) == doc(hand, ours)
    assert me.stored_form(stored, description) == (stored, "made by hand")  # no managed rule left
    legacy = doc({**ours, me.POSITION: 5})
    assert me.with_positions(legacy, description) == legacy  # a rule that kept its own position wins


def test_untouched_rules_and_fields_must_read_back_as_they_were() -> None:
    hand = {"name": "ui", me.RULE_ID: "ui-1", "action": {"allow_or_deny": "deny"}}
    ours = {"name": "a", me.RULE_ID: "r1"}
    before = doc(hand)
    written = doc(hand, ours)
    assert me.untouched_changes(before, written, written) == []
    assert me.untouched_changes(before, written, doc(ours)) == ["rule 'ui' (ui-1)"]
    assert me.untouched_changes(before, written, {**written, "firewall_enabled": False}) == [
        "field firewall_enabled"
    ]
    assert me.fields_not_kept({"name": "a", "loggingEnabled": True, "x": None}, {"name": "a"}) == [
        "loggingEnabled"
    ]


STATE_EDGE = "urn:pulumi:s::p::pulumi-python:dynamic/velocloud:Edge::edge-1"
STATE_ENT = "urn:pulumi:s::p::pulumi-python:dynamic/velocloud:Enterprise::acme"


def test_recover_adds_the_claimed_resources_after_their_dependencies_and_drops_their_pending_ops() -> None:
    pending_edge = {
        "urn": STATE_EDGE,
        "type": ir.TYPE_PREFIX + "Edge",
        "inputs": {"name": "edge-1", "__provider": "p", CHECKED_AT: "2027-01-15T08:00:00.000000Z"},
        "dependencies": [STATE_ENT],
        "additionalSecretOutputs": ["activation_key"],
    }
    deployment = {
        "resources": [{"urn": "stack"}],
        "pending_operations": [
            {"type": "creating", "resource": pending_edge},
            {"type": "creating", "resource": {"urn": "other"}},
        ],
    }
    preview = {
        "steps": [
            {
                "op": "create",
                "newState": {"urn": STATE_ENT, "type": ir.TYPE_PREFIX + "Enterprise", "inputs": {}},
            },
            {
                "op": "create",
                "newState": {
                    "urn": STATE_EDGE,
                    "type": ir.TYPE_PREFIX + "Edge",
                    "inputs": {"name": "edge-1"},
                },
            },
            {"op": "same", "newState": {"urn": "stack", "type": "pulumi:pulumi:Stack"}},
        ]
    }
    wanted = ir.wanted_creates(preview, deployment)
    assert [w.kind for w in wanted] == ["Enterprise", "Edge"] and wanted[1].pending == pending_edge
    assert ir.checked_at(pending_edge["inputs"]) == 1_800_000_000.0
    edge = ir.state_resource(
        wanted[1], "e-1", {"name": "edge-1", "activation_key": "K", "md5Password": "x"}, set()
    )
    assert edge["outputs"] == {"name": "edge-1", "__provider": "p"} and edge["id"] == "e-1"
    ent = ir.state_resource(wanted[0], "a-1", {"name": "acme"}, set())
    out = ir.with_recovered({"deployment": deployment}, [edge, ent], {STATE_EDGE})
    assert [r["urn"] for r in out["deployment"]["resources"]] == ["stack", STATE_ENT, STATE_EDGE]
    assert [op["resource"]["urn"] for op in out["deployment"]["pending_operations"]] == ["other"]


def test_a_state_without_stack_or_provider_needs_the_stack_made_first() -> None:
    stack_urn = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s"
    provider = "urn:pulumi:s::p::pulumi:providers:pulumi-python::default"
    state = {"urn": STATE_EDGE, "parent": stack_urn, "provider": f"{provider}::{ir.UNKNOWN}"}
    wanted = [ir.Wanted(STATE_EDGE, "Edge", state, None)]
    assert ir.missing_scaffold({"resources": []}, wanted) == stack_urn
    assert ir.missing_scaffold({"resources": [{"urn": stack_urn}]}, wanted) == stack_urn
    assert ir.missing_scaffold({"resources": [{"urn": stack_urn}, {"urn": provider}]}, wanted) is None
