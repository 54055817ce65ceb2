"""Fleet benchmark: one enterprise, one profile and N edges, driven by the real `pulumi` CLI.

    .venv/bin/python -m bench.fleet 100 1000           # edges only
    .venv/bin/python -m bench.fleet --shape branch 100  # + 50 firewall rules, edge device settings

For each N it starts an emulator on loopback, then times `pulumi up`, a no-op `pulumi
preview`, `pulumi preview --refresh` and `pulumi destroy`, and prints for each: wall time,
API requests in total and per edge (from the emulator's stats), and the peak memory (VmHWM)
of the dynamic-provider process (`python -m pulumi.dynamic`), sampled from /proc.
It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from scripts.pulumi_cli import REPO, PulumiCli
from vco_emulator.process import EmulatorProcess

PROGRAM = """
import pulumi
import pulumi_velocloud as velocloud

n = pulumi.Config().require_int("edges")
acme = velocloud.Enterprise("acme", name="Fleet Corp")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
for i in range(n):
    velocloud.Edge(
        f"edge-{i:05d}", enterprise_id=acme.id, profile_id=branch.id, name=f"edge-{i:05d}",
        model_number="edge6X0", serial_number=f"VC{i:010d}",
        site=velocloud.SiteArgs(name=f"Site {i}", city="Paris", country="FR"),
    )
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


class ProviderMemory:
    """Samples the peak resident memory of dynamic-provider processes while a command runs."""

    def __init__(self) -> None:
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ProviderMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            for proc in Path("/proc").iterdir():
                if not proc.name.isdigit():
                    continue
                try:
                    if b"pulumi.dynamic" not in (proc / "cmdline").read_bytes():
                        continue
                    for line in (proc / "status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak_kib = max(self.peak_kib, int(line.split()[1]))
                except OSError:
                    continue


def measure(
    stack: PulumiCli, vco: EmulatorProcess, edges: int, resources: int, label: str, *args: str
) -> None:
    before = vco.admin("GET", "stats")["total"]
    with ProviderMemory() as memory:
        started = time.monotonic()
        stack.run(*args)
        elapsed = time.monotonic() - started
    calls = vco.admin("GET", "stats")["total"] - before
    peak = f"{memory.peak_kib / 1024:.0f} MiB" if memory.peak_kib else "-"
    per_edge, per_resource = calls / edges, calls / resources
    figures = f"{elapsed:>8.1f} s {calls:>8} {per_edge:>9.2f} {per_resource:>9.2f} {peak:>9}"
    print(f"{edges:>6} {label:<20} {figures}", flush=True)


def run(edges: int, workdir: Path, program: str = PROGRAM) -> None:
    project = workdir / "project"
    project.mkdir(parents=True)
    (project / "Pulumi.yaml").write_text(
        f"name: fleet\nruntime:\n  name: python\n  options:\n    virtualenv: {REPO / '.venv'}\n"
    )
    (project / "__main__.py").write_text(program)
    with EmulatorProcess.start(workdir / "emulator") as vco:
        stack = PulumiCli(project_dir=project, state_dir=workdir / "state")
        stack.select_stack("bench")
        stack.set_config("velocloud:url", vco.url)
        stack.set_config("velocloud:tokenFile", str(vco.token_file))
        stack.set_config("edges", str(edges))
        resources = 2 + edges + (edges + 50 if program is BRANCH_PROGRAM else 0)
        for label, *args in (
            ("up", "up", "--yes", "--skip-preview"),
            ("preview (no-op)", "preview", "--expect-no-changes"),
            ("preview --refresh", "preview", "--refresh", "--expect-no-changes"),
            ("destroy", "destroy", "--yes", "--skip-preview"),
        ):
            measure(stack, vco, edges, resources, label, *args)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000], help="numbers of edges")
    parser.add_argument("--shape", choices=["edges", "branch"], default="edges", help="what each stack holds")
    args = parser.parse_args()
    program = BRANCH_PROGRAM if args.shape == "branch" else PROGRAM
    header = ("edges", "operation", "wall", "calls", "per edge", "per res.", "provider")
    print("{:>6} {:<20} {:>10} {:>8} {:>9} {:>9} {:>9}".format(*header), flush=True)
    for edges in args.sizes:
        with tempfile.TemporaryDirectory(prefix="fleet-bench-") as tmp:
            run(edges, Path(tmp), program)


if __name__ == "__main__":
    main()
