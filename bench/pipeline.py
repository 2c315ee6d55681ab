"""End-to-end pipeline bench on the real broker, with its baselines measured in the same run.

    .venv/bin/python -m bench.pipeline [--records N] [--matrix-records M] [--rounds R] [--quick]

Method (every figure from this run, on the broker at 127.0.0.1, records pre-encoded once so producing is
not counted as pipeline cost; sample customers without notes, Confluent Avro, ~330 bytes):

1. Baselines (``bench.pipeline_baselines``), each copying a pre-loaded backlog of N records, timed from the
   first fetched batch until every copy is acknowledged: aiokafka copying each record to 1 topic;
   librdkafka (confluent-kafka, the data path's client, with its producer settings) copying to 1 topic; and
   librdkafka copying each record to 3 topics, the I/O the pipeline cannot avoid with three views: the
   strongest honest baseline, and the headline.
2. Faust, the rejected design at its best (``bench.pipeline_faust``): an agent running the same processor
   per event, and on ``stream.take_events`` batches, with three ``topic.send`` per record.
3. streamguard: per (partitions, workers), its own system prefix and dataset (the sample rules with ``notes``
   redacted and ``unclassified: redact``, so structured fields only: the native engine; 3 audiences, audit
   on). The backlog is pre-loaded, the workers are started and ready, then the rules are published so every
   worker subscribes at once. records/s = source records over the window from the first governed record seen
   to the last (sum of end offsets of the 3 views = 3 x M); then the audit must account for all M.
   The headline (1 partition, 1 worker, against each baseline on 1 partition) is measured R times (default 3),
   each round on fresh topics with the three baselines and streamguard back to back; the verdicts are medians
   of the per-round ratios, because single runs on this shared 2-core machine move by ±20%.
4. Latency: one worker, 1 partition, paced production at half the measured pipeline rate; arrival on one
   governed view minus produce time (CreateTime) per record; the same for the librdkafka 3-topic copy.

Rates in the subprocess designs are measured by polling end offsets every 50 ms from the first output seen.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from confluent_kafka.admin import AdminClient

from bench.pipeline_baselines import aiokafka_copy, cpu_ms_per_thousand, librdkafka_copy
from bench.pipeline_latency import Latency, measure_latency
from bench.pipeline_report import (
    AIOKAFKA_1,
    BASELINES,
    LIBRDKAFKA_1,
    LIBRDKAFKA_3,
    LIBRDKAFKA_3_TX,
    STREAMGUARD,
    Cpu,
    Plan,
    Results,
    report,
)
from bench.pipeline_setup import (
    BenchDataset,
    BenchError,
    Offsets,
    avro_bodies,
    cpu_seconds,
    create_topics,
    delete_run_topics,
    framed_items,
    make_home,
    preload,
    stop_processes,
    watch,
)
from harness.worker_process import free_port, wait_until
from streamguard.app.settings import Settings

AUDIENCES = 3
BATCH_RECORDS = Settings.model_fields["cycle_max_records"].default  # a data-path cycle at most: the copy's transactions
CHECKOUT = Path(__file__).resolve().parent.parent  # the bench's own modules run as subprocesses from here


@dataclass
class Bench:
    bootstrap: str
    home: Path
    run: str
    bodies: list[bytes]
    free_text: bool = False  # the sample rules with the notes scanned (bench.pipeline_freetext)

    @property
    def options(self) -> dict[str, str]:
        return {"bootstrap.servers": self.bootstrap}

    @cached_property
    def admin(self) -> AdminClient:
        return AdminClient(self.options)

    def dataset(self, tag: str) -> BenchDataset:
        return BenchDataset(self.bootstrap, self.home, f"{self.run}{tag}", free_text=self.free_text)

    def topics(self, names: list[str], partitions: int) -> list[str]:
        full = [f"bench{self.run}.{name}" for name in names]
        create_topics(self.admin, full, partitions)
        return full


def local_bootstrap() -> str:
    from streamguard.app.services.kafka_config import resolve_bootstrap
    from streamguard.app.settings import load_settings

    bootstrap = resolve_bootstrap(load_settings())
    if any(not server.startswith(("127.0.0.1:", "localhost:")) for server in bootstrap.split(",")):
        raise BenchError(f"this bench only sends traffic to 127.0.0.1, not {bootstrap}")
    return bootstrap


# -- 1. baselines ------------------------------------------------------------------------------------------


def run_baselines(bench: Bench, partitions: int, records: int, tag: str = "") -> tuple[dict[str, float], Cpu]:
    """The copies of one backlog, back to back (each to outputs of its own): records/s, and the librdkafka
    copies' CPU per 1,000 records."""
    [source] = bench.topics([f"backlog.p{partitions}{tag}"], partitions)
    preload(bench.options, source, partitions, framed_items(bench.bodies, 1, records))
    out = bench.topics([f"copy.p{partitions}{tag}.{n}" for n in range(8)], partitions)
    rates = {AIOKAFKA_1: aiokafka_copy(bench.bootstrap, source, out[0], records)}
    copies = {
        LIBRDKAFKA_1: librdkafka_copy(bench.options, source, out[1:2], records),
        LIBRDKAFKA_3: librdkafka_copy(bench.options, source, out[2:5], records),
        LIBRDKAFKA_3_TX: librdkafka_copy(bench.options, source, out[5:8], records, transaction_records=BATCH_RECORDS),
    }
    rates |= {name: copy.rate for name, copy in copies.items()}
    return rates, {name: copy.cpu_ms_per_thousand for name, copy in copies.items()}


