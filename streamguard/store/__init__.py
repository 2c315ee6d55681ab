"""The evidence store: audit events, signed checkpoints, witness cosignatures and sessions, queryable.

SQLite by default (one file beside the deployment), PostgreSQL for a store that several readers and the
indexer share. ``EvidenceStore.open(url)`` migrates the schema to head before it hands the store out.
"""

from __future__ import annotations

from streamguard.store.connection import StoreError
from streamguard.store.control_records import StoredAlert, StoredReadAccess
from streamguard.store.evidence_store import EvidenceStore
from streamguard.store.records import (
    PurgeSelection,
    SessionLike,
    StoredCheckpoint,
    StoredCosignature,
    StoredSession,
    parse_utc,
)

__all__ = [
    "EvidenceStore",
    "PurgeSelection",
    "SessionLike",
    "StoreError",
    "StoredAlert",
    "StoredCheckpoint",
    "StoredCosignature",
    "StoredReadAccess",
    "StoredSession",
    "parse_utc",
]
