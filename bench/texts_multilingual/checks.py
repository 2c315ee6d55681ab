"""Self-check of the multilingual tuning set: templates, offsets, value formats, counts and examples."""

from __future__ import annotations

import random
import re
from collections import Counter

import phonenumbers

from bench.labelling import iban_is_valid, luhn_is_valid
from bench.texts import LabelledText
from bench.texts_multilingual.generator import generate_multilingual_tickets
from bench.texts_multilingual.lookalikes import PII_FREE_TEMPLATES
from bench.texts_multilingual.templates import PII_TEMPLATES
from bench.texts_multilingual.values import ENTITY_TYPES, LANGUAGES, LOCALES

KNOWN_FIELDS = {
    *(f"{f}{s}" for f in ("name", "first", "last", "lfirst", "llast", "email", "phone") for s in ("", "2")),
    *("address", "address_nl", "postcode", "iban", "card"),
    *("order", "ticket", "invoice", "price", "price2", "date", "time", "version", "product"),
    *("ocity", "ocity_adj", "count", "count2", "tracking", "article", "team", "team2", "company"),
}
CUES = ("von", "par", "de", "da", "door", "by", "with", "from", "cc", "per", "Grüße", "Cordialement", "Saludos",
        "Saluti", "Groeten")  # fmt: skip
TITLES = ("Frau", "Herr", "Mme", "M.", "señora", "signora", "mevrouw", "meneer", "Mr", "Ms", "Dr", "Dr.")


def _check_templates() -> None:
    for pools in (PII_TEMPLATES, PII_FREE_TEMPLATES):
        assert set(pools) == set(LANGUAGES)
        for language, templates in pools.items():
            assert len(templates) >= 12, (language, len(templates))
            for template in templates:
                unknown = set(re.findall(r"\{(\w+)\}", template)) - KNOWN_FIELDS
                assert not unknown, (template, unknown)
    pii_fields = {
        "name",
        "first",
        "last",
        "lfirst",
        "llast",
        "email",
        "phone",
        "address",
        "address_nl",
        "postcode",
        "iban",
        "card",
    }
    for templates in PII_FREE_TEMPLATES.values():
        for template in templates:
            assert not {f.rstrip("2") for f in re.findall(r"\{(\w+)\}", template)} & pii_fields, template


def _check_text(labelled: LabelledText) -> None:
    text, country = labelled.text, LOCALES[labelled.locale][1]
    assert labelled.language in LANGUAGES, labelled
    assert labelled.locale in LOCALES, labelled
    previous_end = 0
    for span in sorted(labelled.spans, key=lambda s: s.start):
        value = text[span.start : span.end]
        assert span.entity_type in ENTITY_TYPES, span
        assert 0 <= previous_end <= span.start < span.end <= len(text), (text, span)
        assert value, (text, span)
        assert value == value.strip(" ,.;:\n"), (text, span, value)
        previous_end = span.end
        if span.entity_type == "IBAN_CODE":
            assert iban_is_valid(value), value
            assert value.startswith(country), (value, country)
        elif span.entity_type == "CREDIT_CARD":
            assert luhn_is_valid(value), value
        elif span.entity_type == "PHONE_NUMBER":
            number = phonenumbers.parse(value, country)
            assert phonenumbers.is_valid_number(number), value
            assert phonenumbers.region_code_for_number(number) == country, (value, country)
        elif span.entity_type == "EMAIL_ADDRESS":
            assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", value), value
        elif span.entity_type == "STREET_ADDRESS":
            assert re.search(r"\d", value), value


def _preceding_word(text: str, start: int) -> str:
    words = re.findall(r"[\w.]+", text[:start].rstrip(" ,:"))
    return words[-1] if words else ""


def main() -> None:
    _check_templates()
    texts = generate_multilingual_tickets(2000)
    assert texts == generate_multilingual_tickets(2000), "not reproducible from the seed"
    assert texts[:50] != generate_multilingual_tickets(50, seed=12), "the seed has no effect"
    for labelled in texts:
        _check_text(labelled)
    pii_free = sum(t.pii_free for t in texts)
    assert 0.2 < pii_free / len(texts) < 0.3, pii_free

    by_locale = Counter(t.locale for t in texts)
    by_language = Counter(t.language for t in texts)
    by_entity = Counter(s.entity_type for t in texts for s in t.spans)
    english_foreign = sum(t.language == "en" and not t.locale.startswith("en") for t in texts)
    before_person = Counter(
        _preceding_word(t.text, s.start) for t in texts for s in t.spans if s.entity_type == "PERSON"
    )
    sentence_start = sum(
        1
        for t in texts
        for s in t.spans
        if s.entity_type == "PERSON" and (s.start == 0 or (s.start >= 2 and t.text[s.start - 2] in ".!?\n"))
    )
    missing = [w for w in (*CUES, *TITLES) if before_person[w] == 0]
    assert not missing, f"cue words or titles never before a name: {missing}"

    print(f"{len(texts)} texts, offsets and formats checked; {pii_free} PII-free ({pii_free / len(texts):.0%})")
    print(f"English texts with non-English values: {english_foreign}")
    print("per locale:  ", dict(sorted(by_locale.items())))
    print("per language:", dict(sorted(by_language.items())))
    print("per entity:  ", dict(by_entity.most_common()))
    print(f"names at text or sentence start: {sentence_start}")
    print("word before a name:", {w: before_person[w] for w in (*CUES, *TITLES)})
    print()
    for labelled in random.Random(1).sample(texts, 10):
        print(f"[{labelled.locale} / {labelled.language}] {labelled.text!r}")
        for span in labelled.spans:
            print(f"    {span.entity_type:<15} {labelled.text[span.start : span.end]!r}")
