"""Self-check of the second held-out set: ``python -m bench.heldout2 [count]``.

Asserts that the set is reproducible, that every span is non-empty, inside its text, trimmed and not overlapping,
that IBANs pass mod-97 and cards pass Luhn, and that e-mails and phones look like what they are; then prints the
counts per language, style, locale and entity type, and a few examples.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter

from bench.heldout2.banking import iban_is_valid, luhn_is_valid
from bench.heldout2.generate import generate_heldout2
from bench.heldout2.labels import CARD, EMAIL, ENTITY_TYPES, IBAN, LANGUAGES, PHONE, STYLES
from bench.texts import LabelledText


def _check(t: LabelledText) -> None:
    assert t.language in LANGUAGES, t
    assert t.style in STYLES, t
    assert t.locale, t
    last_end = 0
    for s in sorted(t.spans, key=lambda s: s.start):
        value = t.text[s.start : s.end]
        assert 0 <= s.start < s.end <= len(t.text), (t.text, s)
        assert value, (t.text, s)
        assert value == value.strip(), (t.text, s)
        assert s.start >= last_end, ("overlapping spans", t.text, s)
        assert s.entity_type in ENTITY_TYPES, s
        last_end = s.end
        if s.entity_type == EMAIL:
            assert re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9.-]+\.[a-z]{2,}", value), value
        elif s.entity_type == PHONE:
            spoken_words = not any(c.isdigit() for c in value)
            assert spoken_words or 9 <= sum(c.isdigit() for c in value) <= 15, value
        elif s.entity_type == IBAN:
            assert iban_is_valid(value), value
        elif s.entity_type == CARD:
            assert luhn_is_valid(value), value


def _table(title: str, counter: Counter) -> None:
    print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    texts = generate_heldout2(count)
    assert texts == generate_heldout2(count), "not reproducible"
    assert texts[:50] != generate_heldout2(50, seed=1), "the seed does nothing"
    for t in texts:
        _check(t)
    free = sum(t.pii_free for t in texts)
    spans = [s for t in texts for s in t.spans]
    print(f"{len(texts)} texts, {free} PII-free ({free / len(texts):.1%}), {len(spans)} labelled spans")
    _table("texts per language", Counter(t.language for t in texts))
    _table("texts per style", Counter(t.style for t in texts))
    _table("texts per locale", Counter(t.locale for t in texts))
    _table("spans per type", Counter(s.entity_type for s in spans))
    _table("spans per language", Counter(t.language for t in texts for _ in t.spans))
    _table("spans per style", Counter(t.style for t in texts for _ in t.spans))
    _table("spans per locale", Counter(t.locale for t in texts for _ in t.spans))
    _table("PII-free per style", Counter(t.style for t in texts if t.pii_free))
    rng = random.Random(5)
    print("\nexamples:")
    for t in rng.sample(texts, min(8, len(texts))):
        print(f"--- {t.style} / {t.language} / {t.locale}")
        print(t.text.rstrip())
        for s in t.spans:
            print(f"    {s.entity_type:<15} {t.text[s.start : s.end]!r}")


if __name__ == "__main__":
    main()
