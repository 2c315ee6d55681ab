"""The API's Prometheus metrics (``GET /metrics``, Prometheus text format, no token: they carry no record
value and no principal's name, only routes, methods, statuses, rule names and severities).

Requests, their latency and token failures are counted as they happen, labelled by method (the standard
ones; any other is ``other``) and route (``unmatched`` for none), so no client can create label values at
will. Pending approvals and alerts change through the command line and the control service too, so only the
topics and the store know them (``EvidenceCollector``): they are read in the background, at most every
``EVIDENCE_EVERY_S``, and a scrape answers with what was last read, so a scrape storm is no Kafka load and no
scrape waits for Kafka.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter as Tally
from collections.abc import Iterator
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import REGISTRY, Collector

from streamguard.app.services.control.approvals import list_requests
from streamguard.control.requests import State
from streamguard.core.errors import describe_failure

if TYPE_CHECKING:
    from streamguard.app.server.api.context import ApiContext

log = logging.getLogger(__name__)
EVIDENCE_EVERY_S = 30.0  # about one scrape interval: approvals and alerts change over minutes, not seconds
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

HTTP_REQUESTS = Counter(
    "streamguard_http_requests", "API and console requests answered.", ["method", "route", "status"]
)
HTTP_SECONDS = Histogram("streamguard_http_request_duration_seconds", "Time to answer a request.", ["method", "route"])
TOKEN_FAILURES = Counter("streamguard_token_failures", "Requests and sign-ins with a missing or unknown token.")
VERIFICATION_FAILURES = Counter(
    "streamguard_verification_failures", "Verifications (API or console) that found the evidence not intact."
)


def method_label(method: str) -> str:
    """The method as a label value: a standard one, else ``other`` (a client may send any token as a method)."""
    return method if method in METHODS else "other"


class EvidenceCollector(Collector):
    """Pending approvals and alerts raised, as last read.

    Read on demand rather than by a refresher of the app's lifespan: nothing is read while nobody scrapes,
    and there is no thread to start and stop with the app. A scrape whose values are older than
    ``EVIDENCE_EVERY_S`` (by the context's clock) starts one read in a thread, unless one is under way, and
    answers at once with what it has: nothing before the first read, as after a read that failed.
    """

    def __init__(self, context: ApiContext) -> None:
        self.context = context
        self._lock = threading.Lock()
        self._read_at: float | None = None  # when the last read started
        self._reading = False
        self._values: tuple[int, Tally[tuple[str, str]]] | None = None  # (pending requests, alerts by rule)

    def collect(self) -> Iterator[Metric]:
        self._read_if_stale()
        values = self._values
        if values is None:
            return
        pending = GaugeMetricFamily("streamguard_approvals_pending", "Requests waiting for approval.")
        alerts = CounterMetricFamily(
            "streamguard_alerts", "Monitoring alerts raised, by rule and severity.", labels=["rule", "severity"]
        )
        pending.add_metric([], values[0])
        for (rule, severity), count in sorted(values[1].items()):
            alerts.add_metric([rule, severity], count)
        yield pending
        yield alerts

    def _read_if_stale(self) -> None:
        now = self.context.clock()
        with self._lock:
            if self._reading or (self._read_at is not None and now - self._read_at < EVIDENCE_EVERY_S):
                return
            self._reading, self._read_at = True, now
        threading.Thread(target=self._read, name="metrics-evidence", daemon=True).start()

    def _read(self) -> None:
        try:
            pending = len(list_requests(self.context.settings, State.PENDING))
            raised = Tally((alert.rule, alert.severity) for alert in self.context.store().alerts())
            self._values = (pending, raised)
        except Exception as error:  # unreadable evidence shows nothing rather than stale counts; type only logged
            self._values = None
            log.warning("metrics: evidence not readable: %s", describe_failure(error))
        finally:
            with self._lock:
                self._reading = False


def exposition(evidence: CollectorRegistry) -> bytes:
    """The process's metrics (requests, the Python runtime) followed by the evidence's."""
    return generate_latest(REGISTRY) + generate_latest(evidence)


def evidence_registry(context: ApiContext) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(EvidenceCollector(context))
    return registry
