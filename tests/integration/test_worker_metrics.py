"""The worker's ``/metrics`` on the real broker: a scrape shows exactly what it governed, per audience and per
quarantine reason, in the Prometheus text format."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from confluent_kafka.admin import NewTopic

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, json_payload
from harness.worker_process import wait_until
from tests.conftest import KafkaEndpoint
from tests.integration.rule_texts import two_audience_rules

pytestmark = pytest.mark.kafka

INVOICE_FIELDS = {
    "invoice_id": "{class: public}",
    "payer_email": "{class: contact, action: hash}",
    "amount": "{class: public}",
}
GOOD = 12


def test_a_scrape_of_the_worker_shows_what_it_governed(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka.bootstrap, tmp_path)
    dataset = f"invoices_{uuid.uuid4().hex[:6]}"
    raw = deployment.names.raw(dataset)
    deployment.admin.create_topics([NewTopic(raw, 1, 1)])[raw].result(30)
    deployment.apply_rules(two_audience_rules(dataset, INVOICE_FIELDS), None)
    worker = deployment.start_worker()
    try:
        worker.wait_serving(raw)
        producer = RawProducer(deployment.options)
        for number in range(GOOD):
            invoice = {"invoice_id": f"INV-{number}", "payer_email": f"payer{number}@example.org", "amount": 10.0}
            producer.send(raw, f"INV-{number}".encode(), json_payload(invoice), partition=0)
        producer.send(raw, b"INV-bad", b"payer13@example.org is not JSON", partition=0)
        producer.send(raw, b"INV-0", None, partition=0)  # an erasure
        producer.flush()

        def consumed() -> float:
            return worker.metrics().total("streamguard_records_consumed_total", dataset=dataset)

        wait_until(lambda: consumed() == GOOD + 2, 30, "the scrape to count every record", worker.process)
        scrape = worker.metrics()
    finally:
        deployment.stop_workers()
    assert scrape.content_type.startswith("text/plain; version=")
    assert scrape.by("streamguard_records_delivered_total", "audience", dataset=dataset) == {
        "analytics": GOOD,
        "support": GOOD,
    }
    assert scrape.by("streamguard_records_quarantined_total", "reason", dataset=dataset) == {"undecodable:json": 1}
    assert scrape.total("streamguard_tombstones_total", dataset=dataset) == 1
    chains = [events for chain, events in deployment.audit_events().items() if chain.startswith(f"{raw}:")]
    assert scrape.total("streamguard_audit_events_total") == sum(len(events) for events in chains)
    assert scrape.by("streamguard_consumer_lag_records", "partition", topic=raw) == {"0": 0}
    assert scrape.total("streamguard_cycle_duration_seconds_count") >= 1
    assert not [s for s in scrape.samples if "example.org" in str(s.labels)]
