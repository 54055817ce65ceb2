"""The rules ladder with the real `pulumi` CLI: 20 firewall rules, switches and 2 business policies
in a profile made outside the stack, next to a rule made by hand.

up -> no-op preview (zero API calls) -> one rule changed in place and one moved to another
segment (replace) in one up -> out-of-band change detected and healed -> destroy leaves only
the hand-made rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.context import provider_context
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.firewall_rule import FirewallRuleProvider
from pulumi_velocloud.settings import Settings
from scripts.pulumi_cli import PulumiCli
from vco_emulator.process import EmulatorProcess

from ..emulator.helpers import GATEWAY_POOL, OPERATOR_PROFILE
from .project import make_project, stack_for

pytestmark = pytest.mark.stack
PROGRAM = (Path(__file__).parent / "programs" / "rules.py").read_text()
HAND = {
    "name": "ui-dns",
    "match": {"proto": 17, "dport_low": 53, "dport_high": 53},
    "action": {"allow_or_deny": "deny"},
    "ruleLogicalId": "ui-dns-1",
}


def no_changes(stack: PulumiCli, *args: str) -> bool:
    return stack.run("preview", "--expect-no-changes", *args, check=False).returncode == 0


def test_rules_ladder(
    tmp_path: Path, vco: EmulatorProcess, client: VcoClient, *, rule_logging: bool = True
) -> None:
    enterprise = client.v2.create_enterprise(
        {"name": "Rules Corp", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    )
    ent = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == enterprise.logical_id)
    profile_vco_id = client.v1.clone_enterprise_template(ent, "Branch")
    profile = client.v1.get_configuration(ent, profile_vco_id)
    client.v1.call(
        "enterprise/insertEnterpriseNetworkSegment",
        {"enterpriseId": ent, "name": "Guest", "type": "REGULAR", "data": {}},
    )

    def module(name: str) -> tuple[int, dict[str, Any]]:
        (m,) = client.v1.get_configuration_modules(ent, profile_vco_id, [name])
        return m.id, dict(m.data or {})

    def rules(segment: str = "Global Segment") -> list[dict[str, Any]]:
        for entry in module("firewall")[1]["segments"]:
            if entry["segment"]["name"] == segment:
                return list(entry["outbound"])
        return []

    firewall_id, data = module("firewall")
    data["segments"][0]["outbound"].append(HAND)
    client.v1.update_configuration_module(ent, firewall_id, {"data": data})

    stack = stack_for(make_project(tmp_path / "rules", PROGRAM), vco)
    stack.set_config("enterpriseId", enterprise.logical_id)
    stack.set_config("profileId", str(profile.logical_id))
    if not rule_logging:
        stack.set_config("noRuleLogging", "true")

    before = vco.admin("GET", "stats")["byOperation"]
    stack.run("up", "--yes")
    after = vco.admin("GET", "stats")["byOperation"]
    reads = after.get("v1 configuration/getConfigurationModules", 0) - before.get(
        "v1 configuration/getConfigurationModules", 0
    )
    writes = after.get("v1 configuration/updateConfigurationModule", 0) - before.get(
        "v1 configuration/updateConfigurationModule", 0
    )
    print(f"up with 20 rules + settings + 2 policies: {reads} module reads, {writes} module writes")
    assert writes <= 23 and reads <= 23, "at most one module read and one write per resource create"
    stored = rules()
    # the first managed rules go after the rules already there; then they are ordered by position
    assert [r["name"] for r in stored] == ["ui-dns", *(f"rule-{n:02}" for n in range(20))]
    assert stored[0] == HAND
    _, data = module("firewall")
    assert data["firewall_logging_enabled"] is True
    assert [r["name"] for r in module("QOS")[1]["segments"][0]["rules"]] == ["Voice", "Backup"]

    calls = vco.admin("GET", "stats")["total"]
    print(stack.run("preview", "--diff", check=False).stdout[-3000:])
    assert no_changes(stack)
    assert vco.admin("GET", "stats")["total"] == calls, "a no-op preview makes no API calls"

    # one rule changed in place, one moved to another segment (a replacement), in one up
    ids = {r["name"]: r["ruleLogicalId"] for r in stored}
    stack.set_config("rule5Action", "reject")
    stack.set_config("rule7Segment", "Guest")
    stack.run("up", "--yes")
    stored = rules()
    assert [r["name"] for r in stored] == ["ui-dns", *(f"rule-{n:02}" for n in range(20) if n != 7)]
    five = next(r for r in stored if r["name"] == "rule-05")
    assert five["action"] == {"allow_or_deny": "reject"} and five["ruleLogicalId"] == ids["rule-05"]
    (seven,) = rules("Guest")
    assert seven["name"] == "rule-07" and seven["ruleLogicalId"] != ids["rule-07"]

    # out-of-band change of a managed rule: detected by refresh, healed by up; the hand-made rule stays
    firewall_id, data = module("firewall")
    next(r for r in data["segments"][0]["outbound"] if r["name"] == "rule-02")["match"]["dport_low"] = 9999
    client.v1.update_configuration_module(ent, firewall_id, {"data": data})
    drift = stack.run("preview", "--refresh", "--diff", "--expect-no-changes", check=False)
    assert drift.returncode != 0 and "rule-02" in drift.stdout
    stack.run("up", "--refresh", "--yes")
    assert next(r for r in rules() if r["name"] == "rule-02")["match"]["dport_low"] == 8002
    assert rules()[0] == HAND
    assert no_changes(stack, "--refresh")

    stack.run("destroy", "--yes")
    assert rules() == [HAND] and rules("Guest") == []
    assert module("QOS")[1]["segments"][0]["rules"] == []


@pytest.fixture(scope="module")
def stripping(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorProcess]:
    """An emulator that stores module documents with only the fields the v1 spec names."""
    with EmulatorProcess.start(
        tmp_path_factory.mktemp("stripping"), extra_args=["--strip-unknown-fields"]
    ) as server:
        yield server


def test_rules_ladder_on_an_orchestrator_that_strips_unknown_fields(
    tmp_path: Path, stripping: EmulatorProcess
) -> None:
    """Issue 10, point 6: the same ladder when the Orchestrator drops fields its schemas do not know
    (rule identity and order rely only on `ruleLogicalId` and the module description); a rule that
    asks for per-rule logging (`loggingEnabled`, not in the v1 spec) fails at once, saying so."""
    client = VcoClient(Settings(url=stripping.url, token=SecretStr(stripping.token)))
    try:
        test_rules_ladder(tmp_path, stripping, client, rule_logging=False)
        enterprise = client.v2.create_enterprise(
            {"name": "Logging Corp", "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
        )
        ent = next(e.id for e in client.v1.get_network_enterprises() if e.logical_id == enterprise.logical_id)
        profile = client.v1.get_configuration(ent, client.v1.clone_enterprise_template(ent, "Branch"))
        provider_context().configure({"velocloud:url": stripping.url, "velocloud:token": stripping.token})
        rule = {
            "enterprise_id": enterprise.logical_id,
            "profile_id": profile.logical_id,
            "name": "logged",
            "position": 0,
            "action": "deny",
            "logging": True,
        }
        with pytest.raises(VcoResourceError, match="without keeping loggingEnabled as written"):
            FirewallRuleProvider().create(rule)
    finally:
        provider_context().configure({})
        client.session.close()
