"""Lookups of objects managed elsewhere, for stacks that reference them.

    acme = velocloud.get_enterprise(name="ACME Corp")
    velocloud.Profile("branch", enterprise_id=acme.logical_id, ...)

They run in the Pulumi program (at preview and at up), read the connection settings from
stack config `velocloud:*` with env fallback like the resources do, and return typed
results. A lookup that matches nothing, or more than one object, raises `LookupError`
saying so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from .client import VcoClient, client_for
from .settings import resolve_settings

CONFIG_KEYS = ("url", "token", "tokenFile", "insecure", "caBundle", "maxInFlight", "connectTimeout",
               "readTimeout", "maxAttempts", "retryDeadline", "asyncTimeout")  # fmt: skip


class EnterpriseInfo(BaseModel):
    logical_id: str
    vco_id: int
    name: str
    account_number: str | None = None


def _stack_config() -> Mapping[str, Any]:
    try:
        from pulumi.runtime.config import get_config
    except ImportError:  # pragma: no cover - pulumi is a dependency
        return {}
    return {f"velocloud:{k}": get_config(f"velocloud:{k}") for k in CONFIG_KEYS}


def _client(client: VcoClient | None) -> VcoClient:
    return client or client_for(resolve_settings(_stack_config()))


def _one(kind: str, key: str, matches: list[Any], candidates: int) -> Any:
    if not matches:
        raise LookupError(f"no {kind} matches {key} (the Orchestrator has {candidates} {kind}s)")
    if len(matches) > 1:
        raise LookupError(f"{len(matches)} {kind}s match {key}; make the lookup more specific")
    return matches[0]


def get_enterprise(*, name: str, client: VcoClient | None = None) -> EnterpriseInfo:
    """The enterprise named exactly `name`."""
    c = _client(client)
    refs = c.v1.get_network_enterprises()
    match = _one("enterprise", f"name={name!r}", [r for r in refs if r.name == name], len(refs))
    return EnterpriseInfo(logical_id=match.logical_id, vco_id=match.id, name=match.name)
