"""Issue 10, point 4: no secret in plain text anywhere, through a whole lifecycle with the real CLI.

The API token is set with `pulumi config set --secret velocloud:token` (no token file); the
stack carries a user password, an SNMP community, a BGP MD5 key in a raw section and an edge
activation key. After up, no-op preview, refresh, an update of a non-secret field next to the
BGP key, and destroy, none of them may appear in plain text in: any CLI output (the engine's
verbose log included), `pulumi stack export`, any file of the state backend or PULUMI_HOME
(history, backups, logs), or the emulator's log. The update's `preview --diff` must show the
changed static route field by field (issue 10, point 5), not one `[secret]` blob.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_velocloud.client import VcoClient
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from .project import make_project

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "secrets.py").read_text()
PASSWORD, COMMUNITY, BGP_KEY = "user-Pa55word-7781", "snmp-c0mmunity-4410", "bgp-MD5-key-0451"


def texts_under(folder: Path) -> list[tuple[Path, str]]:
    return [(p, p.read_text(errors="replace")) for p in folder.rglob("*") if p.is_file()]


def test_no_secret_in_plain_text_anywhere(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    project = make_project(tmp_path / "secrets", PROGRAM)
    stack = PulumiCli(project_dir=project, state_dir=project / ".state")
    stack.select_stack("test")
    stack.set_config("velocloud:url", vco.url)
    stack.set_config("velocloud:token", vco.token, secret=True)
    stack.set_config("userPassword", PASSWORD, secret=True)
    stack.set_config("snmpCommunity", COMMUNITY, secret=True)
    assert not (project / "Pulumi.test.yaml").read_text().count(vco.token)

    outputs = [
        stack.run("up", "--yes", "-v=9", "--logflow", "--logtostderr"),
        stack.run("preview", "--diff", "--expect-no-changes"),
        stack.run("refresh", "--yes"),
        stack.run("stack", "output"),
    ]
    stack.set_config("gateway", "10.0.10.253")
    diff = stack.run("preview", "--diff")
    outputs.append(diff)
    field_by_field = "10.0.10.253" in diff.stdout  # the route change, field by field
    outputs.append(stack.run("up", "--yes"))
    export = stack.run("stack", "export")
    outputs.append(export)

    enterprise = next(e.id for e in client.v1.get_network_enterprises() if e.name == "Secret Corp")
    [edge] = [e for e in client.v1.get_enterprise_edges(enterprise)]
    activation_key = client.v1.get_edge(enterprise, edge.id).activation_key
    assert activation_key
    outputs.append(stack.run("destroy", "--yes", "-v=9", "--logflow", "--logtostderr"))

    needles = {
        "API token": vco.token,
        "password": PASSWORD,
        "SNMP community": COMMUNITY,
        "BGP key": BGP_KEY,
        "activation key": activation_key,
    }
    places = [(f"pulumi {' '.join(map(str, r.args[1:3]))}", r.stdout + r.stderr) for r in outputs]
    places += [(str(p), text) for p, text in texts_under(project / ".state")]
    places += [(str(p), text) for p, text in texts_under(vco.db.parent) if p.suffix in (".log", "")]
    places = [(where, text) for where, text in places if "operator-token" not in where]
    leaks = sorted(
        {f"{what} in {where}" for where, text in places for what, needle in needles.items() if needle in text}
    )
    assert leaks == [], "\n".join(leaks)
    assert field_by_field, diff.stdout
