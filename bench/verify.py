"""``streamguard verify --all`` over a real pipeline's evidence, against the I/O it cannot avoid, same run.

    .venv/bin/python -m bench.verify [--records N] [--rounds R]

Method: a pre-loaded backlog of N sample customers (3 partitions) goes through one worker (3 audiences,
checkpoints on their defaults); once every record is governed the worker stops (sealing its chains). Then,
R rounds of: the baseline, a librdkafka consumer reading the raw topic to its end (what checking that every
retained source offset is accounted for must read at least), and the verification itself
(``run_verification``: the audit and checkpoints topics read and checked, the raw topic's offsets read,
every chain's log recomputed against its signed checkpoints). Prints seconds per million source records for
both and their ratio; medians over the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bench.pipeline import AUDIENCES, Bench, local_bootstrap
from bench.pipeline_setup import BenchError, Offsets, avro_bodies, framed_items, make_home, preload, watch
from streamguard.agents.kafka_readback import iter_to_end
from streamguard.app.services.evidence.verify import run_verification, trusted_keys

PARTITIONS = 3


def _read_raw(options: dict[str, object], topic: str) -> int:
    return sum(1 for _ in iter_to_end(dict(options), topic))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="streamguard-bench-verify-") as home:
        bench = Bench(local_bootstrap(), make_home(Path(home)), uuid.uuid4().hex[:6], avro_bodies())
        config = bench.dataset("verify")
        config.create_topics(PARTITIONS)
        schema_id = config.expected_schema_id()
        preload(config.options, config.raw, PARTITIONS, framed_items(bench.bodies, schema_id, args.records))
        offsets = Offsets(config.options)
        try:
            config.start_workers(1)
            config.publish_rules()
            watch(lambda: offsets.total(config.governed), AUDIENCES * args.records, 600, config.deployment.alive)
        finally:
            config.deployment.stop_workers()
            offsets.close()
        settings = config.deployment.settings
        keys = trusted_keys(settings)
        floors, checks = [], []
        for round_number in range(1, args.rounds + 1):
            started = time.perf_counter()
            if _read_raw(config.options, config.raw) != args.records:
                raise BenchError("the raw topic does not hold the backlog")
            floors.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = run_verification(settings, keys)
            checks.append(time.perf_counter() - started)
            if not result.intact or result.source_records != args.records:
                raise BenchError(f"verification failed: {result.problems[:3]}")
            per_million = 1e6 / args.records
            print(
                f"round {round_number}: raw read {floors[-1] * per_million:.1f} s/M records, verify --all "
                f"{checks[-1] * per_million:.1f} s/M ({result.events} events, {result.checkpoints} checkpoints), "
                f"ratio {checks[-1] / floors[-1]:.2f}",
                flush=True,
            )
        floor, check = statistics.median(floors), statistics.median(checks)
        print(
            f"median over {args.rounds} rounds, {args.records:,} source records: verify --all "
            f"{check * 1e6 / args.records:.1f} s per million source records; reading the raw topic alone "
            f"{floor * 1e6 / args.records:.1f} s; ratio {check / floor:.2f}"
        )


if __name__ == "__main__":
    main()
