"""Benchmark of the emulator as a real server: requests per second for typical API calls.

    .venv/bin/python bench/emulator.py [--seconds 3] [--max-requests 3000]

Starts an emulator on loopback in a temporary directory and measures, with 1 and 8 concurrent
clients (threads, one `requests.Session` each), each scenario for at most `--seconds` or
`--max-requests`: v2 enterprise GET, v2 enterprise list pages, enterprise creates, and, when
the emulator serves `POST .../edges/` (else a note says it is skipped): edge GET, edge list
pages of 2048 and edge provisioning. Prints a table. A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from vco_emulator.domain.seed import seed_logical_id
from vco_emulator.process import EmulatorProcess

V2 = "/api/sdwan/v2"
GATEWAY_POOL = seed_logical_id("gateway-pool")
OPERATOR_PROFILE = seed_logical_id("operator-profile")
EDGE_PAGE = 2048

Call = Callable[[requests.Session, int], requests.Response]


@dataclass
class Result:
    scenario: str
    clients: int
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def row(self) -> str:
        p50 = statistics.median(self.latencies) * 1000 if self.latencies else 0.0
        p95 = sorted(self.latencies)[int(len(self.latencies) * 0.95) - 1] * 1000 if self.latencies else 0.0
        return (
            f"{self.scenario:<28} {self.clients:>7} {self.requests:>8} {self.errors:>6} "
            f"{self.rate:>10.1f} {p50:>8.1f} {p95:>8.1f}"
        )


def run(scenario: str, clients: int, call: Call, *, seconds: float, max_requests: int, ok: int) -> Result:
    counter = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds

    def worker(headers: dict[str, str]) -> None:
        nonlocal errors
        session = requests.Session()
        session.headers.update(headers)
        while time.monotonic() < deadline:
            i = next(counter)
            if i >= max_requests:
                return
            started = time.perf_counter()
            response = call(session, i)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status_code != ok:
                    errors += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(HEADERS,)) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Result(scenario, clients, len(latencies), errors, time.monotonic() - started, latencies)


HEADERS: dict[str, str] = {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per scenario and client count")
    parser.add_argument(
        "--max-requests", type=int, default=3000, help="requests per scenario and client count"
    )
    args = parser.parse_args(argv)
    limits = {"seconds": args.seconds, "max_requests": args.max_requests}

    with tempfile.TemporaryDirectory() as tmp, EmulatorProcess.start(Path(tmp)) as vco:
        HEADERS.update({"Authorization": f"Token {vco.token}"})
        base = vco.url + V2
        setup = requests.Session()
        setup.headers.update(HEADERS)
        enterprises = [create_enterprise(setup, base, f"bench-{i}").json()["logicalId"] for i in range(200)]
        target = enterprises[0]
        results: list[Result] = []
        notes: list[str] = []
        for clients in (1, 8):
            results.append(
                run(
                    "v2 getEnterprise",
                    clients,
                    lambda s, i: s.get(f"{base}/enterprises/{target}/", timeout=30),
                    ok=200,
                    **limits,
                )
            )
            results.append(
                run(
                    "v2 getEnterprises limit=100",
                    clients,
                    lambda s, i: s.get(f"{base}/enterprises/", params={"limit": 100}, timeout=30),
                    ok=200,
                    **limits,
                )
            )
            results.append(
                run(
                    "v2 createEnterprise",
                    clients,
                    lambda s, i, c=clients: create_enterprise(s, base, f"created-{c}-{i}"),
                    ok=201,
                    **limits,
                )
            )
        edge_results, note = bench_edges(vco, setup, base, target, limits)
        results += edge_results
        if note:
            notes.append(note)

    header = ("scenario", "clients", "requests", "errors", "req/s", "p50 ms", "p95 ms")
    print("{:<28} {:>7} {:>8} {:>6} {:>10} {:>8} {:>8}".format(*header))
    for r in results:
        print(r.row())
    for note in notes:
        print("note:", note)
    return 0


def create_enterprise(session: requests.Session, base: str, name: str) -> requests.Response:
    body = {"name": name, "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
    return session.post(f"{base}/enterprises/", json=body, timeout=30)


def bench_edges(
    vco: EmulatorProcess, setup: requests.Session, base: str, enterprise: str, limits: dict[str, Any]
) -> tuple[list[Result], str | None]:
    """Edge scenarios, or a note when this emulator does not provision edges yet."""
    state = vco.admin("GET", "state")["objects"]
    ent_id = next(e["id"] for e in state["enterprise"] if e["logicalId"] == enterprise)
    profile = next(
        c["logicalId"]
        for c in state.get("configuration", [])
        if c["enterpriseId"] == ent_id and not c["data"].get("edgeSpecific")
    )
    edges_url = f"{base}/enterprises/{enterprise}/edges/"

    run_prefix = ["probe"]  # edge names must be unique within the enterprise across runs

    def provision(s: requests.Session, i: int) -> requests.Response:
        body = {"name": f"edge-{run_prefix[0]}-{i}", "modelNumber": "edge510", "profile": profile}
        return s.post(edges_url, json=body, timeout=30)

    probe = provision(setup, -1)
    if probe.status_code == 404:
        return (
            [],
            f"edge scenarios skipped: POST {V2}/enterprises/{{id}}/edges/ answers 404 (not implemented)",
        )
    if probe.status_code != 201:
        return [], f"edge scenarios skipped: provisioning answered {probe.status_code}: {probe.text[:200]}"
    results = []
    provision_limits = {**limits, "max_requests": EDGE_PAGE // 2}  # two runs fill one page of 2048
    for clients in (1, 8):
        run_prefix[0] = f"c{clients}"
        results.append(run("v2 createEdge", clients, provision, ok=201, **provision_limits))
    listed = setup.get(edges_url, params={"limit": EDGE_PAGE}, timeout=60).json()["data"]
    first = listed[0]["logicalId"]
    for clients in (1, 8):
        results.append(
            run(
                "v2 getEnterpriseEdge",
                clients,
                lambda s, i: s.get(f"{edges_url}{first}/", timeout=30),
                ok=200,
                **limits,
            )
        )
        results.append(
            run(
                f"v2 getEnterpriseEdges {len(listed)}",
                clients,
                lambda s, i: s.get(edges_url, params={"limit": EDGE_PAGE}, timeout=60),
                ok=200,
                **limits,
            )
        )
    return results, None


if __name__ == "__main__":
    sys.exit(main())
