"""The multilingual ticket generator: fills templates with one locale's Faker values and labels the PII spans."""

from __future__ import annotations

import random
import re

import phonenumbers
from faker import Faker
from faker.decode import unidecode

from bench.labelling import Segment, compose_iban, fill, iban_is_valid
from bench.texts import PII_FREE_SHARE, LabelledText
from bench.texts_multilingual.lookalikes import PII_FREE_TEMPLATES, LookalikeFields
from bench.texts_multilingual.templates import PII_TEMPLATES
from bench.texts_multilingual.values import (
    ENGLISH_SHARE,
    LANGUAGE_LOCALES,
    LANGUAGES,
    LOCALES,
    NO_IBAN,
    PHONE_PLANS,
    TRUNK_PREFIX_COUNTRIES,
    Address,
    Person,
)

# Gender agreement in templates: [female|male] follows the first person, <female|male> the second.
_ALT_PERSON1 = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")
_ALT_PERSON2 = re.compile(r"<([^<>|]*)\|([^<>|]*)>")


def _has_provider(fake: Faker, kind: str, locale: str) -> bool:
    """Whether Faker has a `kind` provider of its own for `locale` (not a fallback to another country's)."""
    return any(type(p).__module__ == f"faker.providers.{kind}.{locale}" for p in fake.get_providers())


def _keys(values: object) -> set[str]:
    return set(values) if isinstance(values, dict | list | tuple | set) else set()


