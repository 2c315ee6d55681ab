"""Where a worker's time goes at steady state, sampled from outside with py-spy, and its CPU per record.

    .venv/bin/python -m bench.pipeline_profile [--records 1200000] [--seconds 25] [--rate 200] [--free-text]

One worker, one partition, the dataset of ``bench.pipeline`` (sample customers without notes, Confluent Avro,
three audiences, keys hashed, audit, Merkle roots and checkpoints on); with ``--free-text``, that of
``bench.pipeline_freetext`` (the customers with their notes, scanned, own values searched: give it some 30,000
records). The backlog is preloaded, the worker
started and given the rules; once a tenth of the backlog is governed, py-spy samples the worker's data-path
thread for ``--seconds`` at ``--rate`` Hz, waits included (``--idle``: a flush that blocks is a cost too).

Printed: the share of the data-path thread's samples in each function, inclusive (a function and what it
calls) and innermost (the Python frame running, with the native calls it makes), largest first, each also as
milliseconds per 1,000 source records; the worker's CPU time (user + system, every thread, from /proc) per
1,000 source records over the sampled window; and its resident memory. Nothing is attached to a process
this run did not start.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.pipeline import AUDIENCES, local_bootstrap
from bench.pipeline_baselines import cpu_ms_per_thousand
from bench.pipeline_setup import (
    BenchDataset,
    BenchError,
    Offsets,
    avro_bodies,
    cpu_seconds,
    delete_run_topics,
    framed_items,
    make_home,
    preload,
)
from harness.worker_process import wait_until

DATA_PATH_FRAME = "kafka_datapath.py"  # a sample of the data-path thread has this file on its stack
_LINE = re.compile(r":\d+\)")


@dataclass(frozen=True)
class Profile:
    samples: int
    inclusive: Counter[str]  # function -> samples with it on the stack
    own: Counter[str]  # function -> samples with it the innermost Python frame (native calls it makes included)
    wall_s: float
    cpu_s: float
    records: int
    rss_mb: float  # the worker's resident memory at the end of the window

    def ms_per_thousand(self, samples: int) -> float:
        """Wall time of the data-path thread per 1,000 source records spent in ``samples`` of its samples."""
        return samples / max(1, self.samples) * self.wall_s / max(1, self.records) * 1e6

    @property
    def cpu_per_thousand_ms(self) -> float:
        return cpu_ms_per_thousand(self.cpu_s, self.records)


def resident_mb(pid: int) -> float:
    """VmRSS of a process, from /proc/PID/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def attribute(raw: str) -> tuple[int, Counter[str], Counter[str]]:
    """The data-path thread's samples and, per function (file and name, no line), how many had it on the stack
    and how many had it innermost."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if DATA_PATH_FRAME not in stack or not count.isdigit():
            continue
        total += int(count)
        frames = [_LINE.sub(")", frame) for frame in stack.split(";")]
        own[frames[-1]] += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
    return total, inclusive, own


def profile(records: int, seconds: float, rate: int, free_text: bool = False) -> Profile:
    bootstrap = local_bootstrap()
    home = make_home(Path(tempfile.mkdtemp(prefix="streamguard-profile-")))
    config = BenchDataset(bootstrap, home, f"prof{uuid.uuid4().hex[:6]}", free_text=free_text)
    config.create_topics(1)
    print(f"preloading {records:,} records (logs in {home})", flush=True)
    bodies = avro_bodies(records, with_notes=True) if free_text else avro_bodies()  # notes: every record distinct
    preload(config.options, config.raw, 1, framed_items(bodies, config.expected_schema_id(), records), 600)
    offsets = Offsets(config.options)
    try:
        config.start_workers(1)
        worker = config.deployment.workers[0]
        config.publish_rules()
        governed = lambda: offsets.total(config.governed) // AUDIENCES  # noqa: E731 -- source records governed
        wait_until(lambda: governed() >= records // 10, 300, "a tenth of the backlog governed", worker.process)
        before, cpu_before, began = governed(), cpu_seconds(worker.pid), time.monotonic()
        raw = _sample(worker.pid, seconds, rate)
        after, cpu_after, wall = governed(), cpu_seconds(worker.pid), time.monotonic() - began
        if after >= records:
            raise BenchError("the backlog ran out while sampling: give more --records")
        samples, inclusive, own = attribute(raw)
        return Profile(samples, inclusive, own, wall, cpu_after - cpu_before, after - before, resident_mb(worker.pid))
    finally:
        config.deployment.stop_workers()
        offsets.close()
        delete_run_topics(config.deployment.admin, config.tag)


def _sample(pid: int, seconds: float, rate: int) -> str:
    py_spy = Path(sys.executable).with_name("py-spy")
    with tempfile.NamedTemporaryFile(suffix=".txt") as out:
        command = [str(py_spy), "record", "--pid", str(pid), "--rate", str(rate), "--duration", str(int(seconds))]
        command += ["--format", "raw", "--idle", "--output", out.name]
        subprocess.run(command, check=True, capture_output=True, timeout=seconds + 60)
        return Path(out.name).read_text()


def report(result: Profile, top: int) -> None:
    rate = result.records / max(1e-9, result.wall_s)
    print(f"\ndata-path thread: {result.samples:,} samples in {result.wall_s:.0f} s, {result.records:,} source records")
    print(f"governed: {rate:,.0f} source records/s while sampled (py-spy slows the worker a little)")
    print(f"worker CPU (user + system, all threads): {result.cpu_per_thousand_ms:.1f} ms per 1,000 source records")
    print(f"worker resident memory at the end: {result.rss_mb:.0f} MB")
    for title, counts in (("inclusive: with what it calls", result.inclusive), ("innermost Python frame", result.own)):
        print(f"\n{'share':>6}  {'ms/1k rec':>9}  function ({title})")
        for frame, count in counts.most_common(top):
            print(f"{count / max(1, result.samples):6.1%}  {result.ms_per_thousand(count):9.2f}  {frame}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_200_000)
    parser.add_argument("--seconds", type=float, default=25)
    parser.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--free-text", action="store_true", help="the customers with their notes, scanned")
    args = parser.parse_args()
    started = time.monotonic()
    result = profile(args.records, args.seconds, args.rate, args.free_text)
    report(result, args.top)
    print(f"\nelapsed {time.monotonic() - started:.0f} s; load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
