"""A provider for the host-workers test: its creates meet at a barrier inside Pulumi's host process.

Loaded by Pulumi's real dynamic-provider host (`python -m pulumi.dynamic`) from the pickled
`__provider` property, as in a Pulumi run. `create` waits until `PARTIES` creates are running
at once, so it succeeds only when the host serves that many requests in parallel.
"""

from __future__ import annotations

import threading
from typing import Any

from pulumi.dynamic import CreateResult

from pulumi_velocloud.mechanisms.provider_base import VcoProvider
from pulumi_velocloud.mechanisms.provider_workers import grpc_server_pools

PARTIES = 8
DEADLOCK_GUARD_SECONDS = 30.0  # only so that a host serving fewer at once fails instead of hanging

_barrier = threading.Barrier(PARTIES)


class HostProbe(VcoProvider):
    """Creates that report the host's worker limit once `PARTIES` of them run together."""

    def create(self, props: dict[str, Any]) -> CreateResult:
        _barrier.wait(DEADLOCK_GUARD_SECONDS)
        limits = [getattr(pool, "_max_workers", 0) for pool in grpc_server_pools()]
        return CreateResult(str(props["label"]), {"limits": limits})
