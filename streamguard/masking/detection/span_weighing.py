"""How much a name or a place that NER or a name rule found weighs, against the lexicons and the sentence.

Pure: the lexicons are passed in; nothing here reads a file, a model or the network. The learned model's
spans are weighed where its own evidence is thin (one everyday word, a sentence's first word, a place GeoNames
does not know); every person span, the model's or the name rules', is dropped when it is a known thing, nothing
but everyday words, a country or a people; and a town places someone only in a text that names someone.
"""

from __future__ import annotations

import regex

from streamguard.masking.detection import Span
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.cue_words import GREETING_BEFORE, TITLE_BEFORE
from streamguard.masking.detection.lexicon import ORDINARY_NAMES, Lexicon, thing_key
from streamguard.masking.detection.ner import NAME_PARTICLES, NER_SCORE, starts_a_sentence
from streamguard.masking.detection.span_context import (
    VENUE_TAIL,
    is_company_or_product,
    is_institution,
    is_workplace,
    places_a_person,
)

__all__ = ["NO_EVIDENCE_SCORE", "STRICT_ONLY_SCORE", "SpanWeigher", "names_a_thing", "not_things", "within"]

STRICT_ONLY_SCORE = 0.35  # over the strict bar, under the standard one
NO_EVIDENCE_SCORE = 0.1  # under every mode's bar


