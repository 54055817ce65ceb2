"""The acceptance ladder for NonSdwanDestination and EnterpriseApiToken with the real CLI.

up -> no-op preview -> update in place (destination) and replace (token: a new value, the old one
revoked) -> refresh clean -> a destination changed by hand and a token revoked by hand are seen by
`preview --refresh --expect-no-changes` and healed by `up --refresh` -> the token value is only in
Pulumi's secret envelope -> destroy removes the destination and revokes the token.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.client.errors import Unauthorized
from pulumi_velocloud.settings import Settings
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "destinations.py").read_text()
NVS = "nvsViaEdgeService"


def token_works(vco: EmulatorProcess, token: str) -> bool:
    client = VcoClient(Settings(url=vco.url, token=SecretStr(token), max_attempts=1))
    try:
        client.v1.call("enterprise/getEnterprise", {})
        return True
    except Unauthorized:
        return False
    finally:
        client.session.close()


def outputs(stack: PulumiCli) -> dict[str, str]:
    result: dict[str, str] = json.loads(stack.run("stack", "output", "--json", "--show-secrets").stdout)
    return result


def test_destinations_ladder(tmp_path: Path, vco: EmulatorProcess, client: VcoClient) -> None:
    stack = stack_for(make_project(tmp_path / "destinations", PROGRAM), vco)
    stack.run("up", "--yes")
    out = outputs(stack)
    enterprise = next(
        e.id for e in client.v1.get_network_enterprises() if e.logical_id == out["enterprise_id"]
    )
    [dc1] = client.v1.get_enterprise_services(enterprise, type=NVS)
    assert dc1.logical_id == out["destination"] and dc1.data is not None
    assert dc1.data["primaryServer"]["IKEPROP"]["encryptionAlgorithm"] == "AES_256_CBC"
    assert token_works(vco, out["token"])
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0

    # in place: a backup peer, a second subnet, another DH group; replaced: the token (a new name)
    stack.run(
        "config",
        "set-all",
        "--plaintext",
        "backupIp=203.0.113.11",
        "--plaintext",
        "moreSubnets=true",
        "--plaintext",
        "dhGroup=19",
        "--plaintext",
        "tokenName=ci-2",
    )
    stack.run("up", "--yes")
    second = outputs(stack)
    assert second["destination"] == out["destination"], "updated in place"
    [dc1] = client.v1.get_enterprise_services(enterprise, type=NVS)
    assert dc1.data is not None and dc1.data["backupServer"]["nvsPublicIp"] == "203.0.113.11"
    assert (
        len(dc1.data["peerSubnets"]["subnets"]) == 2 and dc1.data["primaryServer"]["IKEPROP"]["DHGroup"] == 19
    )
    assert second["token_id"] != out["token_id"] and second["token"] != out["token"]
    assert token_works(vco, second["token"]) and not token_works(vco, out["token"]), "the old token revoked"
    assert stack.run("refresh", "--yes", "--expect-no-changes", check=False).returncode == 0

    # out-of-band: the peer moved by hand, the token revoked by hand
    data = dict(dc1.data)
    data["primaryServer"] = {**data["primaryServer"], "nvsPublicIp": "198.51.100.1"}
    client.v1.update_enterprise_service(enterprise, dc1.id, {"data": data})
    [live] = [t for t in client.v1.get_api_tokens(enterprise) if t.token_uuid == second["token_id"]]
    client.v1.revoke_api_token(enterprise, live.id)
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0
    assert "198.51.100.1" in drift.stdout and "primary_ip" in drift.stdout
    stack.run("up", "--refresh", "--yes")
    healed = outputs(stack)
    [dc1] = client.v1.get_enterprise_services(enterprise, type=NVS)
    assert dc1.data is not None and dc1.data["primaryServer"]["nvsPublicIp"] == "203.0.113.10"
    assert healed["token_id"] != second["token_id"] and token_works(vco, healed["token"])
    assert stack.run("preview", "--expect-no-changes", check=False).returncode == 0

    state = stack.run("stack", "export").stdout
    assert healed["token"] not in state, "the token value is only in the secret envelope"

    stack.run("destroy", "--yes")
    assert client.v1.get_enterprise_services(enterprise, type=NVS) == []
    assert not token_works(vco, healed["token"])
