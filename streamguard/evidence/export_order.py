"""The order a SIEM export sends audit events in, and where an export stopped (pure).

Events are exported by time, then chain key, then place in the chain; an export's cursor is the last event it
sent (its time, chain, seq and hash), so the next run sends what comes after it, and notices when the event
at the cursor is not the one it sent (the evidence changed since)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel, ConfigDict, field_validator

from streamguard.core.errors import SiemExportError
from streamguard.evidence.audit import AuditEvent, chain_key
from streamguard.evidence.siem_formats import SiemFormatError, epoch_ms

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class CursorPosition(BaseModel):
    """The last exported event: its time and hash, and its chain place to order the next ones after it."""

    model_config = ConfigDict(frozen=True)

    recorded_at: str
    chain: str
    seq: int
    hash: str

    @field_validator("recorded_at")
    @classmethod
    def _is_a_time(cls, recorded_at: str) -> str:
        try:
            epoch_ms(recorded_at)
        except SiemFormatError as error:
            raise ValueError(str(error)) from error
        return recorded_at

    @classmethod
    def of(cls, event: AuditEvent) -> CursorPosition:
        chain = chain_key(event.source.topic, event.source.partition)
        return cls(recorded_at=event.recorded_at, chain=chain, seq=event.seq, hash=event.hash)

    def order(self) -> tuple[int, str, int]:
        return epoch_ms(self.recorded_at), self.chain, self.seq


def export_order(event: AuditEvent) -> tuple[int, str, int]:
    """Events are exported by time, then chain key, then place in the chain."""
    return epoch_ms(event.recorded_at), chain_key(event.source.topic, event.source.partition), event.seq


def events_after(
    events: Iterable[AuditEvent], position: CursorPosition | None, since: datetime | None
) -> list[AuditEvent]:
    """The events after ``position`` (and at or after ``since``; a naive time is UTC), in export order;
    SiemExportError if the event at the position is not the one exported."""
    return sorted(_after(events, position, since), key=export_order)


def _after(
    events: Iterable[AuditEvent], position: CursorPosition | None, since: datetime | None
) -> Iterator[AuditEvent]:
    since_ms = None if since is None else _datetime_ms(since)
    for event in events:
        order = export_order(event)
        if since_ms is not None and order[0] < since_ms:
            continue
        if position is None or _is_after(event, order, position):
            yield event


def _is_after(event: AuditEvent, order: tuple[int, str, int], position: CursorPosition) -> bool:
    stop = position.order()
    if order == stop and event.hash != position.hash:
        raise SiemExportError(
            f"the event at the export cursor ({position.chain} seq {position.seq}) has hash {event.hash}, "
            f"not {position.hash} as exported: the evidence changed since the last export"
        )
    return order > stop


def _datetime_ms(moment: datetime) -> int:
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return (aware - _EPOCH) // timedelta(milliseconds=1)
