"""The worker's view of the rules: the latest version per dataset, and a processor compiled for it.

The data path's thread feeds ``apply`` from the rules feed and asks ``processor_for``; compiling happens
there, on first use of a new version. The status page reads ``versions`` from the event loop, hence the lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from streamguard.agents.batch import SchemaCatalogPort
from streamguard.agents.processor import DatasetProcessor
from streamguard.core.errors import KeyringError
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.core.topics import TopicNames
from streamguard.masking.detection import TextScanner
from streamguard.masking.keys import Keyring
from streamguard.masking.rule_versions import rules_of
from streamguard.masking.rules import Rules

log = logging.getLogger(__name__)


def needs_detection(rules: Rules) -> bool:
    return rules.unclassified == "detect" or any(f.effective_action == "detect" for f in rules.fields.values())


@dataclass(frozen=True)
class _Active:
    record: RuleSetRecord
    rules: Rules


class RulesRegistry:
    """Latest valid rules per dataset, fed and used by the data path, read by the status page."""

    def __init__(
        self,
        names: TopicNames,
        catalog: SchemaCatalogPort,
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
        """Take a newly read version; one that fails for any reason is logged and the previous version stays in force.

        Any exception, not only RulesError: one bad record in the topic must not stop every worker, now or at each
        restart. The log names the version and the error's type only, as a message may quote the record's text.
        """
        try:
            self._catalog.register([record])
            rules = rules_of(record)
        except Exception as error:
            log.error("ignoring rules %s: %s", record.key, type(error).__name__)
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
        except KeyringError:
            return None
