"""Fleet benchmark: our stack side by side with Pulumi's floor and the direct API script.

    .venv/bin/python -m bench.fleet 100 1000                 # edges only
    .venv/bin/python -m bench.fleet --repeat 3 1000          # spread of floor and ours
    .venv/bin/python -m bench.fleet --shape branch 100       # + 50 firewall rules, edge device settings
    .venv/bin/python -m bench.fleet --shape latency 1000     # direct and ours at 100 ms per request
    .venv/bin/python -m bench.fleet --shape split 1000       # 1 stack vs 4 stacks run at once
    .venv/bin/python -m bench.fleet --shape memory 5000      # skip-checkpoint up, refresh, destroy
    .venv/bin/python -m bench.fleet --shape preview --repeat 3 1000  # spread of no-op previews

For each N, in one run and against one emulator on loopback:

- the direct script (`bench/direct.py`): N v2 createEdge calls, four in flight;
- the floor stack (`bench/floor.py`): N do-nothing dynamic resources shaped like edges;
- our stack: one enterprise, one profile and N edges (the `branch` shape adds 50 firewall rules
  and N edge device settings);

`up` with default checkpointing and with PULUMI_SKIP_CHECKPOINTS=true, a no-op `preview`,
`preview --refresh` and `destroy`; then the same with 100 ms added to every API request (the
emulator's latency fault). It prints one line per command: wall time, API requests (from the
emulator's stats) per resource, and the peak resident memory (VmHWM) of the dynamic-provider
process and of the engine (`pulumi`), found by the PULUMI_HOME of this run; then the ratios,
with min-max over `--repeat` runs; and writes a plot of time against N (`--plot`).
It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.direct import create_edges
from scripts.pulumi_cli import REPO, PulumiCli
from vco_emulator.process import EmulatorProcess

LATENCY = 0.1  # seconds added to every API request in the latency runs

PROGRAM = """
import pulumi
import pulumi_velocloud as velocloud

config = pulumi.Config()
n = config.require_int("edges")
acme = velocloud.Enterprise("acme", name=config.get("customer") or "Fleet Corp")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
serial = config.get("serialPrefix") or "VC"
for i in range(n):
    velocloud.Edge(
        f"edge-{i:05d}", enterprise_id=acme.id, profile_id=branch.id, name=f"edge-{i:05d}",
        model_number="edge6X0", serial_number=f"{serial}{i:010d}",
        site=velocloud.SiteArgs(name=f"Site {i}", city="Paris", country="FR"),
    )
"""

FLOOR_PROGRAM = """
import pulumi
from bench.floor import Floor

n = pulumi.Config().require_int("edges")
acme = Floor("acme", {"name": "Fleet Corp"})
branch = Floor("branch", {"enterprise_id": acme.id, "name": "Branch"})
for i in range(n):
    Floor(f"edge-{i:05d}", {
        "adopt": None, "enterprise_id": acme.id, "profile_id": branch.id, "name": f"edge-{i:05d}",
        "model_number": "edge6X0", "serial_number": f"VC{i:010d}", "description": None,
        "site": {"name": f"Site {i}", "city": "Paris", "country": "FR"},
        "ha_enabled": None, "custom_info": None,
    })
"""

BRANCH_PROGRAM = """
import pulumi
import pulumi_velocloud as velocloud

n = pulumi.Config().require_int("edges")
acme = velocloud.Enterprise("acme", name="Fleet Corp")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
for r in range(50):
    velocloud.FirewallRule(
        f"rule-{r:02d}", enterprise_id=acme.id, profile_id=branch.id, name=f"rule-{r:02d}", position=r,
        match={"protocol": "tcp", "destination_ports": str(1000 + r)}, action="allow",
    )
