"""Entity labels, styles and languages of the held-out set, and the (text, label) segment type."""

from __future__ import annotations

PERSON = "PERSON"
EMAIL = "EMAIL_ADDRESS"
PHONE = "PHONE_NUMBER"
STREET = "STREET_ADDRESS"
POSTCODE = "POSTAL_CODE"
LOCATION = "LOCATION"
IBAN = "IBAN_CODE"
CARD = "CREDIT_CARD"
ENTITY_TYPES = (PERSON, EMAIL, PHONE, STREET, POSTCODE, LOCATION, IBAN, CARD)

STYLES = ("handover", "courier", "crm", "chat", "signature")
LANGUAGES = ("en", "de", "fr", "es", "it", "nl")

Seg = tuple[str, str | None]
