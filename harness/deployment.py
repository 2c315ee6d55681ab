"""One streamguard deployment on a broker, isolated by its system prefix and home: its rules, its producers'
schema ids, its workers and its audit. The tests, the benchmarks and the demo all drive streamguard
through this one class."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from confluent_kafka.admin import AdminClient

from harness import HarnessError
from harness.worker_process import WorkerProcess, worker_env
from streamguard.agents.kafka_audit_reader import AuditSummary, read_audit_events, summarize
from streamguard.agents.kafka_rules import apply_rule_set, publish_rule_set, read_rule_history
from streamguard.agents.kafka_schemas import SchemaCatalog
from streamguard.agents.kafka_topics import ensure_topics, system_topics
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.core.rule_sets import RuleSetRecord, latest_versions
from streamguard.evidence.audit import AuditEvent
from streamguard.masking.keyring_file import generate_keyring_json, load_keyring
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import parse_rules
from streamguard.masking.writer_schemas import parse_writer_schema, schema_type_for

SIGNING_IDENTITY = "User:billing-service"  # has a producer key in every harness keyring


def producer_schema(
    history: list[RuleSetRecord], dataset: str, registry_url: str, key: bool = False
) -> tuple[int, Any]:
    """The schema id and parsed schema a producer of ``dataset`` writes values with (keys, with ``key``), as a
    worker that read ``history`` numbers it: on ``mock://`` every process registers the history in order (see
    ``streamguard.agents.kafka_schemas``), so a fresh catalog fed the same history gives the same ids."""
    catalog = SchemaCatalog(registry_url)
    catalog.register(history)
    latest = latest_versions(history)[dataset]
    schema_id = catalog.key_schema_id_of(latest) if key else catalog.schema_id_of(latest)
    if schema_id is None:
        raise HarnessError(f"the rules of {dataset} carry no schema the registry knows")
    return schema_id, catalog.writer_schema(schema_id)


@dataclass
class Deployment:
    """Own system prefix (rules, audit, quarantine, groups, Faust app id), own home (keyring, logs)."""

    bootstrap: str
    home: Path
    prefix: str = field(default_factory=lambda: f"t{uuid.uuid4().hex[:8]}.")
    workers: list[WorkerProcess] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)  # more STREAMGUARD_* settings (security, say)

    def __post_init__(self) -> None:
        extra = {name.removeprefix("STREAMGUARD_").lower(): value for name, value in self.environment.items()}
        self.settings = Settings(bootstrap=self.bootstrap, home=self.home, system_topic_prefix=self.prefix, **extra)
        self.names = self.settings.topic_names
        self.options = client_options(self.settings)
        self.admin = AdminClient(self.options)
        self.home.mkdir(parents=True, exist_ok=True)
        keyring = self.home / "keyring.json"
        if not keyring.exists():
            keyring.write_text(generate_keyring_json(extra_keys={f"producer:{SIGNING_IDENTITY}": os.urandom(32)}))
            keyring.chmod(0o600)
        ensure_topics(self.admin, system_topics(self.names), self.settings.replication)

    @property
    def keyring(self) -> Keyring:
        return load_keyring(self.home / "keyring.json")

    def env(self, **extra: str) -> dict[str, str]:
        settings = {"STREAMGUARD_ENV": "development", **self.environment, **extra}
        return worker_env(self.bootstrap, self.home, self.prefix, **settings)

    # -- rules ------------------------------------------------------------------------------------------

    def apply_rules(
        self,
        rules_yaml: str,
        avro_schema: str | None,
        source_name: str = "harness.rules.yaml",
        who: str = "steward",
        key_schema: str | None = None,
    ) -> RuleSetRecord | None:
        """Validate and publish rules as ``streamguard rules apply`` does; None if they are unchanged."""
        schema_type = schema_type_for(rules_yaml)
        schema, key = (
            parse_writer_schema(text, schema_type, "harness") if text else None for text in (avro_schema, key_schema)
        )
        rules = parse_rules(rules_yaml, schema=schema, key_schema=key)
        return apply_rule_set(
            self.options, self.names.rules, rules, rules_yaml, source_name, avro_schema, who, key_schema
        )

    def publish(self, record: RuleSetRecord) -> None:
        """Publish a prepared rule-set record as it is."""
        publish_rule_set(self.options, self.names.rules, record)

    def rule_history(self) -> list[RuleSetRecord]:
        return read_rule_history(self.options, self.names.rules)

    def producer_schema(self, dataset: str) -> tuple[int, Any]:
        """The schema id and parsed schema a producer of ``dataset`` uses, numbered as the workers number it."""
        return producer_schema(self.rule_history(), dataset, self.settings.schema_registry_url)

    def producer_key_schema(self, dataset: str) -> tuple[int, Any]:
        """The same for the Avro key schema of ``dataset``."""
        return producer_schema(self.rule_history(), dataset, self.settings.schema_registry_url, key=True)

    # -- workers ----------------------------------------------------------------------------------------

    def start_worker(self, log_name: str = "worker.log", wait: bool = True, **env: str) -> WorkerProcess:
        """Start one worker (output in ``home/log_name``) and wait until it has read the rule history."""
        worker = WorkerProcess(self.env(**env), self.home / log_name, cwd=self.home)
        self.workers.append(worker)
        if wait:
            worker.wait_ready()
        return worker

    def start_workers(self, count: int, log_prefix: str = "worker") -> None:
        """Start ``count`` workers at once, then wait until each is ready."""
        started = [self.start_worker(f"{log_prefix}{n}.log", wait=False) for n in range(count)]
        for worker in started:
            worker.wait_ready()

    def log_text(self) -> str:
        return "".join(worker.output() for worker in self.workers)

    def alive(self) -> bool:
        """At least one worker still runs (a survivor takes over a crashed worker's partitions)."""
        return any(worker.process.poll() is None for worker in self.workers)

    def exits(self) -> list[int]:
        """Exit codes of workers that stopped on their own."""
        return [code for code in (worker.process.poll() for worker in self.workers) if code is not None]

    def stop_workers(self) -> None:
        """SIGTERM each worker this deployment started (by PID), SIGKILL after 20 s."""
        for worker in self.workers:
            worker.stop()

    # -- reading back -----------------------------------------------------------------------------------

    def audit_events(self) -> dict[str, list[AuditEvent]]:
        return read_audit_events(self.options, self.names.audit)

    def control_events(self) -> list[AuditEvent]:
        """The control chain's events (operations, approvals, policies, alerts), in order."""
        chains = read_audit_events(self.options, self.names.control_audit)
        return [event for chain in chains.values() for event in chain]

    def audit(self) -> AuditSummary:
        return summarize(self.audit_events())
