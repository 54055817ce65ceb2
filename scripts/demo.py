"""`make demo`: start the emulator, `pulumi up` the quickstart stack, prove it converged.

Steps: start the VCO emulator on a free loopback port (database and operator token under
`.demo/`), select or create stack `dev` on a local file backend under `.demo/`, point
`velocloud:url` / `velocloud:tokenFile` at the emulator, `pulumi up --yes`, print the
outputs, then `pulumi preview --expect-no-changes`, and stop the emulator. Running it
again reuses the same database and state, so the second `up` changes nothing.
"""

from __future__ import annotations

import sys
import time

from scripts.pulumi_cli import REPO, PulumiCli, PulumiError
from vco_emulator.process import EmulatorProcess

DEMO = REPO / ".demo"


def step(text: str) -> None:
    print(f"\n==> {text}", flush=True)


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
        except PulumiError as exc:
            print(f"\ndemo failed: {exc}", file=sys.stderr)
            return 1
        stats = vco.admin("GET", "stats")
        step(f"done in {time.monotonic() - started:.1f}s; the emulator served {stats['total']} API requests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
