"""Look-alikes: hard negatives and look-alike PII in thirteen styles and six languages, a TUNING set for the
free-text detector's precision.

How it was made: every template and every value was typed by hand for this set (bench/lookalikes/): no Faker, no
mimesis, no public PII-evaluation corpus or its templates, and nothing taken from the held-out sets or the NER
model's training generator. Texts are written in English, German, French, Spanish, Italian and Dutch, with values
from 13 locales (en_GB, en_IE, de_DE, de_AT, de_CH, fr_FR, fr_BE, fr_CH, es_ES, it_IT, it_CH, nl_NL, nl_BE), in
thirteen styles: chat, email, transcript, log, csv, ticket, meeting notes, changelog, news, review, invoice,
calendar and social post.

About 55% of the texts carry no PII but are full of hard negatives in natural context: brands and companies named
after people (Ford, Hugo Boss, Dr. Oetker, Albert Heijn), products, SaaS tools and assistants (Jira, Kafka, Alexa,
Claude), device and car models, storms with people's names (Storm Ciarán, Sturmtief Zeynep), stations, airports
and museums named after people, office, warehouse and venue cities, countries, nationalities and languages, months,
holidays, job titles, departments, order, invoice, ticket and tracking numbers, versions, amounts, dates, SKUs,
EANs, hosts, paths, UUIDs, and reference numbers shaped like phone numbers or IBANs that fail their checks.

The other 45% carry labelled PII in the same styles and contexts, mixed with the same hard negatives: PERSON
(names of many cultures, first names alone, lists, signatures, lower case in transcripts), LOCATION (the town of a
person's address, or where a person lives or is; never an office, venue, destination or country), STREET_ADDRESS
(street and house number as one span), POSTAL_CODE, PHONE_NUMBER (valid for the locale's country, checked with
phonenumbers), EMAIL_ADDRESS, IBAN_CODE (mod-97 and national check digits computed here) and CREDIT_CARD (Luhn).
The labels follow bench/texts_multilingual. Spans are computed while rendering and checked against the text.

This is a tuning set: read it and tune on it. Seeded: the same count and seed give the same texts.

    .venv/bin/python -m bench.lookalikes   # self-check: offsets, checksums, counts, examples
"""

from __future__ import annotations

from bench.lookalikes.checksums import iban_is_valid, luhn_is_valid, phone_is_valid
from bench.lookalikes.generator import LANGUAGES, LOCALES, PII_FREE_SHARE, STYLES, generate_lookalikes

__all__ = [
    "LANGUAGES",
    "LOCALES",
    "PII_FREE_SHARE",
    "STYLES",
    "generate_lookalikes",
    "iban_is_valid",
    "luhn_is_valid",
    "phone_is_valid",
]