# -- 2. Faust ----------------------------------------------------------------------------------------------


def run_faust(bench: Bench, mode: str, records: int) -> float:
    """An agent in a subprocess on a fresh backlog: rate over the first ``records`` source records."""
    dataset = f"bench{bench.run}faust{mode}"
    [source] = bench.topics([f"faust.{mode}"], 1)
    preload(bench.options, source, 1, framed_items(bench.bodies, 1, records))
    views = [f"governed.{dataset}.{audience}" for audience in ("analytics", "support", "risk")]
    create_topics(bench.admin, views, 1)
    env = {
        **os.environ,
        "PYTHONPATH": str(CHECKOUT),
        "BENCH_FAUST_MODE": mode,
        "BENCH_FAUST_APP_ID": dataset,
        "BENCH_FAUST_BOOTSTRAP": bench.bootstrap,
        "BENCH_FAUST_SOURCE": source,
        "BENCH_FAUST_DATASET": dataset,
        "BENCH_FAUST_PREFIX": f"{dataset}.",
        "BENCH_FAUST_HOME": str(bench.home),
        "BENCH_FAUST_SCHEMA_ID": "1",
    }
    command = [sys.executable, "-m", "bench.pipeline_faust", "worker", "-l", "warn", "--web-port", str(free_port())]
    with (bench.home / f"faust-{mode}.log").open("ab") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=bench.home)
    offsets = Offsets(bench.options)
    try:
        progress = watch(
            lambda: offsets.total(views), AUDIENCES * records, 120 + records / 200, lambda: process.poll() is None
        )
    finally:
        stop_processes([process])
        offsets.close()
    return progress.rate / AUDIENCES


# -- 3. streamguard pipeline -------------------------------------------------------------------------------


