"""``PresidioScanner``: batch PII detection on Presidio's recognizers and spaCy NER, fail-closed.

Per batch: texts over the size budget fail at once; repeats come from the cache; the rest run through
NER with ``nlp.pipe`` (only texts the prefilter lets through, only the NER component) and through the
regex recognizers (only those whose cheap gate the text passes). Spans under the threshold are dropped,
overlaps merged. One text's failure or a blown time budget marks that text failed, never the batch,
and never lets a text out unscanned. Error strings are fixed codes: they never contain the text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from spacy.language import Language

from streamguard.core.errors import DetectionError
from streamguard.masking.detection import Span, TextScan
from streamguard.masking.detection.cache import ScanCache
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.ner import PERSON_CUES, entity_spans, load_ner_pipeline
from streamguard.masking.detection.patterns import ContextBooster, resolve_overlaps
from streamguard.masking.detection.prefilter import needs_ner
from streamguard.masking.detection.recognizers import ContextualRecognizer, build_recognizers

__all__ = ["DETECTOR_FAILED", "DETECTOR_TIMEOUT", "TEXT_TOO_LARGE", "PresidioScanner", "build_default_scanner"]

log = logging.getLogger(__name__)

DETECTOR_FAILED = "detector_failed"
DETECTOR_TIMEOUT = "detector_timeout"
TEXT_TOO_LARGE = "text_too_large"


class PresidioScanner:
    """Implements ``TextScanner``. Built once (model and recognizers injected), then called per batch."""

    def __init__(
        self,
        config: DetectionConfig,
        nlp: Language | None,
        recognizers: Sequence[ContextualRecognizer],
    ) -> None:
        self.config = config
        self._nlp = nlp
        self._labels = config.ner_labels()
        if self._labels and nlp is None:
            raise DetectionError("NER entities are enabled but no spaCy pipeline was given")
        self._recognizers = tuple(recognizers)
        # Cues before ("Thanks Anna") or just after ("Anna here") a name lift the weak NER cases.
        self._person_cues = ContextBooster(PERSON_CUES, config.context_boost, before=24, after=8)
        self._cache = ScanCache(config.cache_size)
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
        ner = self._ner_spans(texts, deadline)
        out: list[TextScan] = []
        for text, found in zip(texts, ner, strict=True):
            if isinstance(found, str):
                out.append(TextScan(error=found))
            elif time.monotonic() > deadline:
                out.append(TextScan(error=DETECTOR_TIMEOUT))
            else:
                out.append(self._finish(text, found))
        return out

    def _finish(self, text: str, ner_spans: list[Span]) -> TextScan:
        try:
            spans = [self._person_cues.apply(text, s) for s in ner_spans] + self._regex_spans(text)
        except Exception:  # a recognizer bug or a regex timeout: fail this text closed
            log.warning("regex recognizer failed; text failed closed", exc_info=True)
            return TextScan(error=DETECTOR_FAILED)
        kept = [s for s in spans if s.score >= self.config.score_threshold]
        return TextScan(spans=resolve_overlaps(kept))

    def _regex_spans(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for entry in self._recognizers:
            if entry.recognizer.applies_to(text):
                spans.extend(entry.booster.apply(text, s) for s in entry.recognizer.find(text))
        return spans

    def _ner_spans(self, texts: Sequence[str], deadline: float) -> list[list[Span] | str]:
        """Per text: its NER spans, or an error code."""
        found: list[list[Span] | str] = [[] for _ in texts]
        if not self._labels:
            return found
        todo = [i for i, t in enumerate(texts) if not self.config.ner_prefilter or needs_ner(t)]
        self.ner_skipped += len(texts) - len(todo)
        size = self.config.nlp_batch_size
        for offset in range(0, len(todo), size):
            chunk = todo[offset : offset + size]
            if time.monotonic() > deadline:
                for i in todo[offset:]:
                    found[i] = DETECTOR_TIMEOUT
                break
            for i, spans in zip(chunk, self._ner_chunk([texts[i] for i in chunk]), strict=True):
                found[i] = spans
        return found

    def _ner_chunk(self, chunk: list[str]) -> list[list[Span] | str]:
        assert self._nlp is not None
        try:
            return [entity_spans(doc, self._labels) for doc in self._nlp.pipe(chunk, batch_size=len(chunk))]
        except Exception:  # isolate the text that broke the batch; the others still get scanned
            log.warning("NER failed on a batch; retrying text by text", exc_info=True)
            return [self._ner_one(text) for text in chunk]

    def _ner_one(self, text: str) -> list[Span] | str:
        assert self._nlp is not None
        try:
            return entity_spans(self._nlp(text), self._labels)
        except Exception:
            log.warning("NER failed on a text; failed closed", exc_info=True)
            return DETECTOR_FAILED


def build_default_scanner(config: DetectionConfig | None = None) -> PresidioScanner:
    """Load the installed spaCy model and the recognizer registry; start the process pool if asked."""
    config = config or DetectionConfig()
    nlp = load_ner_pipeline(config.spacy_model) if config.ner_labels() else None
    scanner = PresidioScanner(config, nlp, build_recognizers(config))
    if config.workers > 1:
        from streamguard.masking.detection.pool import ScanPool  # imported lazily: most callers scan in-process

        scanner.attach_pool(ScanPool(config))
    return scanner
