"""Enterprise keys (v1 `enterprise/encodeEnterpriseKey`, `decodeEnterpriseKey`): the Orchestrator
encrypts secrets (e.g. pre-shared keys) so that they can be stored in documents and decrypted
later by callers allowed to.

The emulator's encoding is reversible and keyed per store (a random secret kept in the store's
metadata), so a value encoded by one emulator decodes only there; it is NOT encryption and must
not protect anything real. Encoded values start with `vcoenc:` (the real format is not published).
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from ..store import Tx
from .errors import FieldError, InvalidRequest

PREFIX = "vcoenc:"
_META = "enterprise_key_secret"


def _keystream(tx: Tx, length: int) -> bytes:
    secret = tx.get_meta(_META)
    if secret is None:
        secret = secrets.token_hex(32)
        tx.set_meta(_META, secret)
    stream = b""
    counter = 0
    while len(stream) < length:
        stream += hashlib.sha256(f"{secret}:{counter}".encode()).digest()
        counter += 1
    return stream[:length]


def encode(tx: Tx, key: str) -> str:
    raw = key.encode()
    mixed = bytes(a ^ b for a, b in zip(raw, _keystream(tx, len(raw)), strict=True))
    return PREFIX + base64.urlsafe_b64encode(mixed).decode()


def decode(tx: Tx, value: str) -> str:
    problem = InvalidRequest("key is not an encoded enterprise key", [FieldError("key", "not encoded here")])
    if not value.startswith(PREFIX):
        raise problem
    try:
        mixed = base64.urlsafe_b64decode(value[len(PREFIX) :].encode())
        return bytes(a ^ b for a, b in zip(mixed, _keystream(tx, len(mixed)), strict=True)).decode()
    except (ValueError, UnicodeDecodeError):
        raise problem from None
