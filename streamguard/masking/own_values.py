"""A record's own values, found in its free text: the customer's name, street or phone quoted in ``notes``.

Recognizers guess; a record knows. When an audience is not cleared for a classified field, that field's
value is looked for in the record's free text and every occurrence is masked, whatever the recognizers
made of it. Matching is forgiving the way people write: case and spacing do not matter (the text is
normalized first, see ``detection/normalize.py``), a phone or card matches on its digits whatever the
separators, a phone also without its country code or trunk prefix, an IBAN with or without its spaces,
and a name field also part by part ("Anna", "van der Berg" in "Anna Maria van der Berg").

Cheap by construction: each value's needles are built once (cached by value); for a text, only needles
whose anchor (a word of the value, or its last digits) occurs in it are looked for, and a text that quotes
nothing costs a few substring tests. Needles are literals searched with ``str.find`` in a canonical form of
the text (words: lower case, each run of spaces and commas one space; digits: the digits alone; identifiers:
without spaces), each hit then checked against the text (word edges, the separators between digits, a
phone's prefix). No pattern is compiled per record: the values differ from record to record, and compiling a
regular expression of them cost the worker more than the masking did (issue 22's free-text profile).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property, lru_cache
from itertools import accumulate, pairwise

import phonenumbers

from streamguard.masking.detection import Span
from streamguard.masking.detection.normalize import normalize

OWN_VALUE_SCORE = 1.0
MIN_CHARS = 3  # shorter values ("M", "DE", "42") would mask ordinary text
MIN_DIGITS = 6  # fewer digits are a house number or a year, not an identifier
MIN_NAME_PART = 2  # "Li", "Wu", "Ng" are whole surnames
_DIGITISH = re.compile(r"^[\d\s\-./()+]+$")
_ALNUM_ID = re.compile(r"^[A-Za-z]{2}[\d\s]{2,}[A-Za-z0-9\s]+$")
# Name particles are never looked for on their own: "de" and "van" are in every other sentence.
_PARTICLES = frozenset(
    {"de", "la", "le", "du", "del", "della", "di", "da", "dos", "das", "van", "von", "der", "den", "ter", "ten"}
    | {"y", "e", "bin", "al", "el", "zu", "st", "mc", "mac", "jr", "sr"}
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_SEPARATOR_CHARS = re.compile(r"[\s\-./()]")
_NON_DIGITS = re.compile(r"\D")
_SPACES = re.compile(r"\s")
_NOT_GAP = re.compile(r"[^\s,]+")  # a phrase's words: any run of spaces and commas may stand between them
_WORD_CHAR = re.compile(r"\w")
_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[A-Za-z0-9]", re.IGNORECASE)
_DIGIT_GAP = re.compile(r"[\s\-./()]{0,3}")  # between two digits of a number: "030 123-45/67"
# What may come before a phone's national number: its country code ("+49 ", "0049-", "+44 (0) ") or trunk 0.
_PHONE_PREFIX = re.compile(r"(?:\+|00)\d{1,3}[\s\-./]{0,2}(?:\(0\)[\s\-./]{0,2})?|\(?0\)?[\s\-./]{0,2}")
_PHONE_PREFIX_MAX = 12


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
    compact = _SEPARATOR_CHARS.sub("", value)
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


class Kind(Enum):
    """How a needle is written, hence the form of a text it is looked for in."""

    PHRASE = "phrase"  # whole words in any case, any run of spaces and commas between them
    NUMBER = "number"  # digits, up to three of ``-./()`` or spaces between any two, a phone's prefix before
    IDENTIFIER = "identifier"  # letters and digits (an IBAN) in any case, one space or none between any two


@dataclass(frozen=True, slots=True)
class Needle:
    """One way a value can be written: its literal as its kind's form of a text holds it, the tag it masks
    as, and an anchor (a lower-cased word, or the last digits) that any occurrence must contain, so texts that
    cannot hold it cost a substring test."""

    kind: Kind
    literal: str
    entity: str
    anchor: str

    @property
    def in_digits(self) -> bool:
        """The anchor is looked for among the text's digits only."""
        return self.kind is not Kind.PHRASE


class OwnValueMatcher:
    """A record's own values for one audience; ``find`` returns their spans in a text of that record: every
    occurrence of a needle whose anchor the text holds, the leftmost and then longest where they overlap."""

    def __init__(self, needles: tuple[Needle, ...]) -> None:
        self._needles = needles
        self._digits = any(n.in_digits for n in needles)

    def find(self, text: str) -> list[Span]:
        forms = _forms(text)
        digits = forms.digits[0] if self._digits else ""
        present = [n for n in self._needles if n.anchor in (digits if n.in_digits else forms.folded)]
        if not present:
            return []
        hits = [hit for needle in present for hit in _occurrences(forms, needle)]
        spans: list[Span] = []
        for start, end, entity in sorted(hits, key=lambda hit: (hit[0], hit[0] - hit[1])):
            if not spans or start >= spans[-1].end:
                spans.append(Span(start, end, entity, OWN_VALUE_SCORE))
        return [forms.normalized.to_original(span) for span in spans]