def run_pipeline(bench: Bench, partitions: int, workers: int, records: int, tag: str = "") -> tuple[float, str, float]:
    """Source records/s, the audit's verdict, and the workers' CPU per 1,000 source records (from their first
    governed record to the last)."""
    config = bench.dataset(f"p{partitions}w{workers}{tag}")
    config.create_topics(partitions)
    schema_id = config.expected_schema_id()
    preload(config.options, config.raw, partitions, framed_items(bench.bodies, schema_id, records))
    offsets = Offsets(config.options)
    deployment = config.deployment
    try:
        config.start_workers(workers)
        pids = [worker.pid for worker in deployment.workers]
        cpu_at_first: list[float] = []
        if config.publish_rules() != schema_id:
            raise BenchError("schema id of the published rules differs from the one the backlog was encoded with")
        progress = watch(
            lambda: offsets.total(config.governed),
            AUDIENCES * records,
            120 + records / 500,
            deployment.alive,
            on_first=lambda: cpu_at_first.append(sum(cpu_seconds(pid) for pid in pids)),
        )
        cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_at_first[0]
        exits = deployment.exits()
        crashed = f"; worker exit codes during the run: {exits} (see {bench.home})" if exits else ""
        audit = _audit_check(config, records) + crashed
        return progress.rate / AUDIENCES, audit, cpu_ms_per_thousand(cpu, progress.records // AUDIENCES)
    finally:
        deployment.stop_workers()
        offsets.close()


def _audit_check(config: BenchDataset, records: int) -> str:
    """Wait (bounded) until the audit accounts for every record; describe what it says."""
    deadline = time.monotonic() + 30
    while True:
        summary = config.deployment.audit()
        if summary.delivered >= records or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    quarantined = sum(summary.quarantined.values())
    verdict = "ok" if summary.delivered >= records and summary.intact and not quarantined else "FAIL"
    redelivered = f" (+{summary.delivered - records} redelivered)" if summary.delivered > records else ""
    return (
        f"{verdict}: delivered {min(summary.delivered, records)}/{records}{redelivered}, intact={summary.intact}, "
        f"quarantined={quarantined}"
    )


# -- 4. latency --------------------------------------------------------------------------------------------


def run_pipeline_latency(bench: Bench, partitions: int, rate: float, seconds: float) -> Latency:
    config = bench.dataset(f"lat{partitions}")
    config.create_topics(partitions)
    values = [item[1] for item in framed_items(bench.bodies, config.expected_schema_id(), len(bench.bodies))]
    offsets = Offsets(config.options)
    try:
        config.start_workers(1)
        config.publish_rules()
        preload(config.options, config.raw, partitions, [(b"warm", values[0])] * 300)
        wait_until(
            lambda: offsets.total(config.governed) >= AUDIENCES * 300, 90, "warm-up records governed", step_s=0.1
        )
        # Arrivals are matched to sends by key: on the support view, cleared for the key's class, keys pass.
        support = config.governed[config.audiences.index("support")]
        return measure_latency(config.options, config.raw, partitions, support, values, rate, seconds)
    finally:
        config.deployment.stop_workers()
        offsets.close()


def run_baseline_latency(bench: Bench, partitions: int, rate: float, seconds: float) -> Latency:
    source, *outputs = bench.topics(["latsrc", "latout0", "latout1", "latout2"], partitions)
    command = [sys.executable, "-m", "bench.pipeline_baselines", bench.bootstrap, source, ",".join(outputs)]
    process = subprocess.Popen(
        [*command, str(seconds + 30)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=CHECKOUT
    )
    try:
        assert process.stdout is not None
        if process.stdout.readline().strip() != b"ready":  # bounded: the child exits after seconds + 30
            raise BenchError("the librdkafka follower did not start")
        values = [item[1] for item in framed_items(bench.bodies, 1, len(bench.bodies))]
        return measure_latency(bench.options, source, partitions, outputs[0], values, rate, seconds)
    finally:
        stop_processes([process])


# -- the run -----------------------------------------------------------------------------------------------


def measure(bench: Bench, plan: Plan) -> Results:
    results = Results()
    for round_ in range(1, plan.rounds + 1):  # the headline, alternating: one slow minute cannot decide it
        baselines, cpu = run_baselines(bench, 1, plan.records, tag=f"r{round_}")
        pipeline, audit, cpu[STREAMGUARD] = run_pipeline(bench, 1, 1, plan.records, tag=f"r{round_}")
        results.rounds.append((baselines, pipeline))
        results.cpu.append(cpu)
        results.audit[(1, 1)] = audit
        _say(f"round {round_}: {_rates(baselines)}; streamguard p=1 w=1 {pipeline:,.0f} records/s (audit {audit})")
        _say("CPU ms per 1,000 records: " + ", ".join(f"{name} {ms:.1f}" for name, ms in cpu.items()))
    results.baselines[1] = results.rounds[0][0]
    results.pipeline[(1, 1)] = results.rounds[0][1]
    for partitions in (p for p in plan.partitions if p != 1 and not plan.headline_only):
        results.baselines[partitions] = run_baselines(bench, partitions, plan.matrix_records)[0]
        _say(f"baselines p={partitions}: {_rates(results.baselines[partitions])} records/s")
    faust = (("event", plan.faust_records), ("take", plan.faust_take_records))
    for mode, records in () if plan.headline_only else faust:
        results.faust[mode] = run_faust(bench, mode, records)
        _say(f"faust {mode}: {results.faust[mode]:,.0f} records/s")
    for partitions in plan.partitions:
        for workers in plan.workers:
            if (partitions, workers) == (1, 1) or plan.headline_only:
                continue
            try:
                rate, audit, _ = run_pipeline(bench, partitions, workers, plan.matrix_records)
            except BenchError as error:
                rate, audit = float("nan"), f"FAILED: {error}"
            results.pipeline[(partitions, workers)], results.audit[(partitions, workers)] = rate, audit
            _say(f"pipeline p={partitions} w={workers}: {rate:,.0f} records/s (audit {audit})")
    rate = results.pipeline[(1, 1)] / 2 if math.isfinite(results.pipeline[(1, 1)]) else 1000.0
    results.latency_rate_given = plan.latency_rate is not None
    rate = plan.latency_rate or rate
    results.latency["streamguard"] = run_pipeline_latency(bench, 1, rate, plan.latency_seconds)
    results.latency[LIBRDKAFKA_3] = run_baseline_latency(bench, 1, rate, plan.latency_seconds)
    return results


def _rates(baselines: dict[str, float]) -> str:
    return ", ".join(f"{name} {rate:,.0f}" for name, rate in baselines.items())


def _say(line: str) -> None:
    print(f"  .. {line}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--matrix-records", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="30k records, 10 s latency: about 3 minutes")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of the headline (medians decide)")
    parser.add_argument("--headline-only", action="store_true", help="the headline rounds and latency, no matrix")
    parser.add_argument(
        "--latency-rate", type=float, default=None, help="records/s of the latency runs (default: half load)"
    )
    args = parser.parse_args()
    records = 30_000 if args.quick else args.records
    plan = Plan(
        records=records,
        matrix_records=args.matrix_records or (records if args.quick else min(records, 100_000)),
        faust_records=min(records, 5_000 if args.quick else 10_000),
        faust_take_records=min(records, 20_000 if args.quick else 50_000),
        latency_seconds=10.0 if args.quick else 15.0,
        rounds=max(1, args.rounds),
        headline_only=args.headline_only,
        latency_rate=args.latency_rate,
    )
    bench = Bench(
        local_bootstrap(),
        make_home(Path(tempfile.mkdtemp(prefix="streamguard-bench-"))),
        uuid.uuid4().hex[:6],
        avro_bodies(),
    )
    started = time.monotonic()
    print(f"bench.pipeline run {bench.run}: logs and keyring in {bench.home}", flush=True)
    print(f"baselines: {', '.join(BASELINES)}", flush=True)
    try:
        results = measure(bench, plan)
    finally:
        print(f"deleted the run's {delete_run_topics(bench.admin, bench.run)} topics", flush=True)
    report(results, plan)
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"\nelapsed {time.monotonic() - started:.0f} s; load average at the end {load} (other processes count)")


if __name__ == "__main__":
    main()
