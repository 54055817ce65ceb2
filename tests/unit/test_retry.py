"""The pure retry rules: which failures are retried, and how long each wait is."""

from __future__ import annotations

import pytest

from pulumi_velocloud.client.retry import (
    RetryPolicy,
    backoff,
    is_ambiguous,
    parse_retry_after,
    should_retry,
    within_deadline,
)

POLICY = RetryPolicy(
    max_attempts=5, deadline=60.0, rate_limit_wait=5.0, backoff_base=0.5, backoff_cap=4.0, jitter=0.2
)


def decide(
    status: int | None = None,
    *,
    transport: bool = False,
    sent: bool = True,
    idempotent: bool = True,
    attempt: int = 1,
) -> bool:
    return should_retry(
        status=status,
        transport_error=transport,
        request_sent=sent,
        idempotent=idempotent,
        attempt=attempt,
        policy=POLICY,
    )


def test_429_is_retried_even_for_creates() -> None:
    assert decide(429, idempotent=False)


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_are_retried_only_when_idempotent(status: int) -> None:
    assert decide(status, idempotent=True)
    assert not decide(status, idempotent=False)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 415, 422, 500])
def test_client_errors_and_500_are_not_retried(status: int) -> None:
    assert not decide(status)


def test_connection_failure_before_sending_is_always_retried() -> None:
    assert decide(transport=True, sent=False, idempotent=False)


def test_ambiguous_failure_of_a_create_is_not_repeated() -> None:
    assert not decide(transport=True, sent=True, idempotent=False)
    assert decide(transport=True, sent=True, idempotent=True)


def test_attempts_stop_at_the_limit() -> None:
    assert decide(503, attempt=4)
    assert not decide(503, attempt=5)
    assert not decide(429, attempt=5)


def test_429_without_retry_after_waits_the_vendor_penalty_with_jitter() -> None:
    waits = [
        backoff(status=429, attempt=1, retry_after=None, policy=POLICY, rand=r) for r in (0.0, 0.5, 0.999)
    ]
    assert waits[0] == pytest.approx(4.0)
    assert waits[1] == pytest.approx(5.0)
    assert waits[2] == pytest.approx(6.0, abs=0.01)


def test_429_honours_retry_after() -> None:
    assert backoff(status=429, attempt=3, retry_after=2.0, policy=POLICY, rand=0.0) == pytest.approx(2.0)
    assert backoff(status=429, attempt=3, retry_after=2.0, policy=POLICY, rand=0.5) == pytest.approx(2.1)


def test_503_burst_backs_off_exponentially_up_to_the_cap() -> None:
    waits = [backoff(status=503, attempt=a, retry_after=None, policy=POLICY, rand=0.5) for a in range(1, 7)]
    assert waits == pytest.approx([0.5, 1.0, 2.0, 4.0, 4.0, 4.0])


def test_retry_after_parses_seconds_and_http_dates() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == pytest.approx(10.0)
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_deadline_bounds_the_total_wait() -> None:
    assert within_deadline(started=0.0, now=50.0, wait=10.0, policy=POLICY)
    assert not within_deadline(started=0.0, now=50.0, wait=10.5, policy=POLICY)


def test_only_a_failure_the_orchestrator_may_have_carried_out_is_ambiguous() -> None:
    def amb(status: int | None, *, code: bool = False, sent: bool = True, idempotent: bool = False) -> bool:
        return is_ambiguous(status=status, request_sent=sent, idempotent=idempotent, api_error_code=code)

    assert amb(None)  # no answer after sending
    assert not amb(None, sent=False)  # the connection failed first: nothing reached the server
    assert amb(503, code=True) and amb(502) and amb(504)  # a proxy may answer for a server that worked
    assert amb(500)  # a 500 without the API's error code
    assert not amb(500, code=True)  # the Orchestrator's own refusal, e.g. -32603 "Name must be Unique"
    assert not amb(400) and not amb(409) and not amb(429)
    assert not amb(None, idempotent=True) and not amb(500, idempotent=True)  # repeating is safe anyway
