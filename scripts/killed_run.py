"""A `pulumi up` of a 40-edge fleet killed with SIGKILL part-way, for tests and the benchmark.

`start_and_kill(cli, vco, after=N)` starts `pulumi up --yes` (the project must declare the fleet
of `FLEET_PROGRAM`), waits until the emulator holds N edges, notes the engine's dynamic-provider
host processes, kills the `pulumi` process with SIGKILL (its plugins are left to end by
themselves, as in a lost CI runner) and waits until the Orchestrator stops changing. Every
create is slowed by the emulator's latency fault so the kill lands mid-way.
`cancel_after_kill(cli)` then releases the killed run's lock the way the README says, repairing
first (with `velocloud recover --yes`) the empty checkpoint sidecar a kill can leave. Nothing
here decides anything: callers assert or print. Process lookups read `/proc` (Linux).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from scripts.pulumi_cli import REPO, PulumiCli
from vco_emulator.process import EmulatorProcess

EDGES = 40
FLEET_PROGRAM = f'''"""A fleet of {EDGES} edges in one profile."""

import pulumi_velocloud as velocloud

acme = velocloud.Enterprise("acme", name="Killed Corp")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
for i in range({EDGES}):
    name = f"edge-{{i:02}}"
    velocloud.Edge(name, enterprise_id=acme.id, profile_id=branch.id, name=name, model_number="edge6X0")
'''


EOF_ERROR = "failed to load checkpoint: EOF"


def velocloud_recover(cli: PulumiCli, *args: str) -> subprocess.CompletedProcess[str]:
    """`velocloud recover ARGS` in the stack's folder, with its Pulumi environment."""
    return subprocess.run(
        [str(REPO / ".venv" / "bin" / "velocloud"), "recover", *args],
        cwd=cli.project_dir,
        env=cli.environment(),
        text=True,
        capture_output=True,
    )


def cancel_after_kill(cli: PulumiCli) -> subprocess.CompletedProcess[str] | None:
    """`pulumi cancel --yes`; if it fails on the empty sidecar a kill can leave ("failed to load
    checkpoint: EOF"), `velocloud recover --yes` repairs it and cancel runs again. The repair's
    result when one was needed, else None; raises when cancel still fails."""
    first = cli.run("cancel", "--yes", check=False)
    if first.returncode == 0:
        return None
    if EOF_ERROR not in first.stdout + first.stderr:
        cli.run("cancel", "--yes")  # raises with the output
    repair = velocloud_recover(cli, "--yes")
    cli.run("cancel", "--yes")
    return repair


@dataclass(frozen=True)
class KilledRun:
    edges: int  # edges on the Orchestrator once things settled
    provider_hosts: list[int]  # pids of the engine's dynamic-provider hosts at the kill


def provider_hosts(engine_pid: int) -> list[int]:
    """The pids of the dynamic-provider hosts (`python -m pulumi.dynamic`) the engine started."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, IndexError, ValueError):
            continue  # ended meanwhile
        if parent == engine_pid and b"pulumi.dynamic" in command:
            found.append(int(entry.name))
    return sorted(found)


def running(pid: int) -> bool:
    """Whether the process exists and has not ended (a zombie nobody reaped has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def edges(vco: EmulatorProcess) -> list[dict[str, object]]:
    """Every edge the emulator holds (with created/modified times)."""
    return list(vco.admin("GET", "state")["objects"].get("edge", []))


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def start_and_kill(
    cli: PulumiCli,
    vco: EmulatorProcess,
    *,
    after: int,
    env: dict[str, str] | None = None,
    latency: float = 0.25,
) -> KilledRun:
    """Run `pulumi up --yes`, SIGKILL it once `after` edges exist; the edge count once things
    settle and the provider hosts the engine had."""
    rule = {"route": "edgeProvision", "fault": "latency", "latencySeconds": latency, "when": "after"}
    vco.admin("POST", "faults", {"seed": 1, "rules": [rule]})
    process = subprocess.Popen(
        ["pulumi", "up", "--yes", "--non-interactive"],
        cwd=cli.project_dir,
        env={**cli.environment(), **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while len(edges(vco)) < after:
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"pulumi up ended before {after} edges existed (exit {process.returncode})")
        time.sleep(0.05)
    hosts = provider_hosts(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    count, stable_since = len(edges(vco)), time.monotonic()
    while time.monotonic() - stable_since < 2.0:  # creates already sent may still land
        time.sleep(0.2)
        now = len(edges(vco))
        if now != count:
            count, stable_since = now, time.monotonic()
    vco.admin("DELETE", "faults")
    return KilledRun(count, hosts)
