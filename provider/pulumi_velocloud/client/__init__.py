"""The one shared, authenticated VCO client: `client_for(settings)` returns it per process."""

from __future__ import annotations

import threading

from ..settings import Settings
from .session import ApiSession
from .v1 import V1Api
from .v2 import V2Api


class VcoClient:
    """Both APIs of one Orchestrator over one session."""

    def __init__(self, settings: Settings, session: ApiSession | None = None) -> None:
        self.session = session or ApiSession(settings)
        self.v1 = V1Api(self.session)
        self.v2 = V2Api(self.session)

    @property
    def base_url(self) -> str:
        return self.session.base_url

    def __repr__(self) -> str:
        return f"VcoClient(url={self.base_url!r})"


_clients: dict[Settings, VcoClient] = {}
_lock = threading.Lock()


def client_for(settings: Settings) -> VcoClient:
    """The process-wide client for these settings, created on first use."""
    with _lock:
        client = _clients.get(settings)
        if client is None:
            client = _clients[settings] = VcoClient(settings)
        return client
