"""`velocloud drift` with the real `pulumi` CLI against the emulator, run as the installed console script.

in sync (exit 0) -> drift made through the API (an edge renamed, a rule deleted, a device-settings
key and the secret SNMP community changed, a rule and an edge added by hand) -> the report names
exactly those, hand-made objects only as information, no secret in any output (exit 2) ->
`pulumi up --refresh` heals -> in sync again with the hand-made objects still listed (exit 0) ->
a changed secret is reported as [secret] -> an unknown stack or a failing program is an error (exit 1).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pulumi_velocloud.client import VcoClient
from scripts.pulumi_cli import REPO, PulumiCli
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "drift.py").read_text()
COMMUNITY, COMMUNITY_BY_HAND = "drift-community-5c1e", "by-hand-community-93d2"
PASSWORD = "drift-password-0a7f4b"
SECRETS = (COMMUNITY, COMMUNITY_BY_HAND, PASSWORD)
SCHEMA = json.loads((REPO / "schemas" / "drift-report.schema.json").read_text())
VELOCLOUD = str(Path(sys.executable).with_name("velocloud"))


def velocloud(stack: PulumiCli, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [VELOCLOUD, *args, "--cwd", str(stack.project_dir)],
        env=stack.environment(),
        text=True,
        capture_output=True,
        timeout=600,
    )


def drift_json(stack: PulumiCli, *args: str) -> tuple[int, dict[str, Any], str]:
    run = velocloud(stack, "drift", "--stack", "test", "--format", "json", *args)
    assert run.returncode in (0, 2), run.stderr
    report = json.loads(run.stdout)
    jsonschema.validate(report, SCHEMA)
    return run.returncode, report, run.stdout + run.stderr


def summary(report: dict[str, Any]) -> set[tuple[Any, ...]]:
    return {
        (
            d["type"],
            d["name"],
            d["status"],
            tuple((f["field"], json.dumps(f["declared"]), json.dumps(f["found"])) for f in d["fields"]),
        )
        for d in report["drift"]
    }


def test_drift_report(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    stack = stack_for(make_project(tmp_path / "drift", PROGRAM), vco)
    stack.set_config("snmpCommunity", COMMUNITY, secret=True)
    stack.set_config("opsPassword", PASSWORD, secret=True)
    stack.run("up", "--yes")
    out = json.loads(stack.run("stack", "output", "--json").stdout)
    ent, profile = out["enterprise_id"], out["profile_id"]

    code, report, text = drift_json(stack)
    assert code == 0 and report["in_sync"] is True
    assert report["drift"] == [] and report["pending"] == [] and report["unmanaged"] == []
    assert report["summary"]["resources"] == 10

    # drift made through the API, as an operator would in the Orchestrator UI
    client.v2.update_edge(
        ent, out["edges"]["edge-2"], [{"op": "replace", "path": "/name", "value": "edge-2-by-hand"}]
    )
    ent_vco = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == ent)
    profile_vco = next(
        p.id for p in client.v1.get_enterprise_configurations(ent_vco) if p.logical_id == profile
    )
    (firewall,) = client.v1.get_configuration_modules(ent_vco, profile_vco, ["firewall"])
    data = dict(firewall.data or {})
    outbound = data["segments"][0]["outbound"]
    data["segments"][0]["outbound"] = [r for r in outbound if r.get("name") != "rule-1"] + [
        {
            "name": "ui-dns",
            "match": {"proto": 17, "dport_low": 53, "dport_high": 53},
            "action": {"allow_or_deny": "deny"},
        }
    ]
    client.v1.update_configuration_module(ent_vco, firewall.id, {"data": data})
    settings = client.v2.get_profile_device_settings(ent, profile)
    assert settings["ntp"]["servers"][1] == {"server": "1.pool.ntp.org"}
    client.v2.update_profile_device_settings(
        ent,
        profile,
        [
            {"op": "replace", "path": "/ntp/servers/1/server", "value": "10.9.9.9"},
            {"op": "replace", "path": "/snmp/snmpv2c/community", "value": COMMUNITY_BY_HAND},
        ],
    )
    hand_edge = client.v1.call(
        "edge/edgeProvision",
        {
            "enterpriseId": ent_vco,
            "configurationId": profile_vco,
            "modelNumber": "edge510",
            "name": "lab-edge",
        },
    )

    code, report, text = drift_json(stack)
    assert code == 2 and report["in_sync"] is False
    assert summary(report) == {
        ("Edge", "edge-2", "changed", (("name", '"edge-2"', '"edge-2-by-hand"'),)),
        ("FirewallRule", "rule-1", "deleted", ()),
        (
            "ProfileDeviceSettings",
            "branch-settings",
            "changed",
            (
                (
                    "/ntp/servers",
                    json.dumps([{"server": "0.pool.ntp.org"}, {"server": "1.pool.ntp.org"}]),
                    json.dumps([{"server": "0.pool.ntp.org"}, {"server": "10.9.9.9"}]),
                ),
            ),
        ),
    }
    assert report["pending"] == []
    assert {(u["kind"], u["name"], u["note"]) for u in report["unmanaged"]} == {
        ("FirewallRule", "ui-dns", "made outside Pulumi"),
        ("Edge", "lab-edge", "no resource of the checked stacks declares it"),
    }
    assert report["summary"] == {"resources": 10, "drifted": 2, "deleted": 1, "pending": 0, "unmanaged": 2}
    assert not any(secret in text for secret in SECRETS)

    markdown = velocloud(stack, "drift", "--stack", "test", "--json-file", str(tmp_path / "drift.json"))
    assert markdown.returncode == 2, markdown.stderr
    assert '| `edge-2` | name | `"edge-2"` | `"edge-2-by-hand"` |' in markdown.stdout
    assert "### FirewallRule" in markdown.stdout and "**deleted out of band**" in markdown.stdout
    assert "(information, not drift)" in markdown.stdout
    assert json.loads((tmp_path / "drift.json").read_text())["summary"]["drifted"] == 2
    assert not any(secret in markdown.stdout + markdown.stderr for secret in SECRETS)

    stack.run("up", "--refresh", "--yes")
    code, report, text = drift_json(stack)
    assert code == 0 and report["in_sync"] is True and report["drift"] == []
    assert {u["name"] for u in report["unmanaged"]} == {"ui-dns", "lab-edge"}, "information, not drift"
    assert hand_edge["id"]

    # only the secret changed: reported without its value
    client.v2.update_profile_device_settings(
        ent, profile, [{"op": "replace", "path": "/snmp/snmpv2c/community", "value": COMMUNITY_BY_HAND}]
    )
    code, report, text = drift_json(stack)
    assert code == 2
    assert summary(report) == {
        (
            "ProfileDeviceSettings",
            "branch-settings",
            "changed",
            (("(a value not shown: secret)", '"[secret]"', '"[secret]"'),),
        )
    }
    assert not any(secret in text for secret in SECRETS)

    failed = velocloud(stack, "drift", "--stack", "no-such-stack")
    assert failed.returncode == 1 and "no-such-stack" in failed.stderr
    stack.run("config", "rm", "opsPassword")  # the program now fails: an error, not drift
    failed = velocloud(stack, "drift", "--stack", "test")
    assert failed.returncode == 1 and "opsPassword" in failed.stderr, failed.stderr
