"""Self-check of the look-alikes tuning set: templates, offsets, checksums, formats, counts and examples."""

from __future__ import annotations

import random
import re
from collections import Counter

from bench.lookalikes.checksums import COUNTRY, iban_is_valid, luhn_is_valid, phone_is_valid
from bench.lookalikes.engine import PII_FIELDS, render
from bench.lookalikes.generator import LANGUAGES, LOCALES, STYLES, generate_lookalikes, templates, words
from bench.texts import LabelledText

ENTITY_TYPES = ("PERSON", "LOCATION", "STREET_ADDRESS", "POSTAL_CODE", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE",
                "CREDIT_CARD")  # fmt: skip
POSTCODE = {
    "GB": r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}",
    "IE": r"[A-Z]\d[\dW] [A-Z\d]{4}",
    "NL": r"\d{4} [A-Z]{2}",
    **{c: r"\d{5}" for c in ("DE", "FR", "ES", "IT")},
    **{c: r"\d{4}" for c in ("AT", "CH", "BE")},
}
MIN_FREE, MIN_PII = 30, 20
_IBAN_LIKE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")
_CARD_LIKE = re.compile(r"\b\d{4}[ -]?\d{4,6}[ -]?\d{4,5}(?:[ -]?\d{4})?\b")


def _fields(template: str) -> set[str]:
    names = {f[2:] if f[:2] in {"l_", "u_", "c_"} else f for f in re.findall(r"\{(\w+)\}", template)}
    return {n.rstrip("0123456789") for n in names}


def check_templates() -> None:
    rng = random.Random(5)
    for language in LANGUAGES:
        vocab = words(language)
        for pii_free, minimum in ((True, MIN_FREE), (False, MIN_PII)):
            pool = templates(language, pii_free)
            assert set(pool) == set(STYLES), (language, pii_free, set(STYLES) ^ set(pool))
            total = sum(len(t) for t in pool.values())
            assert total >= minimum, (language, pii_free, total)
            for style, items in pool.items():
                for template in items:
                    assert template == template.strip(), template
                    pii = _fields(template) & PII_FIELDS
                    if pii_free:
                        assert not pii, (language, template, pii)
                        assert not re.search(r"\[[^\]|]*\|[^\]]*\]|<[^>|]*\|[^>]*>", template), template
                    else:
                        assert pii, (language, template)
                    for locale in LOCALES[language]:
                        for _ in range(3):
                            labelled = render(template, rng, language, locale, style, vocab)
                            assert labelled.pii_free == pii_free, (template, labelled)
                            check_text(labelled)


def check_text(labelled: LabelledText) -> None:
    text, country = labelled.text, COUNTRY[labelled.locale]
    assert labelled.language in LANGUAGES, labelled
    assert labelled.locale in LOCALES[labelled.language], labelled
    assert labelled.style in STYLES, labelled
    assert "{" not in text or '{"' in text, text  # no placeholder left behind
    previous_end = 0
    for span in sorted(labelled.spans, key=lambda s: s.start):
        value = text[span.start : span.end]
        assert span.entity_type in ENTITY_TYPES, span
        assert previous_end <= span.start < span.end <= len(text), (text, span)
        trim = " ,;:\n" if span.entity_type == "STREET_ADDRESS" else " ,.;:\n"  # "4.º dcha." ends in a dot
        assert value == value.strip(trim), (text, span, value)
        previous_end = span.end
        kind = span.entity_type
        if kind == "IBAN_CODE":
            assert iban_is_valid(value), value
            assert value.startswith(country), (value, country)
        elif kind == "CREDIT_CARD":
            assert luhn_is_valid(value), value
            assert len(re.sub(r"\D", "", value)) in (15, 16), value
        elif kind == "PHONE_NUMBER":
            assert phone_is_valid(value, country), (value, country)
        elif kind == "EMAIL_ADDRESS":
            assert re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value), value
        elif kind == "STREET_ADDRESS":
            assert re.search(r"\d", value), value
        elif kind == "POSTAL_CODE":
            assert re.fullmatch(POSTCODE[country], value.upper()), (value, country)
    if labelled.pii_free:  # IBAN- and card-shaped look-alikes must fail their checks
        ibans = [m.span() for m in _IBAN_LIKE.finditer(text)]
        for match in _IBAN_LIKE.finditer(text):
            assert not iban_is_valid(match.group()), (text, match.group())
        for match in _CARD_LIKE.finditer(text):
            if any(s <= match.start() < e for s, e in ibans):
                continue  # digits inside an IBAN-shaped reference
            digits = re.sub(r"\D", "", match.group())
            assert not (len(digits) in (15, 16) and digits[0] in "2345" and luhn_is_valid(digits)), text


def main() -> None:
    check_templates()
    texts = generate_lookalikes(2000)
    assert texts == generate_lookalikes(2000), "not reproducible from the seed"
    assert texts[:60] != generate_lookalikes(60, seed=24), "the seed has no effect"
    for labelled in texts:
        check_text(labelled)
    free = sum(t.pii_free for t in texts)
    assert free == round(0.55 * len(texts)), free
    spans = [s for t in texts for s in t.spans]
    by_entity = Counter(s.entity_type for s in spans)
    assert set(by_entity) == set(ENTITY_TYPES), by_entity
    distinct = len({t.text for t in texts})
    print(f"{len(texts)} texts ({distinct} distinct), {free} PII-free ({free / len(texts):.0%}), {len(spans)} spans")
    print("templates:", {lang: (sum(map(len, templates(lang, True).values())),
                                sum(map(len, templates(lang, False).values()))) for lang in LANGUAGES})  # fmt: skip
    print("per entity:  ", dict(by_entity.most_common()))
    print("per language:", dict(Counter(t.language for t in texts)))
    print("per locale:  ", dict(sorted(Counter(t.locale for t in texts).items())))
    print("per style:   ", dict(Counter(t.style for t in texts)))
    print("spans per language:", dict(Counter(t.language for t in texts for _ in t.spans)))
    print("spans per style:   ", dict(Counter(t.style for t in texts for _ in t.spans)))
    print()
    for labelled in random.Random(3).sample(texts, 8):
        print(f"[{labelled.locale} / {labelled.style}] {labelled.text!r}")
        for span in labelled.spans:
            print(f"    {span.entity_type:<15} {labelled.text[span.start : span.end]!r}")
