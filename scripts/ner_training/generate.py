"""Generates the synthetic NER data and writes it as a spaCy DocBin.

.venv/bin/python -m scripts.ner_training.generate --count 40000 --seed 1 --out local/ner/train.spacy
"""

from __future__ import annotations

import argparse
import importlib
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import business, negatives, places, products, structured, styles
from .example import PERSONAL, Builder, Example, check, inline
from .names import NameMaker
from .render import Renderer, World
from .styles import Style

if TYPE_CHECKING:
    from spacy.tokens import DocBin

LANGS = ("en", "de", "fr", "es", "it", "nl")
STYLES: dict[str, Style] = {
    "prose": styles.prose,
    "short": styles.short,
    "ticket": styles.ticket,
    "chat": styles.chat,
    "email": styles.email,
    "transcript": styles.transcript,
    "dialogue": styles.dialogue,
    "cv": styles.cv,
    "review": styles.review,
    "meeting": styles.meeting,
    "name_list": styles.name_list,
    "log": structured.log,
    "csv": structured.csv,
    "form": structured.form,
    "address": structured.address,
}
WITHOUT_NEGATIVE = ("cv", "address")  # a CV or an address label always names someone or somewhere
NEGATIVE_SHARE = 0.3
BUSINESS_SHARE = 0.3  # of the examples without an entity: a business text (module business) instead of a style's
_SPEECH_DROP = re.compile(r"[.,;!?\"()«»„“”]")


def speech(text: str) -> str:
    """Speech-to-text output: lower case, no punctuation (a speaker tag's colon stays), hyphens as spaces."""
    return re.sub(r"[ \t]{2,}", " ", _SPEECH_DROP.sub("", text.lower().replace("-", " ")))


TRANSFORMS: dict[str, Callable[[str], str] | None] = {
    "keep": None,
    "lower": str.lower,
    "upper": str.upper,
    "speech": speech,
}


def _exclusions() -> frozenset[str]:
    """Words that must never be drawn as a name or a town: countries, nationalities, German nouns, job titles."""
    words: set[str] = set()
    for table in (negatives.COUNTRIES, negatives.NATIONALITY, negatives.JOBS, negatives.DEPTS, structured.COUNTRY_OF):
        for text in table.values():
            words.update(w.lower() for w in re.split(r"[|]" if "|" in text else r"\s", text) if w)
    words.update(w.lower() for w in negatives.DE_NOUNS.split())
    for table in (products.NATL, products.LANGW):
        words.update(w.lower() for ws in table.values() for w in ws)
    words.update(w.lower() for w in products.NNOUN + products.CODES)
    words.update(("universidad", "centro", "industrial", "progreso", "libertad", "esperanza", "colonia", "nacional"))
    return frozenset(words)


def build_world(seed: int) -> World:
    rng = random.Random(seed)
    exclude = _exclusions()
    langs = {lang: importlib.import_module(f"{__package__}.templates_{lang}") for lang in LANGS}
    names = NameMaker(rng, seed, exclude)
    return World(rng, names, places.towns(exclude), places.faker_streets(seed), langs)


def generate_examples(count: int, seed: int) -> list[Example]:
    """``count`` examples, the same for the same ``seed``; about 30 % of them contain no entity."""
    world = build_world(seed)
    rng = world.rng
    with_negative = [s for s in STYLES if s not in WITHOUT_NEGATIVE]
    out = []
    for _ in range(count):
        lang = rng.choice(LANGS)
        negative = rng.random() < NEGATIVE_SHARE
        renderer = Renderer(world, lang)
        if negative and rng.random() < BUSINESS_SHARE:
            style = rng.choice(business.STYLES)
            segments, transform = business.text(renderer, style)
        else:
            style = rng.choice(with_negative if negative else list(STYLES))
            segments, transform = STYLES[style](renderer, negative)
        builder = Builder(TRANSFORMS[transform])
        builder.extend(segments)
        example = builder.build(lang, style)
        check(example)
        if negative and any(label in PERSONAL for _, _, label in example.spans):
            raise AssertionError(f"a negative {style} example has spans: {inline(example)}")
        out.append(example)
    return out


def to_docbin(examples: list[Example]) -> tuple[DocBin, list[tuple[Example, tuple[int, int, str]]]]:
    """A DocBin of the examples tokenized by ``spacy.blank("xx")``; an example with a span that does not fall on
    token boundaries is left out and returned with that span."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("xx")
    docbin = DocBin(store_user_data=False)
    misaligned = []
    for example, doc in zip(examples, nlp.pipe(e.text for e in examples), strict=True):
        ents = []
        for start, end, label in example.spans:
            span = doc.char_span(start, end, label=label, alignment_mode="contract")
            if span is None or (span.start_char, span.end_char) != (start, end):
                misaligned.append((example, (start, end, label)))
                break
            ents.append(span)
        else:
            doc.ents = ents
            docbin.add(doc)
    return docbin, misaligned


def report(examples: list[Example]) -> str:
    langs = Counter(e.language for e in examples)
    kinds = Counter(e.style for e in examples)
    labels = Counter(label for e in examples for _, _, label in e.spans)
    empty = sum(1 for e in examples if not any(label in PERSONAL for _, _, label in e.spans))
    rows = [f"examples: {len(examples)}   without a person or place: {empty} ({empty / max(1, len(examples)):.1%})"]
    rows.append("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    rows.append("styles: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    rows.append("labels: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=40000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--show", type=int, default=0, help="print this many random examples with inline labels")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    examples = generate_examples(args.count, args.seed)
    generated = time.perf_counter()
    docbin, misaligned = to_docbin(examples)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(args.out)
    done = time.perf_counter()
    print(report(examples))
    print(f"misaligned spans (examples left out): {len(misaligned)}")
    for example, span in misaligned[:20]:
        where = f"{example.style}/{example.language}"
        print(f"  {example.text[span[0] : span[1]]!r} {span[2]} in {where}: {inline(example)!r}")
    print(f"wrote {len(examples) - len(misaligned)} docs to {args.out}")
    timing = f"generate {generated - began:.1f}s, tokenize and write {done - generated:.1f}s"
    print(f"time: {timing}, total {done - began:.1f}s")
    if args.show:
        for example in random.Random(args.seed + 7).sample(examples, min(args.show, len(examples))):
            print(f"\n--- {example.language}/{example.style}\n{inline(example)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
