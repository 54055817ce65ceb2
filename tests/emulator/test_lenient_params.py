"""v1 params a method does not declare: ignored and counted by default (as the real VCO does),
refused with `serve --strict-params` (what this test suite's own server runs with).

Evidence (docs/evidence.md section 7): clients that work against real Orchestrators send params
the spec does not declare, and get answers.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise, v1


@pytest.fixture(scope="module")
def lenient(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorProcess]:
    with EmulatorProcess.start(tmp_path_factory.mktemp("lenient")) as server:
        yield server


def _enterprise_id(vco: EmulatorProcess, name: str) -> int:
    logical_id = create_enterprise(vco, name).json()["logicalId"]
    listed = v1(vco, "network/getNetworkEnterprises").json()
    return next(e["id"] for e in listed if e["logicalId"] == logical_id)


def test_default_server_ignores_and_counts_undeclared_params(lenient: EmulatorProcess) -> None:
    lenient.admin("POST", "reset")
    eid = _enterprise_id(lenient, "Lenient Corp")
    answer = v1(lenient, "enterprise/getEnterpriseConfigurations", {"enterpriseId": eid, "sortBy": "name"})
    assert answer.status_code == 200, answer.text
    assert [p["name"] for p in answer.json()] == ["Quick Start Profile"]
    # over JSON-RPC too, and a nested document stays strict
    rpc = requests.post(
        f"{lenient.url}/portal/",
        json={
            "jsonrpc": "2.0",
            "id": 1,
            "method": "enterprise/getEnterpriseNetworkSegments",
            "params": {"enterpriseId": eid, "limit": 10, "_filterSpec": True},
        },
        headers=auth(lenient),
        timeout=10,
    )
    assert rpc.status_code == 200 and rpc.json()["result"], rpc.text
    ignored = lenient.admin("GET", "stats")["ignoredParams"]
    assert ignored == {
        "enterprise/getEnterpriseConfigurations": ["sortBy"],
        "enterprise/getEnterpriseNetworkSegments": ["_filterSpec", "limit"],
    }
    # a declared param with a wrong type is still refused
    bad = v1(lenient, "enterprise/getEnterpriseConfigurations", {"enterpriseId": "x"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == -32602


def test_strict_server_refuses_undeclared_params(vco: EmulatorProcess, eid: int) -> None:
    answer = v1(vco, "enterprise/getEnterpriseConfigurations", {"enterpriseId": eid, "sortBy": "name"})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == -32602 and "sortBy" in error["message"]
    assert vco.admin("GET", "stats")["ignoredParams"] == {}
