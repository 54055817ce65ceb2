"""Connection settings: stack config `velocloud:*`, with environment variables as fallback.

| stack config          | environment         | meaning                                        |
|-----------------------|---------------------|------------------------------------------------|
| `velocloud:url`       | `VCO_URL`           | Orchestrator base URL, e.g. https://vco.example.net |
| `velocloud:token`     | `VCO_API_TOKEN`     | API token (set it with `pulumi config set --secret`) |
| `velocloud:tokenFile` | `VCO_API_TOKEN_FILE`| file holding the API token                     |
| `velocloud:insecure`  | `VCO_INSECURE`      | `true` skips TLS certificate verification      |
| `velocloud:caBundle`  | `VCO_CA_BUNDLE`     | CA bundle file to verify the Orchestrator      |

Stack config wins over the environment. The token is a `SecretStr`: it never appears in a
repr, a log line or an error message.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, SecretStr, field_validator

_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


class SettingsError(ValueError):
    """Connection settings are missing or invalid; the message says which and how to fix it."""


class Settings(BaseModel):
    """How to reach one Orchestrator. Immutable; safe to share between threads."""

    model_config = ConfigDict(frozen=True)

    url: str
    token: SecretStr
    verify: bool | str = True
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    max_in_flight: int = 4

    @field_validator("url")
    @classmethod
    def _check_url(cls, url: str) -> str:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"VCO url {url!r} must look like https://vco.example.net")
        if parts.path.rstrip("/") not in ("",):
            raise ValueError(
                f"VCO url {url!r} must not have a path; give the Orchestrator's base URL "
                f"({parts.scheme}://{parts.netloc})"
            )
        if parts.scheme == "http" and parts.hostname not in _LOCAL_HOSTS:
            raise ValueError(f"VCO url {url!r} uses plain http to a remote host; use https://")
        return f"{parts.scheme}://{parts.netloc}"


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def resolve_settings(config: Mapping[str, Any], env: Mapping[str, str] | None = None) -> Settings:
    """Build `Settings` from stack config (keys `velocloud:*`) with env fallback."""
    env = os.environ if env is None else env

    def pick(key: str, var: str) -> str | None:
        value = config.get(f"velocloud:{key}")
        if value in (None, ""):
            value = env.get(var)
        return None if value in (None, "") else str(value)

    url = pick("url", "VCO_URL")
    if url is None:
        raise SettingsError(
            "no Orchestrator URL: set `pulumi config set velocloud:url https://...` or VCO_URL"
        )
    token = pick("token", "VCO_API_TOKEN")
    token_file = pick("tokenFile", "VCO_API_TOKEN_FILE")
    if token is None and token_file is not None:
        token = _read_token_file(token_file)
    if token is None:
        raise SettingsError(
            "no API token: set `pulumi config set --secret velocloud:token ...`, VCO_API_TOKEN, "
            "or velocloud:tokenFile / VCO_API_TOKEN_FILE"
        )
    verify: bool | str = True
    ca_bundle = pick("caBundle", "VCO_CA_BUNDLE")
    if ca_bundle is not None:
        verify = ca_bundle
    if _truthy(pick("insecure", "VCO_INSECURE")):
        verify = False
    try:
        return Settings(url=url, token=SecretStr(token), verify=verify)
    except ValueError as exc:
        raise SettingsError(_first_error(exc)) from None


def _read_token_file(path: str) -> str:
    try:
        token = Path(path).expanduser().read_text().strip()
    except OSError as exc:
        raise SettingsError(f"cannot read the API token file {path}: {exc.strerror}") from None
    if not token:
        raise SettingsError(f"the API token file {path} is empty")
    return token


def _first_error(exc: ValueError) -> str:
    errors: Callable[[], list[dict[str, Any]]] | None = getattr(exc, "errors", None)
    if errors is None:
        return str(exc)
    first = errors()[0]
    return str(first.get("msg", exc)).removeprefix("Value error, ")
