"""Which parts of free-form data are secret: keys that look secret, wherever they nest.

Raw inputs (`extra`, `segments` of device settings, any free-form dict) carry vendor keys this
package does not model, e.g. BGP `md5Password`, TACACS `sharedSecret`, SNMP `community`, an
IPsec `psk`. A key is secret-looking when its name, lower-cased, contains one of
`SECRET_MARKERS`; the whole value under such a key is secret (a dict under `authKeys` is
secret as a whole). Everything here is pure and never logs.

- `is_secret_key(key)` and `is_secret_path(path)`: the test itself;
- `secret_paths(value)`: where the secret values are;
- `split_secrets(value)`: the value with every secret leaf replaced by `REDACTED`, and the
  secret leaves apart (`{"a.b.0.md5Password": "..."}`), so that the public part can be shown
  and diffed field by field while the secret part is kept as a Pulumi secret;
- `merge_secrets(public, secrets)`: the inverse;
- `redact(value)`: the public part alone, for messages.

Not done: values are never inspected (a password under an innocent key such as `note` is not
found), and a key is matched by name only, so some non-secret keys are hidden too (`keyId`);
hiding too much is the safe side.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SECRET_MARKERS = (
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "secret",
    "psk",
    "community",
    "token",
    "md5",
    "key",
    "credential",
    "simpin",  # a cellular interface's SIM PIN (v2 `simPin`)
    "sim_pin",
)
REDACTED = "[secret]"
Path = tuple[str | int, ...]


def is_secret_key(key: object) -> bool:
    """Whether a dict key names something secret."""
    return isinstance(key, str) and any(marker in key.lower() for marker in SECRET_MARKERS)


def is_secret_path(path: Sequence[str | int]) -> bool:
    """Whether any key along a path names something secret."""
    return any(is_secret_key(part) for part in path)


def secret_paths(value: Any, prefix: Path = ()) -> list[Path]:
    """The paths of every value held under a secret-looking key (outermost only)."""
    found: list[Path] = []
    if isinstance(value, dict):
        for key, item in value.items():
            path = (*prefix, key)
            if is_secret_key(key):
                found.append(path)
            else:
                found.extend(secret_paths(item, path))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(secret_paths(item, (*prefix, index)))
    return found


def path_text(path: Sequence[str | int]) -> str:
    """A path as dotted text (`segments.0.bgp.neighbors.1.md5Password`)."""
    return ".".join(str(part) for part in path)


def _parse_path(text: str) -> Path:
    return tuple(int(part) if part.isdigit() else part for part in text.split("."))


def split_secrets(value: Any) -> tuple[Any, dict[str, Any]]:
    """(`value` with every secret replaced by `REDACTED`, {dotted path: secret value})."""
    secrets: dict[str, Any] = {}

    def walk(item: Any, prefix: Path) -> Any:
        if isinstance(item, dict):
            out: dict[str, Any] = {}
            for key, sub in item.items():
                if is_secret_key(key) and sub is not None:
                    secrets[path_text((*prefix, key))] = sub
                    out[key] = REDACTED
                else:
                    out[key] = walk(sub, (*prefix, key))
            return out
        if isinstance(item, list):
            return [walk(sub, (*prefix, index)) for index, sub in enumerate(item)]
        return item

    return walk(value, ()), secrets


def merge_secrets(public: Any, secrets: dict[str, Any]) -> Any:
    """`public` with the secret values of `split_secrets` put back at their paths."""
    if not secrets:
        return public
    merged = _copy(public)
    for text, secret in secrets.items():
        path = _parse_path(text)
        target: Any = merged
        try:
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = secret
        except (KeyError, IndexError, TypeError):
            continue  # the public part no longer has this place: the secret is dropped with it
    return merged


def redact(value: Any) -> Any:
    """`value` with every secret-looking key's value replaced by `REDACTED` (for messages)."""
    return split_secrets(value)[0]


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
