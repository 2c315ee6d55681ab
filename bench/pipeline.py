"""End-to-end pipeline bench on the real broker, with its baselines measured in the same run.

    .venv/bin/python -m bench.pipeline [--records N] [--matrix-records M] [--rounds R] [--quick]

Method (every figure from this run, on the broker at 127.0.0.1, records pre-encoded once so producing is
not counted as pipeline cost; sample customers without notes, Confluent Avro, ~330 bytes):

1. Baseline: N records pre-loaded into a raw topic (per partition count); a bare aiokafka consume → produce
   passthrough (``bench.pipeline_baseline``) copies them to one topic; records/s from the first fetched batch
   until every copy is acknowledged.
2. Faust per-event (the rejected design): a Faust agent in a subprocess (``bench.pipeline_faust``) that per
   event runs a 1-record ``DatasetProcessor`` and three ``topic.send`` calls, on the 1-partition backlog.
3. streamguard: per (partitions, workers), its own system prefix and dataset (rules: the sample rules with
   ``notes`` redacted and ``unclassified: redact``, so structured fields only; 3 audiences, audit on). The
   backlog is pre-loaded, the workers are started and ready (rule history read, no rules yet), then the
   rules are published so every worker subscribes at once. records/s = source records over the window from
   the first governed record seen to the last (sum of end offsets of the 3 views = 3 x M); then the audit
   stream must account for all M (delivered == M, every chain intact).
   The headline pair (baseline on 1 partition, streamguard with 1 partition and 1 worker) is measured R
   times (default 3), alternating, each round on fresh topics; the target verdict is the median of the
   per-round ratios, because single runs on this shared 2-core machine move by ±20%.
4. Latency: one worker, 1 partition, paced production at half the measured pipeline rate; arrival on one
   governed view minus produce time (CreateTime) per record; the same for the passthrough at the same rate.

Rates in the subprocess designs are measured by polling end offsets every 50 ms from the first output seen.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.worker_process import free_port
from bench.pipeline_baseline import passthrough
from bench.pipeline_latency import Latency, measure_latency
from bench.pipeline_report import Plan, Results, report
from bench.pipeline_setup import (
    ROOT,
    BenchError,
    Deployment,
    Offsets,
    avro_bodies,
    create_topics,
    framed_items,
    make_home,
    preload,
    stop_processes,
    wait_until,
    watch,
)

AUDIENCES = 3


@dataclass
class Bench:
    bootstrap: str
    home: Path
    run: str
    bodies: list[bytes]

    @property
    def options(self) -> dict[str, str]:
        return {"bootstrap.servers": self.bootstrap}

    def deployment(self, tag: str) -> Deployment:
        return Deployment(self.bootstrap, self.home, f"{self.run}{tag}")


def _bootstrap() -> str:
    from app.kafka_config import resolve_bootstrap
    from app.settings import load_settings

    bootstrap = resolve_bootstrap(load_settings())
    if any(not server.startswith(("127.0.0.1:", "localhost:")) for server in bootstrap.split(",")):
        raise BenchError(f"this bench only sends traffic to 127.0.0.1, not {bootstrap}")
    return bootstrap


# -- 1. baseline -------------------------------------------------------------------------------------------


def run_baseline(bench: Bench, partitions: int, records: int, tag: str = "") -> float:
    source = f"bench{bench.run}.backlog.p{partitions}{tag}"
    output = f"bench{bench.run}.passthrough.p{partitions}{tag}"
    create_topics(bench.deployment("x").admin, [source, output], partitions)
    preload(bench.options, source, partitions, framed_items(bench.bodies, 1, records))
    copied, seconds = asyncio.run(passthrough(bench.bootstrap, source, output, records, timeout_s=300))
    offsets = Offsets(bench.options)
    try:
        wait_until(lambda: offsets.total([output]) >= records, 30, f"{records} records in {output}")
    finally:
        offsets.close()
    return copied / seconds


# -- 2. Faust per-event ------------------------------------------------------------------------------------


def run_faust(bench: Bench, records: int) -> float:
    """On the 1-partition backlog (run_baseline made it): rate over the first ``records`` source records."""
    dataset = f"bench{bench.run}faust"
    views = [f"governed.{dataset}.{audience}" for audience in ("analytics", "support", "risk")]
    create_topics(bench.deployment("x").admin, views, 1)
    env = {
        **os.environ,
        "BENCH_FAUST_APP_ID": f"bench{bench.run}faust",
        "BENCH_FAUST_BOOTSTRAP": bench.bootstrap,
        "BENCH_FAUST_SOURCE": f"bench{bench.run}.backlog.p1",
        "BENCH_FAUST_DATASET": dataset,
        "BENCH_FAUST_PREFIX": f"bench{bench.run}faust.",
        "BENCH_FAUST_HOME": str(bench.home),
        "BENCH_FAUST_SCHEMA_ID": "1",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "bench.pipeline_faust", "worker", "-l", "warn", "--web-port", str(free_port())]
    with (bench.home / "faust.log").open("ab") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=bench.home)
    offsets = Offsets(bench.options)
    try:
        progress = watch(
            lambda: offsets.total(views), AUDIENCES * records, 120 + records / 500, lambda: process.poll() is None
        )
    finally:
        stop_processes([process])
        offsets.close()
    return progress.rate / AUDIENCES


# -- 3. streamguard pipeline -------------------------------------------------------------------------------


def run_pipeline(bench: Bench, partitions: int, workers: int, records: int, tag: str = "") -> tuple[float, str]:
    deployment = bench.deployment(f"p{partitions}w{workers}{tag}")
    deployment.create_topics(partitions)
    schema_id = deployment.expected_schema_id()
    preload(deployment.options, deployment.raw, partitions, framed_items(bench.bodies, schema_id, records))
    offsets = Offsets(deployment.options)
    try:
        deployment.start_workers(workers)
        if deployment.publish_rules() != schema_id:
            raise BenchError("schema id of the published rules differs from the one the backlog was encoded with")
        progress = watch(
            lambda: offsets.total(deployment.governed), AUDIENCES * records, 120 + records / 500, deployment.alive
        )
        exits = deployment.exits()
        crashed = f"; worker exit codes during the run: {exits} (see {bench.home})" if exits else ""
        return progress.rate / AUDIENCES, _audit_check(deployment, records) + crashed
    finally:
        deployment.stop_workers()
        offsets.close()


def _audit_check(deployment: Deployment, records: int) -> str:
    """Wait (bounded) until the audit accounts for every record; describe what it says."""
    deadline = time.monotonic() + 30
    while True:
        summary = deployment.audit()
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
    deployment = bench.deployment(f"lat{partitions}")
    deployment.create_topics(partitions)
    values = [item[1] for item in framed_items(bench.bodies, deployment.expected_schema_id(), len(bench.bodies))]
    offsets = Offsets(deployment.options)
    try:
        deployment.start_workers(1)
        deployment.publish_rules()
        preload(deployment.options, deployment.raw, partitions, [(b"warm", values[0])] * 300)
        wait_until(lambda: offsets.total(deployment.governed) >= AUDIENCES * 300, 90, "warm-up records governed")
        return measure_latency(
            deployment.options, deployment.raw, partitions, deployment.governed[0], values, rate, seconds
        )
    finally:
        deployment.stop_workers()
        offsets.close()


def run_baseline_latency(bench: Bench, partitions: int, rate: float, seconds: float) -> Latency:
    source, output = f"bench{bench.run}.latsrc", f"bench{bench.run}.latout"
    create_topics(bench.deployment("x").admin, [source, output], partitions)
    command = [sys.executable, "-m", "bench.pipeline_baseline", bench.bootstrap, source, output, str(seconds + 30)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=bench.home)
    try:
        assert process.stdout is not None
        if process.stdout.readline().strip() != b"ready":  # bounded: the child exits after seconds + 30
            raise BenchError("passthrough follower did not start")
        values = [item[1] for item in framed_items(bench.bodies, 1, len(bench.bodies))]
        return measure_latency(bench.options, source, partitions, output, values, rate, seconds)
    finally:
        stop_processes([process])


# -- the run -----------------------------------------------------------------------------------------------


def measure(bench: Bench, plan: Plan) -> Results:
    results = Results()
    for partitions in plan.partitions:
        results.baseline[partitions] = run_baseline(bench, partitions, plan.records)
        _say(f"baseline p={partitions}: {results.baseline[partitions]:,.0f} records/s")
    # The headline pair again, alternating, so that a slow minute of this shared machine cannot decide it.
    for round_ in range(1, plan.rounds):
        baseline = run_baseline(bench, 1, plan.records, tag=f"r{round_}")
        pipeline, audit = run_pipeline(bench, 1, 1, plan.records, tag=f"r{round_}")
        results.rounds.append((baseline, pipeline))
        _say(f"round {round_}: baseline {baseline:,.0f}, pipeline p=1 w=1 {pipeline:,.0f} records/s (audit {audit})")
    results.faust = run_faust(bench, plan.faust_records)
    _say(f"faust per-event: {results.faust:,.0f} records/s")
    for partitions in plan.partitions:
        for workers in plan.workers:
            records = plan.records if (partitions, workers) == (1, 1) else plan.matrix_records
            try:
                rate, audit = run_pipeline(bench, partitions, workers, records)
            except BenchError as error:
                rate, audit = float("nan"), f"FAILED: {error}"
            results.pipeline[(partitions, workers)], results.audit[(partitions, workers)] = rate, audit
            if (partitions, workers) == (1, 1):
                results.rounds.insert(0, (results.baseline[1], rate))
            _say(f"pipeline p={partitions} w={workers}: {rate:,.0f} records/s ({records} records; audit {audit})")
    rate = results.pipeline[(1, 1)] / 2 if math.isfinite(results.pipeline[(1, 1)]) else 1000.0
    results.latency["streamguard"] = run_pipeline_latency(bench, 1, rate, plan.latency_seconds)
    results.latency["passthrough"] = run_baseline_latency(bench, 1, rate, plan.latency_seconds)
    return results


def _say(line: str) -> None:
    print(f"  .. {line}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--matrix-records", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="30k records, 10 s latency: about 3 minutes")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of the p1/w1 pair (median decides)")
    args = parser.parse_args()
    records = 30_000 if args.quick else args.records
    plan = Plan(
        records=records,
        matrix_records=args.matrix_records or (records if args.quick else min(records, 100_000)),
        faust_records=min(records, 5_000 if args.quick else 10_000),
        latency_seconds=10.0 if args.quick else 15.0,
        rounds=max(1, args.rounds),
    )
    bench = Bench(
        _bootstrap(),
        make_home(Path(tempfile.mkdtemp(prefix="streamguard-bench-"))),
        uuid.uuid4().hex[:6],
        avro_bodies(),
    )
    started = time.monotonic()
    print(f"bench.pipeline run {bench.run}: logs and keyring in {bench.home}", flush=True)
    results = measure(bench, plan)
    report(results, plan)
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"\nelapsed {time.monotonic() - started:.0f} s; load average at the end {load} (other processes count)")


if __name__ == "__main__":
    main()
