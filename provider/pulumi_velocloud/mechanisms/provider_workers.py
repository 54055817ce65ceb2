"""How many engine requests the dynamic-provider process serves at once (Pulumi's host has four).

Pulumi's dynamic-provider host (`python -m pulumi.dynamic`, Pulumi's code, not ours) serves
every create/read/update/delete of the run through a gRPC server built on
`ThreadPoolExecutor(max_workers=4)`, whatever the engine's `--parallel` (8 by default on two
cores). Four workers that each wait for one API answer keep fewer than four requests in
flight (between two answers a worker also unpickles, validates and answers the engine), so
under real latency an `up` was ~1.8x a plain script keeping four requests in flight, and
rule edits queued for one module came one or two at a time into each verified write.

`widen_host_workers()` (called from `VcoProvider.configure`, once the host has loaded our
provider) raises that executor's worker limit to `HOST_WORKERS`. More workers do not mean
more API load: the client's semaphore (`velocloud:maxInFlight`, 4 by default) still caps the
requests in flight; the extra workers wait there, ready, instead of in the engine's queue.
It touches private attributes of `grpc` (the server's `_state.thread_pool`) and of
`ThreadPoolExecutor` (`_max_workers`); when they are not there (another grpc or Python) it
does nothing and the host keeps its four workers. Not done here: anything outside the
dynamic-provider host process (the program, the tests, the CLI are left alone).
"""

from __future__ import annotations

import gc
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

HOST_WORKERS = 32
_HOST_MODULE = "pulumi.dynamic.__main__"

_done = threading.Event()


def in_dynamic_provider_host() -> bool:
    """Whether this process is Pulumi's dynamic-provider host (`python -m pulumi.dynamic`)."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return getattr(spec, "name", None) == _HOST_MODULE


def grpc_server_pools() -> list[ThreadPoolExecutor]:
    """The thread pools of the gRPC servers of this process (found among the live objects)."""
    pools: list[ThreadPoolExecutor] = []
    for obj in gc.get_objects():
        kind = type(obj)
        if kind.__name__ != "_Server" or kind.__module__ != "grpc._server":
            continue
        pool = getattr(getattr(obj, "_state", None), "thread_pool", None)
        if isinstance(pool, ThreadPoolExecutor) and pool not in pools:
            pools.append(pool)
    return pools


def widen(pool: ThreadPoolExecutor, workers: int) -> bool:
    """Let `pool` run up to `workers` tasks at once (never fewer than it could); whether it changed.

    `ThreadPoolExecutor` starts a thread per submitted task while it has fewer than
    `_max_workers`; tasks already queued (the first burst of the run, submitted while the
    provider was being loaded) get their threads here."""
    current = getattr(pool, "_max_workers", None)
    adjust = getattr(pool, "_adjust_thread_count", None)
    queue = getattr(pool, "_work_queue", None)
    if not isinstance(current, int) or current >= workers or adjust is None or queue is None:
        return False
    pool._max_workers = workers
    for _ in range(queue.qsize()):
        adjust()
    return True


def widen_host_workers(workers: int = HOST_WORKERS) -> int:
    """In the dynamic-provider host, raise its gRPC server's worker limit (once per process);
    how many pools were widened (0 elsewhere)."""
    if _done.is_set() or not in_dynamic_provider_host():
        return 0
    _done.set()
    return sum(widen(pool, workers) for pool in grpc_server_pools())
