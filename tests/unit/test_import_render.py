"""`velocloud import`'s pure parts: names, Python literals, the program text, device-settings baselines."""

from __future__ import annotations

import ast

from pulumi_velocloud.cli.import_read import (
    Declared,
    ImportedEnterprise,
    Ref,
    SecretRef,
    _differing,
    _majority,
    _Names,
    _SecretPaths,
    slug,
)
from pulumi_velocloud.cli.import_render import literal, program, readme


def test_names_are_stable_unique_and_valid_identifiers() -> None:
    assert slug("NYC / Branch #1") == "nyc-branch-1" and slug("!!!") == "unnamed"
    names = _Names()
    assert [names.name("Edge", "a"), names.name("Edge", "a"), names.name("Profile", "a")] == ["a", "a-2", "a"]
    assert [names.var("edge", "a-2"), names.var("", "1st"), names.var("", "config")] == [
        "edge_a_2",
        "_1st",
        "config_2",
    ]


def test_literals_are_python_and_spread_when_long() -> None:
    assert literal({"a": [1, 2.0, True, None], "b": 'x"y'}) == '{"a": [1, 2, True, None], "b": "x\\"y"}'
    assert literal(Ref("acme")) == "acme.id" and literal(Ref("guest", "name")) == "guest.name"
    assert literal(SecretRef("password-ops", "x")) == 'config.require_secret("password-ops")'
    long = literal({f"key{i}": "v" * 10 for i in range(8)}, 4)
    assert long.startswith("{\n        ") and long.endswith("\n    }")
    assert ast.literal_eval(long) == {f"key{i}": "v" * 10 for i in range(8)}


def test_program_groups_by_kind_references_variables_and_parses() -> None:
    result = ImportedEnterprise(name="ACME", logical_id="e-1", url="https://vco.example.net")
    result.resources = [
        Declared("Edge", "nyc", "edge_nyc", {"enterprise_id": Ref("acme"), "name": "nyc"}),
        Declared("Enterprise", "acme", "acme", {"name": "ACME"}),
        Declared(
            "EnterpriseUser", "ops", "user_ops", {"password": SecretRef("password-ops", "password of ops")}
        ),
    ]
    result.secrets = [SecretRef("password-ops", "password of ops")]
    text = program(result)
    ast.parse(text)
    assert (
        text.index("velocloud.Enterprise(")
        < text.index("velocloud.Edge(")
        < text.index("velocloud.EnterpriseUser(")
    )
    assert "enterprise_id=acme.id," in text and "config = pulumi.Config()" in text
    assert text.count("    adopt=True,\n") == 3
    assert "pulumi config set --secret password-ops ..." in readme(result)


def test_device_settings_keys_that_differ_from_the_defaults() -> None:
    defaults = {"ntp": {"enabled": False, "servers": []}, "lan": {"networks": [1]}}
    doc = {"ntp": {"enabled": True, "servers": []}, "lan": {"networks": [1]}, "snmp": {"x": 1}}
    assert _differing(doc, defaults) == {"ntp": {"enabled": True}, "snmp": {"x": 1}}
    profiles = [
        {"ntp": {"enabled": True}, "lan": 1, "segments": [{"segment": {"name": "G"}, "dns": 1, "nat": 1}]},
        {"ntp": {"enabled": True}, "lan": 2, "segments": [{"segment": {"name": "G"}, "dns": 1, "nat": 2}]},
    ]
    assert _majority(profiles) == {
        "ntp": {"enabled": True},
        "segments": [{"dns": 1, "segment": {"name": "G"}}],
    }
    # one profile changed by hand does not turn the others' values into declarations
    defaults = {"ntp": {"enabled": False, "servers": []}, "snmp": {"port": 161}}
    five = [defaults] * 4 + [{"ntp": {"enabled": True, "servers": ["10.0.0.1"]}, "snmp": {"port": 161}}]
    assert _majority(five) == defaults
    assert _differing(five[4], _majority(five)) == {"ntp": {"enabled": True, "servers": ["10.0.0.1"]}}
    assert _majority([{"a": 1}, {"a": 2}]) == {}, "no majority: nothing is a default"


def test_secret_looking_keys_become_stack_config_secrets() -> None:
    paths = _SecretPaths("hub-settings")
    out = paths.replace({"snmp": {"snmpv2c": {"community": "s3cret", "enabled": True}}}, "extra")
    assert out == {"snmp": {"snmpv2c": {"community": paths.found[0], "enabled": True}}}
    assert paths.found[0].key == "hub-settings-extra-snmp-snmpv2c-community"
