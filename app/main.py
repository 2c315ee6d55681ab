"""The streamguard worker: a Faust application (``faust -A app.main worker``, or ``streamguard worker``).

Faust is the application frame: it owns the process lifecycle, logging, signal handling and the web server
(``/streamguard/status/``). Two services run in it:

- ``RulesWatcher`` reads ``streamguard.rules`` from the beginning at every start (an agent's consumer group
  would resume from committed offsets and miss earlier versions), marks the registry ready once it has read
  the whole history, then follows new versions: a new version is in force without a restart.
- ``GovernedDataPathService`` runs the batched data path (``agents.kafka_datapath``) on its own thread.
  If that path cannot deliver, the process exits at once without committing (status 70), so the span is
  processed again after the supervisor restarts it: at-least-once, never a gap.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import threading
from typing import Any

import faust
from aiokafka import AIOKafkaConsumer, TopicPartition
from confluent_kafka.admin import AdminClient
from mode import Service

from agents.kafka_audit import AuditChains
from agents.kafka_datapath import DataPath
from agents.kafka_rules import RuleSetRecord
from agents.kafka_schemas import SchemaCatalog
from agents.kafka_topics import AUDIT_PARTITIONS, ensure_topics, system_topics
from agents.rules_registry import RulesRegistry
from app.errors import describe_failure
from app.kafka_config import TopicNames, aiokafka_options, confluent_options, resolve_bootstrap
from app.keys_setup import worker_keyring
from app.settings import load_settings
from masking.detection import TextScanner

log = logging.getLogger(__name__)
EXIT_UNDELIVERED = 70

settings = load_settings()
names = TopicNames.from_settings(settings)
worker_id = f"{socket.gethostname()}-{os.getpid()}"

faust_datadir = settings.home / "faust" / names.app_id
faust_datadir.parent.mkdir(parents=True, exist_ok=True)

app = faust.App(
    names.app_id,
    broker=f"kafka://{resolve_bootstrap(settings)}",
    autodiscover=False,
    store="memory://",
    topic_replication_factor=1,
    web_port=settings.web_port,
    datadir=str(faust_datadir),
    # Faust's own group (it holds no data partitions) must not make a restarted worker wait out a dead
    # member's 60 s default session before it starts.
    broker_session_timeout=10.0,
    broker_heartbeat_interval=2.0,
    broker_credentials=faust.SASLCredentials(
        username=settings.sasl_username or "",
        password=settings.sasl_password.get_secret_value() if settings.sasl_password else "",
        mechanism=settings.sasl_mechanism,
    )
    if settings.security_protocol.startswith("SASL")
    else None,
)


def _build_scanner() -> TextScanner:
    from masking.detection.presidio_scanner import build_default_scanner  # loads spaCy: only when needed

    return build_default_scanner()


registry = RulesRegistry(
    names, SchemaCatalog(settings.schema_registry_url), worker_keyring(settings), _build_scanner, worker_id
)


@app.service
class RulesWatcher(Service):
    """Feeds every rule set version, old and new, into the registry."""

    async def on_start(self) -> None:
        ensure_topics(AdminClient(confluent_options(settings)), system_topics(names))
        self._consumer = AIOKafkaConsumer(enable_auto_commit=False, **aiokafka_options(settings))
        await self._consumer.start()
        self._partition = TopicPartition(names.rules, 0)
        self._consumer.assign([self._partition])
        await self._consumer.seek_to_beginning(self._partition)
        self._history_end = (await self._consumer.end_offsets([self._partition]))[self._partition]

    async def on_stop(self) -> None:
        await self._consumer.stop()

    @Service.task
    async def _follow(self) -> None:
        while not self.should_stop:
            batch = await self._consumer.getmany(self._partition, timeout_ms=500)
            for message in batch.get(self._partition, []):
                if message.value:
                    registry.apply(RuleSetRecord.model_validate_json(message.value))
            if not registry.ready.is_set() and await self._consumer.position(self._partition) >= self._history_end:
                registry.ready.set()
                log.info("rule history read: %s", registry.versions() or "no datasets yet")


@app.service
class GovernedDataPathService(Service):
    """Runs the data path thread and turns its failure into an immediate, uncommitted exit."""

    async def on_start(self) -> None:
        options = confluent_options(settings)
        self._stop = threading.Event()
        chains = AuditChains(options, names.audit, AUDIT_PARTITIONS)
        self.datapath = DataPath(options, registry, chains, crash_after=settings.crash_after)

    async def on_stop(self) -> None:
        self._stop.set()

    @Service.task
    async def _run(self) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(None, self.datapath.run, self._stop)
        except Exception as error:  # any failure here means: stop before committing anything more
            log.critical("data path stopped: %s; exiting without commit", describe_failure(error))
            logging.shutdown()
            os._exit(EXIT_UNDELIVERED)


@app.page("/streamguard/status/")
async def status(web: faust.web.View, request: faust.web.Request) -> Any:
    return web.json({"worker": worker_id, "rules_ready": registry.ready.is_set(), "rule_versions": registry.versions()})


def main() -> None:
    app.main()
