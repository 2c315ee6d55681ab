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
    limiter = FailureLimiter(FailureLimit(max_failures=1, window_s=60, max_keys=3))
    for client in ("a", "b", "c", "d"):
        limiter.failed(client, 1)
    assert limiter.retry_after("a", 2) is None  # forgotten: the stalest of four
    assert all(limiter.retry_after(client, 2) == 59 for client in ("b", "c", "d"))


def test_a_failure_counts_under_each_of_its_keys_and_any_key_past_the_limit_holds_it_back() -> None:
    limiter = FailureLimiter(FailureLimit(max_failures=2, window_s=60))
    assert limiter.record_failure(("address a", "token x"), 0) is None
    assert limiter.record_failure(("address b", "token x"), 1) is None
    assert limiter.record_failure(("address c", "token x"), 2) == 58  # the token's key is full, the address's not
    assert limiter.record_failure(("address c", "token y"), 3) is None  # the refused failure was not counted
    assert limiter.retry_after("address c", 3) is None


def test_memory_stays_bounded_whatever_the_number_of_addresses_and_tokens() -> None:
    limiter = FailureLimiter(FailureLimit(max_failures=1, window_s=60, max_keys=100))
    for n in range(10_000):
        assert limiter.record_failure((f"address {n}", f"token {n}"), n / 1000) is None
        assert len(limiter) <= 100
    assert len(limiter) == 100
    assert limiter.retry_after("token 9999", 10) == 60  # the latest are tracked (and held back, at one failure)
    assert limiter.retry_after("address 0", 10) is None  # the stalest forgotten, although still in the window
