"""``make demo``: the whole pipeline on sample data, on a real local Apache Kafka, in about a minute.

Starts Kafka (unless it runs), applies the sample rules, starts a worker, produces a few thousand fake
customers with a few bad records and an erasure among them, then shows one customer as each audience sees
it, the quarantine and an audit summary, and stops what it started. Safe to run again: each run tags its
customers, and reports only on its own records.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections import Counter
from typing import Any

from confluent_kafka.admin import AdminClient, NewTopic
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from agents.codec import frame_wire_format
from agents.kafka_audit_reader import read_audit_events, summarize
from agents.kafka_readback import committed_offsets, decode_view, end_offsets, read_topic, source_of
from agents.kafka_rules import apply_rule_set, latest_versions, read_rule_history
from agents.kafka_schemas import SchemaCatalog
from agents.kafka_topics import ensure_topics, partition_count, system_topics
from app.kafka_config import TopicNames, aiokafka_options, confluent_options
from app.kafka_local import LocalBroker
from app.raw_producer import RawProducer, avro_payload
from app.sample_data import customers
from app.settings import PROJECT_ROOT, Settings, load_settings
from app.worker_process import WorkerProcess, wait_until, worker_env
from evidence.audit import AuditEvent
from masking.rules import load_rules

RECORDS = 3000
DATASET = "customers"
SCHEMAS = PROJECT_ROOT / "schemas"
console = Console(width=max(Console().width, 120))


def main() -> None:
    settings = load_settings()
    broker = LocalBroker.from_settings(settings) if not settings.bootstrap else None
    started = False
    if broker is not None:
        with console.status("starting Apache Kafka (the first run fetches its jars with Maven)..."):
            status, started = broker.start()
        console.print(status.describe())
    try:
        run_demo(settings.model_copy(update={"bootstrap": settings.bootstrap or status.plaintext_bootstrap}))
    finally:
        if broker is not None and started:
            broker.stop()
            console.print("stopped the Kafka broker the demo started")


def run_demo(settings: Settings) -> None:
    names = TopicNames.from_settings(settings)
    options = confluent_options(settings)
    schema_id, schema, audiences = prepare(settings, names, options)
    worker = WorkerProcess(
        worker_env(str(settings.bootstrap), settings.home), settings.home / "demo-worker.log", cwd=PROJECT_ROOT
    )
    try:
        with console.status("starting a streamguard worker..."):
            worker.wait_ready()
            worker.wait_serving(names.raw(DATASET))
        starts = end_offsets(options, names.raw(DATASET))
        tag = uuid.uuid4().hex[:4].upper()
        showcase = produce(options, names, schema_id, schema, tag)
        await_governance(options, names, end_offsets(options, names.raw(DATASET)))
        show_customer(options, names, audiences, schema, showcase)
        report(options, names, starts)
    finally:
        worker.stop()
        console.print(f"stopped the worker (log: {worker.log})")


def prepare(settings: Settings, names: TopicNames, options: dict[str, Any]) -> tuple[int, Any, list[str]]:
    """System and raw topics, the sample rules as the latest version, and the producer's schema id."""
    admin = AdminClient(options)
    ensure_topics(admin, system_topics(names))
    if partition_count(admin, names.raw(DATASET)) is None:
        admin.create_topics([NewTopic(names.raw(DATASET), 3, 1)])[names.raw(DATASET)].result(30)
    schema_text = json.dumps(json.loads((SCHEMAS / "customers.avsc").read_text()))
    rules_path = SCHEMAS / "customers.rules.yaml"
    rules = load_rules(rules_path, schema=json.loads(schema_text))
    record = asyncio.run(
        apply_rule_set(
            aiokafka_options(settings),
            names.rules,
            rules,
            rules_path.read_text(),
            rules_path.name,
            schema_text,
            "demo-steward",
        )
    )
    history = asyncio.run(read_rule_history(aiokafka_options(settings), names.rules))
    current = latest_versions(history)[DATASET]
    console.print(f"rules [bold]{current.key}[/bold] in force" + (" (just published)" if record else ""))
    catalog = SchemaCatalog(settings.schema_registry_url)
    catalog.register_history(history)
    schema_id = catalog.register(current)
    assert schema_id is not None
    return schema_id, catalog.writer_schema(schema_id), list(rules.audiences)


