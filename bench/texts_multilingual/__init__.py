"""Multilingual support tickets with labelled PII spans: the TUNING set for the free-text detector.

This extends bench/texts.py to six languages (en, de, fr, es, it, nl). Faker supplies the *values* (names,
addresses, phones, e-mails, IBANs) from 13 locales; they are inserted into hand-written ticket templates in the
locale's language, or (about 30% of the texts with non-English values) in English. No recognizer may read Faker's
lists: these texts are for tuning only. The held-out evaluation set lives elsewhere, built from other value sources
and other templates; never tune on it and never evaluate on this one.

About a quarter of the texts carry no PII but are full of look-alikes in each language (order, ticket and article
numbers, versions, prices, dates, product names, city names in non-personal use such as "unser Berliner Büro").
Labels: PERSON, EMAIL_ADDRESS, PHONE_NUMBER, STREET_ADDRESS (street and number as one span), POSTAL_CODE, LOCATION
(a city, only as part of an address), IBAN_CODE, CREDIT_CARD. Seeded: the same count and seed give the same texts.

    .venv/bin/python -m bench.texts_multilingual   # self-check: offsets, formats, counts, examples
"""

from __future__ import annotations

from bench.labelling import compose_iban, iban_is_valid, luhn_is_valid
from bench.texts_multilingual.generator import MultilingualTicketGenerator, generate_multilingual_tickets
from bench.texts_multilingual.values import (
    ENTITY_TYPES,
    LANGUAGES,
    LOCALES,
    Address,
    Person,
)

__all__ = [
    "ENTITY_TYPES",
    "LANGUAGES",
    "LOCALES",
    "Address",
    "MultilingualTicketGenerator",
    "Person",
    "compose_iban",
    "generate_multilingual_tickets",
    "iban_is_valid",
    "luhn_is_valid",
]
