"""The authenticated VCO client: both APIs of one Orchestrator over one session.

One per provider process and settings: `ProviderContext.connect()` (`pulumi_velocloud.context`)
builds and keeps it. Not done here: mapping logicalIds to numeric ids (`resolver.py`).
"""

from __future__ import annotations

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