def produce(options: dict[str, Any], names: TopicNames, schema_id: int, schema: Any, tag: str) -> str:
    """The run's customers, 3 undecodable records, 1 of an unknown schema and 1 erasure; returns the key of a
    customer worth showing (one whose free-text notes mention their email)."""
    showcase: str | None = None
    producer = RawProducer(options)
    raw = names.raw(DATASET)
    bad = [
        frame_wire_format(schema_id, b"\x99not avro"),
        b"plain text is not avro",
        b"\x00\x00",
        frame_wire_format(424242, b"\x02"),
    ]
    with _progress() as progress:
        task = progress.add_task("producing raw.customers", total=RECORDS + len(bad) + 1)
        for number, record in enumerate(customers(RECORDS, seed=hash(tag) % 10_000)):
            record["customer_id"] = f"{tag}-{record['customer_id']}"
            producer.send(raw, record["customer_id"].encode(), avro_payload(schema_id, schema, record))
            if showcase is None and record["email"] in (record["notes"] or ""):
                showcase = record["customer_id"]
            if number % 700 == 350:
                producer.send(raw, f"{tag}-bad-{number}".encode(), bad[number // 700])
                progress.advance(task)
            progress.advance(task)
        producer.send(raw, f"{tag}-C{RECORDS - 1:07d}".encode(), None)  # the right to erasure: a tombstone
        progress.advance(task)
        producer.flush()
    return showcase or f"{tag}-C0000001"


def await_governance(options: dict[str, Any], names: TopicNames, ends: dict[int, int]) -> None:
    """Until the data path has committed every raw offset produced: committed means the views and the
    audit events of those records are acknowledged by the broker."""
    raw = names.raw(DATASET)
    total = sum(ends.values())
    with _progress() as progress:
        task = progress.add_task("governed and audited", total=total)

        def caught_up() -> bool:
            done = committed_offsets(options, names.datapath_group, raw, list(ends))
            progress.update(task, completed=sum(min(done[p], end) for p, end in ends.items()))
            return all(done[p] >= end for p, end in ends.items())

        wait_until(caught_up, 180, "the worker to govern every record")


def show_customer(options: dict[str, Any], names: TopicNames, audiences: list[str], schema: Any, key: str) -> None:
    views = {}
    for audience in audiences:
        found = [m for m in read_topic(options, names.governed(DATASET, audience)) if m.key() == key.encode()]
        views[audience] = decode_view(found[-1], schema) or {}
    table = Table(title=f"customer {key} as each audience sees it", show_lines=True)
    table.add_column("field", style="bold")
    for audience in audiences:
        table.add_column(audience, overflow="fold")
    flat = {a: _flatten(view) for a, view in views.items()}
    for field in flat[audiences[0]]:
        table.add_row(field, *(_show(flat[a].get(field)) for a in audiences))
    console.print(table)


def report(options: dict[str, Any], names: TopicNames, starts: dict[int, int]) -> None:
    raw = names.raw(DATASET)
    ends = end_offsets(options, raw)
    quarantined = [
        m
        for m in read_topic(options, names.quarantine)
        if source_of(m)[0] == raw and source_of(m)[2] >= starts.get(source_of(m)[1], 0)
    ]
    reasons = Counter(dict(m.headers())["streamguard-reason"].decode() for m in quarantined)
    console.print(f"quarantined in this run: [bold]{len(quarantined)}[/bold] {dict(reasons)}")
    chains: dict[str, list[AuditEvent]] = {}

    def all_accounted() -> bool:
        nonlocal chains
        chains = {k: c for k, c in read_audit_events(options, names.audit).items() if k.startswith(f"{raw}:")}
        reports = summarize(chains).chains
        return all(not reports[f"{raw}:{p}"].missing_offsets(0, end) for p, end in ends.items() if end)

    wait_until(all_accounted, 60, "the audit to account for every offset")
    this_run = summarize(chains, since={f"{raw}:{p}": start for p, start in starts.items()})
    verdict = "[green]intact[/green]" if this_run.intact else "[red]BROKEN[/red]"
    console.print(
        f"audit: every offset of {raw} accounted for; {sum(len(c) for c in chains.values())} events "
        f"in {len(chains)} hash chains, {verdict}"
    )
    console.print(
        f"  this run: delivered {this_run.delivered}, tombstones {this_run.tombstones}, "
        f"quarantined {dict(this_run.quarantined)}"
    )
    console.print(f"  personal data found in free text: {dict(this_run.entities.most_common())}")


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in record.items():
        if isinstance(value, dict) and not name.endswith("attrs"):
            flat |= _flatten(value, f"{prefix}{name}.")
        else:
            flat[f"{prefix}{name}"] = value
    return flat


def _show(value: Any) -> str:
    return "∅" if value is None else str(value)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    )


if __name__ == "__main__":
    main()
