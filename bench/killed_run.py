"""Benchmark: recovering from a `pulumi up` killed part-way through 40 edges (issue 10, point 2).

    .venv/bin/python -m bench.killed_run

For each mode (checkpoints as usual, and PULUMI_SKIP_CHECKPOINTS=true) it prints: the time of a
full `pulumi up` of the fleet (no kill), and for a run SIGKILLed once 15 edges exist: how many
edges the killed run left on the Orchestrator and in the state, the time of `pulumi cancel`, of
`velocloud recover --yes` (with `--since` the run's start, as CI would pass), of the `pulumi up`
that then converges, and the number of edges at the end (duplicates would show here). Every
edge create is slowed by 0.25 s (emulator latency fault) during the killed run only.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

from scripts.killed_run import EDGES, FLEET_PROGRAM, cancel_after_kill, edges, start_and_kill, utc_now
from scripts.pulumi_cli import REPO, PulumiCli
from tests.stack.project import make_project, stack_for
from vco_emulator.process import EmulatorProcess


def timed(what: str, run: object) -> float:
    started = time.perf_counter()
    result = run() if callable(run) else None
    if isinstance(result, subprocess.CompletedProcess) and result.returncode != 0:
        raise SystemExit(f"{what} failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def in_state(stack: PulumiCli) -> int:
    deployment = json.loads(stack.run("stack", "export").stdout)["deployment"]
    return sum(
        1 for r in deployment.get("resources") or [] if r["urn"].rsplit("::", 1)[-1].startswith("edge-")
    )


def scenario(skip: bool) -> dict[str, object]:
    env = {"PULUMI_SKIP_CHECKPOINTS": "true"} if skip else {}
    with tempfile.TemporaryDirectory() as folder, EmulatorProcess.start(Path(folder) / "emulator") as vco:
        full = stack_for(make_project(Path(folder) / "full", FLEET_PROGRAM), vco)
        full.env = env
        up_full = timed("full up", lambda: full.run("up", "--yes"))
        vco.admin("POST", "reset")

        stack = stack_for(make_project(Path(folder) / "killed", FLEET_PROGRAM), vco)
        since = utc_now()
        left = start_and_kill(stack, vco, after=15, env=env).edges
        stack.env = env
        cancel = timed("cancel", lambda: cancel_after_kill(stack))  # with the sidecar repair if needed
        recorded = in_state(stack)
        velocloud = str(REPO / ".venv" / "bin" / "velocloud")
        recover = timed(
            "recover",
            lambda: subprocess.run(
                [velocloud, "recover", "--yes", "--since", since],
                cwd=stack.project_dir,
                env=stack.environment(),
                capture_output=True,
                text=True,
            ),
        )
        recovered = in_state(stack)
        up = timed("up after recover", lambda: stack.run("up", "--yes"))
        stack.run("preview", "--expect-no-changes")
        names = [str(e["name"]) for e in edges(vco)]
        return {
            "mode": "PULUMI_SKIP_CHECKPOINTS=true" if skip else "checkpoints",
            "full up (s)": round(up_full, 1),
            "edges on VCO after kill": left,
            "edges in state after kill": recorded,
            "cancel (s)": round(cancel, 1),
            "recover --yes (s)": round(recover, 1),
            "edges in state after recover": recovered,
            "up after recover (s)": round(up, 1),
            "edges at the end": f"{len(names)} ({len(set(names))} distinct, {EDGES} declared)",
        }


def main() -> None:
    rows = [scenario(skip=False), scenario(skip=True)]
    for key in rows[0]:
        print(f"{key:30} " + " | ".join(f"{row[key]!s:>30}" for row in rows))


if __name__ == "__main__":
    main()