class SpanWeigher:
    """The lexicon checks of one scanner's configuration (the learned model's, or the rule-based detector's)."""

    def __init__(self, lexicon: Lexicon, config: DetectionConfig) -> None:
        self._lexicon = lexicon
        self.config = config
        self._learned = config.learned_model

    def no_thing(self, text: str, span: Span) -> Span:
        """A person, from the model or the name rules, that is a known thing ("Hugo Boss", "Sciarpa Christian
        Louboutin") or nothing but everyday words with no common given name ("Bug", "Das Release-Team", "EAN") is
        no person, nor is a country or a nationality ("Belgium"), whatever cue comes before it ("Dear Customer
        Care Team"), unless a title does ("Ms Sola"). Nor is a place made of everyday words ("kasse", "Reduktion")."""
        if span.entity_type not in ("PERSON", "LOCATION") or not self._learned:
            return span
        if _titled(text, span):
            return span
        value = text[span.start : span.end]
        words = value.replace("-", " ").split()
        saint = span.entity_type == "PERSON" and _SAINT.match(value) is not None  # a saint's town is a town
        # "Flanders Expo", "Albert Dock" (but "Anna Park": a given name first)
        venue = VENUE_TAIL.search(value) is not None and not self._lexicon.is_common_first_name(words[0])
        if saint or venue or self._a_known_thing(value) or _short_capitals(value, self._lexicon):
            return _rescored(span, NO_EVIDENCE_SCORE)
        if span.entity_type == "LOCATION" and self._known_place(words):
            return span  # "Zürich", "Reading": a known place before an everyday word
        if self._everyday(value) or self._peoples(words):
            return _rescored(span, NO_EVIDENCE_SCORE)
        return span

    def _peoples(self, words: list[str]) -> bool:
        """A country, a nationality or a language, with nothing but everyday words ("German customers")."""
        lexicon = self._lexicon
        return any(lexicon.is_people(w) for w in words) and all(
            lexicon.is_people(w) or lexicon.is_everyday(w) for w in words
        )

    def _a_known_thing(self, value: str) -> bool:
        """A known thing's name, with nothing around it in the span but everyday words ("Wollen jas Ralph Lauren")."""
        words = thing_key(value).split()
        found = self._lexicon.thing_within(words)
        if found is None:
            return False
        rest = words[: found[0]] + words[found[1] :]
        return all(self._lexicon.is_everyday(w) or self._lexicon.is_people(w) for w in rest)

    def _everyday(self, value: str) -> bool:
        words = value.replace("-", " ").split()
        return all(self._lexicon.is_everyday(w) for w in words)

    def checked_person(self, text: str, span: Span) -> Span:
        """NER's people and places weighed against the lexicons: a place is one GeoNames knows; a multi-word
        person none of whose words is a known given name or surname ("Photon Pro") keeps only a weak score (a
        person cue nearby lifts it); a weaker guess without that support ("Pueden", "Nutzer" from the English
        model reading Spanish or German) is dropped even in strict mode."""
        if span.entity_type not in ("PERSON", "LOCATION"):
            return span
        if self._learned:
            return self._checked_learned(text, span)
        words = text[span.start : span.end].replace("-", " ").split()
        if span.entity_type == "LOCATION":
            return span if self._known_place(words) else _rescored(span, NO_EVIDENCE_SCORE)
        if any(self._lexicon.is_first_name(w) or self._lexicon.is_surname(w) for w in words):
            return span
        return _rescored(span, STRICT_ONLY_SCORE if span.score >= NER_SCORE else NO_EVIDENCE_SCORE)

    def _checked_learned(self, text: str, span: Span) -> Span:
        """The learned model's spans, where its own evidence is thin: one everyday word ("March", "IBAN") is no
        name or place; one capitalised word opening a sentence ("Shipping to our...") is a person only if it is
        a common given name; a place GeoNames does not know, or a person none of whose words the name lists know,
        is masked in strict mode only."""
        span = self._without_leading_words(text, span)
        value = text[span.start : span.end]
        words = value.replace("-", " ").split()
        if len(words) == 1 and self._lexicon.is_ordinary(value):
            return _rescored(span, NO_EVIDENCE_SCORE)
        if self._peoples(words):  # "Belgium", "Reino Unido": no address on its own
            return _rescored(span, STRICT_ONLY_SCORE)
        if span.entity_type == "LOCATION":
            if self._known_place(words):
                return span
            if self._lexicon.is_common_first_name(words[0]):  # "The courier, Ruth, even carried it": a person
                return Span(span.start, span.end, "PERSON", span.score)
            return _rescored(span, STRICT_ONLY_SCORE)
        if (
            self._lexicon.is_city(" ".join(words))
            and not self._lexicon.is_common_first_name(words[0])
            and not GREETING_BEFORE.search(_before(text, span))
        ):
            return Span(span.start, span.end, "LOCATION", span.score)  # "Brussels", "Lisboa": a place first
        if len(words) == 1 and starts_a_sentence(text, span.start) and not self._lexicon.is_common_first_name(value):
            following = text[span.end : span.end + 2].strip()[:1]
            if following.islower() or following.isdigit():
                return _rescored(span, STRICT_ONLY_SCORE)
        if len(words) == 1 and not self._lexicon.is_first_name(value) and not _titled(text, span):
            # One word that is no given name ("Hofer", "Junghans", "Inditex"): a brand as often as a surname on its
            # own; a title before keeps it ("Frau Hofer", "la señora Falcón"), a cue nearby lifts it ("Thanks, Hofer").
            return _rescored(span, STRICT_ONLY_SCORE)
        if any(self._lexicon.is_first_name(w) or self._lexicon.is_surname(w) for w in words):
            return span
        return _rescored(span, STRICT_ONLY_SCORE)

    def _without_leading_words(self, text: str, span: Span) -> Span:
        """A learned person that opens with everyday words that are no given name is read without them:
        "Contrato Kühne" as "Kühne", "Servicecentrum Tilburg" as "Tilburg" (then weighed on its own)."""
        if span.entity_type != "PERSON":
            return span
        start = span.start
        for word in _WORD.finditer(text, span.start, span.end):
            if word.end() == span.end:
                break  # the last word stays: the span is weighed as it is
            lower = word.group().lower()
            if lower in NAME_PARTICLES or lower in ORDINARY_NAMES or not self._lexicon.is_everyday(word.group()):
                break
            start = _WORD_AND_SPACE.match(text, word.start()).end()
        return span if start == span.start else Span(start, span.end, span.entity_type, span.score)

    def placed_towns(self, text: str, spans: list[Span]) -> list[Span]:
        """A town places someone only in a text that names someone ("Shipping to Berlin took 11 days" names no
        one): where only strict mode finds someone, the towns are strict only; where no mode does, they are no
        personal data at all, unless a word of living or moving, or a town field, comes before them
        (span_context)."""
        config = self.config
        someone = [s.score for s in spans if s.entity_type != "LOCATION" and s.entity_type in config.entities]
        if any(score >= config.score_threshold for score in someone):
            return spans
        score = (
            STRICT_ONLY_SCORE if any(score >= config.strict_score_threshold for score in someone) else NO_EVIDENCE_SCORE
        )
        return [
            _rescored(s, score)
            if s.entity_type == "LOCATION" and s.score < 1.0 and not places_a_person(text, s.start)
            else s
            for s in spans
        ]

    def _known_place(self, words: list[str]) -> bool:
        return self._lexicon.is_city(" ".join(words)) or self._lexicon.is_city(words[-1])


