"""`make demo`: start the emulator, `pulumi up` the quickstart stack, show drift and heal it.

Steps: start the VCO emulator on a free loopback port (database and operator token under
`.demo/`); select or create stack `dev` on a local file backend under `.demo/`; point
`velocloud:url` / `velocloud:tokenFile` at the emulator; `pulumi up --yes` and print the
outputs; prove convergence with `pulumi preview --expect-no-changes`; then change one edge
out of band through the API, as an operator would in the Orchestrator UI, and show that
`pulumi preview --refresh --expect-no-changes` fails naming exactly that field, that
`pulumi up --refresh --yes` heals it, and that a final `pulumi preview --expect-no-changes`
passes. The drift is also reported by `velocloud drift` before it is healed (saved under
`.demo/drift-report.md` and `.json`); the demo ends by printing that report. Running it again
reuses the same database and state.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.settings import Settings
from scripts.pulumi_cli import REPO, PulumiCli, PulumiError
from vco_emulator.process import EmulatorProcess

DEMO = REPO / ".demo"
DRIFTED_EDGE = "nyc-02"


def step(text: str) -> None:
    print(f"\n==> {text}", flush=True)


def change_edge_out_of_band(vco: EmulatorProcess, pulumi: PulumiCli) -> str:
    """Rename the description of one edge straight through the v2 API; returns the new value."""
    outputs = json.loads(pulumi.run("stack", "output", "--json").stdout)
    client = VcoClient(Settings(url=vco.url, token=SecretStr(vco.token)))
    value = f"changed by hand at {time.strftime('%H:%M:%S')}"
    client.v2.update_edge(
        outputs["enterprise_id"],
        outputs["edges"][DRIFTED_EDGE]["id"],
        [{"op": "replace", "path": "/description", "value": value}],
    )
    return value


def drift_report(pulumi: PulumiCli) -> tuple[int, str]:
    """`velocloud drift` of stack dev (markdown, JSON saved beside it); returns (exit code, report)."""
    velocloud = Path(sys.executable).with_name("velocloud")
    result = subprocess.run(
        [
            str(velocloud),
            "drift",
            "--stack",
            "dev",
            "--cwd",
            str(REPO),
            "--json-file",
            str(DEMO / "drift-report.json"),
        ],
        env=pulumi.environment(),
        text=True,
        capture_output=True,
    )
    (DEMO / "drift-report.md").write_text(result.stdout)
    return result.returncode, result.stdout or result.stderr


def main() -> int:
    started = time.monotonic()
    step("starting the VCO emulator")
    with EmulatorProcess.start(DEMO / "emulator") as vco:
        print(f"    emulator at {vco.url} (database {vco.db.relative_to(REPO)})")
        pulumi = PulumiCli(project_dir=REPO, state_dir=DEMO / "pulumi")
        step("selecting stack dev (local file backend under .demo/pulumi)")
        pulumi.select_stack("dev")
        pulumi.set_config("velocloud:url", vco.url)
        pulumi.set_config("velocloud:tokenFile", str(vco.token_file))
        try:
            step("pulumi up --yes")
            pulumi.run("up", "--yes", stream=True)
            step("stack outputs")
            pulumi.run("stack", "output", stream=True)
            step("pulumi preview --expect-no-changes (the Orchestrator matches the program)")
            pulumi.run("preview", "--expect-no-changes", stream=True)

            value = change_edge_out_of_band(vco, pulumi)
            step(f"an operator changed edge {DRIFTED_EDGE}'s description in the Orchestrator to {value!r}")
            step("pulumi preview --refresh --diff --expect-no-changes (must fail and show the drift)")
            drift = pulumi.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
            print(drift.stdout, drift.stderr, sep="")
            if drift.returncode == 0 or value not in drift.stdout:
                print("demo failed: the drift was not reported", file=sys.stderr)
                return 1
            step("velocloud drift (the drift report, saved under .demo/drift-report.md and .json)")
            code, report = drift_report(pulumi)
            if code != 2 or value not in report:
                print(f"demo failed: velocloud drift exited {code}:\n{report}", file=sys.stderr)
                return 1
            print("    exit code 2: drift found (printed at the end)")
            step("pulumi up --refresh --yes (puts the declared description back)")
            pulumi.run("up", "--refresh", "--yes", stream=True)
            step("pulumi preview --expect-no-changes (converged again)")
            pulumi.run("preview", "--expect-no-changes", stream=True)
        except PulumiError as exc:
            print(f"\ndemo failed: {exc}", file=sys.stderr)
            return 1
        stats = vco.admin("GET", "stats")
        step(f"done in {time.monotonic() - started:.1f}s; the emulator served {stats['total']} API requests")
    step("the drift report of the change made by hand (velocloud drift, before it was healed)")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
