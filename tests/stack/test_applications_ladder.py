"""Applications by name with the real `pulumi` CLI: a firewall rule matching "BitTorrent" is written
with the application's numeric id, a refreshed preview is clean, and the id changed by hand in the
Orchestrator shows as drift of that rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pulumi_velocloud import get_application
from pulumi_velocloud.client import VcoClient
from vco_emulator.process import EmulatorProcess

from ..emulator.helpers import GATEWAY_POOL, OPERATOR_PROFILE
from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "applications.py").read_text()


def test_application_rule_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    enterprise = client.v2.create_enterprise(
        {"name": "Apps Corp", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    )
    ent = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == enterprise.logical_id)
    profile_vco_id = client.v1.clone_enterprise_template(ent, "Branch")
    profile = client.v1.get_configuration(ent, profile_vco_id)
    torrent = get_application(enterprise_id=enterprise.logical_id, name="BitTorrent", client=client)

    def firewall() -> tuple[int, dict[str, Any]]:
        (m,) = client.v1.get_configuration_modules(ent, profile_vco_id, ["firewall"])
        return m.id, dict(m.data or {})

    def rule(data: dict[str, Any]) -> dict[str, Any]:
        return next(r for r in data["segments"][0]["outbound"] if r["name"] == "block-p2p")

    stack = stack_for(make_project(tmp_path / "apps", PROGRAM), vco)
    stack.set_config("enterpriseId", enterprise.logical_id)
    stack.set_config("profileId", str(profile.logical_id))
    stack.run("up", "--yes")
    assert json.loads(stack.run("stack", "output", "--json").stdout)["torrentId"] == torrent.id
    match = rule(firewall()[1])["match"]
    assert (match["appid"], match["classid"]) == (torrent.id, torrent.class_id)
    clean = stack.run("preview", "--refresh", "--expect-no-changes", check=False)
    assert clean.returncode == 0, clean.stdout[-2000:]

    module_id, data = firewall()
    rule(data)["match"]["appid"] = torrent.id + 1  # another application, chosen in the UI
    client.v1.update_configuration_module(ent, module_id, {"data": data})
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0 and "block-p2p" in drift.stdout
    assert f"{torrent.id + 1}" in drift.stdout
