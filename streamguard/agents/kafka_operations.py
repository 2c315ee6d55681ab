"""Operation events (purges, requests and decisions, ACL changes, read evidence, alerts) in the audit stream.

Operations get a chain of their own, source ``<system prefix>control`` partition 0, in the same audit topic,
sealed, logged and checkpointed like the data path's chains, so ``verify`` covers them too. Its writers are
command-line processes and the control service, one at a time: each takes the chain's one transactional id,
which fences any writer still in flight, and only then reads the chain's head, so two operations can never
both become seq N. The event, its checkpoint and any state records that go with it (a request's new state on
the approvals topic) commit in one transaction: a state change is never visible without its evidence.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from confluent_kafka import KafkaError, KafkaException, Producer

from streamguard.agents.checkpoints import CheckpointPolicy, LogCheckpoints, log_signer
from streamguard.agents.kafka_audit import AuditChains, kafka_audit_reader
from streamguard.agents.kafka_topics import AUDIT_PARTITIONS
from streamguard.core.errors import DeliveryError, WriterFenced
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import AuditEvent, SourceSpan, chain_key
from streamguard.masking.keys import Keyring

TIMEOUT_S = 30.0


@dataclass(frozen=True)
class StateRecord:
    """A record committed with an operation event (``value`` None: a tombstone)."""

    topic: str
    key: bytes
    value: bytes | None


class ControlChain:
    """The control chain's writer. ``open`` fences every earlier writer and reads the head; state read after
    that (the approvals topic) is what no other writer can change before this one commits or is fenced."""

    def __init__(self, client_options: dict[str, Any], names: TopicNames, keyring: Keyring, log_origin: str) -> None:
        self._options = client_options
        self._names = names
        self._source = (names.control, 0)
        self._checkpoints = LogCheckpoints(log_signer(keyring, log_origin), log_origin, CheckpointPolicy())
        self._producer: Producer | None = None
        self._chains: AuditChains | None = None

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def open(self) -> None:
        producer = Producer(
            {**self._options, "transactional.id": f"{self._names.control}.writer", "enable.idempotence": True}
        )
        producer.init_transactions(TIMEOUT_S)  # fences an earlier writer before the head is read
        chains = AuditChains(self._names.audit, AUDIT_PARTITIONS, kafka_audit_reader(self._options, self._names.audit))
        chains.recover(self._source, None)
        self._producer, self._chains = producer, chains

    def close(self) -> None:
        if self._producer is not None:
            self._producer.flush(TIMEOUT_S)
        self._producer = self._chains = None

    def append(
        self,
        kind: str,
        actor: str,
        operation: dict[str, Any],
        records: Sequence[StateRecord] = (),
        *,
        read_before: bool = False,
    ) -> AuditEvent:
        """Append one operation event, a signed checkpoint covering it and ``records``, in one transaction.
        A writer fenced by a newer one reopens (fresh head) and tries once more, unless what it writes
        depends on state it read before (``read_before``): then WriterFenced tells the caller to read again."""
        event = self._append(kind, actor, operation, records)
        if event is None and not read_before:
            self.open()
            event = self._append(kind, actor, operation, records)
        if event is None:
            raise WriterFenced(f"the {kind} event was not recorded: another writer took the control chain first")
        return event

    def _append(
        self, kind: str, actor: str, operation: dict[str, Any], records: Sequence[StateRecord]
    ) -> AuditEvent | None:
        """The event appended, or None if a newer writer fenced this one (nothing was written)."""
        if self._producer is None or self._chains is None:
            self.open()
        producer, chains = self._producer, self._chains
        assert producer is not None
        assert chains is not None
        event = chains.seal(self._source, _operation_event(self._names.control, kind, actor, operation))
        head = chains.head_of(self._source, event, -1)  # the frontier does not depend on where the event lands
        try:
            producer.begin_transaction()
            key, partition = chain_key(*self._source).encode(), chains.partition_of(self._source)
            producer.produce(self._names.audit, event.to_bytes(), key, partition=partition)
            for signed in self._checkpoints.due({self._source: head}, time.monotonic(), force=True):
                producer.produce(self._names.checkpoints, signed.note.encode(), signed.record_key, partition=0)
            for record in records:
                producer.produce(record.topic, record.value, record.key)
            producer.commit_transaction(TIMEOUT_S)
        except KafkaException as error:
            code = error.args[0].code()
            if code in (KafkaError._FENCED, KafkaError.PRODUCER_FENCED, KafkaError.INVALID_PRODUCER_EPOCH):
                self._producer = self._chains = None
                return None
            raise DeliveryError(f"the {kind} event was not recorded: {error.args[0].name()}") from None
        chains.advance(self._source, head)
        return event


def _operation_event(control_topic: str, kind: str, actor: str, operation: dict[str, Any]) -> AuditEvent:
    body = json.dumps(operation, sort_keys=True, separators=(",", ":")).encode()
    return AuditEvent(
        event_id=uuid.uuid4().hex,
        kind=kind,
        recorded_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
        worker=actor,
        dataset=operation.get("dataset"),
        source=SourceSpan(topic=control_topic, partition=0, first_offset=0, last_offset=0),
        input_digest=hashlib.sha256(body).hexdigest(),
        operation=operation,
    )


def record_operation(
    client_options: dict[str, Any],
    names: TopicNames,
    keyring: Keyring,
    log_origin: str,
    kind: str,
    actor: str,
    operation: dict[str, Any],
    records: Sequence[StateRecord] = (),
) -> AuditEvent:
    """Append one operation event to the control chain, with a signed checkpoint covering it."""
    with ControlChain(client_options, names, keyring, log_origin) as chain:
        return chain.append(kind, actor, operation, records)
