"""A record's own classified values, found and masked in its free text, per audience and detection mode."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

import pytest
from faker import Faker

from streamguard.masking.detection import Span, TextScan
from streamguard.masking.detection.normalize import normalize
from streamguard.masking.keys import Keyring
from streamguard.masking.own_values import OwnValue, matcher_for, needles_of
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import parse_rules

KEYRING = Keyring({"k1": b"k" * 32}, {"mask": "k1", "encrypt": "k1"})

# (field path, field class, value in the record, text, what must be masked in the text)
FOUND = [
    (
        "full_name",
        "contact",
        "Anna Maria van der Berg",
        "spoke to anna maria van der berg",
        ["anna maria van der berg"],
    ),
    ("full_name", "contact", "Anna Maria van der Berg", "Berg called, then Anna", ["Berg", "Anna"]),
    ("full_name", "contact", "Karl-Heinz Müller", "Karl-Heinz and heinz müller", ["Karl-Heinz", "heinz", "müller"]),
    ("full_name", "contact", "Siobhán O'Brien", "o'brien again", ["o'brien"]),
    # In the customer's own notes a word that is also their name is masked, whatever its case.
    ("full_name", "contact", "Will Rose", "Will said he will bring a rose", ["Will", "will", "rose"]),
    ("phone", "contact", "+49 30 1234567", "call 030 123 45 67 or +4930-1234567", ["030 123 45 67", "+4930-1234567"]),
    (
        "phone",
        "contact",
        "06 12 34 56 78",
        "rappeler au 0612345678 ou +33 6 12 34 56 78",
        ["0612345678", "+33 6 12 34 56 78"],
    ),
    ("iban", "financial", "DE89 3704 0044 0532 0130 00", "iban de89370400440532013000 ok", ["de89370400440532013000"]),
    ("credit_card", "financial", "4539148803436467", "card 4539-1488-0343-6467!", ["4539-1488-0343-6467"]),
    ("email", "contact", "Anna.Berg@Example.org", "mail anna.berg@example.org", ["anna.berg@example.org"]),
    (
        "address.street",
        "contact",
        "Hauptstraße 12",
        "wohnt in der HAUPTSTRASSE 12 und Hauptstraße  12",
        ["HAUPTSTRASSE 12", "Hauptstraße  12"],
    ),
    ("address.street", "contact", "Via Roma 3", "consegna in via roma 3, scala B", ["via roma 3"]),
    ("address.street", "contact", "Lindenhofstraße 7", "neu: Lindenhofstr. 7", ["Lindenhofstr. 7"]),
    ("address.street", "contact", "2405 River Run Drive", "at 2405 river run dr.", ["2405 river run dr"]),
    # Invisible and full-width characters do not hide a value.
    (
        "phone",
        "contact",
        "0612345678",
        "tel 06\u200b12 34 56 78 / \uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",
        ["06\u200b12 34 56 78", "\uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18"],
    ),
]
NOT_FOUND = [
    ("full_name", "contact", "Will Rose", "we send roses"),  # whole words only
    ("full_name", "contact", "Anna de Vries", "de la Paix"),  # particles alone are not the name
    ("phone", "contact", "+49 30 1234567", "order 91234567890"),  # digits inside a longer number
    ("address.zip", "contact", "75", "page 75"),  # too short to look for
    ("credit_card", "financial", "4539148803436467", "4539148803436467123"),
]


@pytest.mark.parametrize(("path", "field_class", "value", "text", "masked"), FOUND)
def test_a_records_value_is_found_however_it_is_written(
    path: str, field_class: str, value: str, text: str, masked: list[str]
) -> None:
    matcher = matcher_for([OwnValue.of(path, field_class, value)])
    assert matcher is not None
    assert sorted(text[s.start : s.end] for s in matcher.find(text)) == sorted(masked)


@pytest.mark.parametrize(("path", "field_class", "value", "text"), NOT_FOUND)
def test_ordinary_text_is_left_alone(path: str, field_class: str, value: str, text: str) -> None:
    matcher = matcher_for([OwnValue.of(path, field_class, value)])
    assert matcher is None or matcher.find(text) == []


def test_values_are_tagged_by_field_and_shape() -> None:
    assert OwnValue.of("full_name", "contact", "Ana Lopez") == OwnValue("Ana Lopez", "PERSON", is_name=True)
    assert OwnValue.of("username", "contact", "analopez").entity == "CONTACT"
    assert OwnValue.of("mobile", "contact", "+34 612 345 678").entity == "PHONE_NUMBER"
    assert OwnValue.of("payment.iban", "financial", "ES91 2100 0418 4502 0005 1332").entity == "IBAN_CODE"
    assert OwnValue.of("address.street", "contact", "Calle Mayor, 14").entity == "STREET_ADDRESS"


def test_overlapping_values_mask_the_leftmost_longest_once() -> None:
    values = [OwnValue.of("full_name", "contact", "Ana Lopez"), OwnValue.of("phone", "contact", "612345678")]
    matcher = matcher_for(values)
    assert matcher is not None
    assert matcher.find("nothing of hers here, order 4711") == []
    text = "Ana Lopez, 612 345 678; lopez again"
    assert [text[s.start : s.end] for s in matcher.find(text)] == ["Ana Lopez", "612 345 678", "lopez"]
    other_audience = matcher_for(list(reversed(values)))
    assert other_audience is not None
    assert other_audience.find(text) == matcher.find(text)


# The matcher searches literals in forms of the text; it must mask exactly what the regular expressions it
# replaced masked. They are kept here as the reference: one pattern per needle, searched case-insensitively in
# the normalized text.
_GAP = r"[\s\-./()]{0,3}"
_PREFIX = r"(?:(?:\+|00)\d{1,3}[\s\-./]{0,2}(?:\(0\)[\s\-./]{0,2})?|\(?0\)?[\s\-./]{0,2})?"


def _reference_pattern(kind: str, literal: str) -> str:
    if kind == "number":
        return rf"(?<!\d){_PREFIX}{_GAP.join(literal)}(?!\d)"
    if kind == "identifier":
        return r"(?<![A-Za-z0-9])" + r"\s?".join(map(re.escape, literal)) + r"(?![A-Za-z0-9])"
    return r"(?<!\w)" + r"[\s,]+".join(map(re.escape, literal.split())) + r"(?!\w)"


def _covered(spans: Sequence[tuple[int, int]]) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def _reference_coverage(values: list[OwnValue], text: str) -> set[int]:
    normalized = normalize(text)
    spans = []
    for needle in {n for own in values for n in needles_of(own)}:
        for match in re.finditer(_reference_pattern(needle.kind.value, needle.literal), normalized.text, re.I):
            original = normalized.to_original(Span(match.start(), match.end(), needle.entity, 1.0))
            spans.append((original.start, original.end))
    return _covered(spans)


def _written_as_people_do(value: str, chooser: random.Random) -> str:
    """``value`` as a note might quote it: case changed, separators between its digits or words, a prefix."""
    out = []
    for char in value:
        if char.isdigit() and chooser.random() < 0.3:
            out.append(char + chooser.choice([" ", "-", ".", "  ", " / ", ""]))
        elif char == " " and chooser.random() < 0.3:
            out.append(chooser.choice(["  ", ", ", "\n", " , "]))
        else:
            out.append(char.upper() if chooser.random() < 0.2 else char.lower() if chooser.random() < 0.3 else char)
    written = "".join(out)
    if not value[:1].isdigit():
        return written
    return chooser.choice(["", "+49 ", "0049-", "(0) ", "0", "9", "x", "#"]) + written


def test_the_literal_search_masks_what_the_regular_expressions_masked() -> None:
    chooser = random.Random(22)
    compared = found = 0
    for locale in ("en_US", "de_DE", "fr_FR", "nl_NL", "es_ES", "it_IT", "tr_TR", "vi_VN"):
        fake = Faker(locale)
        fake.seed_instance(22)
        for _ in range(60):
            values = [
                OwnValue.of("full_name", "contact", fake.name()),
                OwnValue.of("address.street", "contact", fake.street_address()),
                OwnValue.of("phone", "contact", fake.phone_number()),
                OwnValue.of("iban", "financial", fake.iban()),
            ]
            quoted = [_written_as_people_do(own.value, chooser) for own in values if chooser.random() < 0.7]
            text = f"{fake.sentence()} {' '.join(quoted)}, {fake.sentence()} {chooser.choice(quoted or ['x'])}9"
            matcher = matcher_for(values)
            assert matcher is not None
            got = _covered([(s.start, s.end) for s in matcher.find(text)])
            assert got == _reference_coverage(values, text), (locale, [v.value for v in values], text)
            compared, found = compared + 1, found + bool(got)
    assert compared == 480
    assert found > 400  # the texts do quote values: the comparison is not of empty sets


RULES = """
dataset: tickets
format: json
key: {class: public}
audiences:
  analytics: {clearances: []}
  analytics_strict: {clearances: [], detection: strict}
  support: {clearances: [contact]}
