"""Tables of ``bench.pipeline``: the machine, the baselines, throughput per design and configuration, latency."""

from __future__ import annotations

import os
import platform
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from bench.pipeline_latency import Latency

AIOKAFKA_1 = "aiokafka copy to 1 topic"
LIBRDKAFKA_1 = "librdkafka copy to 1 topic"
LIBRDKAFKA_3 = "librdkafka copy to 3 topics"
LIBRDKAFKA_3_TX = "librdkafka 3-topic copy, transactions"
BASELINES = (AIOKAFKA_1, LIBRDKAFKA_1, LIBRDKAFKA_3, LIBRDKAFKA_3_TX)
STREAMGUARD = "streamguard"
TARGET_CPU_RATIO = 1.5  # worker CPU per record against the librdkafka 3-topic copy's
Cpu = dict[str, float]  # copy or "streamguard" -> CPU milliseconds per 1,000 source records
HEADLINE = LIBRDKAFKA_3
TARGET_P99_MS = 250.0  # issue 22: read_committed, at half load


@dataclass
class Plan:
    records: int
    matrix_records: int
    faust_records: int
    faust_take_records: int
    latency_seconds: float
    rounds: int = 3
    partitions: tuple[int, ...] = (1, 2, 4)
    workers: tuple[int, ...] = (1, 2)
    headline_only: bool = False  # the headline rounds and latency: no other partitions, workers or Faust
    latency_rate: float | None = None  # records/s of the latency runs; None: half the measured pipeline rate


@dataclass
class Results:
    baselines: dict[int, dict[str, float]] = field(default_factory=dict)  # partitions -> baseline -> records/s
    faust: dict[str, float] = field(default_factory=dict)  # event | take -> records/s
    pipeline: dict[tuple[int, int], float] = field(default_factory=dict)
    audit: dict[tuple[int, int], str] = field(default_factory=dict)
    latency: dict[str, Latency] = field(default_factory=dict)
    rounds: list[tuple[dict[str, float], float]] = field(default_factory=list)  # (baselines p1, streamguard p1/w1)
    cpu: list[Cpu] = field(default_factory=list)  # per round
    latency_rate_given: bool = False  # --latency-rate: not half load, so no verdict on the p99

    def median_ratio(self, baseline: str) -> float:
        """Median over the rounds of streamguard p1/w1 / ``baseline`` p1, each measured back to back."""
        return statistics.median(pipeline / baselines[baseline] for baselines, pipeline in self.rounds)

    def median_cpu_ratio(self, baseline: str) -> float:
        """Median over the rounds of the worker's CPU per record / ``baseline``'s, measured back to back."""
        return statistics.median(cpu[STREAMGUARD] / cpu[baseline] for cpu in self.cpu)


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"


def report(results: Results, plan: Plan) -> None:
    print(f"\nmachine: {machine()}; the broker and all clients share it")
    sizes = f"headline rounds {plan.records:,}, rest of the matrix {plan.matrix_records:,}"
    print(f"records: {sizes}, Faust per event {plan.faust_records:,}, Faust take {plan.faust_take_records:,}")
    _rounds(results)
    _cpu(results)
    _throughput(results)
    print("\naudit check per configuration:")
    for (partitions, workers), audit in sorted(results.audit.items()):
        print(f"  p={partitions} w={workers}: {audit}")
    _latency(results)
    _verdicts(results)


def _rounds(results: Results) -> None:
    print("\nheadline: streamguard (1 partition, 1 worker) against each baseline on 1 partition, back to back:")
    print(f"{'round':<7}" + "".join(f"{name:>40}" for name in BASELINES) + f"{'streamguard':>14}")
    for number, (baselines, pipeline) in enumerate(results.rounds, start=1):
        cells = "".join(f"{baselines[name]:>31,.0f} ({pipeline / baselines[name]:.2f}x)" for name in BASELINES)
        print(f"{number:<7}{cells}{pipeline:>14,.0f}")
    print("median ratio  " + "  ".join(f"{name}: {results.median_ratio(name):.2f}x" for name in BASELINES))


def _cpu(results: Results) -> None:
    names = list(results.cpu[0])
    print("\nCPU (user + system, every thread) in ms per 1,000 source records, same rounds; the broker not counted:")
    print(f"{'round':<7}" + "".join(f"{name:>40}" for name in names))
    for number, cpu in enumerate(results.cpu, start=1):
        print(f"{number:<7}" + "".join(f"{cpu[name]:>40.1f}" for name in names))
    print(
        "median ratio  "
        + "  ".join(f"streamguard / {name}: {results.median_cpu_ratio(name):.2f}x" for name in names[:-1])
    )


def _row(design: str, partitions: int, workers: str, rate: float, ratio: float) -> None:
    print(f"{design:<40}{partitions:>11}{workers:>9}{rate:>12,.0f}{ratio:>14.2f}")


def _throughput(results: Results) -> None:
    print(
        f"\n{'design (round 1 for p=1)':<40}{'partitions':>11}{'workers':>9}{'records/s':>12}{'x ' + HEADLINE[:11]:>14}"
    )
    for partitions, baselines in sorted(results.baselines.items()):
        for name, rate in baselines.items():
            _row(name, partitions, "-", rate, rate / baselines[HEADLINE])
    headline = results.baselines[1][HEADLINE]
    for mode, rate in results.faust.items():
        _row(f"Faust agent, {mode}, 3 sends per record", 1, "1", rate, rate / headline)
    for (partitions, workers), rate in sorted(results.pipeline.items()):
        _row(
            "streamguard, 3 views + audit",
            partitions,
            str(workers),
            rate,
            rate / results.baselines[partitions][HEADLINE],
        )


def _latency(results: Results) -> None:
    columns = ("rate/s", "measured", "missing", "p50 ms", "p99 ms", "max ms")
    print(f"\n{'latency, 1 partition':<36}" + "".join(f"{c:>10}" for c in columns))
    for name, lat in results.latency.items():
        cells = (f"{lat.rate:,.0f}", f"{lat.measured:,}", str(lat.missing))
        cells += (f"{lat.p50_ms:.1f}", f"{lat.p99_ms:.1f}", f"{lat.max_ms:.1f}")
        print(f"{name:<36}" + "".join(f"{c:>10}" for c in cells))
    for name, lat in results.latency.items():
        worst = ", ".join(f"second {second}: {slowest:.0f} ms" for second, slowest in lat.worst_seconds)
        print(f"  slowest seconds of sending, {name}: {worst}")


def _verdicts(results: Results) -> None:
    print(
        f"\nheadline: streamguard p1/w1 at {results.median_ratio(HEADLINE):.2f}x the {HEADLINE} "
        f"(median of {len(results.rounds)} rounds); "
        + ", ".join(f"{results.median_ratio(name):.2f}x the {name}" for name in BASELINES if name != HEADLINE)
    )
    cpu = results.median_cpu_ratio(HEADLINE)
    verdict = "met" if cpu <= TARGET_CPU_RATIO else "NOT met"
    print(f"target worker CPU per record <= {TARGET_CPU_RATIO}x the {HEADLINE}'s: {cpu:.2f}x ({verdict})")
    p99 = results.latency["streamguard"].p99_ms
    verdict = "met" if p99 < TARGET_P99_MS else "NOT met"
    if results.latency_rate_given:
        verdict = "not judged: the rate was given, not half the measured one"
    print(f"target p99 < {TARGET_P99_MS:.0f} ms at half load: {p99:.1f} ms ({verdict})")
