"""Customer records whose notes quote their own values: how many leak into the view of the audience with no
clearances, with the record's own values searched in its free text and without (the same plan otherwise).

    .venv/bin/python -m bench.masking_records [--records 1000] [--sets tuning,heldout] [--detectors learned,rules]

Detectors: ``learned`` (streamguard's trained PERSON/LOCATION model, the default) and ``rules`` (the English and
French spaCy pipelines with the rule-based name evidence it replaced), each in the same run, beside the NER-only
floor: bare ``nlp.pipe`` of the English small pipeline over the same notes (records/s).

Sets: ``tuning`` (harness/sample_data.py, Faker, the notes templates the demo uses) and ``heldout``
(bench/heldout, mimesis values, notes in six languages, never tuned on). A record leaks when any literal of
its ``_canaries`` (the record's own name, street, phone or email as its notes quote them) appears as a whole
word anywhere in the analytics view (a plain substring test would count "mark" inside "marketing_opt_in").
Both runs use the real scanner; records/s includes detection.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterable
from typing import Any

from harness.sample_data import customers
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.presidio_scanner import build_default_scanner
from streamguard.masking.keys import Keyring
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import load_rules
from streamguard.schemas import CUSTOMERS_AVSC, CUSTOMERS_RULES

KEYRING = Keyring({"k1": b"k" * 32}, {"mask": "k1", "encrypt": "k1"})
AUDIENCE = "analytics"
BATCH = 256


def tuning_records(count: int) -> list[dict[str, Any]]:
    """The demo's customers; the canaries are the record's values its notes quote verbatim."""
    out = []
    for record in customers(count, seed=7):
        notes = record["notes"] or ""
        values = (record["full_name"], record["address"]["street"], record["phone"], record["email"])
        out.append(record | {"_canaries": [v for v in values if v and v in notes]})
    return out


def heldout_records(count: int) -> list[dict[str, Any]]:
    from bench.heldout import heldout_customers

    return heldout_customers(count)


def run(masker: DatasetMasker, records: list[dict[str, Any]], own_values: bool) -> tuple[float, int, int]:
    """(records/s, leaked records, failed records)."""
    saved = masker._own_views
    if not own_values:
        masker._own_views = ()  # the baseline: the same plan, no search for the record's own values
    plain = [{k: v for k, v in r.items() if k != "_canaries"} for r in records]
    leaked = failed = 0
    start = time.perf_counter()
    outcomes = [o for i in range(0, len(plain), BATCH) for o in masker.mask_batch(plain[i : i + BATCH])]
    seconds = time.perf_counter() - start
    masker._own_views = saved
    for record, outcome in zip(records, outcomes, strict=True):
        if outcome.views is None:
            failed += 1
            continue
        blob = json.dumps(outcome.views[AUDIENCE], ensure_ascii=False, default=str)
        leaked += any(_as_word(canary).search(blob) for canary in record["_canaries"])
    return len(records) / seconds, leaked, failed


def _as_word(canary: str) -> re.Pattern[str]:
    """A canary as a whole word: "mark" (Mark Gay's first name) must not count inside "marketing_opt_in"."""
    return re.compile(rf"(?<!\w){re.escape(canary)}(?!\w)")


def report(name: str, records: list[dict[str, Any]], masker: DatasetMasker) -> None:
    quoting = sum(bool(r["_canaries"]) for r in records)
    print(f"\n=== {name}: {len(records)} records, {quoting} whose notes quote their own values ===")
    print(f"{'path':52} {'records/s':>10} {'leaked records':>15} {'failed':>7}")
    paths = (("baseline: same plan, no own values", False), ("streamguard (own values searched in free text)", True))
    for label, own in paths:
        rate, leaked, failed = run(masker, records, own)
        print(f"{label:52} {rate:10.0f} {leaked:7d} ({leaked / max(1, quoting):5.1%}) {failed:7d}")


def _masker(scanner: Any) -> DatasetMasker:
    schema = json.loads(CUSTOMERS_AVSC.read_text())
    return DatasetMasker(load_rules(CUSTOMERS_RULES, schema=schema), KEYRING, schema=schema, scanner=scanner)


def ner_floor(records: list[dict[str, Any]]) -> float:
    """Records/s of bare NER over the records' notes: what reading the free text at all costs."""
    from bench.masking_freetext import run_ner_floor

    notes = [record["notes"] or "" for record in records]
    return len(records) / run_ner_floor(notes).seconds


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--sets", default="tuning,heldout")
    parser.add_argument("--detectors", default="learned,rules")
    args = parser.parse_args(list(argv) if argv is not None else None)
    makers = {"tuning": tuning_records, "heldout": heldout_records}
    for detector in args.detectors.split(","):
        masker = _masker(build_default_scanner(DetectionConfig(cache_size=0, learned_model=detector == "learned")))
        for name in args.sets.split(","):
            records = makers[name](args.records)
            masker.mask_batch([{k: v for k, v in records[0].items() if k != "_canaries"}])  # warm up
            report(f"{name}, {detector} detector", records, masker)
    for name in args.sets.split(","):
        print(f"\nNER-only floor, {name}: {ner_floor(makers[name](args.records)):.0f} records/s")


if __name__ == "__main__":
    main()
