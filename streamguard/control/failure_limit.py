"""How many wrong tokens a client may present before it is made to wait (pure: the caller gives the time).

A token is 256 bits, so guessing is hopeless; the limit is there so that a client hammering the API with
bad tokens (a misconfigured scraper, a scanner, an attacker trying leaked digests) is slowed down and shows
up in the metrics, without ever locking out a principal who presents a good token. Failures are counted
per client address in a sliding window; past ``max_failures`` the client is refused, even with a good
token, until the oldest counted failure leaves the window. Memory is bounded: at most ``max_clients``
addresses are tracked, the stalest forgotten first.
"""

from __future__ import annotations

import math
from collections import OrderedDict, deque
from dataclasses import dataclass


@dataclass(frozen=True)
class FailureLimit:
    max_failures: int = 10
    window_s: float = 60.0
    max_clients: int = 10_000


class FailureLimiter:
    """Sliding-window counts of token failures per client."""

    def __init__(self, limit: FailureLimit = FailureLimit()) -> None:
        self.limit = limit
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def retry_after(self, client: str, now: float) -> int | None:
        """Seconds until ``client`` may try again, or None when it is not held back."""
        times = self._recent(client, now)
        if times is None or len(times) < self.limit.max_failures:
            return None
        return max(1, math.ceil(times[0] + self.limit.window_s - now))

    def failed(self, client: str, now: float) -> None:
        """Count one failure of ``client`` at ``now``."""
        times = self._recent(client, now)
        if times is None:
            times = self._failures[client] = deque()
            while len(self._failures) > self.limit.max_clients:
                self._failures.popitem(last=False)
        times.append(now)
        self._failures.move_to_end(client)
        while len(times) > self.limit.max_failures:
            times.popleft()

    def _recent(self, client: str, now: float) -> deque[float] | None:
        times = self._failures.get(client)
        if times is None:
            return None
        while times and times[0] <= now - self.limit.window_s:
            times.popleft()
        if not times:
            del self._failures[client]
            return None
        return times
