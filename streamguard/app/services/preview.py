"""A steward's preview: sample records masked as each audience would see them, with a throwaway key.

Both doors use it: ``streamguard mask`` (JSON lines from stdin) and the console's dataset page (one pasted
record). Nothing of a sample is stored or logged; problems name the line and the field path, never a value.
The key is ephemeral, so preview tokens differ from production ones and cannot be linked to them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from streamguard.core.errors import DetectionError, StreamguardError
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.masking.avro_json import record_from_json, to_json_value
from streamguard.masking.keys import Keyring
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rule_versions import recorded_schema, rules_of
from streamguard.masking.rules import Rules
from streamguard.masking.schema_tree import Node
from streamguard.masking.writer_schemas import WriterSchema, fits, tree_of

MAX_SAMPLE_BYTES = 64 * 1024  # a pasted record, not a file


def _default_scanner() -> Any:
    """The real free-text scanner; imported only when a sample actually has text to scan (it loads spaCy)."""
    from streamguard.masking.detection.presidio_scanner import build_default_scanner

    return build_default_scanner()


class LazyScanner:
    """A TextScanner that builds the real one on first use, so rules without free text never load NLP."""

    def __init__(self, factory: Callable[[], Any] = _default_scanner) -> None:
        self._factory = factory
        self._scanner: Any = None

    def scan_batch(self, texts: Sequence[str]) -> list[Any]:
        if self._scanner is None:
            try:
                self._scanner = self._factory()
            except ImportError as error:
                raise DetectionError(f"free-text scanner unavailable ({error.name})") from None
        return self._scanner.scan_batch(texts)


SHARED_SCANNER = LazyScanner()  # for a server's previews: spaCy loads once per process, on the first free text


@dataclass(frozen=True)
class AudienceView:
    """One audience's view of the sample as JSON text, or why the record would be quarantined."""

    audience: str
    view_json: str | None
    problem: str | None = None


class SampleMasker:
    """Masks samples under one rules version for every audience."""

    def __init__(self, rules: Rules, schema: WriterSchema | None, scanner: Any, keys: Keyring | None = None) -> None:
        self.rules = rules
        self.schema = schema
        self.tree: Node | None = tree_of(schema, rules.message) if schema is not None else None
        self._masker = DatasetMasker(rules, keys or Keyring.ephemeral(), schema=schema, scanner=scanner)

    @classmethod
    def for_version(cls, record: RuleSetRecord, scanner: Any) -> SampleMasker:
        return cls(rules_of(record), recorded_schema(record), scanner)

    def parse(self, text: str) -> tuple[Any, str | None]:
        """The record of one JSON text, or why it cannot be used (never quoting it)."""
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            return None, f"not valid JSON (line {error.lineno}, column {error.colno})"
        if value is not None and not isinstance(value, dict):
            return None, "expected a JSON object"
        if self.tree is None or value is None:
            return value, None
        try:
            record = record_from_json(self.tree, value)
        except StreamguardError as error:
            return None, str(error)
        if self.schema is not None and not fits(self.schema, record, self.rules.message):
            return None, "record does not match the schema"
        return record, None

    def mask(self, records: list[Any]) -> list[Any]:
        """The masker's outcomes, one per record, in order."""
        return self._masker.mask_batch(records)

    def views(self, text: str) -> list[AudienceView]:
        """Every audience's view of one sample record, or for each the reason there is none."""
        if len(text.encode()) > MAX_SAMPLE_BYTES:
            return self._none_for_all(f"sample larger than {MAX_SAMPLE_BYTES} bytes")
        record, problem = self.parse(text)
        if problem is not None:
            return self._none_for_all(problem)
        outcome = self.mask([record])[0]
        if outcome.failed:
            return self._none_for_all(f"quarantined: {outcome.failure}")
        return [
            AudienceView(audience, json.dumps(view, default=to_json_value, ensure_ascii=False, indent=2))
            for audience, view in outcome.views.items()
        ]

    def _none_for_all(self, problem: str) -> list[AudienceView]:
        return [AudienceView(audience, None, problem) for audience in self.rules.audiences]
