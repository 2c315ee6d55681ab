"""How the evidence store's own records become table rows and back: audit events and sessions.

``evidence_store`` keeps the queries; the shape of a row lives here, beside ``control_records`` which does
the same for the control plane's tables. Every time a row holds is checked to be timezone-aware first, so a
naive datetime never reaches a column that compares instants.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from streamguard.core.errors import StoreError
from streamguard.evidence.audit import AuditEvent, chain_key
from streamguard.store.records import StoredSession, parse_utc


def event_row(event: AuditEvent) -> dict[str, Any]:
    if not event.hash:
        raise StoreError(f"audit event {event.event_id} has no hash: only sealed events are stored")
    try:
        recorded_at = parse_utc(event.recorded_at)
    except ValueError:
        raise StoreError(f"audit event {event.hash}: recorded_at {event.recorded_at!r} is not ISO-8601") from None
    source = event.source
    return {
        "hash": event.hash,
        "event_id": event.event_id,
        "chain": chain_key(source.topic, source.partition),
        "seq": event.seq,
        "kind": event.kind,
        "dataset": event.dataset,
        "raw_topic": source.topic,
        "partition": source.partition,
        "first_offset": source.first_offset,
        "last_offset": source.last_offset,
        "recorded_at": recorded_at,
        "worker": event.worker,
        "body": event.model_dump_json(),
    }


def session_row(session: StoredSession) -> dict[str, Any]:
    row = {**vars(session), "body": session.body_json}
    del row["body_json"]
    row["first_seen"] = aware(session.first_seen, f"session {session.id} first_seen")
    row["last_seen"] = aware(session.last_seen, f"session {session.id} last_seen")
    return row


def stored_session(row: Any) -> StoredSession:
    fields = dict(row._mapping)
    body_json = fields.pop("body")
    return StoredSession(**fields, body_json=body_json)


def aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None:
        raise StoreError(f"{name} must be a timezone-aware datetime (evidence times are UTC)")
    return value