class MultilingualTicketGenerator(LookalikeFields):
    """Fills language-specific templates with one locale's Faker values, like bench.texts.TicketGenerator.fill."""

    def __init__(self, seed: int = 11) -> None:
        self._rng = random.Random(seed)
        self._fakers: dict[str, Faker] = {}
        self._titles: dict[str, set[str]] = {}
        self._suffixes: dict[str, set[str]] = {}
        self._providers: dict[str, set[str]] = {}
        for i, locale in enumerate(LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed + i)
            _stable_order(fake)
            self._fakers[locale] = fake
            person = next(p for p in fake.get_providers() if type(p).__module__.startswith("faker.providers.person"))
            prefixes = _keys(getattr(person, "prefixes", ()))
            self._titles[locale] = (
                _keys(getattr(person, "prefixes_female", ()))
                | _keys(getattr(person, "prefixes_male", ()))
                | {p for p in prefixes if "." in p}  # titles; fr/es 'prefixes' are name particles (de, Le)
            )
            self._suffixes[locale] = (
                _keys(getattr(person, "suffixes", ()))
                | _keys(getattr(person, "suffixes_female", ()))
                | _keys(getattr(person, "suffixes_male", ()))
            )
            self._providers[locale] = {
                kind for kind in ("bank", "phone_number", "address") if _has_provider(fake, kind, locale)
            }
        self._cards = Faker("en_US")
        self._cards.seed_instance(seed + len(LOCALES))
        # State of the text being filled.
        self._locale = "en_US"
        self._language = "en"
        self._female: dict[int, bool] = {}
        self._faker_full_name: dict[int, bool] = {}
        self._persons: dict[int, Person] = {}
        self._address: Address | None = None

    @property
    def _fake(self) -> Faker:
        return self._fakers[self._locale]

    @property
    def _country(self) -> str:
        return LOCALES[self._locale][1]

    # -- people ----------------------------------------------------------------------------------------------------

    def _strip_titles(self, name: str) -> str:
        tokens = name.split()
        while len(tokens) > 2 and tokens[0] in self._titles[self._locale]:
            tokens.pop(0)
        while len(tokens) > 2 and tokens[-1] in self._suffixes[self._locale]:
            tokens.pop()
        return " ".join(tokens)

    def _person(self, index: int) -> Person:
        if index not in self._persons:
            fake, female = self._fake, self._female[index]
            first = fake.first_name_female() if female else fake.first_name_male()
            last = fake.last_name()
            if self._locale == "es_ES" and self._rng.random() < 0.5:
                last = f"{last} {fake.last_name()}"  # two surnames
            full = f"{first} {last}"
            if self._faker_full_name[index]:  # the text never uses the parts: Faker's own name formats
                full = self._strip_titles(fake.name_female() if female else fake.name_male())
            self._persons[index] = Person(first, last, full)
        return self._persons[index]

    def _email(self, index: int) -> str:
        fake, r = self._fake, self._rng
        if r.random() < 0.5:
            return fake.email(safe=False)
        person = self._person(index)
        first, last = (re.sub(r"[^a-z0-9]", "", unidecode(part).lower()) for part in (person.first, person.last))
        local = r.choice(
            [f"{first}.{last}", f"{first[:1]}{last}", f"{first}{last}{r.randint(1, 99)}", f"{last}.{first}"]
        )
        return f"{local}@{fake.free_email_domain()}"

    # -- phones ----------------------------------------------------------------------------------------------------

    def _valid_here(self, text: str) -> phonenumbers.PhoneNumber | None:
        try:
            number = phonenumbers.parse(text, self._country)
        except phonenumbers.NumberParseException:
            return None
        if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) != self._country:
            return None
        number.extension = None
        return number

    def _phone_number(self) -> phonenumbers.PhoneNumber:
        if "phone_number" in self._providers[self._locale]:
            for _ in range(10):
                number = self._valid_here(self._fake.phone_number())
                if number is not None:
                    return number
        r = self._rng
        for _ in range(500):
            pattern = r.choice(PHONE_PLANS[self._country])
            digits = "".join(
                str(r.randint(2, 9)) if c == "N" else str(r.randint(0, 9)) if c == "#" else c for c in pattern
            )
            number = self._valid_here(digits)
            if number is not None:
                return number
        raise RuntimeError(f"no valid phone number for {self._country}")

    def _phone(self) -> str:
        number, country, r = self._phone_number(), self._country, self._rng
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        groups = re.findall(r"\d+", national)
        styles = {
            "national": 28,
            "compact": 12,
            "dots": 10,
            "dash": 8,
            "slash": 5 if country in {"DE", "AT", "CH"} else 0,
            "international": 20,
            "e164": 8,
            "trunk": 5 if country in TRUNK_PREFIX_COUNTRIES and national.startswith("0") else 0,
            "double_zero": 4 if country not in {"US", "CA"} else 0,
        }
        style = r.choices(list(styles), weights=list(styles.values()))[0]
        if style == "compact":
            return "".join(groups)
        if style == "dots":
            return ".".join(groups)
        if style == "dash":
            return "-".join(groups) if country in {"US", "CA"} else groups[0] + "-" + "".join(groups[1:])
        if style == "slash":
            return groups[0] + "/" + " ".join(groups[1:])
        if style == "international":
            return international
        if style == "e164":
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if style == "trunk":
            return f"+{number.country_code} (0){national[1:]}"
        if style == "double_zero":
            return "00" + international[1:]
        return national

    # -- addresses -------------------------------------------------------------------------------------------------

    def _street(self) -> str:
        fake, r = self._fake, self._rng
        if self._locale == "fr_BE":  # no Belgian address provider: a French street name, Belgian order
            name = self._fakers["fr_FR"].street_name()
            street = f"{name[:1].upper()}{name[1:]} {r.randint(1, 180)}"
        else:
            street = ""
            for _ in range(10):
                street = re.sub(r"\s+", " ", fake.street_address().replace("\n", ", ")).strip(" ,")
                if re.search(r"\d", street):
                    break
            else:
                street = f"{street} {r.randint(1, 180)}"
        # House number 0 or with leading zeros (Faker's "00 Francesca Plains", "Jasmijnhof 0") -> a plausible one.
        return re.sub(r"(?<!\w)0\d*\b", lambda _: str(r.randint(1, 180)), street)

    def _address_value(self) -> Address:
        if self._address is None:
            fake, locale, r = self._fake, self._locale, self._rng
            region = None
            if locale == "fr_BE":
                belgium = self._fakers["nl_BE"]
                postcode, city = belgium.postcode(), belgium.city()
            else:
                postcode, city = fake.postcode(), fake.city()
            if locale == "en_US":
                region = fake.state_abbr()
            elif locale == "en_CA":
                region = fake.province_abbr()
            elif locale == "it_IT" and r.random() < 0.4:
                region = fake.state_abbr()
            elif locale == "en_IE":
                compact = postcode.replace(" ", "")
                postcode = f"{compact[:3]} {compact[3:]}" if r.random() < 0.7 else compact
            if locale == "fr_FR" and r.random() < 0.2:
                city = city.upper()  # the French postal convention
            self._address = Address(self._street(), postcode, city, region)
        return self._address

    def _address_segments(self, multiline: bool) -> list[Segment]:
        a, country = self._address_value(), self._country
        sep = "\n" if multiline else ", "
        street: Segment = (a.street, "STREET_ADDRESS")
        postcode: Segment = (a.postcode, "POSTAL_CODE")
        city: Segment = (a.city, "LOCATION")
        if country in {"US", "CA"}:
            return [street, (sep, None), city, (f", {a.region} ", None), postcode]
        if country == "GB":
            return [
                street,
                (sep, None),
                city,
                (self._rng.choice([" ", ", "]) if not multiline else "\n", None),
                postcode,
            ]
        if country == "IE":
            return [street, (sep, None), city, (",\n" if multiline else ", ", None), postcode]
        tail: list[Segment] = [(f" ({a.region})", None)] if a.region else []
        return [street, (sep, None), postcode, (" ", None), city, *tail]

    # -- bank and cards --------------------------------------------------------------------------------------------

    def _iban(self) -> str:
        country, r = self._country, self._rng
        if country in NO_IBAN:
            raise ValueError(f"{country} has no IBAN")
        iban = self._fake.iban() if "bank" in self._providers[self._locale] else ""
        if not iban.startswith(country) or not iban_is_valid(iban):
            if country != "BE":
                raise RuntimeError(f"no IBAN composition for {country}")
            first10 = f"{r.randint(1, 999):03d}{r.randint(0, 9_999_999):07d}"
            iban = compose_iban("BE", first10 + f"{int(first10) % 97 or 97:02d}")  # with the Belgian check too
        if r.random() < 0.6:
            iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def _card(self) -> str:
        r = self._rng
        number = self._cards.credit_card_number(card_type=r.choice(["visa16", "mastercard", "amex", "discover"]))
        style = r.random()
        if len(number) == 15:  # American Express groups 4-6-5
            groups = [number[:4], number[4:10], number[10:]]
        else:
            groups = [number[i : i + 4] for i in range(0, len(number), 4)]
        if style < 0.4:
            return " ".join(groups)
        if style < 0.55:
            return "-".join(groups)
        return number

    # -- filling ---------------------------------------------------------------------------------------------------

    def _segments(self, field: str) -> list[Segment]:
        """Text and ground-truth entity type for one placeholder; a trailing 2 means the second person."""
        index = 2 if field.endswith("2") else 1
        base = field.rstrip("2")
        if base in {"name", "first", "last", "lfirst", "llast"}:
            person = self._person(index)
            parts = {"name": person.full, "first": person.first, "last": person.last}
            value = parts[base] if base in parts else parts[base[1:]].lower()  # chat: names in lower case
            return [(value, "PERSON")]
        if base == "email":
            return [(self._email(index), "EMAIL_ADDRESS")]
        if base == "phone":
            return [(self._phone(), "PHONE_NUMBER")]
        if base in {"address", "address_nl"}:
            return self._address_segments(multiline=base == "address_nl")
        if base == "postcode":
            return [(self._address_value().postcode, "POSTAL_CODE")]
        if base == "iban":
            return [(self._iban(), "IBAN_CODE")]
        if base == "card":
            return [(self._card(), "CREDIT_CARD")]
        return [(self._not_pii(base), None)]

    def fill(self, template: str, locale: str, language: str) -> LabelledText:
        r = self._rng
        self._locale, self._language = locale, language
        self._persons, self._address = {}, None
        fields = set(re.findall(r"\{(\w+)\}", template))
        for index, suffix in ((1, ""), (2, "2")):
            self._female[index] = r.random() < 0.5
            uses_parts = bool({f"first{suffix}", f"last{suffix}"} & fields)
            self._faker_full_name[index] = not uses_parts and r.random() < 0.5
        text = _ALT_PERSON1.sub(lambda m: m.group(1 if self._female[1] else 2), template)
        text = _ALT_PERSON2.sub(lambda m: m.group(1 if self._female[2] else 2), text)
        joined, spans = fill(text, self._segments)
        return LabelledText(joined, spans, locale=locale, language=language)

    def generate(self, count: int) -> list[LabelledText]:
        out = []
        r = self._rng
        for _ in range(count):
            values_language = r.choice(LANGUAGES)
            locale = r.choice(LANGUAGE_LOCALES[values_language])
            language = values_language if values_language == "en" or r.random() >= ENGLISH_SHARE else "en"
            pool = (PII_FREE_TEMPLATES if r.random() < PII_FREE_SHARE else PII_TEMPLATES)[language]
            template = r.choice(pool)
            while LOCALES[locale][1] in NO_IBAN and "{iban}" in template:
                template = r.choice(pool)
            out.append(self.fill(template, locale, language))
        return out


def generate_multilingual_tickets(count: int, seed: int = 11) -> list[LabelledText]:
    """`count` labelled tickets in six languages from 13 Faker locales; the same seed gives the same texts."""
    return MultilingualTicketGenerator(seed).generate(count)


def _stable_order(fake: Faker) -> None:
    """Faker's it_IT address provider builds its city list from a set, so its order (and the city a seed
    picks) changes with the process's hash seed; sorted, the same seed gives the same texts in every run."""
    for provider in fake.get_providers():
        cities = getattr(provider, "cities", None)
        if isinstance(cities, list):
            provider.cities = sorted(cities)
