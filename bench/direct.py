"""The API's own limit for the fleet benchmark: N edges created straight through the API.

Four threads (the dynamic-provider host's four workers, the client's default in-flight limit),
one `requests.Session` each, one v2 `createEdge` per edge (the call `Edge.create` makes) in a
fresh enterprise and profile. No Pulumi, no retries, no state: the time the Orchestrator
itself needs for N edges at four in flight.
"""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass

import requests

from vco_emulator.domain.seed import seed_logical_id
from vco_emulator.process import EmulatorProcess

V2 = "/api/sdwan/v2"
IN_FLIGHT = 4


@dataclass(frozen=True)
class DirectRun:
    seconds: float
    calls: int
    errors: int


def _session(token: str) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Token {token}"
    return session


def create_edges(vco: EmulatorProcess, edges: int, label: str) -> DirectRun:
    """Create `edges` edges in a new enterprise `label`; returns the wall time of the creates."""
    setup = _session(vco.token)
    base = vco.url + V2
    body = {
        "name": f"direct {label}",
        "gatewayPool": seed_logical_id("gateway-pool"),
        "operatorProfiles": [seed_logical_id("operator-profile")],
    }
    enterprise = setup.post(f"{base}/enterprises/", json=body, timeout=60).json()["logicalId"]
    enterprise_id = vco.admin("GET", "state")["objects"]["enterprise"]
    numeric = next(e["id"] for e in enterprise_id if e["logicalId"] == enterprise)
    profile = setup.post(
        f"{vco.url}/portal/rest/configuration/cloneEnterpriseTemplate",
        json={"enterpriseId": numeric, "name": "Branch"},
        timeout=60,
    ).json()["id"]
    profile_logical_id = setup.post(
        f"{vco.url}/portal/rest/configuration/getConfiguration",
        json={"enterpriseId": numeric, "id": profile},
        timeout=60,
    ).json()["logicalId"]
    url = f"{base}/enterprises/{enterprise}/edges/"
    counter = itertools.count()
    errors = 0
    lock = threading.Lock()

    def worker() -> None:
        nonlocal errors
        session = _session(vco.token)
        while (i := next(counter)) < edges:
            edge = {
                "name": f"edge-{i:05d}",
                "modelNumber": "edge6X0",
                "serialNumber": f"D{label}{i:09d}",
                "profile": profile_logical_id,
                "site": {"name": f"Site {i}", "city": "Paris", "country": "FR"},
            }
            response = session.post(url, params={"include": "site"}, json=edge, timeout=120)
            if response.status_code != 201:
                with lock:
                    errors += 1

    threads = [threading.Thread(target=worker) for _ in range(IN_FLIGHT)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return DirectRun(time.monotonic() - started, edges, errors)
