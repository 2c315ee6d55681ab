from __future__ import annotations

from streamguard.control.failure_limit import FailureLimit, FailureLimiter


def test_a_client_is_held_back_after_the_limit_until_its_oldest_failure_leaves_the_window() -> None:
    limiter = FailureLimiter(FailureLimit(max_failures=3, window_s=60))
    for second in (0, 10, 20):
        assert limiter.retry_after("10.0.0.1", second) is None
        limiter.failed("10.0.0.1", second)
    assert limiter.retry_after("10.0.0.1", 21) == 39  # the failure at 0 leaves the window at 60
    assert limiter.retry_after("10.0.0.2", 21) is None  # another address is not affected
    assert limiter.retry_after("10.0.0.1", 60) is None


def test_failures_outside_the_window_are_forgotten() -> None:
    limiter = FailureLimiter(FailureLimit(max_failures=2, window_s=10))
    limiter.failed("a", 0)
    limiter.failed("a", 11)
    assert limiter.retry_after("a", 12) is None
    limiter.failed("a", 12)
    assert limiter.retry_after("a", 12) == 9


def test_memory_is_bounded_by_forgetting_the_stalest_clients() -> None:
    limiter = FailureLimiter(FailureLimit(max_failures=1, window_s=60, max_clients=3))
    for client in ("a", "b", "c", "d"):
        limiter.failed(client, 1)
    assert limiter.retry_after("a", 2) is None  # forgotten: the stalest of four
    assert all(limiter.retry_after(client, 2) == 59 for client in ("b", "c", "d"))
