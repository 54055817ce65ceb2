"""Responses of the implemented operations in the corners other tests leave out (options, full
objects, error envelopes, JSON-RPC), so the fidelity plugin validates their shapes against the spec.
The assertions here are on behaviour; the shapes are checked by `tests/fidelity/plugin.py`.
"""

from __future__ import annotations

import requests

from vco_emulator.process import EmulatorProcess

from .helpers import auth, create_enterprise, v1

FULL = {
    "accountNumber": "ACC-1",
    "domain": "acme.example",
    "contactName": "Ada",
    "contactEmail": "ada@acme.example",
    "streetAddress": "1 Main St",
    "city": "Springfield",
    "country": "US",
    "lat": 37.5,
    "lon": -122.25,
    "timezone": "Europe/Paris",
    "locale": "fr-FR",
    "endpointPkiMode": "CERTIFICATE_REQUIRED",
}


def _v1_id(vco: EmulatorProcess, logical_id: str) -> int:
    found = [e["id"] for e in v1(vco, "network/getNetworkEnterprises").json() if e["logicalId"] == logical_id]
    assert len(found) == 1
    return int(found[0])


def test_fully_described_enterprise_reads_back_on_both_apis(vco: EmulatorProcess) -> None:
    created = create_enterprise(vco, "Full", **FULL)
    assert created.status_code == 201, created.text
    body = created.json()
    assert {k: body[k] for k in FULL} == FULL
    ent = v1(vco, "enterprise/getEnterprise", {"enterpriseId": _v1_id(vco, body["logicalId"])}).json()
    assert (ent["lat"], ent["lon"], ent["endpointPkiMode"]) == (37.5, -122.25, "CERTIFICATE_REQUIRED")


def test_get_enterprise_with_enterprise_proxy(vco: EmulatorProcess) -> None:
    logical_id = create_enterprise(vco, "Direct").json()["logicalId"]
    r = v1(vco, "enterprise/getEnterprise", {"id": _v1_id(vco, logical_id), "with": ["enterpriseProxy"]})
    assert r.status_code == 200, r.text
    assert r.json()["name"] == "Direct"
    assert "enterpriseProxy" not in r.json()  # no partner: omitted, as the object is not nullable


def test_v1_invalid_params_list_each_field_error(vco: EmulatorProcess) -> None:
    logical_id = create_enterprise(vco, "Strict").json()["logicalId"]
    r = v1(
        vco,
        "enterprise/updateEnterprise",
        {"id": _v1_id(vco, logical_id), "_update": {"endpointPkiMode": "SOMETIMES", "bogus": 1}},
    )
    assert r.status_code == 400
    details = r.json()["error"]["data"]["error"]
    assert {d["path"] for d in details} >= {"endpointPkiMode", "bogus"}


def test_v1_unknown_enterprise_and_unauthenticated_calls(vco: EmulatorProcess) -> None:
    missing = v1(vco, "enterprise/getEnterprise", {"id": 999999})
    assert missing.status_code == 400 and "999999" in missing.json()["error"]["message"]
    anonymous = requests.post(f"{vco.url}/portal/rest/enterprise/getEnterprise", json={}, timeout=10)
    assert anonymous.status_code == 401 and "error" in anonymous.json()


def test_jsonrpc_transport_results_and_errors(vco: EmulatorProcess) -> None:
    def rpc(method: str, params: dict[str, object]) -> requests.Response:
        body = {"jsonrpc": "2.0", "method": method, "params": params, "id": 7}
        return requests.post(f"{vco.url}/portal/", json=body, headers=auth(vco), timeout=10)

    pools = rpc("network/getNetworkGatewayPools", {})
    assert pools.status_code == 200 and pools.json()["id"] == 7 and pools.json()["result"]
    profiles = rpc("network/getNetworkConfigurations", {"with": ["modules"]})
    assert profiles.status_code == 200 and profiles.json()["result"]
    bad = rpc("enterprise/updateEnterprise", {"id": "one"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == -32602


def test_v2_list_rejects_bad_paging_and_filters(vco: EmulatorProcess) -> None:
    url = f"{vco.url}/api/sdwan/v2/enterprises/"
    for query in ({"limit": "0"}, {"limit": "many"}, {"name[resembles]": "x"}, {"nextPageLink": "garbage"}):
        r = requests.get(url, params=query, headers=auth(vco), timeout=10)
        assert r.status_code == 400, (query, r.text)
        assert r.json()["code"] == "VALIDATION_ERROR"
