"""Helpers for end-to-end tests: an isolated deployment (own topic prefixes, home and keyring), rules
publishing, worker processes, and reading topics back to their end."""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agents.kafka_audit_reader import AuditSummary, read_audit_events, summarize
from agents.kafka_rules import apply_rule_set, latest_versions, read_rule_history
from agents.kafka_schemas import SchemaCatalog
from agents.kafka_topics import ensure_topics, system_topics
from app.kafka_config import TopicNames, aiokafka_options, confluent_options
from app.settings import Settings
from app.worker_process import WorkerProcess, worker_env
from masking.keyring_file import dump_keyring, load_keyring
from masking.keys import Keyring
from masking.rules import parse_rules

ROOT = Path(__file__).resolve().parents[2]
SIGNING_IDENTITY = "User:billing-service"


@dataclass
class Deployment:
    """One isolated streamguard deployment on the shared test broker."""

    bootstrap: str
    home: Path
    prefix: str = field(default_factory=lambda: f"t{uuid.uuid4().hex[:8]}.")
    workers: list[WorkerProcess] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.settings = Settings(bootstrap=self.bootstrap, home=self.home, system_topic_prefix=self.prefix)
        self.names = TopicNames.from_settings(self.settings)
        self.options = confluent_options(self.settings)
        self.home.mkdir(parents=True, exist_ok=True)
        keys = {"k1": os.urandom(32), f"producer:{SIGNING_IDENTITY}": os.urandom(32)}
        (self.home / "keyring.json").write_text(dump_keyring(keys, {"mask": "k1", "encrypt": "k1"}))
        from confluent_kafka.admin import AdminClient

        self.admin = AdminClient(self.options)
        ensure_topics(self.admin, system_topics(self.names))

    @property
    def keyring(self) -> Keyring:
        return load_keyring(self.home / "keyring.json")

    @property
    def env(self) -> dict[str, str]:
        return worker_env(self.bootstrap, self.home, self.prefix, STREAMGUARD_ENV="development")

    # -- rules ------------------------------------------------------------------------------------------

    def apply_rules(self, rules_yaml: str, avro_schema: str | None) -> int:
        rules = parse_rules(rules_yaml, schema=json.loads(avro_schema) if avro_schema else None)
        record = asyncio.run(
            apply_rule_set(
                aiokafka_options(self.settings),
                self.names.rules,
                rules,
                rules_yaml,
                "test.rules.yaml",
                avro_schema,
                "test-steward",
            )
        )
        assert record is not None
        return record.version

    def schema_for(self, dataset: str) -> tuple[int, Any]:
        """The schema id and parsed schema a producer uses, numbered as the worker numbers them (mock://)."""
        history = asyncio.run(read_rule_history(aiokafka_options(self.settings), self.names.rules))
        catalog = SchemaCatalog(self.settings.schema_registry_url)
        catalog.register_history(history)
        schema_id = catalog.register(latest_versions(history)[dataset])
        assert schema_id is not None
        return schema_id, catalog.writer_schema(schema_id)

    # -- workers ----------------------------------------------------------------------------------------

    def start_worker(self, log_name: str = "worker.log", **extra_env: str) -> WorkerProcess:
        worker = WorkerProcess(self.env | extra_env, self.home / log_name, cwd=ROOT)
        self.workers.append(worker)
        worker.wait_ready()
        return worker

    def log_text(self) -> str:
        return "".join(worker.output() for worker in self.workers)

    def stop_workers(self) -> None:
        for worker in self.workers:
            worker.stop()

    # -- reading back -----------------------------------------------------------------------------------

    def audit(self) -> AuditSummary:
        return summarize(read_audit_events(self.options, self.names.audit))

    def audit_events(self) -> dict[str, list[Any]]:
        return read_audit_events(self.options, self.names.audit)
