"""`velocloud import` contract with the real `pulumi` CLI: a seeded enterprise (>= 50 edges, 30 rules,
5 profiles) made through the API is written as a program; `pulumi up` on it writes nothing but what
adoption records, `pulumi preview --refresh --expect-no-changes` passes right after, the program
passes ruff, and a second import gives the same files."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from scripts.pulumi_cli import REPO, PulumiCli
from vco_emulator.process import EmulatorProcess

from ..cli.seed import COMMUNITY, PASSWORD, seed_enterprise

pytestmark = pytest.mark.stack
BIN = Path(sys.executable).parent
# The only writes adoption may make: rules get their ownership marks (ruleLogicalId, pulumiPosition) and the
# device settings their claim, both through updateConfigurationModule; user passwords cannot be read, so
# adoption sets them.
ADOPTION_WRITES = {"v1 configuration/updateConfigurationModule", "v1 enterpriseUser/updateEnterpriseUser"}
EDGES = int(os.environ.get("IMPORT_CONTRACT_EDGES", "50"))


def writes(stats_before: dict[str, int], stats_after: dict[str, int]) -> Counter[str]:
    changed = Counter({k: v - stats_before.get(k, 0) for k, v in stats_after.items()})
    reads = ("get", "list", "GET ")
    return Counter(
        {
            k: v
            for k, v in changed.items()
            if v > 0
            and not k.split(" ", 1)[-1].split("/")[-1].startswith(reads)
            and not k.startswith("v2 GET")
        }
    )


def documents(client: VcoClient, seeded: Any) -> list[Any]:
    """Every rule module and device-settings document of the seeded profiles, without Pulumi's marks."""
    out: list[Any] = []
    for pid, lid in seeded.profiles:
        for module in client.v1.get_configuration_modules(seeded.vco_id, pid, ["firewall", "QOS"]):
            out.append(module.data)
        out.append(client.v2.get_profile_device_settings(seeded.logical_id, lid))
    return [_unmarked(d) for d in out]


def _unmarked(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _unmarked(v) for k, v in value.items() if k not in ("ruleLogicalId", "pulumiPosition")}
    if isinstance(value, list):
        return [_unmarked(v) for v in value]
    return value


def velocloud_import(wanted: str, out: Path, vco: EmulatorProcess) -> subprocess.CompletedProcess[str]:
    """`velocloud import` as a user runs it: the connection from the environment."""
    return subprocess.run(
        [
            str(BIN / "velocloud"),
            "import",
            "--enterprise",
            wanted,
            "--out",
            str(out),
            "--cwd",
            str(out.parent),
            "--virtualenv",
            str(REPO / ".venv"),
        ],
        env={**os.environ, "VCO_URL": vco.url, "VCO_API_TOKEN": vco.token},
        text=True,
        capture_output=True,
        timeout=600,
    )


def test_import_then_up_adopts_without_changes(
    tmp_path: Path, vco: EmulatorProcess, client: VcoClient
) -> None:
    seeded = seed_enterprise(client, "Import Corp", edges=EDGES)
    out = tmp_path / "imported"
    run = velocloud_import(seeded.name, out, vco)
    assert run.returncode == 0, run.stderr
    program = (out / "__main__.py").read_text()
    counts = Counter(
        line.split("velocloud.")[1].split("(")[0] for line in program.splitlines() if " = velocloud." in line
    )
    assert counts["Edge"] == EDGES and counts["Profile"] >= 5 and counts["EdgeDeviceSettings"] == 1
    assert (counts["PortForwardingRule"], counts["OneToOneNatRule"], counts["EdgeWanLink"]) == (1, 1, 1)
    assert (
        counts["FirewallRule"] == seeded.firewall_rules >= 30
        and counts["BusinessPolicyRule"] == seeded.policies
    )
    assert program.count("    adopt=True,\n") == sum(counts.values())
    assert PASSWORD not in program and COMMUNITY not in program
    secrets = [
        line.split("--secret ")[1].split()[0] for line in run.stdout.splitlines() if "--secret " in line
    ]
    assert sorted(secrets) == [
        "hub-settings-extra-snmp-snmpv2c-community",
        "password-netops",
        "password-viewer",
    ]

    lint = subprocess.run(
        [
            str(BIN / "ruff"),
            "check",
            "--isolated",
            "--select",
            "E,F,W,I,B,UP",
            "--line-length",
            "120",
            str(out),
        ],
        text=True,
        capture_output=True,
    )
    assert lint.returncode == 0, lint.stdout

    stack = PulumiCli(project_dir=out, state_dir=tmp_path / "state", env={"VCO_API_TOKEN": vco.token})
    stack.select_stack("imported")
    stack.set_config("velocloud:url", vco.url)
    for key in secrets:
        stack.set_config(key, COMMUNITY if "community" in key else PASSWORD, secret=True)
    before, docs = vco.admin("GET", "stats")["byOperation"], documents(client, seeded)
    stack.run("up", "--yes")
    assert documents(client, seeded) == docs, "adoption only adds ownership marks"
    made = writes(before, vco.admin("GET", "stats")["byOperation"])
    print(f"import of {EDGES} edges, {seeded.firewall_rules} rules: writes during up: {dict(made)}")
    assert set(made) <= ADOPTION_WRITES, made
    assert made["v1 enterpriseUser/updateEnterpriseUser"] <= 2
    preview = stack.run("preview", "--refresh", "--expect-no-changes", check=False)
    assert preview.returncode == 0, preview.stdout + preview.stderr
    assert COMMUNITY not in stack.run("stack", "export").stdout

    again = velocloud_import(seeded.logical_id, tmp_path / "again", vco)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again" / "__main__.py").read_text().splitlines()[1:] == program.splitlines()[1:]
