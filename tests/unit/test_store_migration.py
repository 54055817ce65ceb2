"""A version-1 database (before token metadata and sessions) is upgraded in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vco_emulator.domain.auth import authenticate, digest
from vco_emulator.store import SCHEMA_VERSION, Store

_V1 = """
CREATE TABLE objects (id INTEGER PRIMARY KEY AUTOINCREMENT, logical_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL, enterprise_id INTEGER, name TEXT NOT NULL, data TEXT NOT NULL,
    created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE TABLE api_tokens (id INTEGER PRIMARY KEY AUTOINCREMENT, token_sha256 TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL, state TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO objects VALUES (1, 'op', 'operator_user', NULL, 'super@velocloud.net', '{"isActive": true}',
    '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
INSERT INTO api_tokens VALUES (1, '{digest}', 1, 'ENABLED', '2024-01-01T00:00:00.000Z');
"""


def test_version_1_database_keeps_its_tokens_working(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(_V1.replace("{digest}", digest("old-token")))
    conn.close()
    store = Store(path)
    with store.transaction() as tx:
        assert authenticate(tx, "Token old-token").user_id == 1
        assert tx.get_token(1) is not None and tx.get_token(1).state == "ENABLED"  # type: ignore[union-attr]
    assert store.get_meta("schema_version") == str(SCHEMA_VERSION)
    store.close()
