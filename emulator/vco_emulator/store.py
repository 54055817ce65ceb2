"""SQLite persistence for the emulator: one table of API objects, one of API tokens, one of
login sessions.

Every object the Orchestrator knows (enterprise, gateway pool, profile, user, ...) is a
row of `objects`: a numeric `id` (the v1 id), a `logical_id` (the UUID both APIs show),
its `kind`, an optional parent `enterprise_id`, its `name`, and the rest of its fields as a
JSON document. The database runs in WAL mode with `synchronous=FULL`, so a write that a
client saw acknowledged survives `kill -9` and power loss; each HTTP request runs in one
transaction (`Store.transaction`).

Tokens and sessions are stored as SHA-256 digests of the secret only. Schema version 1
files (before token metadata and sessions) are upgraded in place; any other mismatch is an
error.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .timestamps import utc_now

# data fields with an expression index in _SCHEMA
_INDEXED_FIELDS = frozenset({"serialNumber", "activationKey", "configurationId"})

_SQLITE_INT_MIN, _SQLITE_INT_MAX = -(2**63), 2**63 - 1

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS objects (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    logical_id    TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    enterprise_id INTEGER,
    name          TEXT NOT NULL,
    data          TEXT NOT NULL,
    created       TEXT NOT NULL,
    modified      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS objects_by_kind_name ON objects (kind, enterprise_id, name);
CREATE INDEX IF NOT EXISTS objects_by_kind_name_nocase ON objects (kind, enterprise_id, name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS objects_by_serial
    ON objects (kind, json_extract(data, '$.serialNumber') COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS objects_by_activation_key
    ON objects (kind, json_extract(data, '$.activationKey') COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS objects_by_configuration
    ON objects (kind, json_extract(data, '$.configurationId') COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_sha256 TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL,
    state        TEXT NOT NULL,
    created      TEXT NOT NULL,
    modified     TEXT,
    token_uuid   TEXT,
    name         TEXT,
    description  TEXT,
    expiration   TEXT,
    downloaded   TEXT,
    created_by   INTEGER
);
CREATE TABLE IF NOT EXISTS sessions (
    session_sha256 TEXT PRIMARY KEY,
    user_id        INTEGER NOT NULL,
    created        TEXT NOT NULL,
    expires        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_V2_TOKEN_COLUMNS = (
    "modified TEXT",
    "token_uuid TEXT",
    "name TEXT",
    "description TEXT",
    "expiration TEXT",
    "downloaded TEXT",
    "created_by INTEGER",
)


def new_logical_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class ApiToken:
    """One API token's metadata (never its secret)."""

    id: int
    user_id: int
    state: str
    created: str
    modified: str
    token_uuid: str
    name: str | None
    description: str | None
    expiration: str | None
    downloaded: str | None
    created_by: int | None


@dataclass(frozen=True)
class Record:
    """One stored object: the indexed columns plus its JSON fields."""

    id: int
    logical_id: str
    kind: str
    enterprise_id: int | None
    name: str
    data: dict[str, Any]
    created: str
    modified: str


class Store:
    """A SQLite database file holding the emulator's state; safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(_SCHEMA)
        self._check_schema_version()

    def _check_schema_version(self) -> None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self._conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row["value"]) == 1:
            for column in _V2_TOKEN_COLUMNS:
                self._conn.execute(f"ALTER TABLE api_tokens ADD COLUMN {column}")
            self._conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
            )
        elif int(row["value"]) != SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} has emulator schema version {row['value']}, this emulator needs "
                f"{SCHEMA_VERSION}; start with a new --db file"
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """One serialised read-write transaction; committed on success, rolled back on error."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(self._conn)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])


