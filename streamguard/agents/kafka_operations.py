"""The control chain: operation events (requests and decisions, policy versions, rule changes, purges, ACL
changes, read evidence, alerts) on a topic of their own, which only the server's principal writes.

Its writers are the server's processes (the API and the control rounds), one at a time: each takes the
chain's one transactional id, which fences any writer still in flight, and only then reads the chain. The
chain is never trusted because it was read: its events must link from the first (hash, seq, previous hash)
and be sealed by checkpoints signed with the control key, which only the server's keyring holds; every
event is committed together with a checkpoint of it, so an event past the newest checkpoint was appended by
someone without that key and is not adopted (``problems`` says so; the caller raises an alert, ``verify``
reports it). The event, its checkpoint and any state records that go with it (a request's new state on the
approvals topic) commit in one transaction: a state change is never visible without its evidence.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from confluent_kafka import KafkaError, KafkaException, Message, Producer
from pydantic import ValidationError

from streamguard.agents.checkpoints import CONTROL_SIGNING_SLOT, control_signer, log_origin, log_verifier_keys
from streamguard.agents.kafka_readback import iter_to_end, wait_for_open_transactions
from streamguard.control.alerts import Alert, Severity, digest
from streamguard.core.errors import DeliveryError, EvidenceError, WriterFenced
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import ALERT, AuditEvent, SourceSpan, chain_key, event_leaf
from streamguard.evidence.chain_recovery import LocatedEvent, RecoveredChain, recover_chain
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint
from streamguard.evidence.merkle import MerkleFrontier
from streamguard.evidence.signed_note import VerifierKey, open_note
from streamguard.masking.keys import Keyring

log = logging.getLogger(__name__)
TIMEOUT_S = 30.0


@dataclass(frozen=True)
class StateRecord:
    """A record committed with an operation event (``value`` None: a tombstone)."""

    topic: str
    key: bytes
    value: bytes | None


def read_control_chain(
    client_options: dict[str, Any], names: TopicNames, origin_prefix: str, control_keys: Sequence[str]
) -> RecoveredChain:
    """The control chain as far as it links and is sealed by checkpoints signed with ``control_keys`` (read
    only: no writer is fenced)."""
    source = (names.control, 0)
    origin = log_origin(origin_prefix, source)
    wait_for_open_transactions(client_options, [names.control_audit, names.control_checkpoints])
    with ThreadPoolExecutor(max_workers=1) as pool:  # both topics read at once: each read waits on the broker
        checkpoints = pool.submit(_signed_checkpoints, client_options, names.control_checkpoints, origin, control_keys)
        reads = [
            LocatedEvent(event, f"{names.control_audit}[0]@{message.offset()}")
            for message in iter_to_end({**client_options, "isolation.level": "read_committed"}, names.control_audit)
            if (event := _event(message)) is not None
        ]
        return recover_chain(chain_key(*source), reads, checkpoints.result(), sealed_only=True)


class ControlChain:
    """The control chain's writer. ``open`` fences every earlier writer and reads the chain; state read after
    that (the approvals topic) is what no other writer can change before this one commits or is fenced."""

    def __init__(self, client_options: dict[str, Any], names: TopicNames, keyring: Keyring, origin_prefix: str) -> None:
        self._options = client_options
        self._names = names
        self._source = (names.control, 0)
        self._origin_prefix = origin_prefix
        self._signer = control_signer(keyring, origin_prefix)  # KeyringError at once for a keyring without it
        self._verifiers = log_verifier_keys(keyring, origin_prefix, CONTROL_SIGNING_SLOT)
        self._producer: Producer | None = None
        self._head: tuple[AuditEvent | None, MerkleFrontier] = (None, MerkleFrontier())
        self.recovered = RecoveredChain(chain_key(*self._source))

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    @property
    def events(self) -> list[AuditEvent]:
        """The chain's adopted events, the ones this writer appended included."""
        return self.recovered.events

    def open(self) -> None:
        producer = Producer(
            {**self._options, "transactional.id": f"{self._names.control}.writer", "enable.idempotence": True}
        )
        producer.init_transactions(TIMEOUT_S)  # fences an earlier writer before the chain is read
        self.recovered = read_control_chain(self._options, self._names, self._origin_prefix, self._verifiers)
        frontier = MerkleFrontier()
        for event in self.recovered.events:
            frontier.append(event_leaf(event))
        self._producer, self._head = producer, (self.recovered.head, frontier)
        if self.recovered.problems:
            self._alert(self.recovered.problems)

    def _alert(self, problems: list[str]) -> None:
        """A ``chain_unlinked`` alert in the chain itself, once per set of problems (they persist until verify
        is run on a chain repaired by hand): what was read and not adopted, and where."""
        for problem in problems:
            log.error("control chain: %s", problem)
        key = f"chain_unlinked|{self.recovered.chain}|{digest(problems)}"
        if any(event.kind == ALERT and event.operation.get("key") == key for event in self.recovered.events):
            return
        summary = f"{self.recovered.chain}: events read but not adopted: " + "; ".join(problems)
        alert = Alert("chain_unlinked", self.recovered.chain, Severity.CRITICAL, summary, {}, datetime.now(UTC), key)
        self.append(ALERT, "streamguard:control-chain", alert.to_operation())

    def close(self) -> None:
        if self._producer is not None:
            self._producer.flush(TIMEOUT_S)
        self._producer = None

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
        A writer fenced by a newer one reopens (fresh chain) and tries once more, unless what it writes
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
        if self._producer is None:
            self.open()
        producer, (head, frontier) = self._producer, self._head
        assert producer is not None
        event = _operation_event(self._names.control, kind, actor, operation)
        event = event.sealed(head.seq + 1 if head else 0, head.hash if head else "0" * 64)
        grown = frontier.copy()
        grown.append(event_leaf(event))
        checkpoint = Checkpoint(log_origin(self._origin_prefix, self._source), grown.size, grown.root())
        try:
            key, note = chain_key(*self._source).encode(), sign_checkpoint(checkpoint, self._signer)
            producer.begin_transaction()
            producer.produce(self._names.control_audit, event.to_bytes(), key, partition=0)
            producer.produce(self._names.control_checkpoints, note.encode(), _checkpoint_key(checkpoint), partition=0)
            for record in records:
                producer.produce(record.topic, record.value, record.key)
            producer.commit_transaction(TIMEOUT_S)
        except KafkaException as error:
            code = error.args[0].code()
            if code in (KafkaError._FENCED, KafkaError.PRODUCER_FENCED, KafkaError.INVALID_PRODUCER_EPOCH):
                self._producer = None
                return None
            raise DeliveryError(f"the {kind} event was not recorded: {error.args[0].name()}") from None
        self._head = (event, grown)
        self.recovered.events.append(event)
        return event


