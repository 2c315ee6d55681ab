"""What the evidence store keeps of the control plane's operation events: read access and alerts.

Rows are derived from sealed events (the event's hash names them), so the store holds nothing the audit
stream does not: an access event becomes one row per progress record and principal, an alert event one row.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from streamguard.control.alerts import Alert
from streamguard.control.read_evidence import Reader, progress_of_operation
from streamguard.evidence.audit import ACCESS, ALERT, AuditEvent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredReadAccess:
    """A group at ``committed_offset`` (the next offset it reads) on a partition, when it was observed, and a
    principal that read for it with its ``source`` (``authorizer-log``, ``audit-log-topic``, or ``group-prefix``
    for one inferred; all three None when no principal was shown or inferred)."""

    observed_at: datetime
    principal: str | None
    kafka_principal: str | None
    source: str | None
    group_id: str
    topic: str
    partition: int
    committed_offset: int
    previous_offset: int | None
    end_offset: int | None
    clients: tuple[tuple[str, str], ...]  # (client id, host)
    dataset: str | None
    audience: str | None
    event_hash: str


@dataclass(frozen=True)
class StoredAlert:
    at: datetime
    rule: str
    subject: str
    severity: str
    summary: str
    details: dict[str, Any]
    key: str
    event_hash: str


def read_access_rows(events: Iterable[AuditEvent]) -> Iterator[dict[str, Any]]:
    """The ``read_access`` rows of the access events among ``events``."""
    for event in events:
        if event.kind != ACCESS:
            continue
        try:
            progress = progress_of_operation(event.operation)
        except (KeyError, TypeError, ValueError):
            log.error("access event %s: its operation does not list read progress; not indexed", event.hash)
            continue
        entry = 0
        for record in progress:
            clients = json.dumps([[c.client_id, c.host] for c in record.clients], separators=(",", ":"))
            readers: tuple[Reader | None, ...] = record.readers or (None,)
            for reader in readers:
                yield {
                    "event_hash": event.hash,
                    "entry": entry,
                    "observed_at": record.observed_at,
                    "principal": reader.principal if reader else None,
                    "kafka_principal": reader.kafka_principal if reader else None,
                    "source": reader.source.value if reader else None,
                    "group_id": record.group_id,
                    "topic": record.topic,
                    "partition": record.partition,
                    "committed_offset": record.committed_offset,
                    "previous_offset": record.previous_offset,
                    "end_offset": record.end_offset,
                    "clients": clients,
                    "dataset": record.dataset,
                    "audience": record.audience,
                }
                entry += 1


def alert_rows(events: Iterable[AuditEvent]) -> Iterator[dict[str, Any]]:
    """The ``alerts`` rows of the alert events among ``events``."""
    for event in events:
        if event.kind != ALERT:
            continue
        try:
            alert = Alert.from_operation(event.operation)
        except (KeyError, TypeError, ValueError):
            log.error("alert event %s: its operation is not an alert; not indexed", event.hash)
            continue
        yield {
            "event_hash": event.hash,
            "key": alert.key,
            "rule": alert.rule,
            "subject": alert.subject,
            "severity": alert.severity.value,
            "summary": alert.summary,
            "details": json.dumps(alert.details, sort_keys=True),
            "at": alert.at,
        }


def stored_read_access(row: Any) -> StoredReadAccess:
    fields = dict(row._mapping)
    del fields["entry"]
    fields["clients"] = tuple((client_id, host) for client_id, host in json.loads(fields["clients"]))
    return StoredReadAccess(**fields)


def stored_alert(row: Any) -> StoredAlert:
    fields = dict(row._mapping)
    fields["details"] = json.loads(fields["details"])
    return StoredAlert(**fields)
