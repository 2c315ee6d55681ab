"""How many wrong tokens may be presented before they are answered 429 (pure: the caller gives the time).

A token is 256 bits, so guessing is hopeless; the limit is there so that whoever hammers the API with bad
tokens (a misconfigured scraper, a scanner, a script retrying a revoked token) is slowed down and shows up in
the metrics. Each failure is counted in a sliding window under several keys, the caller's choice: the API
counts it under the client's address and under the presented token's digest, so a stale token retried from
many addresses (or through a proxy that lets clients pick their address) is held back too. Past
``max_failures`` on any of its keys, a failure is refused (429 instead of 401, and not counted again) until
the oldest failure of that key leaves the window.

A valid token is never refused and resets nothing: the limiter only ever sees failures. Behind a NAT or a
proxy, one misconfigured client must not lock out everyone sharing its address, nor can anyone aim the limit
at a victim's address. A request without a token is not a guess and is not counted (the caller's part).
Memory is bounded: at most ``max_keys`` keys are tracked, the stalest forgotten first.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict, deque
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FailureLimit:
    max_failures: int = 10
    window_s: float = 60.0
    max_keys: int = 10_000


class FailureLimiter:
    """Sliding-window counts of token failures per key (a client's address, a token's digest)."""

    def __init__(self, limit: FailureLimit = FailureLimit()) -> None:
        self.limit = limit
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.RLock()  # the API checks tokens on several threads at once

    def __len__(self) -> int:
        """The number of keys tracked."""
        return len(self._failures)

    def record_failure(self, keys: Sequence[str], now: float) -> int | None:
        """A failure presented under ``keys``: the seconds to wait if one of them is held back (the failure is
        then not counted), else None, the failure counted under each key."""
        with self._lock:
            waits = [wait for key in keys if (wait := self.retry_after(key, now)) is not None]
            if waits:
                return max(waits)
            for key in keys:
                self.failed(key, now)
            return None

    def retry_after(self, key: str, now: float) -> int | None:
        """Seconds until ``key`` may try again, or None when it is not held back."""
        with self._lock:
            times = self._recent(key, now)
            if times is None or len(times) < self.limit.max_failures:
                return None
            return max(1, math.ceil(times[0] + self.limit.window_s - now))

    def failed(self, key: str, now: float) -> None:
        """Count one failure under ``key`` at ``now``."""
        with self._lock:
            times = self._recent(key, now)
            if times is None:
                times = self._failures[key] = deque()
                while len(self._failures) > self.limit.max_keys:
                    self._failures.popitem(last=False)
            times.append(now)
            self._failures.move_to_end(key)
            while len(times) > self.limit.max_failures:
                times.popleft()

    def _recent(self, key: str, now: float) -> deque[float] | None:
        times = self._failures.get(key)
        if times is None:
            return None
        while times and times[0] <= now - self.limit.window_s:
            times.popleft()
        if not times:
            del self._failures[key]
            return None
        return times
