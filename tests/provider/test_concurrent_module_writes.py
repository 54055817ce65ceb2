"""Issue 10, point 3: a concurrent edit of a module document is never lost silently.

Two provider processes each create 20 firewall rules in one profile at the same time, and a
person adds a rule by hand while both processes hold a read of the document they are about to
write (the emulator delays the answers of their first reads). Every rule a process reports as
created must be in the final document, and the hand-made rule too, unless a process reported
the conflict.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

from pulumi_velocloud.client import VcoClient
from scripts.pulumi_cli import REPO
from vco_emulator.process import EmulatorProcess

from .test_firewall_rule_provider import add_by_hand, outbound


def worker(vco: EmulatorProcess, provider: str, creates: dict[str, dict[str, Any]]) -> Any:
    """Start another provider process running these creates at once."""
    job = {"url": vco.url, "token_file": str(vco.token_file), "provider": provider, "creates": creates}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.provider.provider_worker", json.dumps(job)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def results(processes: list[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for process in processes:
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        out.update(json.loads(stdout))
    return out


def rule_inputs(
    enterprise: dict[str, Any], profile: dict[str, Any], prefix: str, first: int
) -> dict[str, dict[str, Any]]:
    """20 firewall rules' inputs, named PREFIX-NNN."""
    return {
        f"{prefix}-{n:03}": {
            "enterprise_id": enterprise["logical_id"],
            "profile_id": profile["logical_id"],
            "name": f"{prefix}-{n:03}",
            "position": n,
            "action": "allow",
            "match": {"protocol": "tcp", "destination_ports": str(2000 + n)},
        }
        for n in range(first, first + 20)
    }


FIREWALL_RULE = "pulumi_velocloud.resources.firewall_rule:FirewallRuleProvider"
PROFILE_SETTINGS = "pulumi_velocloud.resources.profile_device_settings:ProfileDeviceSettingsProvider"


def wait_for_faults(vco: EmulatorProcess, count: int) -> None:
    deadline = time.monotonic() + 60
    while vco.admin("GET", "stats")["faults"]["total"] < count:
        assert time.monotonic() < deadline, "the workers never made the slowed requests"
        time.sleep(0.02)


def test_two_processes_and_a_hand_edit_lose_nothing_silently(
    vco: EmulatorProcess, client: VcoClient, enterprise: dict[str, Any], profile: dict[str, Any]
) -> None:
    slow_reads = {
        "route": "getConfigurationModules",
        "fault": "latency",
        "latencySeconds": 2.0,
        "when": "after",
        "count": 2,
    }
    vco.admin("POST", "faults", {"seed": 3, "rules": [slow_reads]})
    processes = [
        worker(vco, FIREWALL_RULE, rule_inputs(enterprise, profile, "a", 0)),
        worker(vco, FIREWALL_RULE, rule_inputs(enterprise, profile, "b", 100)),
    ]
    wait_for_faults(vco, 2)  # both have read; their answers are on the way
    hand = add_by_hand(client, profile, "hand-made")  # between their read and their write
    outcome = results(processes)
    vco.admin("DELETE", "faults")

    rules = outbound(client, profile)
    present = {r["name"]: r for r in rules}
    created = {name: rid for name, rid in outcome.items() if not rid.startswith("error:")}
    errors = {name: rid for name, rid in outcome.items() if rid.startswith("error:")}
    lost = sorted(name for name, rid in created.items() if present.get(name, {}).get("ruleLogicalId") != rid)
    assert lost == [], f"reported created but missing: {lost}"
    assert all("changed" in e or "conflict" in e for e in errors.values()), errors
    conflict_reported = bool(errors)
    assert hand["name"] in present or conflict_reported, "the hand-made rule was overwritten silently"
    assert len(created) + len(errors) == 40


def test_two_processes_claiming_one_profiles_settings_one_fails_clearly(
    vco: EmulatorProcess, client: VcoClient, profile: dict[str, Any]
) -> None:
    slow_reads = {
        "route": "getConfiguration$",
        "fault": "latency",
        "latencySeconds": 1.5,
        "when": "after",
        "count": 2,
    }
    vco.admin("POST", "faults", {"seed": 3, "rules": [slow_reads]})
    base = {"enterprise_id": profile["enterprise_id"], "profile_id": profile["logical_id"]}
    processes = [
        worker(vco, PROFILE_SETTINGS, {"first": {**base, "ntp": {"enabled": True, "servers": ["10.0.0.1"]}}}),
        worker(
            vco, PROFILE_SETTINGS, {"second": {**base, "ntp": {"enabled": True, "servers": ["10.0.0.2"]}}}
        ),
    ]
    outcome = results(processes)
    vco.admin("DELETE", "faults")

    failed = sorted(label for label, rid in outcome.items() if rid.startswith("error:"))
    assert len(failed) == 1, outcome
    assert "already manages" in outcome[failed[0]] or "claimed" in outcome[failed[0]], outcome
    [module] = client.v1.get_configuration_modules(
        profile["enterprise_vco_id"], profile["vco_id"], ["deviceSettings"], with_data=False
    )
    assert module.description and module.description.startswith("pulumi-velocloud:")
