"""``PresidioScanner``: batch PII detection on Presidio's recognizers and spaCy NER, fail-closed.

Per batch: texts over the size budget fail at once; repeats come from the cache; the rest are normalized
(normalize.py: spans map back to the original), read by the NER pipeline of their language with
``nlp.pipe`` (only texts the prefilter lets through, only the NER component) and by the regex and lexicon
recognizers (only those whose cheap gate the text passes). Person spans the sentence shows to be a company
or a product, and places that are offices, are dropped (span_context.py). Spans are kept per mode: the
standard entities at the standard threshold, and for strict mode every entity at the strict threshold;
overlaps merged. One text's failure or a blown time budget marks that text failed, never the batch, and never
lets a text out unscanned. Error strings are fixed codes: they never contain the text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence

import regex
from spacy.language import Language

from streamguard.core.errors import DetectionError
from streamguard.masking.detection import Span, TextScan
from streamguard.masking.detection.cache import ScanCache
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.cue_words import GREETING_BEFORE, PERSON_CUES, TITLE_BEFORE
from streamguard.masking.detection.language import DEFAULT_LANGUAGE, language_of
from streamguard.masking.detection.lexicon import ORDINARY_NAMES, Lexicon, load_lexicon, thing_key
from streamguard.masking.detection.ner import (
    NER_SCORE,
    entity_spans,
    learned_entity_spans,
    load_learned_pipeline,
    load_ner_pipeline,
    starts_a_sentence,
)
from streamguard.masking.detection.normalize import NormalizedText, normalize
from streamguard.masking.detection.patterns import ContextBooster
from streamguard.masking.detection.prefilter import needs_ner
from streamguard.masking.detection.recognizers import ContextualRecognizer, build_recognizers
from streamguard.masking.detection.recognizers.field_value_recognizer import table_header_rows
from streamguard.masking.detection.span_context import (
    VENUE_TAIL,
    is_company_or_product,
    is_institution,
    is_workplace,
    places_a_person,
    repeated_mentions,
)
from streamguard.masking.spans import resolve_overlaps

__all__ = ["DETECTOR_FAILED", "DETECTOR_TIMEOUT", "TEXT_TOO_LARGE", "PresidioScanner", "build_default_scanner"]

log = logging.getLogger(__name__)

DETECTOR_FAILED = "detector_failed"
DETECTOR_TIMEOUT = "detector_timeout"
TEXT_TOO_LARGE = "text_too_large"
# The best an NER span scores when the English model reads a language it was not trained on: under the
# standard threshold, over the strict one. Lexicon, title and cue evidence still reach the standard bar.
FOREIGN_NER_SCORE = 0.35
STRICT_ONLY_SCORE = 0.35  # over the strict bar, under the standard one
NO_EVIDENCE_SCORE = 0.1  # under every mode's bar


class PresidioScanner:
    """Implements ``TextScanner``. Built once (model and recognizers injected), then called per batch."""

    def __init__(
        self,
        config: DetectionConfig,
        nlp: Language | None,
        recognizers: Sequence[ContextualRecognizer],
        language_pipelines: Mapping[str, Language] | None = None,
    ) -> None:
        """``nlp`` reads English and every language without a pipeline of its own in ``language_pipelines``
        (with ``config.learned_model``, ``nlp`` is streamguard's own model and reads every language)."""
        self.config = config
        self._nlp = nlp
        self._pipelines = dict(language_pipelines or {})
        self._learned = config.learned_model
        self._read_entities = learned_entity_spans if self._learned else entity_spans
        self._labels = config.ner_labels()
        if self._labels and nlp is None:
            raise DetectionError("NER entities are enabled but no spaCy pipeline was given")
        self._recognizers = tuple(recognizers)
        # Cues before ("Thanks Anna") or just after ("Anna here") a name lift the weak NER cases.
        self._person_cues = ContextBooster(PERSON_CUES, config.context_boost, before=24, after=8)
        self._cache = ScanCache(config.cache_size)
        self._lexicon = load_lexicon() if config.name_evidence else None
        self._pool = None  # set by build_default_scanner when config.workers > 1
        self.ner_skipped = 0

    def scan_batch(self, texts: Sequence[str]) -> list[TextScan]:
        deadline = time.monotonic() + self.config.budget_s(len(texts))
        results: list[TextScan | None] = [None] * len(texts)
        pending: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            early = self._early_outcome(text)
            if early is not None:
                results[i] = early
            else:
                pending.setdefault(text, []).append(i)
        unique = list(pending)
        for text, scan in zip(unique, self._scan_unique(unique, deadline), strict=True):
            self._cache.put(text, scan)
            for i in pending[text]:
                results[i] = scan
        return [r if r is not None else TextScan(error=DETECTOR_FAILED) for r in results]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    @property
    def cache(self) -> ScanCache:
        return self._cache

    def attach_pool(self, pool: object) -> None:
        self._pool = pool

    def _early_outcome(self, text: object) -> TextScan | None:
        if not isinstance(text, str):
            return TextScan(error=DETECTOR_FAILED)
        if len(text) > self.config.max_text_chars:
            return TextScan(error=TEXT_TOO_LARGE)
        if not text.strip():
            return TextScan()
        return self._cache.get(text)

    def _scan_unique(self, texts: list[str], deadline: float) -> list[TextScan]:
        if self._pool is not None and len(texts) >= self.config.pool_min_batch:
            return self._pool.scan(texts, deadline)
        return self.scan_until(texts, deadline)

    def scan_until(self, texts: Sequence[str], deadline: float) -> list[TextScan]:
        """Scan in this process; texts not reached before ``deadline`` fail with ``detector_timeout``."""
        normalized = [normalize(text) for text in texts]
        ner = self._ner_spans([n.text for n in normalized], deadline)
        out: list[TextScan] = []
        for text, found in zip(normalized, ner, strict=True):
            if isinstance(found, str):
                out.append(TextScan(error=found))
            elif time.monotonic() > deadline:
                out.append(TextScan(error=DETECTOR_TIMEOUT))
            else:
                out.append(self._finish(text, found))
        return out

    def _finish(self, normalized: NormalizedText, ner_spans: list[Span]) -> TextScan:
        text = normalized.text
        try:
            ner = [
                self._no_thing(text, self._person_cues.apply(text, self._checked_person(text, s))) for s in ner_spans
            ]
            spans = ner + self._regex_spans(text)
        except Exception:  # a recognizer bug or a regex timeout: fail this text closed
            log.warning("regex recognizer failed; text failed closed", exc_info=True)
            return TextScan(error=DETECTOR_FAILED)
        config = self.config
        headers = table_header_rows(text) if "\n" in text else []
        spans = [
            s
            for s in spans
            if s.score >= config.floor_threshold and not _names_a_thing(text, s) and not _within(s, headers)
        ]
        spans = self._placed_towns(text, spans)
        spans += repeated_mentions(text, spans, config.score_threshold)
        spans = [normalized.to_original(s) for s in spans]
        standard = resolve_overlaps(
            [s for s in spans if s.score >= config.score_threshold and s.entity_type in config.entities]
        )
        strict = resolve_overlaps([s for s in spans if s.score >= config.strict_score_threshold])
        return TextScan(spans=standard, strict_spans=None if strict == standard else strict)

    def _no_thing(self, text: str, span: Span) -> Span:
        """A person, from the model or the name rules, that is a known thing ("Hugo Boss", "Sciarpa Christian
        Louboutin") or nothing but everyday words with no common given name ("Bug", "Das Release-Team", "EAN") is
        no person, nor is a country or a nationality ("Belgium"), whatever cue comes before it ("Dear Customer
        Care Team"), unless a title does ("Ms Sola"). Nor is a place made of everyday words ("kasse", "Reduktion")."""
        if span.entity_type not in ("PERSON", "LOCATION") or not self._learned:
            return span
        if TITLE_BEFORE.search(text[max(0, span.start - 28) : span.start]):
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
        assert self._lexicon is not None
        lexicon = self._lexicon
        return any(lexicon.is_people(w) for w in words) and all(
            lexicon.is_people(w) or lexicon.is_everyday(w) for w in words
        )

    def _a_known_thing(self, value: str) -> bool:
        """A known thing's name, with nothing around it in the span but everyday words ("Wollen jas Ralph Lauren")."""
        assert self._lexicon is not None
        words = thing_key(value).split()
        found = self._lexicon.thing_within(words)
        if found is None:
            return False
        rest = words[: found[0]] + words[found[1] :]
        return all(self._lexicon.is_everyday(w) or self._lexicon.is_people(w) for w in rest)

    def _everyday(self, value: str) -> bool:
        assert self._lexicon is not None
        words = value.replace("-", " ").split()
        return all(self._lexicon.is_everyday(w) for w in words)

    def _checked_person(self, text: str, span: Span) -> Span:
        """NER's people and places weighed against the lexicons: a place is one GeoNames knows; a multi-word
        person none of whose words is a known given name or surname ("Photon Pro") keeps only a weak score (a
        person cue nearby lifts it); a weaker guess without that support ("Pueden", "Nutzer" from the English
        model reading Spanish or German) is dropped even in strict mode."""
        if self._lexicon is None or span.entity_type not in ("PERSON", "LOCATION"):
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
        assert self._lexicon is not None
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
            and not GREETING_BEFORE.search(text[max(0, span.start - 28) : span.start])
        ):
            return Span(span.start, span.end, "LOCATION", span.score)  # "Brussels", "Lisboa": a place first
        if len(words) == 1 and starts_a_sentence(text, span.start) and not self._lexicon.is_common_first_name(value):
            following = text[span.end : span.end + 2].strip()[:1]
            if following.islower() or following.isdigit():
                return _rescored(span, STRICT_ONLY_SCORE)
        if len(words) == 1 and not self._lexicon.is_first_name(value):
            # One word that is no given name ("Hofer", "Junghans", "Inditex"): a brand as often as a surname on its
            # own; a title or a cue nearby lifts it ("Frau Hofer", "Thanks, Hofer").
            return _rescored(span, STRICT_ONLY_SCORE)
        if any(self._lexicon.is_first_name(w) or self._lexicon.is_surname(w) for w in words):
            return span
        return _rescored(span, STRICT_ONLY_SCORE)

    def _without_leading_words(self, text: str, span: Span) -> Span:
        """A learned person that opens with everyday words that are no given name is read without them:
        "Contrato Kühne" as "Kühne", "Servicecentrum Tilburg" as "Tilburg" (then weighed on its own)."""
        assert self._lexicon is not None
        if span.entity_type != "PERSON":
            return span
        start = span.start
        for word in regex.finditer(r"\S+", text[span.start : span.end]):
            if word.end() == span.end - span.start:
                break  # the last word stays: the span is weighed as it is
            lower = word.group().lower()
            if lower in _NAME_PARTICLES or lower in ORDINARY_NAMES or not self._lexicon.is_everyday(word.group()):
                break
            start = span.start + regex.match(r"\S+\s+", text[span.start + word.start() :]).end() + word.start()
        return span if start == span.start else Span(start, span.end, span.entity_type, span.score)

    def _placed_towns(self, text: str, spans: list[Span]) -> list[Span]:
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
        assert self._lexicon is not None
        return self._lexicon.is_city(" ".join(words)) or self._lexicon.is_city(words[-1])

    def _regex_spans(self, text: str) -> list[Span]:
        """Every recognizer's spans; names from rules weighed like the model's (``_no_thing``), except those a
        field vouches for ("cognome;..." over "Cattaneo")."""
        spans: list[Span] = []
        for entry in self._recognizers:
            if entry.recognizer.applies_to(text):
                found = [entry.booster.apply(text, s) for s in entry.recognizer.find(text)]
                vouched = getattr(entry.recognizer, "vouches_by_field", False)
                spans.extend(found if vouched else [self._no_thing(text, s) for s in found])
        return spans

    def _ner_spans(self, texts: Sequence[str], deadline: float) -> list[list[Span] | str]:
        """Per text: its NER spans, or an error code. Each text is read by its language's pipeline."""
        found: list[list[Span] | str] = [[] for _ in texts]
        if not self._labels:
            return found
        todo = [i for i, t in enumerate(texts) if not self.config.ner_prefilter or needs_ner(t)]
        self.ner_skipped += len(texts) - len(todo)
        by_language: dict[str, list[int]] = {}
        for i in todo:
            language = language_of(texts[i]) if self.config.detect_language and not self._learned else DEFAULT_LANGUAGE
            by_language.setdefault(language, []).append(i)
        size = self.config.nlp_batch_size
        for language, indices in by_language.items():
            nlp = self._pipelines.get(language, self._nlp)
            # The English model reading German, Spanish, Italian or Dutch guesses: its spans need support.
            cap = 1.0 if language == DEFAULT_LANGUAGE or language in self._pipelines else FOREIGN_NER_SCORE
            for offset in range(0, len(indices), size):
                chunk = indices[offset : offset + size]
                if time.monotonic() > deadline:
                    for i in chunk:
                        found[i] = DETECTOR_TIMEOUT
                    continue
                for i, spans in zip(chunk, self._ner_chunk(nlp, [texts[i] for i in chunk]), strict=True):
                    found[i] = spans if isinstance(spans, str) else [_capped(span, cap) for span in spans]
        return found

    def _ner_chunk(self, nlp: Language | None, chunk: list[str]) -> list[list[Span] | str]:
        assert nlp is not None
        try:
            return [self._read_entities(doc, self._labels) for doc in nlp.pipe(chunk, batch_size=len(chunk))]
        except Exception:  # isolate the text that broke the batch; the others still get scanned
            log.warning("NER failed on a batch; retrying text by text", exc_info=True)
            return [self._ner_one(nlp, text) for text in chunk]

    def _ner_one(self, nlp: Language, text: str) -> list[Span] | str:
        try:
            return self._read_entities(nlp(text), self._labels)
        except Exception:
            log.warning("NER failed on a text; failed closed", exc_info=True)
            return DETECTOR_FAILED


