"""Issue 10, point 2: a `pulumi up` killed part-way through 40 edges is recovered without editing the program.

After `kill -9` and `pulumi cancel`, a plain `pulumi up` fails on every edge the killed run
created ("set adopt=True"). `velocloud recover --yes` brings them into the state, after which
`pulumi up` converges with no duplicate. The engine's dynamic-provider host ends by itself once
the engine is killed. With PULUMI_SKIP_CHECKPOINTS=true nothing of the
killed run is in the state: recover refuses to guess until told when the run started
(`--since`), and never claims an edge a colleague made before that.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from scripts.killed_run import (
    EDGES,
    FLEET_PROGRAM,
    cancel_after_kill,
    edges,
    running,
    start_and_kill,
    utc_now,
)
from scripts.killed_run import velocloud_recover as recover
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack


def cancel(stack: PulumiCli) -> None:
    """`pulumi cancel`, through recover's repair when the kill emptied the checkpoint sidecar."""
    repair = cancel_after_kill(stack)
    if repair is not None:  # the kill landed while the backend rewrote the sidecar
        assert repair.returncode == 1 and "removed the empty checkpoint sidecar" in repair.stdout, (
            repair.stdout + repair.stderr
        )


def names(vco: EmulatorProcess) -> list[str]:
    return sorted(str(e["name"]) for e in edges(vco))


def state_urns(stack: PulumiCli) -> set[str]:
    deployment = json.loads(stack.run("stack", "export").stdout)["deployment"]
    return {r["urn"].rsplit("::", 1)[-1] for r in deployment.get("resources") or []}


def test_killed_up_is_recovered_and_converges(tmp_path: Path, vco: EmulatorProcess) -> None:
    stack = stack_for(make_project(tmp_path / "fleet", FLEET_PROGRAM), vco)
    killed = start_and_kill(stack, vco, after=15)
    on_vco = killed.edges
    # the engine's dynamic-provider host does not outlive it (mechanisms/engine_watchdog.py)
    assert killed.provider_hosts, "no dynamic-provider host was running under the engine"
    deadline = time.monotonic() + 30
    while any(running(pid) for pid in killed.provider_hosts) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(running(pid) for pid in killed.provider_hosts), "a provider host outlived the engine"
    assert 15 <= on_vco < EDGES
    cancel(stack)
    in_state = state_urns(stack)
    orphans = [n for n in names(vco) if n not in in_state]
    assert orphans, "the kill left no edge outside the state: nothing was tested"

    dry = recover(stack)
    assert dry.returncode == 0, dry.stderr
    assert all(f"claim       Edge {n}:" in dry.stdout for n in orphans), dry.stdout
    assert (
        names(vco) == sorted(set(names(vco))) and state_urns(stack) == in_state
    )  # the dry run wrote nothing

    done = recover(stack, "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert set(orphans) <= state_urns(stack)

    stack.run("up", "--yes")
    assert names(vco) == [f"edge-{i:02}" for i in range(EDGES)]  # every edge, none twice
    stack.run("preview", "--expect-no-changes")


def test_skip_checkpoints_needs_the_start_time_and_never_claims_an_older_edge(
    tmp_path: Path, vco: EmulatorProcess
) -> None:
    stack = stack_for(make_project(tmp_path / "fleet", FLEET_PROGRAM), vco)
    stack.run("up", "--yes", "--target", "**acme", "--target", "**branch")
    enterprise = json.loads(stack.run("stack", "export").stdout)
    [acme] = [r for r in enterprise["deployment"]["resources"] if r["urn"].endswith("::acme")]
    [branch] = [r for r in enterprise["deployment"]["resources"] if r["urn"].endswith("::branch")]
    from pulumi_velocloud.context import provider_context
    from pulumi_velocloud.resources.edge import EdgeProvider

    provider_context().configure({"velocloud:url": vco.url, "velocloud:token": vco.token})
    colleagues = {"name": "edge-39", "model_number": "edge6X0", "description": "a colleague's"}
    EdgeProvider().create({"enterprise_id": acme["id"], "profile_id": branch["id"], **colleagues})
    provider_context().configure({})
    colleague = next(e for e in edges(vco) if e["name"] == "edge-39")

    time.sleep(2.5)  # older than the claim rule's window (Date headers have whole seconds)
    since = utc_now()  # the CI job's start
    start_and_kill(stack, vco, after=15, env={"PULUMI_SKIP_CHECKPOINTS": "true"})
    cancel(stack)
    assert state_urns(stack) >= {"acme", "branch"} and not any(
        u.startswith("edge-") for u in state_urns(stack)
    )

    blind = recover(stack, "--yes")
    assert blind.returncode == 1 and "--since" in blind.stdout
    assert not any(u.startswith("edge-") for u in state_urns(stack))

    done = recover(stack, "--yes", "--since", since)
    assert done.returncode == 1, done.stdout  # edge-39 is not ours: reported, not claimed
    assert "not-ours    Edge edge-39" in done.stdout, done.stdout
    recovered = {u for u in state_urns(stack) if u.startswith("edge-")}
    assert recovered and "edge-39" not in recovered

    up = stack.run("up", "--yes", check=False)
    assert up.returncode != 0 and "set adopt=True" in up.stdout + up.stderr
    assert names(vco) == [f"edge-{i:02}" for i in range(EDGES)]  # no duplicate, the colleague's edge kept
    assert next(e for e in edges(vco) if e["name"] == "edge-39") == colleague
