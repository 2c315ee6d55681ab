"""Tables of ``bench.pipeline``: the machine, throughput per design and configuration, latency, targets."""

from __future__ import annotations

import os
import platform
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from bench.pipeline_latency import Latency

TARGET_RATIO = 0.5
TARGET_P99_MS = 500.0


@dataclass
class Plan:
    records: int
    matrix_records: int
    faust_records: int
    latency_seconds: float
    rounds: int = 3
    partitions: tuple[int, ...] = (1, 2, 4)
    workers: tuple[int, ...] = (1, 2)


@dataclass
class Results:
    baseline: dict[int, float] = field(default_factory=dict)
    faust: float = 0.0
    pipeline: dict[tuple[int, int], float] = field(default_factory=dict)
    audit: dict[tuple[int, int], str] = field(default_factory=dict)
    latency: dict[str, Latency] = field(default_factory=dict)
    rounds: list[tuple[float, float]] = field(default_factory=list)  # (baseline p1, streamguard p1/w1)

    def headline_ratio(self) -> float:
        """Median over the rounds of streamguard p1/w1 / baseline p1, each pair measured back to back."""
        return statistics.median(pipeline / baseline for baseline, pipeline in self.rounds)


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"


def report(results: Results, plan: Plan) -> None:
    print(f"\nmachine: {machine()}; the broker and all clients share it")
    sizes = f"baseline and pipeline p1/w1 {plan.records:,}, rest of the matrix {plan.matrix_records:,}"
    print(f"records: {sizes}, Faust per-event {plan.faust_records:,}")
    _throughput(results)
    _rounds(results)
    print("\naudit check per configuration:")
    for (partitions, workers), audit in results.audit.items():
        print(f"  p={partitions} w={workers}: {audit}")
    _latency(results)
    _targets(results)


def _row(design: str, partitions: int, workers: str, rate: float, ratio: float) -> None:
    print(f"{design:<36}{partitions:>11}{workers:>9}{rate:>12,.0f}{ratio:>12.2f}")


def _throughput(results: Results) -> None:
    print(f"\n{'design':<36}{'partitions':>11}{'workers':>9}{'records/s':>12}{'x baseline':>12}")
    for partitions, rate in results.baseline.items():
        _row("aiokafka passthrough (baseline)", partitions, "-", rate, 1.0)
    _row("Faust per-event, 3 sends", 1, "1", results.faust, results.faust / results.baseline[1])
    for (partitions, workers), rate in results.pipeline.items():
        _row("streamguard, 3 views + audit", partitions, str(workers), rate, rate / results.baseline[partitions])


def _latency(results: Results) -> None:
    columns = ("rate/s", "measured", "missing", "p50 ms", "p99 ms", "max ms")
    print(f"\n{'latency at half load, 1 partition':<36}" + "".join(f"{c:>10}" for c in columns))
    for name, lat in results.latency.items():
        cells = (f"{lat.rate:,.0f}", f"{lat.measured:,}", str(lat.missing))
        cells += (f"{lat.p50_ms:.1f}", f"{lat.p99_ms:.1f}", f"{lat.max_ms:.1f}")
        print(f"{name:<36}" + "".join(f"{c:>10}" for c in cells))


def _rounds(results: Results) -> None:
    print("\np1/w1 against the 1-partition baseline, measured back to back:")
    for number, (baseline, pipeline) in enumerate(results.rounds, start=1):
        ratio = pipeline / baseline
        print(f"  round {number}: baseline {baseline:,.0f}, streamguard {pipeline:,.0f} records/s: {ratio:.2f}x")
    print(f"  median ratio {results.headline_ratio():.2f}x")


def _targets(results: Results) -> None:
    ratios = {config: rate / results.baseline[config[0]] for config, rate in results.pipeline.items()}
    headline = results.headline_ratio()
    verdict = "met" if headline >= TARGET_RATIO else "NOT met"
    best = max(ratios.values())
    print(
        f"\ntarget throughput >= {TARGET_RATIO}x baseline: p1/w1 median of {len(results.rounds)} rounds "
        f"{headline:.2f}x ({verdict}); best configuration of the matrix {best:.2f}x"
    )
    p99 = results.latency["streamguard"].p99_ms
    verdict = "met" if p99 < TARGET_P99_MS else "NOT met"
    print(f"target p99 < {TARGET_P99_MS:.0f} ms at half load: {p99:.1f} ms ({verdict})")
