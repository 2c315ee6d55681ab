"""``PresidioScanner``: batch PII detection on Presidio's recognizers and spaCy NER, fail-closed.

Per batch: texts over the size budget fail at once; repeats come from the cache; the rest are normalized
(normalize.py: spans map back to the original), read by the NER pipeline of their language with
``nlp.pipe`` (only the NER component; with the English pipelines, only texts the prefilter lets through) and
by the regex and lexicon recognizers (only those whose cheap gate the text passes). The names and places found
are weighed against the lexicons and the sentence (span_weighing.py, span_context.py): things, offices and towns
that place no one are dropped, and so is what the learned model reads as a thing (a brand, a product, a storm)
wherever a name list saw a name. Spans are kept per mode: the standard entities at the standard threshold, and
for strict mode every entity at the strict threshold; overlaps merged. One text's failure or a blown time
budget marks that text failed, never the batch, and never lets a text out unscanned. Error strings are fixed
codes: they never contain the text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence

from spacy.language import Language

from streamguard.core.errors import DetectionError
from streamguard.masking.detection import Span, TextScan
from streamguard.masking.detection.cache import ScanCache
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.cue_words import PERSON_CUES
from streamguard.masking.detection.language import DEFAULT_LANGUAGE, language_of
from streamguard.masking.detection.lexicon import load_lexicon
from streamguard.masking.detection.ner import (
    THING,
    entity_spans,
    learned_entity_spans,
    load_learned_pipeline,
    load_ner_pipeline,
)
from streamguard.masking.detection.normalize import NormalizedText, normalize
from streamguard.masking.detection.patterns import ContextBooster
from streamguard.masking.detection.prefilter import needs_ner
from streamguard.masking.detection.recognizers import ContextualRecognizer, build_recognizers
from streamguard.masking.detection.recognizers.field_value_recognizer import table_header_rows
from streamguard.masking.detection.recognizers.iban_recognizer import iban_shaped
from streamguard.masking.detection.span_context import repeated_mentions
from streamguard.masking.detection.span_weighing import SpanWeigher, names_a_thing, not_things, within
from streamguard.masking.spans import resolve_overlaps

__all__ = ["DETECTOR_FAILED", "DETECTOR_TIMEOUT", "TEXT_TOO_LARGE", "PresidioScanner", "build_default_scanner"]

log = logging.getLogger(__name__)

DETECTOR_FAILED = "detector_failed"
DETECTOR_TIMEOUT = "detector_timeout"
TEXT_TOO_LARGE = "text_too_large"
# The best an NER span scores when the English model reads a language it was not trained on: under the
# standard threshold, over the strict one. Lexicon, title and cue evidence still reach the standard bar.
FOREIGN_NER_SCORE = 0.35
# A cue lifts what the model read ("Kind regards, [Customer Care]") but never to 1, the score of a value a field
# vouches for: a cued span is still checked for being a thing, an office or a town that places no one.
CUED_NER_CEILING = 0.95
# Kinds of number never found inside something written like an IBAN: the IBAN's checksum decides what that is.
NUMBERS_NOT_IN_AN_IBAN = frozenset({"PHONE_NUMBER", "CREDIT_CARD", "US_SSN"})


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
        # The prefilter is the English pipelines' (they anchor names on capitals); the learned model was trained
        # on lower-case chat and transcripts too, so it reads every text.
        self._prefilter = config.ner_prefilter and not self._learned
        if self._learned and self._labels:
            self._labels[THING] = THING  # no personal data: overrules the name lists where they overlap
        if self._labels and nlp is None:
            raise DetectionError("NER entities are enabled but no spaCy pipeline was given")
        self._recognizers = tuple(recognizers)
        # Cues before ("Thanks Anna") or just after ("Anna here") a name lift the weak NER cases.
        self._person_cues = ContextBooster(
            PERSON_CUES, config.context_boost, before=24, after=8, ceiling=CUED_NER_CEILING
        )
        self._cache = ScanCache(config.cache_size)
        self._weigher = SpanWeigher(load_lexicon(), config) if config.name_evidence else None
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
        things = [s for s in ner_spans if s.entity_type == THING]
        try:
            ner = [self._weigh_ner(text, s) for s in ner_spans if s.entity_type != THING]
            spans = ner + self._regex_spans(text)
            spans = not_things(text, spans, things) if self._weigher and things else spans
            numbers = any(s.entity_type in NUMBERS_NOT_IN_AN_IBAN for s in spans)
            ibans = iban_shaped(text, self.config.regex_timeout_s) if numbers else []
        except Exception:  # a recognizer bug or a regex timeout: fail this text closed
            log.warning("regex recognizer failed; text failed closed", exc_info=True)
            return TextScan(error=DETECTOR_FAILED)
        config = self.config
        headers = table_header_rows(text) if "\n" in text else []
        spans = [
            s
            for s in spans
            if s.score >= config.floor_threshold
            and not names_a_thing(text, s)
            and not within(s, headers)
            and not (s.entity_type in NUMBERS_NOT_IN_AN_IBAN and within(s, ibans))
        ]
        spans = self._weigher.placed_towns(text, spans) if self._weigher else spans
        spans += repeated_mentions(text, spans, config.score_threshold)
        spans = [normalized.to_original(s) for s in spans]
        standard = resolve_overlaps(
            [s for s in spans if s.score >= config.score_threshold and s.entity_type in config.entities]
        )
        strict = resolve_overlaps([s for s in spans if s.score >= config.strict_score_threshold])
        return TextScan(spans=standard, strict_spans=None if strict == standard else strict)

    def _weigh_ner(self, text: str, span: Span) -> Span:
        if self._weigher is None:
            return self._person_cues.apply(text, span)
        return self._weigher.no_thing(text, self._person_cues.apply(text, self._weigher.checked_person(text, span)))

    def _regex_spans(self, text: str) -> list[Span]:
        """Every recognizer's spans; names from rules weighed like the model's (``_no_thing``), except those a
        field vouches for ("cognome;..." over "Cattaneo")."""
        spans: list[Span] = []
        for entry in self._recognizers:
            if entry.recognizer.applies_to(text):
                found = [entry.booster.apply(text, s) for s in entry.recognizer.find(text)]
                vouched = getattr(entry.recognizer, "vouches_by_field", False)
                spans.extend(
                    found if vouched or not self._weigher else [self._weigher.no_thing(text, s) for s in found]
                )
        return spans

    def _ner_spans(self, texts: Sequence[str], deadline: float) -> list[list[Span] | str]:
        """Per text: its NER spans, or an error code. Each text is read by its language's pipeline."""
        found: list[list[Span] | str] = [[] for _ in texts]
        if not self._labels:
            return found
        todo = [i for i, t in enumerate(texts) if not self._prefilter or needs_ner(t)]
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
