"""A held-out evaluation set for the PII free-text detector: it is never tuned on.

Nobody working on the detector may read this module's templates or fit rules, thresholds or word lists to what it
generates; it only measures how far detection generalises beyond the data the detector was developed against. It was
written independently of the detector and of ``bench.texts`` (whose ``LabelledSpan`` and ``LabelledText`` dataclasses
it reuses and nothing else).

Where its data comes from:

* ``mimesis`` (22.2, not Faker), seeded, is the only source of first names, surnames, street names and street suffixes,
  cities, postcodes, the digits of phone numbers and the US area codes, dates of birth and IP addresses. E-mail
  addresses are either mimesis's own or built from its names with provider domains listed here. Its locales: en (US),
  en-gb, en-ca, de, de-at, de-ch, fr, es, it, nl, nl-be; en-gb data is relabelled ``en_IE`` and fr data ``fr_BE``
  (mimesis has neither), with Irish phones and Eircodes, Belgian phones and postcodes built here.
* Written here by hand: every template sentence (six languages: en, de, fr, es, it, nl), how each country lays out a
  street, a house number, a postcode and a city, the national numbering-plan prefixes and phone formats, IBANs
  (ISO 13616 mod-97, plus the national check digits where they are simple), card numbers (Luhn), national identity
  numbers, and the invented product, team and company names.

``generate_heldout`` returns labelled texts (PERSON, EMAIL_ADDRESS, PHONE_NUMBER, STREET_ADDRESS, POSTAL_CODE,
LOCATION, IBAN_CODE, CREDIT_CARD), a third of them PII-free with hard negatives. ``heldout_customers`` returns records
valid for ``streamguard/schemas/customers.avsc`` whose notes quote the record's own values, listed in ``_canaries``.

Self-check: ``python -m bench.heldout``.
"""

from __future__ import annotations

from bench.heldout.banking import iban_is_valid, luhn_is_valid
from bench.heldout.customers import heldout_customers
from bench.heldout.labels import (
    CARD,
    EMAIL,
    ENTITY_TYPES,
    IBAN,
    LANGUAGES,
    LOCATION,
    PERSON,
    PHONE,
    POSTCODE,
    STREET,
    STYLES,
    Seg,
)
from bench.heldout.locales import PROFILES
from bench.heldout.texts import generate_heldout

__all__ = [
    "CARD",
    "EMAIL",
    "ENTITY_TYPES",
    "IBAN",
    "LANGUAGES",
    "LOCATION",
    "PERSON",
    "PHONE",
    "POSTCODE",
    "PROFILES",
    "STREET",
    "STYLES",
    "Seg",
    "generate_heldout",
    "heldout_customers",
    "iban_is_valid",
    "luhn_is_valid",
]
