"""A record's own values, found in its free text: the customer's name, street or phone quoted in ``notes``.

Recognizers guess; a record knows. When an audience is not cleared for a classified field, that field's
value is looked for in the record's free text and every occurrence is masked, whatever the recognizers
made of it. Matching is forgiving the way people write: case and spacing do not matter (the text is
normalized first, see ``detection/normalize.py``), a phone or card matches on its digits whatever the
separators, a phone also without its country code or trunk prefix, an IBAN with or without its spaces,
and a name field also part by part ("Anna", "van der Berg" in "Anna Maria van der Berg").

Cheap by construction: each value's needles are built once (cached by value); for a text, only needles
whose anchor (a word of the value, or its last digits) occurs in it go into one compiled pattern (cached,
so the next record of the same customer or another audience with the same values reuses it), and the text
is searched once. A text that quotes nothing costs a few substring tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from streamguard.masking.detection import Span
from streamguard.masking.detection.normalize import NormalizedText, normalize

OWN_VALUE_SCORE = 1.0
MIN_CHARS = 3  # shorter values ("M", "DE", "42") would mask ordinary text
MIN_DIGITS = 6  # fewer digits are a house number or a year, not an identifier
MIN_NAME_PART = 2  # "Li", "Wu", "Ng" are whole surnames
_SEPARATORS = r"[\s\-./()]{0,3}"
_DIGITISH = re.compile(r"^[\d\s\-./()+]+$")
_ALNUM_ID = re.compile(r"^[A-Za-z]{2}[\d\s]{2,}[A-Za-z0-9\s]+$")
# Name particles are never looked for on their own: "de" and "van" are in every other sentence.
_PARTICLES = frozenset(
    {"de", "la", "le", "du", "del", "della", "di", "da", "dos", "das", "van", "von", "der", "den", "ter", "ten"}
    | {"y", "e", "bin", "al", "el", "zu", "st", "mc", "mac", "jr", "sr"}
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class OwnValue:
    """One classified value of a record that the audience may not see, with the entity tag it masks as."""

    value: str
    entity: str
    is_name: bool = False

    @staticmethod
    def of(path: str, field_class: str, value: str) -> OwnValue:
        """The value of field ``path``, tagged by what the field or the value says it is (cached: every
        audience that masks the field classifies the same value)."""
        return _classified(path, field_class, value)


@lru_cache(maxsize=65_536)
def _classified(path: str, field_class: str, value: str) -> OwnValue:
    leaf = path.rsplit(".", 1)[-1].lower()
    compact = re.sub(r"[\s\-./()]", "", value)
    if "@" in value:
        return OwnValue(value, "EMAIL_ADDRESS")
    if "name" in leaf and "user" not in leaf and not any(c.isdigit() for c in value):
        return OwnValue(value, "PERSON", is_name=True)
    if "street" in leaf or "address" in leaf:
        return OwnValue(value, "STREET_ADDRESS")
    if compact.lstrip("+").isdigit() and len(compact) >= MIN_DIGITS:
        return OwnValue(value, "CREDIT_CARD" if "card" in leaf else "PHONE_NUMBER")
    if _ALNUM_ID.match(value) and sum(c.isdigit() for c in value) >= MIN_DIGITS:
        return OwnValue(value, "IBAN_CODE" if "iban" in leaf or "account" in leaf else field_class.upper())
    return OwnValue(value, field_class.upper())


@dataclass(frozen=True, slots=True)
class Needle:
    """One way a value can be written: a regex, the tag it masks as, and an anchor (a lower-cased word, or
    the last digits) that any occurrence must contain, so texts that cannot hold it cost a substring test."""

    pattern: str
    entity: str
    anchor: str
    in_digits: bool  # the anchor is looked for among the text's digits only


class OwnValueMatcher:
    """A record's own values for one audience; ``find`` returns their spans in a text of that record.

    The needles whose anchor occurs in the text go into one compiled pattern (cached by needles: the same
    customer's next record, or another audience with the same values, reuses it), searched once."""

    def __init__(self, needles: tuple[Needle, ...]) -> None:
        self._needles = needles
        self._digits = any(n.in_digits for n in needles)

    def find(self, text: str) -> list[Span]:
        normalized = _normalized(text)
        folded = normalized.text.lower()
        digits = "".join(c for c in folded if c.isdigit()) if self._digits else ""
        present = tuple(n for n in self._needles if n.anchor in (digits if n.in_digits else folded))
        if not present:
            return []
        pattern, entities = _compiled(present)
        spans = []
        for match in pattern.finditer(normalized.text):
            entity = entities[match.lastindex - 1] if match.lastindex else "OWN_VALUE"
            spans.append(normalized.to_original(Span(match.start(), match.end(), entity, OWN_VALUE_SCORE)))
        return spans


def _normalized(text: str, _last: list = [None, None]) -> NormalizedText:  # noqa: B006 (a one-entry memo)
    """``normalize``, remembering the last text: the views of one record are applied one after another, and
    each audience's matcher reads the same notes (only one text is held, so nothing accumulates)."""
    if _last[0] is not text:
        _last[0], _last[1] = text, normalize(text)
    return _last[1]


@dataclass
class OwnValueSlot:
    """The matcher of the record being masked, for one audience's detect closures (set by the plan)."""

    matcher: OwnValueMatcher | None = None


def matcher_for(values: Iterable[OwnValue]) -> OwnValueMatcher | None:
    """The matcher of these values, or None when none of them is long enough to look for."""
    unique = {needle for own in values for needle in needles_of(own)}
    needles = tuple(sorted(unique, key=lambda n: (n.pattern, n.entity)))  # one order: one cache entry
    return OwnValueMatcher(needles) if needles else None


@lru_cache(maxsize=65_536)
def needles_of(own: OwnValue) -> tuple[Needle, ...]:
    return tuple(_patterns(own))


@lru_cache(maxsize=4096)
def _compiled(needles: tuple[Needle, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    # Longest first: "Anna Maria Berg" must win over "Anna" at the same position.
    ordered = sorted(needles, key=lambda n: len(n.pattern), reverse=True)
    pattern = re.compile("|".join(f"({n.pattern})" for n in ordered), re.IGNORECASE)
    return pattern, tuple(n.entity for n in ordered)


def _patterns(own: OwnValue) -> list[Needle]:
    value = normalize(own.value).text.strip()
    if len(value) < MIN_CHARS:
        return []
    digits = re.sub(r"\D", "", value)
    if _DIGITISH.match(value) and len(digits) >= MIN_DIGITS:
        return [Needle(_digits_pattern(d), own.entity, d[-4:], True) for d in _digit_forms(value, digits)]
    if _ALNUM_ID.match(value) and len(digits) >= MIN_DIGITS:  # IBAN-like: letters and digits, spaced or not
        compact = re.sub(r"\s", "", value)
        pattern = r"(?<![A-Za-z0-9])" + r"\s?".join(map(re.escape, compact)) + r"(?![A-Za-z0-9])"
        return [Needle(pattern, own.entity, digits[-4:], True)]
    needles = [Needle(_phrase_pattern(p), own.entity, _anchor(p), False) for p in _written_forms(value)]
    if own.is_name:
        parts = _name_part_patterns(value)
        needles.extend(Needle(pattern, own.entity, anchor, False) for pattern, anchor in parts)
    return needles


# Street types as people abbreviate them: "Hauptstraße 5" is written "Hauptstr. 5", "Main Street" "Main St".
_STREET_TYPES = (
    (r"(?i)(stra(?:ß|ss)e)\b", "str."),
    (r"(?i)\b(street)\b", "st"),
    (r"(?i)\b(avenue)\b", "ave"),
    (r"(?i)\b(road)\b", "rd"),
    (r"(?i)\b(boulevard)\b", "blvd"),
    (r"(?i)\b(drive)\b", "dr"),
    (r"(?i)\b(lane)\b", "ln"),
    (r"(?i)\b(place)\b", "pl"),
    (r"(?i)\b(court)\b", "ct"),
    (r"(?i)(straat)\b", "str."),
    (r"(?i)\b(avenida)\b", "avda"),
    (r"(?i)\b(calle)\b", "c/"),
    (r"(?i)\b(viale)\b", "v.le"),
    (r"(?i)\b(piazza)\b", "p.zza"),
    (r"(?i)\b(corso)\b", "c.so"),
)


def _written_forms(value: str) -> list[str]:
    """The value, and how else people write it: "ss" for "ß", a street type abbreviated or spelled out."""
    forms = [value]
    if "ß" in value:
        forms.append(value.replace("ß", "ss"))
    for pattern, short in _STREET_TYPES:
        for form in list(forms):
            abbreviated = re.sub(pattern, short, form)
            if abbreviated != form:
                forms.append(abbreviated)
    return list(dict.fromkeys(forms))


def _anchor(phrase: str) -> str:
    """The longest word of a phrase, lower-cased: every occurrence of the phrase contains it."""
    return max(phrase.lower().split(), key=len)


def _digit_forms(value: str, digits: str) -> set[str]:
    """The digits as written, and for a phone its national number (no country code, no trunk 0)."""
    forms = {digits}
    national = _national_number(value)
    if national and len(national) >= MIN_DIGITS:
        forms.add(national)
    stripped = digits.lstrip("0")
    if value.lstrip().startswith("0") and len(stripped) >= MIN_DIGITS:
        forms.add(stripped)
    return forms


def _national_number(value: str) -> str | None:
    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+"):
        return None
    try:
        return str(phonenumbers.parse(text, None).national_number)
    except phonenumbers.NumberParseException:
        return None


def _digits_pattern(digits: str) -> str:
    """Digits with any separators between them; a phone's country code or trunk prefix may come before."""
    body = _SEPARATORS.join(digits)
    prefix = r"(?:(?:\+|00)\d{1,3}[\s\-./]{0,2}(?:\(0\)[\s\-./]{0,2})?|\(?0\)?[\s\-./]{0,2})?"
    return rf"(?<!\d){prefix}{body}(?!\d)"


def _phrase_pattern(value: str) -> str:
    words = value.split()
    body = r"[\s,]+".join(map(re.escape, words))
    return rf"(?<!\w){body}(?!\w)"


def _name_part_patterns(value: str) -> list[tuple[str, str]]:
    """``(pattern, anchor)`` for each run of two or more of a name's words ("van Dijk", "Maria van"), and each
    word on its own, in any case ("mark called" for Mark Gay): in this customer's own notes a word that is also
    their name is masked even where it is an ordinary word; recall is what the audience is promised. Particles
    alone ("van", "de") are never looked for."""
    words = value.split()
    runs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)]
    patterns = [(_phrase_pattern(run), _anchor(run)) for run in runs if run != value]
    for part in {m.group() for m in _WORD.finditer(value)}:
        if len(part) < MIN_NAME_PART or part.lower() in _PARTICLES:
            continue
        pieces = [part, *part.split("-")] if "-" in part else [part]
        for piece in pieces:
            if len(piece) < MIN_NAME_PART:
                continue
            patterns.append((rf"(?<!\w){re.escape(piece)}(?!\w)", piece.lower()))
    return patterns
