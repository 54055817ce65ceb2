"""Retry decisions and back-off as pure functions; the clock and randomness are injected.

Rules:
- 429: always retried (the server refused before doing anything); wait `Retry-After` when
  sent, otherwise the vendor's ~5 s penalty, with a little jitter.
- 502/503/504 and transport failures: retried with capped exponential back-off and jitter,
  but only when repeating the request is safe: idempotent requests, or a connection that
  failed before the request was sent.
- Never past `max_attempts` or the deadline.

A non-idempotent request that failed is *ambiguous* (it may have been carried out) when no
answer came after it was sent, when the answer was 502/503/504 (a proxy or load balancer may
have answered for a server that did the work), or when another 5xx carries no API error code.
A 500 with the API's own error code (v1 `{"error": {"code": ...}}`, v2 `{"code", "message"}`)
is the Orchestrator's decision: the real VCO answers a duplicate object-group name with
-32603 "Name must be Unique" (docs/evidence.md section 5), which must not be read as "maybe done".
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parsedate_to_datetime

RETRYABLE_STATUSES = frozenset({502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 8
    deadline: float = 180.0
    rate_limit_wait: float = 5.0
    backoff_base: float = 0.5
    backoff_cap: float = 10.0
    jitter: float = 0.2


def should_retry(
    *,
    status: int | None,
    transport_error: bool,
    request_sent: bool,
    idempotent: bool,
    attempt: int,
    policy: RetryPolicy,
) -> bool:
    """Whether attempt number `attempt` (1-based) that just failed may be repeated."""
    if attempt >= policy.max_attempts:
        return False
    if status == 429:
        return True
    if transport_error:
        return idempotent or not request_sent
    if status in RETRYABLE_STATUSES:
        return idempotent
    return False


def is_ambiguous(*, status: int | None, request_sent: bool, idempotent: bool, api_error_code: bool) -> bool:
    """Whether a failed request may nonetheless have been carried out (see the module docstring)."""
    if idempotent or not request_sent:
        return False
    if status is None or status in RETRYABLE_STATUSES:
        return True
    return status >= 500 and not api_error_code


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return None if now is None else max(0.0, when - now)


def backoff(
    *,
    status: int | None,
    attempt: int,
    retry_after: float | None,
    policy: RetryPolicy,
    rand: float,
) -> float:
    """Seconds to wait before the next attempt; `rand` is a uniform sample from [0, 1)."""
    spread = 1.0 + policy.jitter * (2.0 * rand - 1.0)
    if status == 429:
        if retry_after is not None:
            return retry_after + policy.jitter * rand
        return policy.rate_limit_wait * spread
    return min(policy.backoff_cap, policy.backoff_base * 2.0 ** (attempt - 1)) * spread


def poll_interval(poll: int, *, first: float = 0.2, factor: float = 2.0, cap: float = 5.0) -> float:
    """Seconds before poll number `poll` (1-based) of an asynchronous operation."""
    return min(cap, first * factor ** (poll - 1))


def within_deadline(*, started: float, now: float, wait: float, policy: RetryPolicy) -> bool:
    """Whether waiting `wait` more seconds still ends before the deadline."""
    return (now - started) + wait <= policy.deadline
