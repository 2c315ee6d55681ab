"""``make demo``: the whole pipeline on sample data, on a real local Apache Kafka, in about a minute.

Starts Kafka (unless it runs), applies the sample rules, starts a worker, produces a few thousand fake
customers with a few bad records and an erasure among them, then shows one customer as each audience sees
it, the quarantine, an audit summary and the worker's Prometheus metrics, and stops what it started. Safe to
run again: each run tags its customers, and reports only on its own records.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from confluent_kafka.admin import NewTopic
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from harness.console import CONSOLE_URL
from harness.demo_control import TOKENS_FILE, ControlPlane, control_plane, show_control_plane, show_discovery
from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import committed_offsets, decode_view, end_offsets, read_topic, source_of
from harness.sample_data import customers
from harness.worker_process import WorkerProcess, wait_until
from streamguard.agents.codec import frame_wire_format
from streamguard.agents.kafka_audit_reader import summarize
from streamguard.agents.kafka_topics import partition_count
from streamguard.app.kafka_local import LocalBroker
from streamguard.app.settings import load_settings
from streamguard.core.reasons import REASON_HEADER
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import AuditEvent
from streamguard.masking.rule_versions import rules_of
from streamguard.schemas import CUSTOMERS_AVSC, CUSTOMERS_RULES

RECORDS = 3000
DATASET = "customers"
console = Console(width=max(Console().width, 120))


def main() -> None:
    settings = load_settings()
    broker = LocalBroker.from_settings(settings) if not settings.bootstrap else None
    bootstrap, started = settings.bootstrap, False
    if broker is not None:
        with console.status("starting Apache Kafka (the first run fetches its jars with Maven)..."):
            status, started = broker.start()
        console.print(status.describe())
        bootstrap = status.plaintext_bootstrap
    assert bootstrap is not None
    try:
        run_demo(Deployment(bootstrap, settings.home, settings.system_topic_prefix))
    finally:
        if broker is not None and started:
            broker.stop()
            console.print("stopped the Kafka broker the demo started")


def run_demo(deployment: Deployment) -> None:
    names, options = deployment.names, deployment.options
    schema_id, schema, audiences = prepare(deployment)
    worker = deployment.start_worker("demo-worker.log", wait=False)
    try:
        with console.status("starting a streamguard worker..."):
            worker.wait_ready()
            worker.wait_serving(names.raw(DATASET))
        starts = end_offsets(options, names.raw(DATASET))
        tag = uuid.uuid4().hex[:4].upper()
        showcase = produce(options, names, schema_id, schema, tag)
        await_governance(options, names, end_offsets(options, names.raw(DATASET)))
        show_customer(options, names, audiences, schema, showcase)
        report(deployment, starts)
        show_metrics(deployment, worker)
    finally:
        deployment.stop_workers()
        console.print(f"stopped the worker (log: {worker.log})")
    console.print("starting the server and a witness, each in a process of its own...")
    with control_plane(deployment) as plane:
        show_control_plane(plane, console)
        show_discovery(plane, console, names.raw(DATASET))
        show_evidence(plane)


def show_evidence(plane: ControlPlane) -> None:
    """What an auditor gets, through the server: the evidence verified against signed checkpoints and the
    witness key she pinned, sessions, a report."""
    settings = plane.deployment.settings
    with console.status("the auditor verifies the evidence (the server indexes it and has the witness cosign)..."):
        checked = plane.client("ada", "verify", "--all", "--witness-key", plane.witness_key, "--json")
        result = json.loads(checked.stdout)
        sessions = json.loads(plane.client("ada", "sessions", "list", "--limit", "1000", "--json").stdout)
        page = settings.home / "report.html"
        page.unlink(missing_ok=True)
        tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
        plane.client("ada", "report", "--from", "1d", "--to", tomorrow, "--format", "html", "--out", str(page))
    verdict = "[green]intact[/green]" if result["intact"] else f"[red]{len(result['problems'])} problems[/red]"
    chains = result["chains"].values()
    sealed, cosigned = sum(c["checkpointed"] for c in chains), sum(1 for c in chains if c["cosigned"])
    console.print(
        f"ada: streamguard verify --all --witness-key …: {verdict} (exit {checked.returncode}): {result['events']} "
        f"events in {len(result['chains'])} chains, {sealed} sealed by {result['checkpoints']} signed checkpoints, "
        f"{cosigned} chains cosigned by the witness; {result['source_records']} retained source records accounted for"
    )
    console.print(f"sessions in the evidence store: {len(sessions)}; auditor's report: {page}")
    console.print("next: streamguard sessions list · streamguard prove raw.customers 0 0 --audience analytics")
    console.print(
        f"[bold]the console[/bold]: run [bold]make console[/bold], open {CONSOLE_URL} and sign in with a token "
        f"from {settings.home / TOKENS_FILE} (bob approves, ada audits, dana stewards)",
        highlight=False,
    )


def prepare(deployment: Deployment) -> tuple[int, Any, list[str]]:
    """The raw topic, the sample rules as the latest version, and the producer's schema id."""
    raw = deployment.names.raw(DATASET)
    if partition_count(deployment.admin, raw) is None:
        deployment.admin.create_topics([NewTopic(raw, 3, 1)])[raw].result(30)
    schema_text = json.dumps(json.loads(CUSTOMERS_AVSC.read_text()))
    published = deployment.apply_rules(CUSTOMERS_RULES.read_text(), schema_text, CUSTOMERS_RULES.name, "demo-steward")
    schema_id, schema = deployment.producer_schema(DATASET)
    current = max((r for r in deployment.rule_history() if r.dataset == DATASET), key=lambda r: r.version)
    console.print(f"rules [bold]{current.key}[/bold] in force" + (" (just published)" if published else ""))
    return schema_id, schema, list(rules_of(current).audiences)


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


