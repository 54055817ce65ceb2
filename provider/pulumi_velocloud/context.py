"""The provider context: per process, the connection settings, the one client and its resolver.

A dynamic provider is pickled into every resource's state, so it holds no state; everything
a provider process shares lives here, in the one `ProviderContext` of the process:

- `configure(config)`: the `velocloud:*` stack config (`VcoProvider.configure` passes it on);
- `connect()`: a `Connection` = the client for the current settings and its `Resolver`, built
  on first use, one pair per distinct `Settings`;
- `connection_for(settings)`: the same for explicit settings (lookups in the Pulumi program);
- `shared(key, factory)`: other per-process objects the mechanisms coordinate through (the
  module writers' queues, the device-settings claims), created once per key.

Lock discipline: the context's one lock guards its own dicts and is held only while reading
or updating them, never during I/O; the resolver's lock likewise. Objects from `shared()`
synchronise themselves. Not done here: any API call (the client makes them), any caching of
API answers (the resolver's job).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from .client import VcoClient
from .resolver import Resolver
from .settings import CONFIG_KEYS, Settings, resolve_settings

T = TypeVar("T")


@dataclass(frozen=True)
class Connection:
    """What a provider method works with: the client and the resolver of the same Orchestrator."""

    client: VcoClient
    ids: Resolver


class ProviderContext:
    """The per-process state of the dynamic providers (and of lookups in the program)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._config: dict[str, str] = {}
        self._connections: dict[Settings, Connection] = {}
        self._shared: dict[Hashable, Any] = {}

    def configure(self, config: Mapping[str, Any]) -> None:
        """Remember the `velocloud:*` stack config (keys with the `velocloud:` prefix) for this process."""
        with self._lock:
            self._config = {k: str(v) for k, v in config.items() if v is not None}

    def settings(self) -> Settings:
        """The settings from the configured stack config, with the environment as fallback."""
        with self._lock:
            config = dict(self._config)
        return resolve_settings(config)

    def connection_for(self, settings: Settings) -> Connection:
        """The process-wide client and resolver for these settings, created on first use."""
        with self._lock:
            connection = self._connections.get(settings)
            if connection is None:
                client = VcoClient(settings)
                connection = self._connections[settings] = Connection(client, Resolver(client))
            return connection

    def connect(self) -> Connection:
        """The client and resolver for the configured settings (raises `SettingsError` when incomplete)."""
        return self.connection_for(self.settings())

    def shared(self, key: Hashable, factory: Callable[[], T]) -> T:
        """The per-process object for `key`, made by `factory` the first time it is asked for."""
        with self._lock:
            if key not in self._shared:
                self._shared[key] = factory()
            found: T = self._shared[key]
            return found


_CONTEXT = ProviderContext()


def provider_context() -> ProviderContext:
    """The provider context of this process."""
    return _CONTEXT


class ConfigSource(Protocol):
    """Stack config as `configure()` receives it (`pulumi.dynamic.Config`) or a plain dict."""

    def get(self, key: str) -> Any: ...


def configure_from(config: ConfigSource) -> None:
    """Set this process's connection config from `velocloud:*` keys (what `configure()` receives)."""
    _CONTEXT.configure({f"velocloud:{k}": config.get(f"velocloud:{k}") for k in CONFIG_KEYS})


def connect() -> Connection:
    """The client and resolver of this process's configured Orchestrator."""
    return _CONTEXT.connect()
