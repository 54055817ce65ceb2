"""Creates that never duplicate: recover an ambiguous failure by the object's natural key.

A non-idempotent create (v2 POST, v1 insert/provision/clone) that fails after the request
was sent (timeout, dropped connection, 5xx) may or may not have been carried out. Blindly
sending it again could create a duplicate; not sending it again could lose it. So:
look the object up by its natural key (e.g. its name within its parent); if it exists, the
first attempt did create it, return it; if not, it is safe to send the create again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from .errors import VcoError

T = TypeVar("T")
log = logging.getLogger("pulumi_velocloud.client")


def create_once(
    create: Callable[[], T],
    find_existing: Callable[[], T | None],
    *,
    what: str,
    max_attempts: int = 3,
) -> T:
    """Run `create`; after an ambiguous failure, return what `find_existing` finds or retry."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return create()
        except VcoError as exc:
            if not exc.ambiguous:
                raise
            existing = find_existing()
            if existing is not None:
                log.info(
                    "%s: the create that failed (%s) had been carried out; using the object",
                    what,
                    exc.message,
                )
                return existing
            if attempt >= max_attempts:
                raise
            log.info(
                "%s: create failed ambiguously (%s) and did not happen; sending it again", what, exc.message
            )
