"""The streamguard worker: declared from settings (``declare_worker``), then connected and run (``run_worker``).

Declaring only computes (topic names, the worker's identity, the failure policy, Faust's data folder), so
importing this module or declaring a worker touches neither disk nor network. ``run_worker`` connects: it
resolves the broker, loads the keys (creating a development keyring if the environment allows it), builds
the data path's Kafka clients, and hands the process to Faust.

Faust is the host of the process, and only that today: it owns the lifecycle (start and stop order of the
services, signals, logging) and serves the status page ``/streamguard/status/`` and the Prometheus metrics
``/metrics`` (``streamguard.agents.datapath_metrics``). It runs no agent and no table, so its boot strategy
starts none of Faust's own Kafka clients: every record, rule version and audit event goes through one client
library, librdkafka (confluent-kafka). Why the data path is not a Faust agent is measured in BENCHMARKS.md;
the rules feed runs on the data path's thread so that rule versions and records are seen in one order. The
control-plane consumers still to come (approvals, sessions) are low volume, keyed and stateful: that is where
Faust agents and tables fit, and where its clients will start.

If the data path stops, the process exits at once with status 70 and commits nothing more
(``streamguard.agents.failure_policy``); its supervisor restarts it and the uncommitted span is processed
again.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import faust
from faust.app.base import BootStrategy
from mode import Service

from streamguard.agents import datapath_metrics
from streamguard.agents.checkpoints import CheckpointPolicy, LogCheckpoints, log_signer
from streamguard.agents.failure_policy import DEFAULT_POLICY, FailurePolicy
from streamguard.agents.kafka_audit import AuditChains, kafka_audit_reader
from streamguard.agents.kafka_clients import connect_data_path
from streamguard.agents.kafka_datapath import DataPath
from streamguard.agents.kafka_schemas import SchemaCatalog
from streamguard.agents.kafka_topics import AUDIT_PARTITIONS
from streamguard.agents.processor import evidence_subkey
from streamguard.agents.rules_registry import RulesRegistry
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.core.errors import describe_failure
from streamguard.core.topics import TopicNames
from streamguard.masking.detection import TextScanner

log = logging.getLogger(__name__)
EXIT_UNDELIVERED = 70


@dataclass(frozen=True)
class WorkerPlan:
    """Everything a worker is, before it connects to anything."""

    settings: Settings
    names: TopicNames
    worker_id: str
    policy: FailurePolicy
    faust_datadir: Path


def declare_worker(settings: Settings, policy: FailurePolicy = DEFAULT_POLICY) -> WorkerPlan:
    names = settings.topic_names
    return WorkerPlan(
        settings=settings,
        names=names,
        worker_id=f"{socket.gethostname()}-{os.getpid()}",
        policy=policy,
        faust_datadir=settings.home / "faust" / names.app_id,
    )


def run_worker(plan: WorkerPlan, faust_argv: list[str]) -> NoReturn:
    """Connect and run until stopped (``faust_argv`` is Faust's worker command line)."""
    app = connect_worker(plan)
    collect_garbage_rarely()
    sys.argv = ["streamguard", *faust_argv]
    app.main()


# The data path makes and frees a dozen small containers per record (header lists, key and value columns,
# delivery reports); at CPython's default threshold (700) that is a young-generation collection every few dozen
# records and a full one, over every module and the Faust host, every few thousand. Freed by reference counting
# anyway, those records never need the cycle collector: it runs 70 times less often, and never again over what
# the start-up loaded. The profile before and after is in BENCHMARKS.md (issue 22).
GC_THRESHOLDS = (50_000, 20, 20)


def collect_garbage_rarely() -> None:
    """Move what start-up loaded out of the collector's sight and raise its thresholds (this process only)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def connect_worker(plan: WorkerPlan) -> faust.App:
    """The Faust host with the data path service and the status page, its clients built from settings."""
    options = client_options(plan.settings)
    catalog = SchemaCatalog(plan.settings.schema_registry_url)
    keyring = deployment_keyring(plan.settings, create=True)
    evidence_subkey(keyring, keyring.active.get("evidence"))  # a keyring that cannot salt digests stops the start
    registry = RulesRegistry(plan.names, catalog, keyring, _scanner, plan.worker_id)
    chains = AuditChains(plan.names.audit, AUDIT_PARTITIONS, kafka_audit_reader(options, plan.names.audit))
    policy = CheckpointPolicy(plan.settings.checkpoint_every_events, plan.settings.checkpoint_every_s)
    signer = log_signer(keyring, plan.settings.log_origin)
    datapath = DataPath(
        connect_data_path(
            options,
            plan.names,
            plan.worker_id,
            plan.settings.retention,
            plan.settings.replication,
            untransacted=plan.settings.untransacted,
        ),
        registry,
        chains,
        LogCheckpoints(signer, plan.settings.log_origin, policy),
        plan.names.checkpoints,
        policy=plan.policy,
        batch_size=plan.settings.cycle_max_records,
        cycle_max_bytes=plan.settings.cycle_max_bytes,
        crash_after=plan.settings.crash_after,
    )
    plan.faust_datadir.parent.mkdir(parents=True, exist_ok=True)
    app = _HostApp(
        plan.names.app_id,
        broker=f"kafka://{options['bootstrap.servers']}",  # shown in Faust's banner; Faust itself never connects
        autodiscover=False,
        store="memory://",
        web_port=plan.settings.web_port,
        datadir=str(plan.faust_datadir),
    )
    app.add_dependency(DataPathService(datapath))

    @app.page("/streamguard/status/")
    async def status(web: faust.web.View, request: faust.web.Request) -> Any:
        versions = registry.versions()
        return web.json({"worker": plan.worker_id, "rules_ready": registry.ready.is_set(), "rule_versions": versions})

    @app.page("/metrics")
    async def metrics(web: faust.web.View, request: faust.web.Request) -> Any:
        body, content_type = datapath_metrics.exposition()
        return web.bytes(body, headers={"Content-Type": content_type})  # aiohttp refuses a charset in content_type

    return app


class _HostBoot(BootStrategy):
    """Faust as the process host: services and the web server, none of its own Kafka clients."""

    enable_kafka = False


class _HostApp(faust.App):
    BootStrategy = _HostBoot


class DataPathService(Service):
    """Runs the data path on its own thread and turns its failure into an immediate, uncommitted exit."""

    def __init__(self, datapath: DataPath, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.datapath = datapath
        self._stop = threading.Event()

    async def on_stop(self) -> None:
        self._stop.set()

    @Service.task
    async def _run(self) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(None, self.datapath.run, self._stop)
        except Exception as error:  # the failure policy's "stop": nothing more may be committed
            log.critical("data path stopped: %s; exiting without commit", describe_failure(error))
            logging.shutdown()
            os._exit(EXIT_UNDELIVERED)


def _scanner() -> TextScanner:
    from streamguard.masking.detection.presidio_scanner import build_default_scanner  # loads spaCy: only if needed

    return datapath_metrics.CountingScanner(build_default_scanner())