for i in range(n):
    edge = velocloud.Edge(
        f"edge-{i:05d}", enterprise_id=acme.id, profile_id=branch.id, name=f"edge-{i:05d}",
        model_number="edge6X0", serial_number=f"VC{i:010d}",
        site=velocloud.SiteArgs(name=f"Site {i}", city="Paris", country="FR"),
    )
    velocloud.EdgeDeviceSettings(
        f"settings-{i:05d}", enterprise_id=acme.id, edge_id=edge.id,
        lan_networks=[{"vlan_id": 1, "name": "Corporate", "cidr": f"10.{i // 250}.{i % 250}.1/24"}],
    )
"""


@dataclass(frozen=True)
class Row:
    edges: int
    stack: str  # "ours", "floor", "direct"
    operation: str
    latency: bool
    seconds: float
    calls: int | None
    resources: int
    provider_kib: int = 0
    engine_kib: int = 0

    def line(self) -> str:
        calls = "-" if self.calls is None else str(self.calls)
        per = "-" if self.calls is None else f"{self.calls / self.resources:.2f}"
        mib = [f"{k / 1024:.0f}" if k else "-" for k in (self.provider_kib, self.engine_kib)]
        op = self.operation + (f" +{LATENCY * 1000:.0f}ms" if self.latency else "")
        return (
            f"{self.edges:>6} {self.stack:<6} {op:<30} {self.seconds:>8.1f} {calls:>7} {per:>8} "
            f"{mib[0]:>9} {mib[1]:>7}"
        )


HEADER = "{:>6} {:<6} {:<30} {:>8} {:>7} {:>8} {:>9} {:>7}".format(
    "edges", "stack", "operation", "wall s", "calls", "calls/r", "prov MiB", "eng MiB"
)


class PeakMemory:
    """Peak resident memory (VmHWM) of the dynamic-provider and engine processes of one run,
    recognised by their PULUMI_HOME (other Pulumi runs on the machine are not counted)."""

    def __init__(self, pulumi_home: Path) -> None:
        self.marker = f"PULUMI_HOME={pulumi_home}".encode()
        self.provider_kib = 0
        self.engine_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._ours: dict[int, str] = {}  # pid -> "provider" | "engine" | "" (not ours)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _kind(self, proc: Path) -> str:
        pid = int(proc.name)
        if pid not in self._ours:
            cmdline = (proc / "cmdline").read_bytes()
            kind = ""
            if b"pulumi.dynamic" in cmdline:
                kind = "provider"
            elif cmdline.split(b"\0")[0].rsplit(b"/", 1)[-1] == b"pulumi":
                kind = "engine"
            if kind and self.marker not in (proc / "environ").read_bytes():
                kind = ""
            self._ours[pid] = kind
        return self._ours[pid]

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            for proc in Path("/proc").iterdir():
                if not proc.name.isdigit():
                    continue
                try:
                    kind = self._kind(proc)
                    if not kind:
                        continue
                    for line in (proc / "status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            kib = int(line.split()[1])
                            if kind == "provider":
                                self.provider_kib = max(self.provider_kib, kib)
                            else:
                                self.engine_kib = max(self.engine_kib, kib)
                except (OSError, ValueError):
                    continue


@dataclass
class Stack:
    """One Pulumi project and stack of the benchmark, against one emulator."""

    name: str
    cli: PulumiCli
    resources: int
    rows: list[Row] = field(default_factory=list)

    def run(self, vco: EmulatorProcess, edges: int, label: str, *args: str, **env: str) -> Row:
        cli = PulumiCli(self.cli.project_dir, self.cli.state_dir, env={**self.cli.env, **env})
        before = vco.admin("GET", "stats")["total"]
        latency = bool(vco.admin("GET", "faults").get("rules"))
        with PeakMemory(self.cli.state_dir / "home") as memory:
            started = time.monotonic()
            cli.run(*args)
            elapsed = time.monotonic() - started
        calls = vco.admin("GET", "stats")["total"] - before
        row = Row(
            edges, self.name, label, latency, elapsed, calls, self.resources,
            memory.provider_kib, memory.engine_kib,
        )  # fmt: skip
        print(row.line(), flush=True)
        self.rows.append(row)
        return row


def make_stack(
    name: str, workdir: Path, program: str, vco: EmulatorProcess, edges: int, resources: int
) -> Stack:
    project = workdir / name
    project.mkdir(parents=True)
    (project / "Pulumi.yaml").write_text(
        f"name: {name}\nruntime:\n  name: python\n  options:\n    virtualenv: {REPO / '.venv'}\n"
    )
    (project / "__main__.py").write_text(program)
    cli = PulumiCli(project_dir=project, state_dir=workdir / f"{name}-state", env={"PYTHONPATH": str(REPO)})
    cli.select_stack("bench")
    cli.set_config("velocloud:url", vco.url)
    cli.set_config("velocloud:tokenFile", str(vco.token_file))
    cli.set_config("edges", str(edges))
    return Stack(name, cli, resources)


@contextmanager
def latency(vco: EmulatorProcess) -> Iterator[None]:
    vco.admin("POST", "faults", {"rules": [{"fault": "latency", "latencySeconds": LATENCY}]})
    try:
        yield
    finally:
        vco.admin("DELETE", "faults")


UP = ("up", "--yes", "--skip-preview")
SKIP = {"PULUMI_SKIP_CHECKPOINTS": "true"}


def cycle(stack: Stack, vco: EmulatorProcess, edges: int, *, refresh: bool) -> None:
    """up (default checkpoints), no-op preview, [preview --refresh], destroy; up and destroy
    without checkpoints (the floor's timed: `floor_up_timed`)."""
    stack.run(vco, edges, "up", *UP)
    stack.run(vco, edges, "preview (no-op)", "preview", "--expect-no-changes")
    if refresh:
        stack.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
    stack.run(vco, edges, "destroy", "destroy", "--yes", "--skip-preview")
    if stack.name == "floor":
        floor_up_timed(stack, vco, edges, stack.cli.state_dir.parent)
    else:
        stack.run(vco, edges, "up (skip checkpoints)", *UP, **SKIP)
    stack.run(vco, edges, "destroy (skip checkpoints)", "destroy", "--yes", "--skip-preview", **SKIP)


def floor_up_timed(floor: Stack, vco: EmulatorProcess, edges: int, workdir: Path) -> None:
    """The floor's skip-checkpoint `up`, with the time of each create logged by the floor's
    provider: how long Pulumi itself takes before the first edge can be created (program,
    engine, the enterprise and profile before it, the registrations of N edges) and after the
    last one. No provider can be faster than that plus the API's own time (goal 3's bound)."""
    log = workdir / "floor-creates.log"
    log.unlink(missing_ok=True)
    started = time.time()
    row = floor.run(vco, edges, "up (skip checkpoints)", *UP, **SKIP, FLOOR_CREATE_LOG=str(log))
    creates = [line.split(" ", 1) for line in log.read_text().splitlines()]
    edge_times = sorted(float(t) for t, name in creates if name.startswith("edge-"))
    if not edge_times:
        return
    for label, seconds in (
        ("start until its first edge create", edge_times[0] - started),
        ("after its last edge create", started + row.seconds - edge_times[-1]),
    ):
        part = Row(edges, "floor", label, False, seconds, None, floor.resources)
        print(part.line(), flush=True)
        floor.rows.append(part)


def direct(vco: EmulatorProcess, edges: int, label: str, rows: list[Row]) -> None:
    before = vco.admin("GET", "stats")["total"]
    result = create_edges(vco, edges, label)
    calls = vco.admin("GET", "stats")["total"] - before
    slow = bool(vco.admin("GET", "faults").get("rules"))
    row = Row(edges, "direct", "create (4 in flight)", slow, result.seconds, calls, edges)
    if result.errors:
        print(f"direct script: {result.errors} creates failed", flush=True)
    print(row.line(), flush=True)
    rows.append(row)


def run_edges_shape(edges: int, workdir: Path, repeat: int, with_latency: bool) -> list[Row]:
    rows: list[Row] = []
    with EmulatorProcess.start(workdir / "emulator") as vco:
        floor = make_stack("floor", workdir, FLOOR_PROGRAM, vco, edges, edges + 2)
        ours = make_stack("ours", workdir, PROGRAM, vco, edges, edges + 2)
        for r in range(repeat):
            direct(vco, edges, f"plain{r}", rows)
            cycle(floor, vco, edges, refresh=False)
            cycle(ours, vco, edges, refresh=True)
        if with_latency:
            with latency(vco):
                direct(vco, edges, "latency", rows)
                ours.run(vco, edges, "up (skip checkpoints)", *UP, **SKIP)
                ours.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
            ours.run(vco, edges, "destroy", "destroy", "--yes", "--skip-preview", **SKIP)
            with latency(vco):
                ours.run(vco, edges, "up", *UP)
            ours.run(vco, edges, "destroy", "destroy", "--yes", "--skip-preview", **SKIP)
        rows += floor.rows + ours.rows
    return rows


def run_split_shape(edges: int, workdir: Path, parts: int) -> list[Row]:
    """What a large fleet can do: one stack (default, --parallel 16, skip checkpoints) against
    `parts` stacks of edges/parts each (one customer each) run at the same time."""
    rows: list[Row] = []
    with EmulatorProcess.start(workdir / "emulator") as vco:
        one = make_stack("ours", workdir, PROGRAM, vco, edges, edges + 2)
        for label, args, env in (
            ("up, 1 stack", UP, {}),
            ("up --parallel 16, 1 stack", (*UP, "--parallel", "16"), {}),
            ("up, 1 stack, skip checkpoints", UP, SKIP),
        ):
            one.run(vco, edges, label, *args, **env)
            one.run(vco, edges, "destroy", "destroy", "--yes", "--skip-preview", **SKIP)
        stacks = []
        for k in range(parts):
            stack = make_stack(f"part{k}", workdir, PROGRAM, vco, edges // parts, edges // parts + 2)
            stack.cli.set_config("customer", f"Customer {k}")
            stack.cli.set_config("serialPrefix", f"P{k}")
            stacks.append(stack)
        before = vco.admin("GET", "stats")["total"]
        started = time.monotonic()
        failures: list[BaseException] = []

        def up(stack: Stack) -> None:
            try:
                stack.cli.run(*UP)
            except BaseException as exc:
                failures.append(exc)

        threads = [threading.Thread(target=up, args=(s,)) for s in stacks]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        for failure in failures:
            print(f"a split stack failed: {failure}", flush=True)
        calls = vco.admin("GET", "stats")["total"] - before
        row = Row(edges, "ours", f"up, {parts} stacks at once", False, elapsed, calls, edges + 2 * parts)
        print(row.line(), flush=True)
        rows += [*one.rows, row]
    return rows


def run_fast_shape(edges: int, workdir: Path) -> list[Row]:
    """The edges shape without default checkpointing (minutes, not hours, at 1000 edges): the
    floor and our stack with PULUMI_SKIP_CHECKPOINTS, no-op previews, refresh, and the direct
    script and our stack under 100 ms latency."""
    rows: list[Row] = []
    with EmulatorProcess.start(workdir / "emulator") as vco:
        floor = make_stack("floor", workdir, FLOOR_PROGRAM, vco, edges, edges + 2)
        ours = make_stack("ours", workdir, PROGRAM, vco, edges, edges + 2)
        direct(vco, edges, "plain", rows)
        floor_up_timed(floor, vco, edges, workdir)
        floor.run(vco, edges, "preview (no-op)", "preview", "--expect-no-changes")
        ours.run(vco, edges, "up (skip checkpoints)", *UP, **SKIP)
        ours.run(vco, edges, "preview (no-op)", "preview", "--expect-no-changes")
        ours.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
        with latency(vco):
            direct(vco, edges, "latency", rows)
            ours.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
        ours.run(vco, edges, "destroy (skip checkpoints)", "destroy", "--yes", "--skip-preview", **SKIP)
        with latency(vco):
            ours.run(vco, edges, "up (skip checkpoints)", *UP, **SKIP)
        for stack in (floor, ours):
            stack.run(vco, edges, "destroy (skip checkpoints)", "destroy", "--yes", "--skip-preview", **SKIP)
        return rows + floor.rows + ours.rows


def run_latency_shape(edges: int, workdir: Path) -> list[Row]:
    """Only what real latency costs (goals 3 and 4 of issue 13): the direct script and our
    skip-checkpoint `up`, `preview --refresh` and `destroy`, all with 100 ms per request."""
    rows: list[Row] = []
    with EmulatorProcess.start(workdir / "emulator") as vco:
        floor = make_stack("floor", workdir, FLOOR_PROGRAM, vco, edges, edges + 2)
        ours = make_stack("ours", workdir, PROGRAM, vco, edges, edges + 2)
        floor_up_timed(floor, vco, edges, workdir)
        floor.run(vco, edges, "destroy (skip checkpoints)", "destroy", "--yes", "--skip-preview", **SKIP)
        with latency(vco):
            direct(vco, edges, "latency", rows)
            ours.run(vco, edges, "up (skip checkpoints)", *UP, **SKIP)
            ours.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
            ours.run(vco, edges, "destroy (skip checkpoints)", "destroy", "--yes", "--skip-preview", **SKIP)
        return rows + floor.rows + ours.rows


def run_preview_shape(edges: int, workdir: Path, repeat: int) -> list[Row]:
    """No-op previews and refreshes of the floor and our stack, alternated `repeat` times (both
    stacks created without checkpoints first): the spread of the cheap commands."""
    with EmulatorProcess.start(workdir / "emulator") as vco:
        floor = make_stack("floor", workdir, FLOOR_PROGRAM, vco, edges, edges + 2)
        ours = make_stack("ours", workdir, PROGRAM, vco, edges, edges + 2)
        for stack in (floor, ours):
            stack.run(vco, edges, "up (skip checkpoints)", *UP, **SKIP)
        for _ in range(repeat):
            floor.run(vco, edges, "preview (no-op)", "preview", "--expect-no-changes")
            ours.run(vco, edges, "preview (no-op)", "preview", "--expect-no-changes")
            floor.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
            ours.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
        for stack in (floor, ours):
            stack.run(vco, edges, "destroy (skip checkpoints)", "destroy", "--yes", "--skip-preview", **SKIP)
        return floor.rows + ours.rows


def run_memory_shape(edges: int, workdir: Path) -> list[Row]:
    """Our stack without checkpoints (what a large fleet runs): up, refresh, destroy; the
    memory columns are the point."""
    with EmulatorProcess.start(workdir / "emulator") as vco:
        ours = make_stack("ours", workdir, PROGRAM, vco, edges, edges + 2)
        ours.run(vco, edges, "up (skip checkpoints)", *UP, **SKIP)
        ours.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
        ours.run(vco, edges, "destroy (skip checkpoints)", "destroy", "--yes", "--skip-preview", **SKIP)
        return ours.rows


def calls_by_operation(vco: EmulatorProcess) -> dict[str, int]:
    return dict(vco.admin("GET", "stats")["byOperation"])


def print_calls(label: str, before: dict[str, int], after: dict[str, int]) -> None:
    """The API requests of one command, by operation (most first)."""
    diff = {op: n - before.get(op, 0) for op, n in after.items() if n != before.get(op, 0)}
    print(f"  {label}: " + ", ".join(f"{op} {n}" for op, n in sorted(diff.items(), key=lambda i: -i[1])))


def run_branch_shape(edges: int, workdir: Path) -> list[Row]:
    with EmulatorProcess.start(workdir / "emulator") as vco:
        ours = make_stack("ours", workdir, BRANCH_PROGRAM, vco, edges, 2 + 50 + 2 * edges)
        before = calls_by_operation(vco)
        ours.run(vco, edges, "up", *UP)
        print_calls("up, requests by operation", before, calls_by_operation(vco))
        ours.run(vco, edges, "preview (no-op)", "preview", "--expect-no-changes")
        ours.run(vco, edges, "preview --refresh", "preview", "--refresh", "--expect-no-changes")
        ours.run(vco, edges, "destroy", "destroy", "--yes", "--skip-preview")
        return ours.rows


def pick(rows: list[Row], stack: str, operation: str, *, latency: bool = False) -> list[float]:
    return [r.seconds for r in rows if r.stack == stack and r.operation == operation and r.latency == latency]


def ratio(numerator: list[float], denominator: list[float]) -> str:
    """median ratio of paired runs, with min-max when there are several."""
    if not numerator or not denominator:
        return "-"
    pairs = [n / d for n, d in zip(numerator, denominator, strict=False) if d]
    if not pairs:
        return "-"
    text = f"{statistics.median(pairs):.2f}x"
    return text + (f" ({min(pairs):.2f}-{max(pairs):.2f})" if len(pairs) > 1 else "")


def summary(edges: int, rows: list[Row]) -> None:
    these = [r for r in rows if r.edges == edges]
    print(f"\n{edges} edges, ratios (median of paired runs, min-max):", flush=True)
    for label, num, den in (
        ("up / floor up", pick(these, "ours", "up"), pick(these, "floor", "up")),
        (
            "up / floor up (skip checkpoints)",
            pick(these, "ours", "up (skip checkpoints)"),
            pick(these, "floor", "up (skip checkpoints)"),
        ),
        ("up / direct", pick(these, "ours", "up"), pick(these, "direct", "create (4 in flight)")),
        (
            "no-op preview / floor",
            pick(these, "ours", "preview (no-op)"),
            pick(these, "floor", "preview (no-op)"),
        ),
        (
            "preview --refresh / floor",
            pick(these, "ours", "preview --refresh"),
            pick(these, "floor", "preview --refresh"),
        ),
        ("floor up / direct", pick(these, "floor", "up"), pick(these, "direct", "create (4 in flight)")),
        (
            f"up (skip ckpt) +{LATENCY * 1000:.0f}ms / direct +{LATENCY * 1000:.0f}ms",
            pick(these, "ours", "up (skip checkpoints)", latency=True),
            pick(these, "direct", "create (4 in flight)", latency=True),
        ),
        (
            f"up +{LATENCY * 1000:.0f}ms / direct +{LATENCY * 1000:.0f}ms",
            pick(these, "ours", "up", latency=True),
            pick(these, "direct", "create (4 in flight)", latency=True),
        ),
    ):
        print(f"  {label:<45} {ratio(num, den)}", flush=True)
    before = pick(these, "floor", "start until its first edge create")
    after = pick(these, "floor", "after its last edge create")
    slow_direct = pick(these, "direct", "create (4 in flight)", latency=True)
    slow_ours = pick(these, "ours", "up (skip checkpoints)", latency=True)
    if before and after and slow_direct:
        bound = before[0] + slow_direct[0] + after[0]
        print(
            f"  bound under +{LATENCY * 1000:.0f}ms: Pulumi's own {before[0]:.1f} s before the first "
            f"edge create and {after[0]:.1f} s after the last (floor) + the direct script's "
            f"{slow_direct[0]:.1f} s "
            f"= {bound:.1f} s = {bound / slow_direct[0]:.2f}x the direct script"
            + (f"; ours {slow_ours[0]:.1f} s = {slow_ours[0] / bound:.2f}x that bound" if slow_ours else ""),
            flush=True,
        )
    floor_up = pick(these, "floor", "up")
    if len(floor_up) > 1:
        print(f"  floor up spread: {min(floor_up):.1f}-{max(floor_up):.1f} s over {len(floor_up)} runs")


def plot(rows: list[Row], path: Path) -> None:
    """Time against N for the main lines; needs the `bench` extra (matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = (
        ("ours", "up", False, "pulumi up, our stack"),
        ("floor", "up", False, "pulumi up, floor stack"),
        ("ours", "up (skip checkpoints)", False, "our stack, PULUMI_SKIP_CHECKPOINTS"),
        ("floor", "up (skip checkpoints)", False, "floor stack, PULUMI_SKIP_CHECKPOINTS"),
        ("direct", "create (4 in flight)", False, "direct API script, 4 in flight"),
        (
            "ours",
            "up (skip checkpoints)",
            True,
            f"our stack, skip checkpoints, +{LATENCY * 1000:.0f} ms/request",
        ),
        ("direct", "create (4 in flight)", True, f"direct script, +{LATENCY * 1000:.0f} ms/request"),
        ("ours", "preview --refresh", True, f"preview --refresh, +{LATENCY * 1000:.0f} ms/request"),
    )
    fig, ax = plt.subplots(figsize=(8, 5))
    sizes = sorted({r.edges for r in rows})
    for stack, operation, slow, label in series:
        points = [
            (n, statistics.median(pick([r for r in rows if r.edges == n], stack, operation, latency=slow)))
            for n in sizes
            if pick([r for r in rows if r.edges == n], stack, operation, latency=slow)
        ]
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=label)
    ax.set_xlabel("edges")
    ax.set_ylabel("wall time (s, log scale)")
    ax.set_yscale("log")
    ax.set_title("pulumi up of N edges against the emulator (2 cores, file backend)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"\nplot written to {path}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000], help="numbers of edges")
    parser.add_argument(
        "--shape",
        choices=["edges", "fast", "latency", "branch", "split", "memory", "preview"],
        default="edges",
        help="edges: floor, ours, direct; fast: the same without default checkpointing; "
        "latency: direct and ours under 100 ms per request; branch: + rules and device settings; "
        "split: one stack or several; memory: ours without checkpoints; preview: no-op previews and "
        "refreshes, repeated",
    )
    parser.add_argument("--parts", type=int, default=4, help="stacks of the split shape")
    parser.add_argument("--repeat", type=int, default=1, help="floor/ours cycles per N (spread)")
    parser.add_argument("--no-latency", action="store_true", help="skip the runs with added latency")
    parser.add_argument("--plot", type=Path, help="write a PNG of time against N (needs matplotlib)")
    args = parser.parse_args()
    print(HEADER, flush=True)
    rows: list[Row] = []
    for edges in args.sizes:
        with tempfile.TemporaryDirectory(prefix="fleet-bench-") as tmp:
            if args.shape == "branch":
                rows += run_branch_shape(edges, Path(tmp))
            elif args.shape == "fast":
                rows += run_fast_shape(edges, Path(tmp))
            elif args.shape == "latency":
                rows += run_latency_shape(edges, Path(tmp))
            elif args.shape == "preview":
                rows += run_preview_shape(edges, Path(tmp), args.repeat)
            elif args.shape == "memory":
                rows += run_memory_shape(edges, Path(tmp))
            elif args.shape == "split":
                rows += run_split_shape(edges, Path(tmp), args.parts)
            else:
                rows += run_edges_shape(edges, Path(tmp), args.repeat, not args.no_latency)
    if args.shape in ("edges", "fast", "latency", "preview"):
        for edges in args.sizes:
            summary(edges, rows)
    if args.plot:
        plot(rows, args.plot)


if __name__ == "__main__":
    main()
