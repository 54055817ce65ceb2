"""Start-up and reset of an emulator's state: seeding, and the operator token file."""

from __future__ import annotations

import os
from pathlib import Path

from .domain import passwords
from .domain.auth import issue_token, token_digest
from .domain.seed import operator_user, seed
from .store import Store, Tx


def ensure_seeded(store: Store, token_file: Path, operator_password: str | None = None) -> None:
    """Seed an empty store; make sure `token_file` holds a valid operator API token.

    With `operator_password`, the seeded operator can also log in (`login/operatorLogin`);
    the password is kept (hashed) across resets.
    """
    with store.transaction() as tx:
        if tx.count("operator_user") == 0:
            seed(tx)
        if operator_password is not None:
            tx.set_meta("operator_password_hash", passwords.hash_password(operator_password))
            _apply_operator_password(tx)
        existing = token_file.read_text().strip() if token_file.exists() else ""
        if existing and tx.token_user_id(token_digest(existing)) is not None:
            return
        token = issue_token(tx, operator_user(tx))
        tx.set_meta("operator_token_sha256", token_digest(token))
        _write_secret(token_file, token)


def reset(store: Store) -> None:
    """Forget everything but the seed; the operator token from start-up stays valid."""
    digest = store.get_meta("operator_token_sha256")
    with store.transaction() as tx:
        tx.delete_all()
        operator = seed(tx)
        _apply_operator_password(tx)
        if digest:
            tx.insert_token(digest, operator.id)
            tx.set_meta("operator_token_sha256", digest)


def _apply_operator_password(tx: Tx) -> None:
    stored = tx.get_meta("operator_password_hash")
    if stored:
        operator = operator_user(tx)
        tx.update(operator, operator.name, {**operator.data, "passwordHash": stored})


def _write_secret(path: Path, value: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(value + "\n")