def report(deployment: Deployment, starts: dict[int, int]) -> None:
    """The quarantine and the audit of this run's records."""
    names, options = deployment.names, deployment.options
    raw = names.raw(DATASET)
    ends = end_offsets(options, raw)
    quarantined = [
        m
        for m in read_topic(options, names.quarantine)
        if source_of(m)[0] == raw and source_of(m)[2] >= starts.get(source_of(m)[1], 0)
    ]
    reasons = Counter(dict(m.headers())[REASON_HEADER].decode() for m in quarantined)
    console.print(f"quarantined in this run: [bold]{len(quarantined)}[/bold] {dict(reasons)}")
    chains: dict[str, list[AuditEvent]] = {}

    def all_accounted() -> bool:
        nonlocal chains
        chains = {k: c for k, c in deployment.audit_events().items() if k.startswith(f"{raw}:")}
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


def show_metrics(deployment: Deployment, worker: WorkerProcess) -> None:
    """What Prometheus would scrape from the worker, next to what the audit says that worker governed (its
    events carry its id): the same counts, whatever else the raw topic held before this run."""
    scrape = worker.metrics()
    consumed = scrape.total("streamguard_records_consumed_total", dataset=DATASET)
    delivered = _counts(scrape.by("streamguard_records_delivered_total", "audience", dataset=DATASET))
    quarantined = _counts(scrape.by("streamguard_records_quarantined_total", "reason", dataset=DATASET))
    tombstones = scrape.total("streamguard_tombstones_total", dataset=DATASET)
    identity = worker.status()["worker"]
    events = [e for chain in deployment.audit_events().values() for e in chain]
    governed = [e for e in events if e.worker == identity and e.dataset == DATASET]
    audited: Counter[str] = Counter()
    for event in governed:
        audited.update(dict.fromkeys(event.outputs, sum(last - first + 1 for first, last in event.delivered)))
    agrees = (
        delivered == dict(audited)
        and tombstones == sum(len(event.tombstones) for event in governed)
        and quarantined == dict(Counter(q.reason for event in governed for q in event.quarantined))
    )
    verdict = "[green]as its audit events say[/green]" if agrees else "[red]unlike its audit events[/red]"
    console.print(
        f"metrics scraped from the worker (http://127.0.0.1:{worker.web_port}/metrics), {verdict}: consumed "
        f"{consumed:.0f}, tombstones {tombstones:.0f}"
    )
    console.print(f"  delivered per audience: {_listed(delivered)}")
    console.print(f"  quarantined by reason: {_listed(quarantined)}")


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in record.items():
        if isinstance(value, dict) and not name.endswith("attrs"):
            flat |= _flatten(value, f"{prefix}{name}.")
        else:
            flat[f"{prefix}{name}"] = value
    return flat


def _counts(values: dict[str, float]) -> dict[str, int]:
    return {name: int(value) for name, value in values.items()}


def _listed(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))


def _show(value: Any) -> str:
    return "∅" if value is None else str(value)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    )


if __name__ == "__main__":
    main()
