"""Apache Kafka's own clients (Java, from kafka-tools) on both sides of streamguard, as a platform team runs them.

The console producer writes keyed JSON records with headers into a raw topic whose timestamps the broker
stamps (``message.timestamp.type=LogAppendTime``), one run per compression codec; a worker masks them; the
console consumer reads a governed view with ``read_committed``: each record once, masked, with streamguard's
evidence header and none of the producer's headers.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from confluent_kafka import TIMESTAMP_LOG_APPEND_TIME, Message
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

from harness.deployment import Deployment
from harness.readback import read_topic
from harness.sample_data import customers
from harness.worker_process import wait_until
from streamguard.app.settings import load_settings
from streamguard.evidence.header import EVIDENCE_HEADER, Evidence
from tests.conftest import KafkaEndpoint
from tests.integration.rule_texts import two_audience_rules
from tests.java_tools import CODECS, ConsumedRecord, KafkaTools, ProducedRecord

pytestmark = pytest.mark.kafka

PER_CODEC = 25
PARTITIONS = 2
AUDIENCE = "analytics"  # no clearances: every personal field masked
FIELDS = {
    "customer_id": "{class: public}",
    "plan": "{class: public}",
    "full_name": "{class: contact, action: pseudonymize}",
    "email": "{class: contact, action: hash}",
    "phone": "{class: contact, action: partial, keep_last: 2}",
    "ssn": "{class: government_id, action: redact}",
}
PERSONAL = ("full_name", "email", "phone", "ssn")
RAW_HEADER_NAMES = ("origin", "trace-id", "x-contact-email")


@dataclass(frozen=True)
class JavaRun:
    """What the console producer wrote, what the broker kept, and what the console consumer read back."""

    raw: str
    view: str
    sent: dict[str, ProducedRecord]  # key -> the line's record
    raw_records: dict[str, Message]  # key -> the raw record as the broker stored it
    view_records: list[ConsumedRecord]
    raw_batches: list[dict[str, str]] | None  # DumpLogSegments of the raw partitions (local broker only)
    view_timestamp_type: str
    deployment: Deployment


def _records(codec: str, seed: int) -> list[ProducedRecord]:
    records = []
    for customer in customers(PER_CODEC, seed=seed, with_notes=False):
        value = {name: customer[name] for name in FIELDS}
        headers = [
            ("origin", f"crm-export-{codec}"),
            ("trace-id", uuid.uuid4().hex),
            ("x-contact-email", customer["email"]),  # a personal value in a header: must not reach a view
        ]
        records.append(ProducedRecord(f"{codec}-{customer['customer_id']}", json.dumps(value), headers))
    return records


def _accounted(deployment: Deployment, raw: str) -> int:
    chains = deployment.audit().chains
    return sum(len(report.accounted) for key, report in chains.items() if key.startswith(f"{raw}:"))


def _evidence(record: ConsumedRecord) -> Evidence:
    """The evidence header of a view record as the console consumer printed it."""
    return Evidence.parse(dict(record.headers)[EVIDENCE_HEADER].encode())


def _segments(admin: AdminClient, topic: str) -> list[Path]:
    """The log segment files of ``topic``'s partitions, found through each leader's ``log.dirs``."""
    partitions = admin.list_topics(topic, timeout=15).topics[topic].partitions.values()
    segments: list[Path] = []
    for partition in partitions:
        resource = ConfigResource(ConfigResource.Type.BROKER, str(partition.leader))
        log_dirs = admin.describe_configs([resource])[resource].result(timeout=15)["log.dirs"].value
        for folder in str(log_dirs).split(","):
            segments += sorted(Path(folder, f"{topic}-{partition.id}").glob("*.log"))
    return segments


@pytest.fixture(scope="module")
def java_run(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[JavaRun]:
    tools = KafkaTools.locate(load_settings(), tmp_path_factory.mktemp("java-tools"))
    deployment = Deployment(kafka.bootstrap, tmp_path_factory.mktemp("deployment"))
    dataset = f"java_{uuid.uuid4().hex[:6]}"
    raw, view = deployment.names.raw(dataset), deployment.names.governed(dataset, AUDIENCE)
    config = {"message.timestamp.type": "LogAppendTime"}
    deployment.admin.create_topics([NewTopic(raw, PARTITIONS, 1, config=config)])[raw].result(30)
    deployment.apply_rules(two_audience_rules(dataset, FIELDS), None)
    deployment.start_worker().wait_serving(raw)
    try:
        runs = {codec: _records(codec, seed) for seed, codec in enumerate(CODECS, start=1)}
        with ThreadPoolExecutor(len(runs)) as pool:  # one producer JVM per codec, side by side
            done = [pool.submit(tools.produce, kafka.bootstrap, raw, records, codec) for codec, records in runs.items()]
            for future in done:
                future.result()
        sent = {record.key: record for records in runs.values() for record in records}
        wait_until(lambda: _accounted(deployment, raw) >= len(sent), 120, "every raw offset in the audit")
        view_records = tools.consume(kafka.bootstrap, view, max_messages=len(sent) + 1, idle_timeout_ms=5000)
        raw_records = {bytes(m.key()).decode(): m for m in read_topic(deployment.options, raw, len(sent))}
        local = kafka.local_broker is not None  # its log segments are files on this machine
        batches = tools.dump_batches(_segments(deployment.admin, raw)) if local else None
        resource = ConfigResource(ConfigResource.Type.TOPIC, view)
        described = deployment.admin.describe_configs([resource])[resource].result(timeout=15)
        yield JavaRun(
            raw,
            view,
            sent,
            raw_records,
            view_records,
            batches,
            str(described["message.timestamp.type"].value),
            deployment,
        )
    finally:
        deployment.stop_workers()


def test_the_console_producer_writes_compressed_keyed_records_with_headers(java_run: JavaRun) -> None:
    assert set(java_run.raw_records) == set(java_run.sent)
    for key, message in java_run.raw_records.items():
        assert message.timestamp()[0] == TIMESTAMP_LOG_APPEND_TIME
        headers = [(name, bytes(value).decode()) for name, value in message.headers() or []]
        assert headers == list(java_run.sent[key].headers), "the raw topic holds the producer's headers"
    if java_run.raw_batches is None:
        pytest.skip("batch codecs are read from the local broker's log segments")
    assert {batch["compresscodec"] for batch in java_run.raw_batches} == set(CODECS)
    assert all("LogAppendTime" in batch for batch in java_run.raw_batches)
    assert sum(int(batch["count"]) for batch in java_run.raw_batches) == len(java_run.sent)


def test_read_committed_console_consumer_sees_each_record_once(java_run: JavaRun) -> None:
    counts = Counter(record.key for record in java_run.view_records)
    assert counts == dict.fromkeys(java_run.sent, 1), "each raw record in the view exactly once, under its own key"
    for record in java_run.view_records:
        raw = java_run.raw_records[record.key]
        assert record.partition == raw.partition(), "a view keeps its source partition, so key order"
        assert _evidence(record).source == (java_run.raw, raw.partition(), raw.offset())


def test_the_view_is_masked(java_run: JavaRun) -> None:
    for record in java_run.view_records:
        produced = json.loads(java_run.sent[record.key].value)
        view = json.loads(record.value)
        assert (view["customer_id"], view["plan"]) == (produced["customer_id"], produced["plan"])
        line = "\t".join((record.key, record.value, *(f"{n}:{v}" for n, v in record.headers)))
        for field in PERSONAL:
            assert produced[field] not in line, f"raw {field} of {record.key} in the view"
        assert view["ssn"] == "[REDACTED]"
        assert view["phone"].endswith(produced["phone"][-2:])


def test_raw_headers_never_reach_the_view(java_run: JavaRun) -> None:
    for record in java_run.view_records:
        names = [name for name, _ in record.headers]
        assert names == [EVIDENCE_HEADER], f"only streamguard's evidence header on {record.key}, got {names}"
        produced = java_run.sent[record.key].headers
        for name, value in produced:
            assert name not in {n for n, _ in record.headers}
            assert all(value not in text for _, text in record.headers)
    assert not any(name in record.value for record in java_run.view_records for name in RAW_HEADER_NAMES)


def test_a_log_append_time_raw_topic_gives_views_its_broker_time(java_run: JavaRun) -> None:
    """The view keeps the raw record's event time: the broker's append time, as the view's CreateTime (the
    view topics streamguard creates keep the broker's default timestamp type)."""
    assert java_run.view_timestamp_type == "CreateTime"
    for record in java_run.view_records:
        assert record.timestamp_type == "CreateTime"
        assert record.timestamp_ms == java_run.raw_records[record.key].timestamp()[1]
    summary = java_run.deployment.audit()
    assert summary.intact
    assert not summary.quarantined
    assert summary.delivered == len(java_run.sent)
