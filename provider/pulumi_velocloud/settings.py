"""Connection settings: stack config `velocloud:*`, with environment variables as fallback.

| stack config                | environment             | meaning                                  |
|-----------------------------|-------------------------|------------------------------------------|
| `velocloud:url`             | `VCO_URL`               | Orchestrator base URL, https://vco.example.net |
| `velocloud:token`           | `VCO_API_TOKEN`         | API token                                |
| `velocloud:tokenFile`       | `VCO_API_TOKEN_FILE`    | file holding the API token               |
| `velocloud:insecure`        | `VCO_INSECURE`          | `true` skips TLS certificate verification |
| `velocloud:caBundle`        | `VCO_CA_BUNDLE`         | CA bundle file to verify the Orchestrator |
| `velocloud:maxInFlight`     | `VCO_MAX_IN_FLIGHT`     | requests in flight at once (default 4)   |
| `velocloud:connectTimeout`  | `VCO_CONNECT_TIMEOUT`   | seconds to connect (default 10)          |
| `velocloud:readTimeout`     | `VCO_READ_TIMEOUT`      | seconds to wait for an answer (default 60) |
| `velocloud:maxAttempts`     | `VCO_MAX_ATTEMPTS`      | attempts per request, retries included (default 8) |
| `velocloud:retryDeadline`   | `VCO_RETRY_DEADLINE`    | seconds for one request and its retries (180) |
| `velocloud:asyncTimeout`    | `VCO_ASYNC_TIMEOUT`     | seconds to wait for an async operation (300) |

Stack config wins over the environment. The token is a `SecretStr`: it never appears in a
repr, a log line or an error message.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}

# field name -> (config key, environment variable), for the numeric tunables
_TUNABLES = {
    "max_in_flight": ("maxInFlight", "VCO_MAX_IN_FLIGHT"),
    "connect_timeout": ("connectTimeout", "VCO_CONNECT_TIMEOUT"),
    "read_timeout": ("readTimeout", "VCO_READ_TIMEOUT"),
    "max_attempts": ("maxAttempts", "VCO_MAX_ATTEMPTS"),
    "retry_deadline": ("retryDeadline", "VCO_RETRY_DEADLINE"),
    "async_timeout": ("asyncTimeout", "VCO_ASYNC_TIMEOUT"),
}


# Every `velocloud:<key>` stack config key the settings read (resources and lookups pass these on).
CONFIG_KEYS = ("url", "token", "tokenFile", "insecure", "caBundle", *(key for key, _ in _TUNABLES.values()))


class SettingsError(ValueError):
    """Connection settings are missing or invalid; the message says which and how to fix it."""


class Settings(BaseModel):
    """How to reach one Orchestrator. Immutable and hashable; safe to share between threads."""

    model_config = ConfigDict(frozen=True)

    url: str
    token: SecretStr
    verify: bool | str = True
    connect_timeout: float = Field(10.0, gt=0)
    read_timeout: float = Field(60.0, gt=0)
    max_in_flight: int = Field(4, ge=1, le=64)
    max_attempts: int = Field(8, ge=1, le=50)
    retry_deadline: float = Field(180.0, gt=0)
    async_timeout: float = Field(300.0, gt=0)

    @field_validator("url")
    @classmethod
    def _check_url(cls, url: str) -> str:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"VCO url {url!r} must look like https://vco.example.net")
        if parts.path.rstrip("/") != "" or parts.query:
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
    fields: dict[str, Any] = {"url": url, "token": SecretStr(token)}
    ca_bundle = pick("caBundle", "VCO_CA_BUNDLE")
    if ca_bundle is not None:
        fields["verify"] = ca_bundle
    if _truthy(pick("insecure", "VCO_INSECURE")):
        fields["verify"] = False
    sources: dict[str, str] = {}
    for field, (key, var) in _TUNABLES.items():
        value = pick(key, var)
        if value is not None:
            fields[field] = value
            sources[field] = f"velocloud:{key} / {var}"
    try:
        return Settings(**fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "settings"
        where = sources.get(field, "velocloud:url / VCO_URL" if field == "url" else field)
        message = str(err["msg"]).removeprefix("Value error, ")
        if field == "url":
            raise SettingsError(message) from None
        raise SettingsError(f"{where} = {err.get('input')!r} is invalid: {message}") from None


def _read_token_file(path: str) -> str:
    try:
        token = Path(path).expanduser().read_text().strip()
    except OSError as exc:
        raise SettingsError(f"cannot read the API token file {path}: {exc.strerror}") from None
    if not token:
        raise SettingsError(f"the API token file {path} is empty")
    return token
