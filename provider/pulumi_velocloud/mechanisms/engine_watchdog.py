"""Ends Pulumi's dynamic-provider host when the `pulumi` engine that started it is gone.

The engine starts the host (`python -m pulumi.dynamic`, through `pulumi-resource-pulumi-python`,
which `exec`s Python, so the host's parent is the engine itself) and, on a normal end, stops it.
When the engine is SIGKILLed (a lost CI runner, `kill -9`, a job timeout) nothing stops the host:
its gRPC server waits forever and any request it was serving goes on against the Orchestrator.
`start_engine_watchdog()` (called from `VcoProvider.configure`, once per process) starts a daemon
thread that remembers the parent's pid and checks it every `INTERVAL` seconds; once the host has
been re-parented (`os.getppid()` differs: the engine died and init or a subreaper adopted it), it
writes one line to stderr and ends the process with `os._exit(1)`.

It never fires while the engine lives: the parent pid of a process changes only when its parent
dies. Pulumi's own shutdown is untouched (the engine stops the host while it is still alive; a
daemon thread does not hold the process open). Not done: anything outside the dynamic-provider
host process (the Pulumi program, tests and the `velocloud` CLI run providers in their own
processes and are left alone); a host started through a wrapper that does not `exec` (its parent
is the wrapper, which outlives the engine) is not watched effectively; a host whose parent was
already pid 1 or unknown (0) at start is not watched.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable

from .provider_workers import in_dynamic_provider_host

INTERVAL = 1.0

_started = threading.Event()
_lock = threading.Lock()


def watchable(parent: int) -> bool:
    """Whether a parent pid seen at start can be watched (not unknown, not already init)."""
    return parent > 1


def engine_gone(parent_at_start: int, parent_now: int) -> bool:
    """Whether the engine that started this process is gone: the process has a new parent."""
    return parent_now != parent_at_start


def start_engine_watchdog(interval: float = INTERVAL) -> bool:
    """In the dynamic-provider host, start the watchdog thread (once); whether it was started now."""
    with _lock:
        if _started.is_set() or not in_dynamic_provider_host():
            return False
        parent = os.getppid()
        if not watchable(parent):
            return False
        _started.set()
    thread = threading.Thread(
        target=watch, args=(parent, interval), name="velocloud-engine-watchdog", daemon=True
    )
    thread.start()
    return True


def watch(
    parent: int,
    interval: float,
    *,
    current_parent: Callable[[], int] = os.getppid,
    sleep: Callable[[float], None] = time.sleep,
    end: Callable[[int], None] = os._exit,
) -> None:
    """Poll until the parent changes, then say so and end the process."""
    while not engine_gone(parent, current_parent()):
        sleep(interval)
    line = (
        f"pulumi-velocloud: the Pulumi engine (pid {parent}) that started this dynamic-provider host "
        f"(pid {os.getpid()}) is gone; exiting\n"
    )
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # the engine held the other end of stderr: nobody is left to read it
    end(1)
