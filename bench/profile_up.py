"""Profile one `pulumi up` of N edges: the engine (Go), the Python processes and the emulator.

    .venv/bin/python -m bench.profile_up 1000 --out /tmp/up-profile            # our stack
    .venv/bin/python -m bench.profile_up 1000 --stack floor --out /tmp/floor   # the floor
    .venv/bin/python -m bench.profile_up 1000 --refresh --latency --out /tmp/refresh  # preview --refresh

Needs the `bench` extra (py-spy). Writes into `--out`:
- `engine.<pid>.cpu` / `.mem` / `.trace`: the engine's Go profiles (`pulumi up --profiling`),
  read with `go tool pprof -top pulumi engine.<pid>.cpu`;
- `up.trace`: the engine's OpenTracing spans (`--tracing=file:`);
- `program.txt`, `provider.txt`, `emulator.txt`: py-spy samples (collapsed stacks) of the
  Python program, the dynamic-provider process and the emulator;
- `state.json`: `pulumi stack export` after the run.
With `--refresh` the stack is first created without profiling (skip checkpoints) and the
profiled command is `pulumi preview --refresh --expect-no-changes`; `--latency` adds 100 ms to
every API request of the profiled command (the emulator's latency fault).
Then prints the wall time, the CPU time of each process, the checkpoint size and the hottest
frames of each Python process. A tool that prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.fleet import FLOOR_PROGRAM, PROGRAM, SKIP, UP, latency, make_stack
from scripts.pulumi_cli import PulumiCli, pulumi_bin_dir
from vco_emulator.process import EmulatorProcess


def py_spy() -> str:
    found = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if found is None:
        raise SystemExit("py-spy is missing: pip install -c constraints.txt -e '.[bench]'")
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its reaped children, from /proc (0 when gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def spy(pid: int, output: Path) -> subprocess.Popen[bytes]:
    """py-spy sampling one process into a collapsed-stack file, until it exits or is interrupted."""
    argv = [py_spy(), "record", "--gil", "--pid", str(pid), "--format", "raw", "-o", str(output)]
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def watch(engine: subprocess.Popen[bytes], pulumi_home: str, out: Path) -> list[subprocess.Popen[bytes]]:
    """Until the engine exits: attach py-spy to the program and the dynamic provider of this run.

    (py-spy wrapping `pulumi` itself keeps the engine from writing its CPU profile.)"""
    marker = f"PULUMI_HOME={pulumi_home}".encode()
    seen: set[int] = set()
    spies = []
    while engine.poll() is None:
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit() or int(proc.name) in seen:
                continue
            try:
                cmdline = (proc / "cmdline").read_bytes()
                role = next((r for k, r in ROLES.items() if k in cmdline), None)
                if role is None or marker not in (proc / "environ").read_bytes():
                    continue
            except OSError:
                continue
            seen.add(int(proc.name))
            spies.append(spy(int(proc.name), out / f"{role}.txt"))
        time.sleep(0.05)
    if engine.returncode != 0:
        raise SystemExit(f"pulumi up failed ({engine.returncode})")
    return spies


ROLES = {b"pulumi.dynamic": "provider", b"pulumi-language-python-exec": "program"}


def hottest(collapsed: Path, top: int = 12) -> tuple[int, list[tuple[int, str]], list[tuple[int, str]]]:
    """Samples in all, the frames with most samples including callees (ours and Pulumi's SDK),
    and the frames with most samples of their own."""
    inclusive: collections.Counter[str] = collections.Counter()
    leaf: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        frames = stack.split(";")
        total += int(n)
        leaf[frames[-1]] += int(n)
        for frame in set(frames):
            if any(k in frame for k in ("pulumi_velocloud/", "vco_emulator/", "pulumi/", "bench/")):
                inclusive[frame] += int(n)
    return total, inclusive.most_common(top), leaf.most_common(top)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("edges", type=int)
    parser.add_argument("--stack", choices=["ours", "floor"], default="ours")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--skip-checkpoints", action="store_true")
    parser.add_argument("--refresh", action="store_true", help="profile preview --refresh of the stack")
    parser.add_argument("--latency", action="store_true", help="100 ms per API request while profiled")
    args = parser.parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    program = PROGRAM if args.stack == "ours" else FLOOR_PROGRAM
    with (
        tempfile.TemporaryDirectory(prefix="profile-up-") as tmp,
        EmulatorProcess.start(Path(tmp) / "vco") as vco,
    ):
        stack = make_stack(args.stack, Path(tmp), program, vco, args.edges, args.edges + 2)
        env = stack.cli.environment()
        env["PATH"] = f"{pulumi_bin_dir()}{os.pathsep}{env['PATH']}"
        if args.skip_checkpoints:
            env["PULUMI_SKIP_CHECKPOINTS"] = "true"
        command = ["up", "--yes", "--skip-preview"]
        if args.refresh:
            PulumiCli(stack.cli.project_dir, stack.cli.state_dir, env={**stack.cli.env, **SKIP}).run(*UP)
            command = ["preview", "--refresh", "--expect-no-changes"]
        calls_before = vco.admin("GET", "stats")["total"]
        spies = [spy(vco.process.pid, out / "emulator.txt")]
        emulator_cpu = cpu_seconds(vco.process.pid)
        argv = [
            "pulumi", *command, "--non-interactive",
            f"--profiling={out / 'engine'}", f"--tracing=file:{out / 'up.trace'}",
        ]  # fmt: skip
        with latency(vco) if args.latency else contextlib.nullcontext():
            started = time.monotonic()
            usage_before = os.times()
            engine = subprocess.Popen(argv, cwd=stack.cli.project_dir, env=env, stdout=subprocess.DEVNULL)
            spies += watch(engine, env["PULUMI_HOME"], out)
            wall = time.monotonic() - started
        usage = os.times()
        children_cpu = (usage.children_user - usage_before.children_user) + (
            usage.children_system - usage_before.children_system
        )
        emulator_cpu = cpu_seconds(vco.process.pid) - emulator_cpu
        for proc in spies:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
        state = stack.cli.run("stack", "export").stdout
        (out / "state.json").write_text(state)
        calls = vco.admin("GET", "stats")["total"] - calls_before
    what = " ".join(command[:2] if args.refresh else command[:1]) + (" +100ms" if args.latency else "")
    print(f"{args.stack} {what} of {args.edges} edges: {wall:.1f} s wall, {calls} API calls")
    print(
        f"CPU: engine, language host, program, provider {children_cpu:.1f} s; emulator {emulator_cpu:.1f} s"
    )
    print(f"checkpoint: {len(state) / 1024:.0f} KiB ({len(state) / max(args.edges, 1):.0f} bytes per edge)")
    for name in ("program", "provider", "emulator"):
        if (out / f"{name}.txt").exists():
            total, inclusive, leaf = hottest(out / f"{name}.txt")
            print(f"\n{name}: {total} samples holding the GIL (100 per second); with callees:")
            for count, frame in inclusive:
                print(f"  {count:>7} {frame}")
            print("  own:")
            for count, frame in leaf:
                print(f"  {count:>7} {frame}")


if __name__ == "__main__":
    main()
