"""The rate limiter's leaky bucket, concurrency limit and penalty, with a fake clock."""

from __future__ import annotations

from vco_emulator.ratelimit import RateLimitConfig, RateLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter(**config: float | int | None) -> tuple[RateLimiter, FakeClock]:
    clock = FakeClock()
    return RateLimiter(RateLimitConfig(**config), clock=clock), clock  # type: ignore[arg-type]


def admit_and_release(lim: RateLimiter, key: str = "a") -> bool:
    ok = lim.admit(key).allowed
    if ok:
        lim.release(key)
    return ok


def test_off_by_default_admits_everything() -> None:
    lim, _ = limiter()
    assert all(admit_and_release(lim) for _ in range(10_000))


def test_bucket_admits_its_capacity_then_throttles() -> None:
    lim, _ = limiter(requests=5, windowSeconds=5, penaltySeconds=5)
    assert [admit_and_release(lim) for _ in range(6)] == [True] * 5 + [False]


def test_penalty_refuses_everything_until_it_expires_even_when_the_bucket_has_leaked() -> None:
    lim, clock = limiter(requests=5, windowSeconds=5, penaltySeconds=5)
    for _ in range(6):
        admit_and_release(lim)
    clock.now += 4.9  # the bucket is empty again, but the penalty still runs
    assert not admit_and_release(lim)
    clock.now += 0.2
    assert admit_and_release(lim)


def test_bucket_leaks_continuously() -> None:
    lim, clock = limiter(requests=5, windowSeconds=5, penaltySeconds=0)
    for _ in range(5):
        assert admit_and_release(lim)
    clock.now += 1.0  # one request's worth leaks per second
    assert admit_and_release(lim)
    assert not admit_and_release(lim)


def test_a_steady_rate_at_the_limit_is_never_throttled() -> None:
    lim, clock = limiter(requests=10, windowSeconds=5, penaltySeconds=5)
    for _ in range(200):
        assert admit_and_release(lim)
        clock.now += 0.5


def test_concurrency_limit_counts_requests_in_flight() -> None:
    lim, clock = limiter(maxConcurrent=2, penaltySeconds=5)
    assert lim.admit("a").allowed and lim.admit("a").allowed
    assert not lim.admit("a").allowed
    lim.release("a")
    assert not lim.admit("a").allowed  # penalised, although one slot is free now
    clock.now += 5.1
    assert lim.admit("a").allowed


def test_callers_are_limited_separately() -> None:
    lim, _ = limiter(requests=1, windowSeconds=5)
    assert admit_and_release(lim, "a")
    assert not admit_and_release(lim, "a")
    assert admit_and_release(lim, "b")


def test_configure_replaces_settings_and_forgets_penalties() -> None:
    lim, _ = limiter(requests=1, windowSeconds=5)
    admit_and_release(lim)
    assert not admit_and_release(lim)
    lim.configure(RateLimitConfig())
    assert admit_and_release(lim)