class _TextForms:
    """The forms of one text that needles are looked for in, each built when a needle first needs it.
    Positions are the normalized text's."""

    def __init__(self, text: str) -> None:
        self.normalized = normalize(text)
        self.folded = fold(self.normalized.text)

    @cached_property
    def words(self) -> tuple[str, list[int], list[int]]:
        """The words with one space between them; each word's start there and in ``folded``."""
        matches = list(_NOT_GAP.finditer(self.folded))
        words = [match.group() for match in matches]
        joined_starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=0))
        return " ".join(words), joined_starts, [match.start() for match in matches]

    @cached_property
    def digits(self) -> tuple[str, list[int]]:
        """The digits alone, and where each is in ``folded``."""
        return _kept(self.folded, str.isdigit)

    @cached_property
    def unspaced(self) -> tuple[str, list[int]]:
        """The text without its spaces, and where each character is in ``folded``."""
        return _kept(self.folded, lambda char: not char.isspace())


def _kept(text: str, keep: Callable[[str], bool]) -> tuple[str, list[int]]:
    at = [i for i, char in enumerate(text) if keep(char)]
    return "".join(text[i] for i in at), at


# Case-insensitive as regular expressions are: "DUMANLI" is "Dumanl\u0131" (dotless i), "ΟΔΟΣ" is "οδος". "\u0130"
# (dotted capital I) becomes "I" before lowering: the one character whose lower case is two characters long,
# so positions stay those of the text.
_BEFORE_LOWER = str.maketrans({"\u0130": "I"})
_AFTER_LOWER = str.maketrans({"\u0131": "i", "\u03c2": "\u03c3"})


def fold(text: str) -> str:
    """``text`` in one case, character for character."""
    return text.translate(_BEFORE_LOWER).lower().translate(_AFTER_LOWER)


def _forms(text: str, _last: list = [None, None]) -> _TextForms:  # noqa: B006 (a one-entry memo)
    """The text's forms, remembering the last text: the views of one record are applied one after another,
    and each audience's matcher reads the same notes (only one text is held, so nothing accumulates)."""
    if _last[0] is not text:
        _last[0], _last[1] = text, _TextForms(text)
    return _last[1]  # type: ignore[no-any-return]


def _occurrences(forms: _TextForms, needle: Needle) -> list[tuple[int, int, str]]:
    """Each ``(start, end, entity)`` in the normalized text where ``needle`` is written."""
    if needle.kind is Kind.PHRASE:
        return _phrases(forms, needle)
    if needle.kind is Kind.NUMBER:
        return _numbers(forms, needle)
    return _identifiers(forms, needle)


def _found(haystack: str, literal: str) -> Iterator[int]:
    at = haystack.find(literal)
    while at >= 0:
        yield at
        at = haystack.find(literal, at + 1)


def _placed(form: tuple[str, list[int]], literal: str) -> Iterator[list[int]]:
    """For each occurrence of ``literal`` in a kept form (``digits``, ``unspaced``), where its characters are
    in the folded text."""
    kept, at = form
    for first in _found(kept, literal):
        yield at[first : first + len(literal)]


def _phrases(forms: _TextForms, needle: Needle) -> list[tuple[int, int, str]]:
    joined, joined_starts, starts = forms.words
    hits = []
    for at in _found(joined, needle.literal):
        end = at + len(needle.literal)
        if (at and _WORD_CHAR.match(joined, at - 1)) or _WORD_CHAR.match(joined, end):
            continue  # part of a longer word
        first, last = bisect_right(joined_starts, at) - 1, bisect_right(joined_starts, end - 1) - 1
        begin = starts[first] + at - joined_starts[first]
        hits.append((begin, starts[last] + end - joined_starts[last], needle.entity))
    return hits


def _numbers(forms: _TextForms, needle: Needle) -> list[tuple[int, int, str]]:
    text, hits = forms.folded, []
    for placed in _placed(forms.digits, needle.literal):
        if _DIGIT.match(text, placed[-1] + 1):
            continue  # more digits follow: part of a longer number
        if not all(_DIGIT_GAP.fullmatch(text, a + 1, b) for a, b in pairwise(placed)):
            continue  # the digits are not written as one number
        start = _number_start(text, placed[0])
        if start is not None:
            hits.append((start, placed[-1] + 1, needle.entity))
    return hits


def _number_start(text: str, body: int) -> int | None:
    """Where a number whose digits begin at ``body`` begins: at the leftmost prefix that stands right before
    them, else at ``body``; None if a digit comes right before (part of a longer number)."""
    for start in range(max(0, body - _PHONE_PREFIX_MAX), body + 1):
        if start < body and not _PHONE_PREFIX.fullmatch(text, start, body):
            continue
        if not (start and _DIGIT.match(text, start - 1)):
            return start
    return None


def _identifiers(forms: _TextForms, needle: Needle) -> list[tuple[int, int, str]]:
    text, hits = forms.folded, []
    for placed in _placed(forms.unspaced, needle.literal):
        if any(b - a > 2 for a, b in pairwise(placed)):
            continue  # more than one space between two characters
        if (placed[0] and _ALNUM.match(text, placed[0] - 1)) or _ALNUM.match(text, placed[-1] + 1):
            continue  # part of a longer identifier
        hits.append((placed[0], placed[-1] + 1, needle.entity))
    return hits