class Tx:
    """The operations available inside one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A nested transaction: rolled back alone if its block raises (the outer one goes on)."""
        self._conn.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK TO nested")
            self._conn.execute("RELEASE nested")
            raise
        self._conn.execute("RELEASE nested")

    # -- objects ---------------------------------------------------------------------

    def insert(
        self,
        kind: str,
        name: str,
        data: dict[str, Any],
        *,
        enterprise_id: int | None = None,
        logical_id: str | None = None,
    ) -> Record:
        now = utc_now()
        logical_id = logical_id or new_logical_id()
        cur = self._conn.execute(
            "INSERT INTO objects (logical_id, kind, enterprise_id, name, data, created, modified)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (logical_id, kind, enterprise_id, name, json.dumps(data), now, now),
        )
        row_id = cur.lastrowid
        assert row_id is not None
        return Record(row_id, logical_id, kind, enterprise_id, name, data, now, now)

    def update(self, record: Record, name: str, data: dict[str, Any]) -> Record:
        now = utc_now()
        self._conn.execute(
            "UPDATE objects SET name = ?, data = ?, modified = ? WHERE id = ?",
            (name, json.dumps(data), now, record.id),
        )
        return Record(
            record.id, record.logical_id, record.kind, record.enterprise_id, name, data, record.created, now
        )

    def delete(self, record: Record) -> None:
        self._conn.execute("DELETE FROM objects WHERE id = ?", (record.id,))

    def delete_children(self, enterprise_id: int) -> None:
        """Delete every object that belongs to an enterprise (not the enterprise itself)."""
        self._conn.execute("DELETE FROM objects WHERE enterprise_id = ?", (enterprise_id,))

    def get(self, kind: str, *, id: int | None = None, logical_id: str | None = None) -> Record | None:
        if id is not None and not _SQLITE_INT_MIN <= id <= _SQLITE_INT_MAX:
            return None  # no row can have it
        if id is not None:
            row = self._conn.execute("SELECT * FROM objects WHERE kind = ? AND id = ?", (kind, id)).fetchone()
        elif logical_id is not None:
            row = self._conn.execute(
                "SELECT * FROM objects WHERE kind = ? AND logical_id = ?", (kind, logical_id)
            ).fetchone()
        else:
            raise ValueError("get() needs id or logical_id")
        return None if row is None else _record(row)

    def find(self, kind: str, *, enterprise_id: int | None = None, name: str | None = None) -> list[Record]:
        return self._find(kind, enterprise_id, name, "")

    def find_nocase(
        self,
        kind: str,
        *,
        enterprise_id: int | None = None,
        name: str | None = None,
        field: str | None = None,
        value: str | int | None = None,
    ) -> list[Record]:
        """Objects whose name, or whose `data[field]`, equals a value ignoring ASCII case (indexed)."""
        if field is not None and field not in _INDEXED_FIELDS:
            raise ValueError(f"data field {field!r} has no index; add it to _INDEXED_FIELDS")
        return self._find(kind, enterprise_id, name, " COLLATE NOCASE", field, value)

    def _find(
        self,
        kind: str,
        enterprise_id: int | None,
        name: str | None,
        collation: str,
        field: str | None = None,
        value: str | int | None = None,
    ) -> list[Record]:
        sql = "SELECT * FROM objects WHERE kind = ?"
        params: list[Any] = [kind]
        if enterprise_id is not None:
            sql += " AND enterprise_id = ?"
            params.append(enterprise_id)
        if name is not None:
            sql += " AND name = ?" + collation
            params.append(name)
        if field is not None:
            sql += f" AND json_extract(data, '$.{field}') = ?" + collation
            params.append(value)
        return [_record(r) for r in self._conn.execute(sql + " ORDER BY id", params)]

    def lookup(self, *, id: int | None = None, logical_id: str | None = None) -> Record | None:
        """One object of any kind by numeric id or logicalId."""
        if id is not None and not _SQLITE_INT_MIN <= id <= _SQLITE_INT_MAX:
            return None
        if id is not None:
            row = self._conn.execute("SELECT * FROM objects WHERE id = ?", (id,)).fetchone()
        elif logical_id is not None:
            row = self._conn.execute("SELECT * FROM objects WHERE logical_id = ?", (logical_id,)).fetchone()
        else:
            raise ValueError("lookup() needs id or logical_id")
        return None if row is None else _record(row)

    def all_objects(self) -> list[Record]:
        """Every stored object, in id order (for the admin state dump)."""
        return [_record(r) for r in self._conn.execute("SELECT * FROM objects ORDER BY id")]

    def count(self, kind: str) -> int:
        row = self._conn.execute("SELECT COUNT(*) AS n FROM objects WHERE kind = ?", (kind,)).fetchone()
        return int(row["n"])

    def delete_all(self) -> None:
        self._conn.execute("DELETE FROM objects")
        self._conn.execute("DELETE FROM api_tokens")
        self._conn.execute("DELETE FROM sessions")
        self._conn.execute("DELETE FROM sqlite_sequence")

    # -- tokens ----------------------------------------------------------------------

    def insert_token(
        self,
        token_sha256: str,
        user_id: int,
        *,
        state: str = "ENABLED",
        name: str | None = None,
        description: str | None = None,
        expiration: str | None = None,
        created_by: int | None = None,
    ) -> ApiToken:
        """Store a token (by digest); `expiration` None means it never expires."""
        now = utc_now()
        token_uuid = new_logical_id()
        cur = self._conn.execute(
            "INSERT INTO api_tokens (token_sha256, user_id, state, created, modified, token_uuid, name,"
            " description, expiration, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (token_sha256, user_id, state, now, now, token_uuid, name, description, expiration, created_by),
        )
        assert cur.lastrowid is not None
        token = self.get_token(cur.lastrowid)
        assert token is not None
        return token

    def token_user_id(self, token_sha256: str) -> int | None:
        """The user of an enabled, unexpired token, or None."""
        row = self._conn.execute(
            "SELECT user_id FROM api_tokens WHERE token_sha256 = ? AND state = 'ENABLED'"
            " AND (expiration IS NULL OR expiration > ?)",
            (token_sha256, utc_now()),
        ).fetchone()
        return None if row is None else int(row["user_id"])

    def token_by_digest(self, token_sha256: str) -> ApiToken | None:
        """The token whose secret has this digest (any state), or None."""
        row = self._conn.execute(
            "SELECT * FROM api_tokens WHERE token_sha256 = ?", (token_sha256,)
        ).fetchone()
        return None if row is None else _token(row)

    def get_token(self, token_id: int) -> ApiToken | None:
        row = self._conn.execute("SELECT * FROM api_tokens WHERE id = ?", (token_id,)).fetchone()
        return None if row is None else _token(row)

    def find_tokens(self, user_ids: list[int]) -> list[ApiToken]:
        marks = ",".join("?" * len(user_ids))
        rows = self._conn.execute(
            f"SELECT * FROM api_tokens WHERE user_id IN ({marks}) ORDER BY id", user_ids
        )
        return [_token(r) for r in rows]

    def update_token(
        self,
        token_id: int,
        *,
        state: str,
        token_sha256: str | None = None,
        downloaded: str | None = None,
    ) -> None:
        """Change a token's state; on download also its digest and download time."""
        self._conn.execute(
            "UPDATE api_tokens SET state = ?, token_sha256 = COALESCE(?, token_sha256),"
            " downloaded = COALESCE(?, downloaded), modified = ? WHERE id = ?",
            (state, token_sha256, downloaded, utc_now(), token_id),
        )

    def delete_user_credentials(self, user_id: int) -> None:
        """Forget every token and login session of a user (when the user is deleted)."""
        self._conn.execute("DELETE FROM api_tokens WHERE user_id = ?", (user_id,))
        self._conn.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,))

    # -- login sessions --------------------------------------------------------------

    def insert_session(self, session_sha256: str, user_id: int, expires: str) -> None:
        self._conn.execute(
            "INSERT INTO sessions (session_sha256, user_id, created, expires) VALUES (?, ?, ?, ?)",
            (session_sha256, user_id, utc_now(), expires),
        )

    def session_user_id(self, session_sha256: str) -> int | None:
        """The user of an unexpired session, or None."""
        row = self._conn.execute(
            "SELECT user_id FROM sessions WHERE session_sha256 = ? AND expires > ?",
            (session_sha256, utc_now()),
        ).fetchone()
        return None if row is None else int(row["user_id"])

    def delete_session(self, session_sha256: str) -> None:
        self._conn.execute("DELETE FROM sessions WHERE session_sha256 = ?", (session_sha256,))

    # -- meta ------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def _record(row: sqlite3.Row) -> Record:
    return Record(
        id=int(row["id"]),
        logical_id=str(row["logical_id"]),
        kind=str(row["kind"]),
        enterprise_id=None if row["enterprise_id"] is None else int(row["enterprise_id"]),
        name=str(row["name"]),
        data=json.loads(row["data"]),
        created=str(row["created"]),
        modified=str(row["modified"]),
    )


def _token(row: sqlite3.Row) -> ApiToken:
    return ApiToken(
        id=int(row["id"]),
        user_id=int(row["user_id"]),
        state=str(row["state"]),
        created=str(row["created"]),
        modified=str(row["modified"] or row["created"]),
        token_uuid=str(row["token_uuid"] or ""),
        name=row["name"],
        description=row["description"],
        expiration=row["expiration"],
        downloaded=row["downloaded"],
        created_by=row["created_by"],
    )
