"""The worker's view of the rules: the latest version per dataset, and a processor compiled for it.

The rules watcher (event-loop thread) feeds ``apply``; the data path (its own thread) asks ``processor_for``.
A lock guards the swap; compiling happens on the data path's thread, on first use of a new version.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from agents.kafka_rules import RuleSetRecord
from agents.kafka_schemas import SchemaCatalog
from agents.processor import DatasetProcessor
from app.errors import StreamguardError
from app.kafka_config import TopicNames
from masking.detection import TextScanner
from masking.keys import Keyring
from masking.rules import Rules

log = logging.getLogger(__name__)


def needs_detection(rules: Rules) -> bool:
    return rules.unclassified == "detect" or any(f.effective_action == "detect" for f in rules.fields.values())


@dataclass(frozen=True)
class _Active:
    record: RuleSetRecord
    rules: Rules


class RulesRegistry:
    """Latest valid rules per dataset, shared between the rules watcher and the data path."""

    def __init__(
        self,
        names: TopicNames,
        catalog: SchemaCatalog,
        keyring: Keyring,
        scanner_factory: Callable[[], TextScanner],
        worker_id: str,
    ) -> None:
        self.names = names
        self.ready = threading.Event()  # set once the whole rule history has been read
        self._catalog = catalog
        self._keyring = keyring
        self._scanner_factory = scanner_factory
        self._scanner: TextScanner | None = None
        self._worker_id = worker_id
        self._active: dict[str, _Active] = {}
        self._processors: dict[str, DatasetProcessor] = {}
        self._lock = threading.Lock()

    def apply(self, record: RuleSetRecord) -> None:
        """Take a newly read version; an invalid one is logged and the previous version stays in force."""
        self._catalog.register(record)
        try:
            rules = record.rules()
        except StreamguardError as error:
            log.error("ignoring rules %s: %s", record.key, error)
            return
        with self._lock:
            current = self._active.get(record.dataset)
            if current is None or record.version > current.record.version:
                self._active[record.dataset] = _Active(record, rules)
                log.info("rules %s (digest %s) in force", record.key, record.digest[:12])

    def raw_topics(self) -> list[str]:
        with self._lock:
            return sorted(self.names.raw(dataset) for dataset in self._active)

    def audiences(self, raw_topic: str) -> list[str]:
        dataset = self.names.dataset_of(raw_topic)
        with self._lock:
            active = self._active.get(dataset) if dataset else None
        return list(active.rules.audiences) if active else []

    def versions(self) -> dict[str, int]:
        with self._lock:
            return {dataset: active.record.version for dataset, active in self._active.items()}

    def processor_for(self, raw_topic: str) -> DatasetProcessor | None:
        """The processor of the dataset's latest rules (compiled on first use); None if it has no rules."""
        dataset = self.names.dataset_of(raw_topic)
        with self._lock:
            active = self._active.get(dataset) if dataset else None
        if active is None:
            return None
        processor = self._processors.get(active.record.dataset)
        if processor is None or processor.rule_version != active.record.version:
            processor = self._compile(active)
            self._processors[active.record.dataset] = processor
        return processor

    def _compile(self, active: _Active) -> DatasetProcessor:
        if needs_detection(active.rules) and self._scanner is None:
            self._scanner = self._scanner_factory()
        return DatasetProcessor(
            active.rules,
            active.record.version,
            self._keyring,
            self.names,
            self._catalog,
            self._scanner,
            self._worker_id,
            self._producer_key,
        )

    def _producer_key(self, identity: str) -> bytes | None:
        try:
            return self._keyring.key(f"producer:{identity}")
        except StreamguardError:
            return None
