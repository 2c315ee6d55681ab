"""Operation events (a purge of the evidence store now; approvals and rule changes later) in the audit stream.

Operations get a chain of their own, source ``<system prefix>control`` partition 0, in the same audit topic,
sealed, logged and checkpointed like the data path's chains, so ``verify`` covers them too. Its writers are
command-line processes, one at a time: each takes the chain's one transactional id, which fences any writer
still in flight, and only then reads the chain's head, so two operations can never both become seq N. The
event and its checkpoint commit in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from confluent_kafka import KafkaException, Producer

from streamguard.agents.checkpoints import CheckpointPolicy, LogCheckpoints, log_signer
from streamguard.agents.kafka_audit import AuditChains, kafka_audit_reader
from streamguard.agents.kafka_topics import AUDIT_PARTITIONS
from streamguard.core.errors import DeliveryError
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import AuditEvent, SourceSpan, chain_key
from streamguard.masking.keys import Keyring

TIMEOUT_S = 30.0


def record_operation(
    client_options: dict[str, Any],
    names: TopicNames,
    keyring: Keyring,
    log_origin: str,
    kind: str,
    actor: str,
    operation: dict[str, Any],
) -> AuditEvent:
    """Append one operation event to the control chain, with a signed checkpoint covering it."""
    source = (names.control, 0)
    producer = Producer({**client_options, "transactional.id": f"{names.control}.writer", "enable.idempotence": True})
    producer.init_transactions(TIMEOUT_S)  # fences an earlier writer before the head is read
    chains = AuditChains(names.audit, AUDIT_PARTITIONS, kafka_audit_reader(client_options, names.audit))
    chains.recover(source, None)
    body = json.dumps(operation, sort_keys=True, separators=(",", ":")).encode()
    event = chains.seal(
        source,
        AuditEvent(
            event_id=uuid.uuid4().hex,
            kind=kind,
            recorded_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
            worker=actor,
            dataset=None,
            source=SourceSpan(topic=names.control, partition=0, first_offset=0, last_offset=0),
            input_digest=hashlib.sha256(body).hexdigest(),
            operation=operation,
        ),
    )
    head = chains.head_of(source, event, -1)  # the frontier does not depend on where the event lands
    checkpoints = LogCheckpoints(log_signer(keyring, log_origin), log_origin, CheckpointPolicy())
    try:
        producer.begin_transaction()
        key, partition = chain_key(*source).encode(), chains.partition_of(source)
        producer.produce(names.audit, event.to_bytes(), key, partition=partition)
        for signed in checkpoints.due({source: head}, time.monotonic(), force=True):
            producer.produce(names.checkpoints, signed.note.encode(), signed.record_key, partition=0)
        producer.commit_transaction(TIMEOUT_S)
    except KafkaException as error:
        raise DeliveryError(f"the {kind} event was not recorded: {error.args[0].name()}") from None
    return event
