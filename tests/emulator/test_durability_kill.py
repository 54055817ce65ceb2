"""Crash safety: every write a client saw acknowledged survives `kill -9` of the emulator."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import requests

from vco_emulator.process import EmulatorProcess
from vco_emulator.store import Store

from .helpers import GATEWAY_POOL, OPERATOR_PROFILE, auth

WRITERS = 6


def test_acknowledged_writes_survive_kill_9(tmp_path: Path) -> None:
    acknowledged: dict[str, str] = {}  # logicalId -> name
    lock = threading.Lock()
    stop = threading.Event()

    with EmulatorProcess.start(tmp_path) as vco:
        url, headers = f"{vco.url}/api/sdwan/v2/enterprises/", auth(vco)

        def writer(n: int) -> None:
            session = requests.Session()
            i = 0
            while not stop.is_set():
                name = f"crash-{n}-{i}"
                i += 1
                body = {"name": name, "gatewayPool": GATEWAY_POOL, "operatorProfiles": [OPERATOR_PROFILE]}
                try:
                    r = session.post(url, json=body, headers=headers, timeout=10)
                except requests.RequestException:
                    return  # the server died under us: this write is unknown, not acknowledged
                if r.status_code == 201:
                    with lock:
                        acknowledged[r.json()["logicalId"]] = name

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 20
        while len(acknowledged) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        vco.kill()  # SIGKILL mid-stream, writes in flight
        stop.set()
        for t in threads:
            t.join(15)
    assert len(acknowledged) >= 40

    with EmulatorProcess.start(tmp_path) as again:
        r = requests.get(f"{again.url}/api/sdwan/v2/enterprises/", headers=auth(again), timeout=30)
        stored = {e["logicalId"]: e["name"] for e in r.json()["data"]}
    missing = {k: v for k, v in acknowledged.items() if stored.get(k) != v}
    assert not missing, f"{len(missing)} acknowledged writes lost after kill -9"


def test_store_runs_wal_with_synchronous_full(tmp_path: Path) -> None:
    store = Store(tmp_path / "vco.sqlite")
    try:
        with store.transaction() as tx:
            tx.set_meta("probe", "1")
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        store.close()
    # WAL is a property of the file: a fresh connection sees it too
    assert sqlite3.connect(tmp_path / "vco.sqlite").execute("PRAGMA journal_mode").fetchone()[0] == "wal"
