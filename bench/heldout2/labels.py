"""Entity labels, languages, locales and styles of the second held-out set, and the segment type."""

from __future__ import annotations

PERSON = "PERSON"
LOCATION = "LOCATION"
STREET = "STREET_ADDRESS"
POSTCODE = "POSTAL_CODE"
PHONE = "PHONE_NUMBER"
EMAIL = "EMAIL_ADDRESS"
IBAN = "IBAN_CODE"
CARD = "CREDIT_CARD"
ENTITY_TYPES = (PERSON, LOCATION, STREET, POSTCODE, PHONE, EMAIL, IBAN, CARD)

LANGUAGES = ("en", "de", "fr", "es", "it", "nl")

# The locales a text of each language is set in, with weights. English texts are mostly British but a share of
# them describes people living elsewhere (an English e-mail about a flat in Ghent), as real support traffic does.
LOCALES: dict[str, tuple[tuple[str, float], ...]] = {
    "en": (("en_GB", 0.6), ("de_DE", 0.05), ("fr_FR", 0.05), ("es_ES", 0.05), ("it_IT", 0.05), ("nl_NL", 0.05),
           ("nl_BE", 0.05), ("de_CH", 0.05), ("de_AT", 0.05)),
    "de": (("de_DE", 0.6), ("de_AT", 0.2), ("de_CH", 0.2)),
    "fr": (("fr_FR", 0.65), ("fr_BE", 0.2), ("fr_CH", 0.15)),
    "es": (("es_ES", 1.0),),
    "it": (("it_IT", 0.85), ("it_CH", 0.15)),
    "nl": (("nl_NL", 0.7), ("nl_BE", 0.3)),
}  # fmt: skip

STYLES = (
    "prose",  # plain sentences
    "chat",  # chat messages, some all lower case, @handles, first names only
    "email",  # e-mail thread: reply, signature block with the name line on top, quoted earlier message
    "transcript",  # speech-to-text: lower case, no punctuation, digits spelled one by one
    "log",  # log lines with key=value pairs
    "csv",  # CSV export: a header line and rows
    "label",  # address label / envelope block
    "form",  # web-form dump, "Name: ..." lines
    "list",  # comma-separated lists of names
    "dialogue",  # dialogue with speaker names ("Ayşe: ...")
    "cv",  # CV / résumé
    "review",  # product review signed with a name
)

Seg = tuple[str, str | None]
"""A piece of text and its label (None: not PII)."""


def country_of(locale: str) -> str:
    return locale.split("_")[1]