def names_a_thing(text: str, span: Span) -> bool:
    """A person span the sentence shows to be a company or a product, a place that is an office."""
    if span.score >= 1.0:
        return False
    if span.entity_type == "PERSON":
        return is_company_or_product(text, span.start, span.end) or is_workplace(text, span.start, span.end)
    return span.entity_type == "LOCATION" and (
        is_workplace(text, span.start, span.end) or is_institution(text, span.start, span.end)
    )


_WORD = regex.compile(r"\S+")
_WORD_AND_SPACE = regex.compile(r"\S+\s+")
# A saint names a feast, a church, a station or a town, not a customer: "San Silvestro", "St Pancras", "Sint-Jan".
_SAINT = regex.compile(r"^(?:San|Santa|Santo|Sant'|Sankt|St\.?|Ste\.?|Saint|Sainte|Sint|São)[ '-]?\p{Lu}")


def _before(text: str, span: Span) -> str:
    """The words just before a span, where a title or a greeting stands."""
    return text[max(0, span.start - 28) : span.start]


def _titled(text: str, span: Span) -> bool:
    return TITLE_BEFORE.search(_before(text, span)) is not None


def _a_thing_holds(text: str, span: Span, thing: Span) -> bool:
    """``thing`` overlaps ``span`` and reaches past it, or ``span`` is one word."""
    if not (thing.start < span.end and span.start < thing.end):
        return False
    return thing.start < span.start or span.end < thing.end or len(text[span.start : span.end].split()) == 1


def _short_capitals(value: str, lexicon: Lexicon) -> bool:
    """An abbreviation ("EAN", "VAT", "IVA"), not a name written in capitals ("ANNA")."""
    return len(value) <= 4 and value.isupper() and not lexicon.is_common_first_name(value)


def not_things(text: str, spans: list[Span], things: list[Span]) -> list[Span]:
    """A person or a place inside what the learned model read as a thing ("Storm [Eunice]", "Rue [Victor Hugo]",
    "[Emma] Chat") is no personal data, whichever recognizer found it, nor is one word the model read as a
    thing ("Aldi", "Ferrari"). Where the model read a whole name of several words as a thing ("Clare Smith"),
    it is as likely to be someone, and the name stays. A title before a name ("Frau Ferrari") or a field that
    vouches for it (a score of 1) keeps it whatever the model read."""
    return [
        _rescored(span, NO_EVIDENCE_SCORE)
        if span.entity_type in ("PERSON", "LOCATION")
        and span.score < 1.0
        and any(_a_thing_holds(text, span, thing) for thing in things)
        and not _titled(text, span)
        else span
        for span in spans
    ]


def within(span: Span, rows: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in rows)


def _rescored(span: Span, score: float) -> Span:
    return Span(span.start, span.end, span.entity_type, min(span.score, score))
