"""The API's Prometheus metrics (``GET /metrics``, Prometheus text format, no token: they carry no record
value and no principal's name, only routes, methods, statuses, rule names and severities).

Requests, their latency and token failures are counted as they happen. Pending approvals and alerts are
read when Prometheus scrapes (``EvidenceCollector``): they change through the command line and the control
service too, so only the topics and the store know them.
"""

from __future__ import annotations

import logging
from collections import Counter as Tally
from collections.abc import Iterator
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import REGISTRY, Collector

from streamguard.app.services.control.approvals import list_requests
from streamguard.control.requests import State
from streamguard.core.errors import StreamguardError

if TYPE_CHECKING:
    from streamguard.app.server.api.context import ApiContext

log = logging.getLogger(__name__)

HTTP_REQUESTS = Counter(
    "streamguard_http_requests", "API and console requests answered.", ["method", "route", "status"]
)
HTTP_SECONDS = Histogram("streamguard_http_request_duration_seconds", "Time to answer a request.", ["method", "route"])
TOKEN_FAILURES = Counter("streamguard_token_failures", "Requests and sign-ins with a missing or unknown token.")
VERIFICATION_FAILURES = Counter(
    "streamguard_verification_failures", "Verifications (API or console) that found the evidence not intact."
)


class EvidenceCollector(Collector):
    """Pending approvals and alerts raised, as of the scrape."""

    def __init__(self, context: ApiContext) -> None:
        self.context = context

    def collect(self) -> Iterator[Metric]:
        pending = GaugeMetricFamily("streamguard_approvals_pending", "Requests waiting for approval.")
        alerts = CounterMetricFamily(
            "streamguard_alerts", "Monitoring alerts raised, by rule and severity.", labels=["rule", "severity"]
        )
        try:
            pending.add_metric([], len(list_requests(self.context.settings, State.PENDING)))
            raised = Tally((alert.rule, alert.severity) for alert in self.context.store().alerts())
        except StreamguardError as error:  # a scrape that cannot read says so in the log, and shows nothing
            log.warning("metrics: evidence not readable: %s", error)
            return
        for (rule, severity), count in sorted(raised.items()):
            alerts.add_metric([rule, severity], count)
        yield pending
        yield alerts


def exposition(evidence: CollectorRegistry) -> bytes:
    """The process's metrics (requests, the Python runtime) followed by the evidence's."""
    return generate_latest(REGISTRY) + generate_latest(evidence)


def evidence_registry(context: ApiContext) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(EvidenceCollector(context))
    return registry
