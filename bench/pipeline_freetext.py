"""Free text through the worker: records/s and CPU per record beside the NER-only floor of the same notes.

    .venv/bin/python -m bench.pipeline_freetext [--records 3000] [--rounds 2]

One worker, one partition, the sample customers with their notes under the sample rules: the notes are
scanned (``detect``) and each record's own values are searched in them, three audiences, keys hashed, audit
on. Every record is distinct, so no scan is served from the cache. The floor, in the same run and this
process: bare ``nlp.pipe`` of the English small pipeline (NER only) over the same notes, as records per second
(the records without a note cost it nothing). CPU is user + system of every thread: the worker's from /proc
(it scans in its own process by default; a scan pool's processes would have to be added), the floor's from
this process.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bench.masking_freetext import ner_floor_pipeline
from bench.pipeline import Bench, local_bootstrap, run_pipeline
from bench.pipeline_baselines import cpu_ms_per_thousand
from bench.pipeline_setup import avro_bodies, delete_run_topics, make_home
from harness.sample_data import customers

TARGET_RATIO = 0.8


def ner_floor(notes: list[str | None]) -> tuple[float, float]:
    """Records/s and CPU ms per 1,000 records of bare NER over the records' notes."""
    texts = [note for note in notes if note]
    nlp = ner_floor_pipeline(texts)
    began, cpu = time.monotonic(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=256):
        pass
    seconds, cpu = time.monotonic() - began, time.process_time() - cpu
    return len(notes) / seconds, cpu_ms_per_thousand(cpu, len(notes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    notes = [record["notes"] for record in customers(args.records, seed=7, with_notes=True)]
    bench = Bench(
        local_bootstrap(),
        make_home(Path(tempfile.mkdtemp(prefix="streamguard-bench-"))),
        uuid.uuid4().hex[:6],
        avro_bodies(args.records, with_notes=True),
        free_text=True,
    )
    print(f"{args.records:,} records, {sum(1 for n in notes if n):,} with a note; logs in {bench.home}", flush=True)
    ratios = []
    try:
        for round_ in range(1, args.rounds + 1):
            floor, floor_cpu = ner_floor(notes)
            rate, audit, cpu = run_pipeline(bench, 1, 1, args.records, tag=f"ft{round_}")
            ratios.append(rate / floor)
            print(
                f"round {round_}: streamguard {rate:,.0f} records/s, {cpu:.0f} ms CPU per 1,000 ({audit}); "
                f"NER-only floor {floor:,.0f} records/s, {floor_cpu:.0f} ms CPU per 1,000: {rate / floor:.2f}x",
                flush=True,
            )
    finally:
        delete_run_topics(bench.admin, bench.run)
    ratio = statistics.median(ratios)
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    print(f"median {ratio:.2f}x the NER-only floor (target >= {TARGET_RATIO}x: {verdict})")


if __name__ == "__main__":
    main()
