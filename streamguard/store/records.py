"""What the evidence store takes and gives back besides audit events: sessions, checkpoints, cosignatures.

Times are timezone-aware UTC datetimes here, not the ISO text of the models they come from, so that a store
compares and filters them by value whatever spelling (``Z``, ``+00:00``, milliseconds) the producer used.
A session's ``body_json`` keeps the model's own JSON, text for text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from streamguard.core.times import parse_utc as parse_utc  # the store's readers parse its times with it


class SessionLike(Protocol):
    """The session model's attributes the store indexes (``streamguard.evidence.sessions.Session``)."""

    id: str
    dataset: str | None
    raw_topic: str
    identity: str
    first_seen: str
    last_seen: str
    records: int

    def model_dump_json(self) -> str: ...


@dataclass(frozen=True)
class StoredSession:
    id: str
    dataset: str | None
    raw_topic: str
    identity: str
    first_seen: datetime
    last_seen: datetime
    records: int
    body_json: str

    @classmethod
    def of(cls, session: SessionLike) -> StoredSession:
        return cls(
            id=session.id,
            dataset=session.dataset,
            raw_topic=session.raw_topic,
            identity=session.identity,
            first_seen=parse_utc(session.first_seen),
            last_seen=parse_utc(session.last_seen),
            records=session.records,
            body_json=session.model_dump_json(),
        )


@dataclass(frozen=True)
class StoredCheckpoint:
    """A signed checkpoint of one log (``origin``) at ``size`` entries; ``note`` is the signed note's text."""

    origin: str
    size: int
    root_hex: str
    note: str
    recorded_at: datetime


@dataclass(frozen=True)
class StoredCosignature:
    """One witness's cosignature of a checkpoint: its key name, the signature line and its Unix timestamp."""

    origin: str
    size: int
    root_hex: str
    witness: str
    line: str
    timestamp: int


@dataclass(frozen=True)
class PurgeSelection:
    """What a purge at ``cutoff`` would delete, chosen before the caller archives it.

    Events are named by hash only (``EvidenceStore.selected_events`` streams them for the archive), so that
    selecting a million of them does not hold a million events in memory. ``EvidenceStore.delete`` deletes
    exactly these rows, never what a second look at the cutoff would find, so nothing that arrived after the
    selection is deleted without having been archived.
    """

    cutoff: datetime
    event_hashes: frozenset[str]
    checkpoints: tuple[StoredCheckpoint, ...]
    cosignatures: tuple[StoredCosignature, ...]
    sessions: tuple[StoredSession, ...]
