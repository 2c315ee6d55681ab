"""How many copies of each kind of topic streamguard keeps, and what is wrong with a topic that has fewer (pure).

Four kinds, each with its own replication factor and ``min.insync.replicas``:

- ``views``: the governed views (and a raw topic streamguard creates because none exists);
- ``evidence``: the data path's audit chains, their checkpoints, the sessions;
- ``control``: the rules, the requests, the control chain and its checkpoints, the ACL ledger;
- ``quarantine``: the records held back, raw bytes and all.

Views and evidence default to min(3, brokers) copies with ``min.insync.replicas`` one less, so one broker down
never stops a cycle while every committed record is on two disks; control and quarantine default to the
cluster's own settings (``default.replication.factor``, ``min.insync.replicas``). A setting of the operator's
always wins. A topic found with fewer copies than its kind asks for (platform teams often create the views and
evidence topics themselves) is a finding naming the topic and the setting: a failure, or a warning where the
operator chose ``STREAMGUARD_REPLICATION_CHECK=warn``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

TRANSACTION_STATE_LOG = "__transaction_state"
MIN_INSYNC = "min.insync.replicas"


class TopicKind(StrEnum):
    VIEWS = "views"
    EVIDENCE = "evidence"
    CONTROL = "control"
    QUARANTINE = "quarantine"

    @property
    def setting(self) -> str:
        """The environment variable prefix an operator sets for this kind."""
        return f"STREAMGUARD_{self.value.upper()}"


class Level(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class Replication:
    """Copies of a topic and how many must acknowledge a write; None: the cluster's own default."""

    factor: int | None = None
    min_insync: int | None = None

    def topic_config(self) -> dict[str, str]:
        return {} if self.min_insync is None else {MIN_INSYNC: str(self.min_insync)}


@dataclass(frozen=True)
class ReplicationPolicy:
    """What the operator set per kind (None: streamguard's default for that kind)."""

    chosen: Mapping[TopicKind, Replication]
    warn_only: bool = False

    def for_kind(self, kind: TopicKind, brokers: int) -> Replication:
        chosen = self.chosen.get(kind, Replication())
        default = _default(kind, brokers)
        factor = chosen.factor if chosen.factor is not None else default.factor
        min_insync = chosen.min_insync
        if min_insync is None and chosen.factor is not None and default.min_insync is not None:
            min_insync = max(1, chosen.factor - 1)  # the operator's factor, the same margin of one broker
        elif min_insync is None:
            min_insync = default.min_insync
        return Replication(factor, min_insync)


def _default(kind: TopicKind, brokers: int) -> Replication:
    if kind in (TopicKind.VIEWS, TopicKind.EVIDENCE):
        factor = max(1, min(3, brokers))
        return Replication(factor, max(1, factor - 1))
    return Replication()


@dataclass(frozen=True)
class Finding:
    """One check's verdict: what it looked at, what it found, and how to fix it."""

    level: Level
    subject: str
    message: str
    fix: str = ""

    def line(self) -> str:
        text = f"{self.level.value:<4}  {self.subject}: {self.message}"
        return f"{text}\n      fix: {self.fix}" if self.fix else text


@dataclass(frozen=True)
class ObservedTopic:
    """A topic as the cluster describes it: the fewest replicas any partition has, and its configuration."""

    name: str
    partitions: int
    replicas: int
    config: Mapping[str, str]

    @property
    def min_insync(self) -> int | None:
        value = self.config.get(MIN_INSYNC)
        return int(value) if value is not None and value.isdigit() else None


def check_topic(topic: ObservedTopic, kind: TopicKind, wanted: Replication, *, warn_only: bool) -> list[Finding]:
    """What is wrong with ``topic`` as a topic of ``kind`` (an empty list: nothing); the floor the operator
    set (or streamguard's default) is a failure unless ``warn_only``; a topic that can never take a write, or
    that stops at the first broker down, is a warning at least."""
    floor = Level.WARN if warn_only else Level.FAIL
    findings = []
    if wanted.factor is not None and topic.replicas < wanted.factor:
        findings.append(
            Finding(
                floor,
                topic.name,
                f"replication factor {topic.replicas}, below {kind.setting}_REPLICATION_FACTOR={wanted.factor}",
                f"reassign its partitions to {wanted.factor} brokers (kafka-reassign-partitions), or set "
                f"{kind.setting}_REPLICATION_FACTOR={topic.replicas} to accept it",
            )
        )
    observed_isr = topic.min_insync
    if observed_isr is not None and wanted.min_insync is not None and observed_isr < wanted.min_insync:
        findings.append(
            Finding(
                floor,
                topic.name,
                f"{MIN_INSYNC}={observed_isr}, below {kind.setting}_MIN_INSYNC_REPLICAS={wanted.min_insync}",
                f"kafka-configs --alter --entity-type topics --entity-name {topic.name} "
                f"--add-config {MIN_INSYNC}={wanted.min_insync}",
            )
        )
    if observed_isr is not None and observed_isr > topic.replicas:
        findings.append(
            Finding(
                floor,
                topic.name,
                f"{MIN_INSYNC}={observed_isr} with {topic.replicas} replicas: no transactional write can succeed",
                f"lower {MIN_INSYNC} to {max(1, topic.replicas - 1)} or add replicas",
            )
        )
    elif observed_isr is not None and topic.replicas > 1 and observed_isr == topic.replicas:
        findings.append(
            Finding(
                Level.WARN,
                topic.name,
                f"{MIN_INSYNC}={observed_isr} with {topic.replicas} replicas: one broker down stops every write",
                f"set {MIN_INSYNC}={topic.replicas - 1}",
            )
        )
    return findings


def check_transaction_log(replicas: int | None, min_isr: int | None, brokers: int, *, warn_only: bool) -> list[Finding]:
    """The cluster's transaction state log, on which every cycle's commit depends: as replicated as evidence
    would be by default (min(3, brokers)), and writable with one broker down. None: not visible to this
    principal (the check is left to ``streamguard doctor`` run as an administrator)."""
    wanted = _default(TopicKind.EVIDENCE, brokers)
    floor = Level.WARN if warn_only else Level.FAIL
    findings = []
    if replicas is not None and wanted.factor is not None and replicas < wanted.factor:
        findings.append(
            Finding(
                floor,
                TRANSACTION_STATE_LOG,
                f"replication factor {replicas} on {brokers} brokers: a lost broker loses open transactions",
                f"transaction.state.log.replication.factor={wanted.factor} (before the log is first created)",
            )
        )
    if replicas is not None and min_isr is not None and min_isr > replicas:
        findings.append(
            Finding(
                floor,
                TRANSACTION_STATE_LOG,
                f"transaction.state.log.min.isr={min_isr} with {replicas} replicas: no transaction can commit",
                f"transaction.state.log.min.isr={max(1, replicas - 1)}",
            )
        )
    return findings
