"""The evidence store's tables, as SQLAlchemy declarative models.

Each row keeps the columns its queries filter and order on, and the evidence itself as the JSON body it
arrived as: an audit event read back is byte for byte the event that was hashed. The schema is created and
changed by the hand-written migrations under ``migrations/versions``, which must stay in step with these
models (a test compares them).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, DateTime, Dialect, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime in and out. PostgreSQL keeps a ``timestamptz``; SQLite has no time zones, so
    the value is stored as naive UTC text, which sorts in time order, and comes back marked as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        in_utc = value.astimezone(UTC)
        return in_utc if dialect.name == "postgresql" else in_utc.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_chain_seq", "chain", "seq"),
        Index("ix_audit_events_recorded_at", "recorded_at"),
        Index("ix_audit_events_dataset", "dataset"),
    )

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[str] = mapped_column(String)
    chain: Mapped[str] = mapped_column(String, doc="topic:partition, the chain the event is sealed into")
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String)
    dataset: Mapped[str | None] = mapped_column(String)
    raw_topic: Mapped[str] = mapped_column(String)
    partition: Mapped[int] = mapped_column(Integer)
    first_offset: Mapped[int] = mapped_column(BigInteger)
    last_offset: Mapped[int] = mapped_column(BigInteger)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())
    worker: Mapped[str] = mapped_column(String)
    body: Mapped[str] = mapped_column(Text)


class CheckpointRow(Base):
    """Keyed by the root too: two checkpoints of one origin and size with different roots are a split view,
    evidence to keep, not a duplicate to drop."""

    __tablename__ = "checkpoints"
    __table_args__ = (Index("ix_checkpoints_recorded_at", "recorded_at"),)

    origin: Mapped[str] = mapped_column(String, primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    root_hex: Mapped[str] = mapped_column(String(64), primary_key=True)
    note: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class CosignatureRow(Base):
    __tablename__ = "cosignatures"

    origin: Mapped[str] = mapped_column(String, primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    root_hex: Mapped[str] = mapped_column(String(64), primary_key=True)
    witness: Mapped[str] = mapped_column(String, primary_key=True)
    line: Mapped[str] = mapped_column(Text)
    timestamp: Mapped[int] = mapped_column(BigInteger)


class SessionRow(Base):
    """Sessions are listed newest first, optionally of one dataset or identity, within a time window."""

    __tablename__ = "sessions"
    __table_args__ = (
        Index("ix_sessions_last_seen", "last_seen"),
        Index("ix_sessions_dataset_last_seen", "dataset", "last_seen"),
        Index("ix_sessions_identity_last_seen", "identity", "last_seen"),
    )

    id: Mapped[str] = mapped_column(String, primary_key=True)
    dataset: Mapped[str | None] = mapped_column(String)
    raw_topic: Mapped[str] = mapped_column(String)
    identity: Mapped[str] = mapped_column(String)
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime())
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime())
    records: Mapped[int] = mapped_column(BigInteger)
    body: Mapped[str] = mapped_column(Text)


class ExportCursorRow(Base):
    """How far a named exporter has got; ``position`` is the exporter's own, opaque to the store."""

    __tablename__ = "export_cursors"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ReadAccessRow(Base):
    """Read evidence: a group's committed offset on one partition, as one observation saw it move, and one
    principal acting for the group with where that was seen or inferred (a row per principal; one with none
    if none was).
    Keyed by the access event and the row's place in it, so indexing an event again adds nothing."""

    __tablename__ = "read_access"
    __table_args__ = (
        Index("ix_read_access_topic_observed_at", "topic", "observed_at"),
        Index("ix_read_access_group_observed_at", "group_id", "observed_at"),
        Index("ix_read_access_principal_observed_at", "principal", "observed_at"),
    )

    event_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    entry: Mapped[int] = mapped_column(Integer, primary_key=True)
    observed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    principal: Mapped[str | None] = mapped_column(String, doc="the policy's principal behind the Kafka user")
    kafka_principal: Mapped[str | None] = mapped_column(String, doc="as the broker names it: User:<name>")
    source: Mapped[str | None] = mapped_column(
        String, doc="where the principal comes from: authorizer-log, audit-log-topic, group-prefix (inferred)"
    )
    group_id: Mapped[str] = mapped_column(String)
    topic: Mapped[str] = mapped_column(String)
    partition: Mapped[int] = mapped_column(Integer)
    committed_offset: Mapped[int] = mapped_column(BigInteger, doc="the next offset the group reads")
    previous_offset: Mapped[int | None] = mapped_column(BigInteger)
    end_offset: Mapped[int | None] = mapped_column(BigInteger)
    clients: Mapped[str] = mapped_column(Text, doc="JSON: the members' client ids and hosts")
    dataset: Mapped[str | None] = mapped_column(String)
    audience: Mapped[str | None] = mapped_column(String)


class AlertRow(Base):
    """A monitoring alert, one per alert event."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_at", "at"),)

    event_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String, doc="rule|subject|period: the same for a repeat of one alert")
    rule: Mapped[str] = mapped_column(String)
    subject: Mapped[str] = mapped_column(String)
    severity: Mapped[str] = mapped_column(String)
    summary: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text, doc="JSON")
    at: Mapped[datetime] = mapped_column(UtcDateTime())
