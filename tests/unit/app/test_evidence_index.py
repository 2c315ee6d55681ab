"""The indexer's choice of what to fold again: a settled session is refolded when an execution on its dataset,
recorded while it was open, is indexed after it settled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from streamguard.app.services.evidence.indexing import sessions_touched
from streamguard.evidence.audit import APPROVAL, AuditEvent, SourceSpan
from streamguard.evidence.sessions import Session
from streamguard.store import EvidenceStore, StoredSession

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
GAP = timedelta(minutes=30)


def _session(dataset: str, identity: str, first: timedelta, last: timedelta) -> StoredSession:
    return StoredSession.of(
        Session(
            id=f"{dataset}-{identity}-{first.total_seconds():.0f}",
            dataset=dataset,
            raw_topic=f"raw.{dataset}",
            identity=identity,
            first_seen=(T0 + first).isoformat(),
            last_seen=(T0 + last).isoformat(),
            records=1,
            open=False,
        )
    )


def _execution(at: timedelta, dataset: str, transition: str = "executed") -> AuditEvent:
    return AuditEvent(
        event_id=f"e-{at.total_seconds():.0f}",
        kind=APPROVAL,
        recorded_at=(T0 + at).isoformat(),
        worker="streamguard:control",
        dataset=dataset,
        source=SourceSpan(topic="streamguard.control", partition=0, first_offset=0, last_offset=0),
        input_digest="d",
        operation={"request": "r1", "transition": transition, "dataset": dataset},
    ).sealed(0, "0" * 64)


def test_an_execution_recorded_while_a_stored_session_was_open_refolds_that_session(tmp_path: Path) -> None:
    with EvidenceStore.open(f"sqlite:///{tmp_path / 'e.sqlite3'}") as store:
        store.put_sessions(
            [
                _session("orders", "User:crm", timedelta(0), timedelta(minutes=10)),  # open until minute 40
                _session("orders", "User:crm", timedelta(hours=2), timedelta(hours=3)),  # after the execution
                _session("orders", "User:old", timedelta(hours=-3), timedelta(hours=-2)),  # closed long before
                _session("invoices", "User:crm", timedelta(0), timedelta(minutes=10)),  # another dataset
            ]
        )
        touched = sessions_touched(store, [_execution(timedelta(minutes=25), "orders")], GAP)
        assert [(s.dataset, s.identity, s.first_seen) for s in touched] == [("orders", "User:crm", T0)]
        approved_only = sessions_touched(store, [_execution(timedelta(minutes=25), "orders", "approved")], GAP)
        assert list(approved_only) == []