def _names_a_thing(text: str, span: Span) -> bool:
    """A person span the sentence shows to be a company or a product, a place that is an office."""
    if span.score >= 1.0:
        return False
    if span.entity_type == "PERSON":
        return is_company_or_product(text, span.start, span.end) or is_workplace(text, span.start, span.end)
    return span.entity_type == "LOCATION" and (
        is_workplace(text, span.start, span.end) or is_institution(text, span.start, span.end)
    )


_NAME_PARTICLES = frozenset({"de", "la", "le", "du", "del", "della", "di", "da", "dos", "van", "von", "der", "den"})
# A saint names a feast, a church, a station or a town, not a customer: "San Silvestro", "St Pancras", "Sint-Jan".
_SAINT = regex.compile(r"^(?:San|Santa|Santo|Sant'|Sankt|St\.?|Ste\.?|Saint|Sainte|Sint|São)[ '-]?\p{Lu}")


def _short_capitals(value: str, lexicon: Lexicon) -> bool:
    """An abbreviation ("EAN", "VAT", "IVA"), not a name written in capitals ("ANNA")."""
    return len(value) <= 4 and value.isupper() and not lexicon.is_common_first_name(value)


def _within(span: Span, rows: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in rows)


def _rescored(span: Span, score: float) -> Span:
    return Span(span.start, span.end, span.entity_type, min(span.score, score))


def _capped(span: Span, cap: float) -> Span:
    return span if span.score <= cap else Span(span.start, span.end, span.entity_type, cap)


def load_pipelines(config: DetectionConfig) -> tuple[Language | None, dict[str, Language]]:
    """The NER pipelines ``config`` asks for: the default one, and those of the languages that have their own."""
    if not config.ner_labels():
        return None, {}
    if config.learned_model:
        return load_learned_pipeline(), {}
    languages = {language: load_ner_pipeline(model) for language, model in config.language_models.items()}
    return load_ner_pipeline(config.spacy_model), languages


def build_default_scanner(config: DetectionConfig | None = None) -> PresidioScanner:
    """Load the installed spaCy model and the recognizer registry; start the process pool if asked."""
    config = config or DetectionConfig()
    nlp, pipelines = load_pipelines(config)
    scanner = PresidioScanner(config, nlp, build_recognizers(config), pipelines)
    if config.workers > 1:
        from streamguard.masking.detection.pool import ScanPool  # imported lazily: most callers scan in-process

        scanner.attach_pool(ScanPool(config))
    return scanner