def _checkpoint_key(checkpoint: Checkpoint) -> bytes:
    return f"{checkpoint.origin}@{checkpoint.size}".encode()


def _event(message: Message) -> AuditEvent | None:
    try:
        return AuditEvent.from_bytes(message.value() or b"")
    except ValidationError:  # not adopted, as it does not link either; verify names it
        log.error("control chain: malformed record at %s[0]@%d", message.topic(), message.offset())
        return None


def _signed_checkpoints(
    client_options: dict[str, Any], topic: str, origin: str, control_keys: Iterable[str]
) -> list[Checkpoint]:
    """The checkpoints of ``origin`` on ``topic`` whose signature verifies with one of ``control_keys``."""
    keys = [VerifierKey.parse(vkey) for vkey in control_keys]
    found = []
    for message in iter_to_end({**client_options, "isolation.level": "read_committed"}, topic):
        try:
            checkpoint = Checkpoint.parse(open_note((message.value() or b"").decode(errors="replace"), keys).text)
        except EvidenceError:
            log.error("control chain: checkpoint at %s[0]@%d not signed by the control key", topic, message.offset())
            continue
        if checkpoint.origin == origin:
            found.append(checkpoint)
    return found


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
    origin_prefix: str,
    kind: str,
    actor: str,
    operation: dict[str, Any],
    records: Sequence[StateRecord] = (),
) -> AuditEvent:
    """Append one operation event to the control chain, with a signed checkpoint covering it."""
    with ControlChain(client_options, names, keyring, origin_prefix) as chain:
        return chain.append(kind, actor, operation, records)