fields:
  name: {class: contact, action: pseudonymize}
  phone: {class: contact, action: partial, keep_last: 2}
  iban: {class: financial, action: redact}
  notes: {class: free_text, action: detect}
unclassified: redact
"""


class BlindScanner:
    """Finds nothing in the standard mode and one weak span in strict mode: the own values must do the rest."""

    def __init__(self, weak: str = "") -> None:
        self._weak = weak

    def scan_batch(self, texts: Sequence[str]) -> list[TextScan]:
        out = []
        for text in texts:
            at = text.find(self._weak) if self._weak else -1
            strict = (Span(at, at + len(self._weak), "LOCATION", 0.25),) if at >= 0 else None
            out.append(TextScan(spans=(), strict_spans=strict))
        return out


def _views(record: dict, scanner: BlindScanner) -> dict:
    masker = DatasetMasker(parse_rules(RULES), KEYRING, sample=record, scanner=scanner)
    [outcome] = masker.mask_batch([record])
    assert outcome.failure is None
    assert outcome.views is not None
    return outcome.views


def test_notes_quoting_the_records_values_are_masked_for_who_may_not_see_them() -> None:
    record = {
        "name": "Jana van Dijk",
        "phone": "+31 6 12345678",
        "iban": "NL91ABNA0417164300",
        "notes": "jana called from 06-12345678; refund to NL91 ABNA 0417 1643 00 (Van Dijk)",
    }
    views = _views(record, BlindScanner())
    analytics = views["analytics"]["notes"]
    assert analytics == "<PERSON> called from <PHONE_NUMBER>; refund to <IBAN_CODE> (<PERSON>)"
    # Support is cleared for contact: it reads the name and phone, never the IBAN (financial).
    assert views["support"]["notes"] == "jana called from 06-12345678; refund to <IBAN_CODE> (Van Dijk)"


def test_strict_mode_masks_the_weak_spans_the_standard_mode_passes() -> None:
    record = {"name": "Jana van Dijk", "phone": "+31 6 12345678", "iban": "", "notes": "seen in Utrecht today"}
    views = _views(record, BlindScanner(weak="Utrecht"))
    assert views["analytics"]["notes"] == "seen in Utrecht today"
    assert views["analytics_strict"]["notes"] == "seen in <LOCATION> today"


def test_strict_is_validated_and_absent_mode_keeps_old_digests() -> None:
    with pytest.raises(Exception, match="detection"):
        parse_rules(RULES.replace("detection: strict", "detection: paranoid"))
    plain = parse_rules(RULES.replace(", detection: strict", ""))
    assert "detection" not in plain.model_dump(exclude_none=True)["audiences"]["analytics"]
