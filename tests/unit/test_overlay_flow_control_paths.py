"""OverlayFlowControl's mapping of inputs to document paths: only declared settings produce paths,
and every path names a setting of the spec's routing document (the emulator's spec defaults)."""

from __future__ import annotations

from pulumi_velocloud.mechanisms import managed_paths
from pulumi_velocloud.resources.overlay_flow_control import (
    PATHS,
    PREFERENCE,
    OverlayFlowControlArgs,
    declared,
)
from vco_emulator.domain.route_configuration import default_document


def test_only_declared_settings_become_paths() -> None:
    args = OverlayFlowControlArgs.model_validate(
        {"enterprise_id": "e", "hub": {"bgp_external": True, "static": False}, "partner_gateway": {}}
    )
    assert declared(args) == {"/hub/bgp/advertiseExternal": True, "/hub/assigned/advertiseStatic": False}
    prefs = OverlayFlowControlArgs.model_validate(
        {"enterprise_id": "e", "routing_preference": [{"entity": "HUB"}]}
    )
    assert declared(prefs) == {PREFERENCE: [{"entity": "HUB", "allow": True}]}


def test_every_path_is_a_boolean_setting_of_the_spec_document() -> None:
    document = default_document()
    for paths in PATHS.values():
        for path in paths.values():
            assert isinstance(managed_paths.get(document, path), bool), path
    assert isinstance(managed_paths.get(document, PREFERENCE), list)
