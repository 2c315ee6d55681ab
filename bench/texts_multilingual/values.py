"""Where the ticket values come from: locales, phone plans, IBAN countries, the value types and their checksums."""

from __future__ import annotations

from dataclasses import dataclass

ENGLISH_SHARE = 0.30  # texts written in English although the values come from a non-English locale

# locale -> (language of the values, ISO country)
LOCALES: dict[str, tuple[str, str]] = {
    "en_US": ("en", "US"),
    "en_GB": ("en", "GB"),
    "en_IE": ("en", "IE"),
    "en_CA": ("en", "CA"),
    "de_DE": ("de", "DE"),
    "de_AT": ("de", "AT"),
    "de_CH": ("de", "CH"),
    "fr_FR": ("fr", "FR"),
    "fr_BE": ("fr", "BE"),
    "es_ES": ("es", "ES"),
    "it_IT": ("it", "IT"),
    "nl_NL": ("nl", "NL"),
    "nl_BE": ("nl", "BE"),
}
LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
LANGUAGE_LOCALES: dict[str, tuple[str, ...]] = {
    lang: tuple(loc for loc, (values_lang, _) in LOCALES.items() if values_lang == lang) for lang in LANGUAGES
}
NO_IBAN = frozenset({"US", "CA"})  # countries outside the IBAN registry: their tickets carry no IBAN
TRUNK_PREFIX_COUNTRIES = frozenset({"GB", "IE", "DE", "AT", "CH", "FR", "BE", "NL"})
ENTITY_TYPES = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "POSTAL_CODE",
    "LOCATION",
    "IBAN_CODE",
    "CREDIT_CARD",
)

# National numbers ('#': any digit, 'N': 2-9) used when Faker has no phone provider for the country or its numbers
# are not valid there; every number is checked with phonenumbers before it is used.
PHONE_PLANS: dict[str, tuple[str, ...]] = {
    "US": ("212N######", "312N######", "415N######", "512N######", "617N######", "713N######", "917N######"),
    "CA": ("416N######", "514N######", "604N######", "613N######", "403N######", "780N######", "902N######"),
    "GB": ("020 7### ####", "0161 ### ####", "0121 ### ####", "0131 ### ####", "07### ######"),
    "IE": ("01 ### ####", "021 ### ####", "083 ### ####", "085 ### ####", "086 ### ####", "087 ### ####"),
    "DE": ("030 ########", "040 ########", "089 ########", "0221 #######", "0151 ########", "0176 ########"),
    "AT": ("01 #######", "0316 ######", "0512 ######", "0664 #######", "0676 #######", "0699 ########"),
    "CH": ("044 ### ## ##", "031 ### ## ##", "061 ### ## ##", "022 ### ## ##", "079 ### ## ##", "076 ### ## ##"),
    "FR": ("01 ## ## ## ##", "04 ## ## ## ##", "05 ## ## ## ##", "06 ## ## ## ##", "07 ## ## ## ##"),
    "BE": ("02 ### ## ##", "03 ### ## ##", "09 ### ## ##", "0470 ## ## ##", "0486 ## ## ##", "0497 ## ## ##"),
    "ES": ("6## ## ## ##", "91# ## ## ##", "93# ## ## ##", "96# ## ## ##"),
    "IT": ("06 #### ####", "02 #### ####", "011 #######", "3## ### ####"),
    "NL": ("06 ########", "020 #######", "010 #######", "030 #######", "070 #######"),
}


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    full: str


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    city: str
    region: str | None  # state, province: printed but not labelled
