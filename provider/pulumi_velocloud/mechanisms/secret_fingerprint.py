"""Salted fingerprints of write-only secrets (passwords the API never returns).

The state keeps `fingerprint(secret)` (itself a secret output), never the secret: enough to tell
whether the secret declared in the program is still the one last written. Not a password hash
for storage elsewhere (one SHA-256 round: it only guards against a changed input).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from pydantic import SecretStr


def fingerprint(secret: SecretStr | str) -> str:
    """A salted SHA-256 of the secret: enough to tell whether the declared one changed."""
    text = secret.get_secret_value() if isinstance(secret, SecretStr) else secret
    salt = secrets.token_hex(16)
    return f"sha256${salt}${hashlib.sha256((salt + text).encode()).hexdigest()}"


def matches(secret: Any, known: Any) -> bool:
    """Whether `secret` (text) is the one `known` (a `fingerprint`) was made from."""
    if isinstance(secret, SecretStr):
        secret = secret.get_secret_value()
    if not isinstance(secret, str) or not isinstance(known, str) or known.count("$") != 2:
        return False
    _, salt, digest = known.split("$")
    return hmac.compare_digest(hashlib.sha256((salt + secret).encode()).hexdigest(), digest)