@dataclass
class OwnValueSlot:
    """The matcher of the record being masked, for one audience's detect closures (set by the plan)."""

    matcher: OwnValueMatcher | None = None


def matcher_for(values: Iterable[OwnValue]) -> OwnValueMatcher | None:
    """The matcher of these values, or None when none of them is long enough to look for."""
    needles = tuple({needle: None for own in values for needle in needles_of(own)})
    return OwnValueMatcher(needles) if needles else None


@lru_cache(maxsize=65_536)
def needles_of(own: OwnValue) -> tuple[Needle, ...]:
    return tuple(_patterns(own))


def _patterns(own: OwnValue) -> list[Needle]:
    value = normalize(own.value).text.strip()
    if len(value) < MIN_CHARS:
        return []
    digits = _NON_DIGITS.sub("", value)
    if _DIGITISH.match(value) and len(digits) >= MIN_DIGITS:
        return [Needle(Kind.NUMBER, d, own.entity, d[-4:]) for d in sorted(_digit_forms(value, digits))]
    if _ALNUM_ID.match(value) and len(digits) >= MIN_DIGITS:  # IBAN-like: letters and digits, spaced or not
        return [Needle(Kind.IDENTIFIER, fold(_SPACES.sub("", value)), own.entity, digits[-4:])]
    phrases = dict.fromkeys(map(_phrase, _written_forms(value) + (_name_parts(value) if own.is_name else [])))
    return [Needle(Kind.PHRASE, phrase, own.entity, _anchor(phrase)) for phrase in phrases if phrase]


# Street types as people abbreviate them: "Hauptstraße 5" is written "Hauptstr. 5", "Main Street" "Main St".
_STREET_TYPES = (
    (re.compile(r"(stra(?:ß|ss)e)\b", re.IGNORECASE), "str."),
    (re.compile(r"\b(street)\b", re.IGNORECASE), "st"),
    (re.compile(r"\b(avenue)\b", re.IGNORECASE), "ave"),
    (re.compile(r"\b(road)\b", re.IGNORECASE), "rd"),
    (re.compile(r"\b(boulevard)\b", re.IGNORECASE), "blvd"),
    (re.compile(r"\b(drive)\b", re.IGNORECASE), "dr"),
    (re.compile(r"\b(lane)\b", re.IGNORECASE), "ln"),
    (re.compile(r"\b(place)\b", re.IGNORECASE), "pl"),
    (re.compile(r"\b(court)\b", re.IGNORECASE), "ct"),
    (re.compile(r"(straat)\b", re.IGNORECASE), "str."),
    (re.compile(r"\b(avenida)\b", re.IGNORECASE), "avda"),
    (re.compile(r"\b(calle)\b", re.IGNORECASE), "c/"),
    (re.compile(r"\b(viale)\b", re.IGNORECASE), "v.le"),
    (re.compile(r"\b(piazza)\b", re.IGNORECASE), "p.zza"),
    (re.compile(r"\b(corso)\b", re.IGNORECASE), "c.so"),
)
# Any of them: most values (names, towns, e-mail addresses) hold none and skip the fifteen substitutions.
_ANY_STREET_TYPE = re.compile("|".join(pattern.pattern for pattern, _ in _STREET_TYPES), re.IGNORECASE)


def _written_forms(value: str) -> list[str]:
    """The value, and how else people write it: "ss" for "ß", a street type abbreviated or spelled out."""
    forms = [value]
    if "ß" in value:
        forms.append(value.replace("ß", "ss"))
    if not _ANY_STREET_TYPE.search(value):
        return forms
    for pattern, short in _STREET_TYPES:
        for form in list(forms):
            abbreviated = pattern.sub(short, form)
            if abbreviated != form:
                forms.append(abbreviated)
    return list(dict.fromkeys(forms))


def _anchor(phrase: str) -> str:
    """The longest word of a phrase (folded): every occurrence of the phrase contains it."""
    return max(phrase.split(), key=len)


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


def _phrase(value: str) -> str:
    """A phrase as a text's words form holds it: lower case, one space between words."""
    return " ".join(_NOT_GAP.findall(fold(value)))


def _name_parts(value: str) -> list[str]:
    """Each run of two or more of a name's words ("van Dijk", "Maria van"), and each word on its own (a
    hyphenated one also by its parts), to be found in any case ("mark called" for Mark Gay): in this
    customer's own notes a word that is also their name is masked even where it is an ordinary word; recall is
    what the audience is promised. Particles alone ("van", "de") are never looked for."""
    words = value.split()
    parts = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)]
    for word in dict.fromkeys(match.group() for match in _WORD.finditer(value)):
        if len(word) < MIN_NAME_PART or word.lower() in _PARTICLES:
            continue
        pieces = [word, *word.split("-")] if "-" in word else [word]
        parts.extend(piece for piece in pieces if len(piece) >= MIN_NAME_PART)
    return parts
