"""The evidence store on SQLite and on a real PostgreSQL: schema, idempotent replays, queries, purges, errors.

Every test runs on both back ends, each on a store of its own (a new file, a new database).
"""

from __future__ import annotations

import random
import socket
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from streamguard.control.alerts import Alert, Severity
from streamguard.control.read_evidence import Client, Reader, ReadProgress, access_operation
from streamguard.control.read_sources import ReadSource
from streamguard.evidence.audit import ACCESS, ALERT, GENESIS_HASH, AuditEvent, SourceSpan, offset_ranges
from streamguard.store import (
    EvidenceStore,
    StoredCheckpoint,
    StoredCosignature,
    StoredSession,
    StoreError,
)
from streamguard.store.connection import ALEMBIC_INI, locate_store
from streamguard.store.models import Base, ReadAccessRow
from tests.postgres_server import PostgresServer

VERSION_TABLE = "evidence_store_version"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/not-yet/evidence.db"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(f"evidence_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def store(store_url: str) -> Iterator[EvidenceStore]:
    with EvidenceStore.open(store_url) as opened:
        yield opened


def _chain(topic: str, partition: int, count: int, start: datetime, step: timedelta) -> list[AuditEvent]:
    """``count`` sealed events of one source partition, ``step`` apart from ``start``."""
    events, head = [], GENESIS_HASH
    for seq in range(count):
        first = seq * 10
        event = AuditEvent(
            event_id=f"{topic}-{partition}-{seq}",
            recorded_at=(start + seq * step).isoformat(timespec="milliseconds"),
            worker="worker-1",
            dataset=topic.removeprefix("raw."),
            source=SourceSpan(topic=topic, partition=partition, first_offset=first, last_offset=first + 9),
            delivered=offset_ranges(list(range(first, first + 10))),
            input_digest=f"digest-{seq}",
            kind="records" if seq % 3 else "rules",
        ).sealed(seq, head)
        events.append(event)
        head = event.hash
    return events


def _session(number: int, *, dataset: str = "orders", identity: str = "alice", records: int = 5) -> StoredSession:
    first = T0 + timedelta(minutes=10 * number)
    return _session_state(
        f"{number:02d}{uuid.uuid5(uuid.NAMESPACE_OID, str(number)).hex}", dataset, identity, first, records
    )


def _session_state(id_: str, dataset: str, identity: str, first: datetime, records: int) -> StoredSession:
    last = first + timedelta(seconds=records)
    body = f'{{"id":"{id_}","records":{records},"last_seen":"{last.isoformat()}"}}'
    return StoredSession(id_, dataset, f"raw.{dataset}", identity, first, last, records, body)


def _checkpoint(origin: str, size: int, recorded_at: datetime, root: str = "a") -> StoredCheckpoint:
    return StoredCheckpoint(origin, size, root * 64, f"{origin}\n{size}\nroot-{root}\n\n— sig\n", recorded_at)


def _cosignature(checkpoint: StoredCheckpoint, witness: str) -> StoredCosignature:
    return StoredCosignature(checkpoint.origin, checkpoint.size, checkpoint.root_hex, witness, f"— {witness} sig", 17)


def test_opening_migrates_to_the_schema_the_models_describe(store_url: str) -> None:
    EvidenceStore.open(store_url).close()
    with EvidenceStore.open(store_url):  # a second open finds the schema at head and changes nothing
        pass
    if store_url.startswith("sqlite"):
        assert Path(store_url.removeprefix("sqlite:///")).is_file()
    engine = create_engine(locate_store(store_url).url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
            assert (
                context.get_current_revision()
                == ScriptDirectory.from_config(Config(str(ALEMBIC_INI))).get_current_head()
            )
            differences = compare_metadata(context, Base.metadata)
            assert [d for d in differences if not (d[0] == "remove_table" and d[1].name == VERSION_TABLE)] == []
        config = Config(str(ALEMBIC_INI))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) == {VERSION_TABLE}
    finally:
        engine.dispose()
    with EvidenceStore.open(store_url) as reopened:
        assert reopened.chains() == []


def test_read_access_indexed_before_sources_names_the_authorizer_log_where_it_named_a_principal(
    store_url: str,
) -> None:
    EvidenceStore.open(store_url).close()
    engine = create_engine(locate_store(store_url).url)
    config = Config(str(ALEMBIC_INI))
    row = {"event_hash": "e" * 64, "observed_at": T0, "group_id": "analytics-1", "topic": "governed.c.analytics"}
    row |= {"partition": 0, "committed_offset": 5, "clients": "[]", "principal": None}
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")  # the schema before sources
            rows = [row | {"entry": 0, "kafka_principal": "User:ana"}, row | {"entry": 1, "kafka_principal": None}]
            connection.execute(ReadAccessRow.__table__.insert(), rows)
    finally:
        engine.dispose()
    with EvidenceStore.open(store_url) as store:  # migrated to head
        assert [(r.kafka_principal, r.source) for r in store.read_access()] == [
            ("User:ana", "authorizer-log"),
            (None, None),
        ]


def _fill(store: EvidenceStore, events: list[AuditEvent], sessions: list[StoredSession]) -> tuple[int, int, int]:
    """Add everything once; how many events, checkpoints and cosignatures, and sessions were new or changed."""
    new_events = store.add_events(events)
    checkpoints = [_checkpoint("log.example/a", size, T0 + timedelta(hours=size)) for size in (4, 2, 9)]
    new_checkpoints = sum(store.add_checkpoint(checkpoint) for checkpoint in checkpoints)
    new_checkpoints += sum(store.add_cosignature(_cosignature(checkpoints[0], w)) for w in ("w2", "w1"))
    return new_events, new_checkpoints, store.put_sessions(sessions)


def _snapshot(store: EvidenceStore) -> tuple[object, ...]:
    return (
        list(store.events()),
        store.chains(),
        store.sessions(limit=1000),
        store.checkpoints(),
        store.cosignatures("log.example/a", 4),
    )


def test_replaying_the_same_input_leaves_the_store_as_it_was(store: EvidenceStore) -> None:
    events = _chain("raw.orders", 0, 5, T0, timedelta(seconds=1)) + _chain("raw.orders", 1, 3, T0, timedelta(seconds=2))
    sessions = [_session(n) for n in range(4)]
    assert _fill(store, [*events, events[0]], sessions) == (8, 5, 4)  # a duplicate in the batch counts once
    first = _snapshot(store)
    assert _fill(store, events, sessions) == (0, 0, 0)
    assert _snapshot(store) == first
    assert first[0] == sorted(events, key=lambda e: (e.recorded_at, e.source.partition, e.seq))
    assert first[1] == ["raw.orders:0", "raw.orders:1"]
    assert [c.size for c in first[3]] == [2, 4, 9]
    assert [c.witness for c in first[4]] == ["w1", "w2"]


def test_a_session_grows_and_a_replayed_older_state_does_not_shrink_it(store: EvidenceStore) -> None:
    opened = _session(1, records=5)
    grown = _session_state(opened.id, "orders", "alice", opened.first_seen, 9)
    assert store.put_sessions([opened]) == 1
    assert store.put_sessions([grown]) == 1
    assert store.put_sessions([opened]) == 0
    assert store.session(opened.id) == grown
    other = _session(2, records=5)
    other_grown = _session_state(other.id, "orders", "alice", other.first_seen, 9)
    assert store.put_sessions([other_grown, other]) == 1  # within one batch too, the later state wins
    assert store.session(other.id) == other_grown


def test_sessions_are_filtered_and_paged_newest_first(store: EvidenceStore) -> None:
    sessions = [
        _session(n, dataset="orders" if n % 2 else "payments", identity="alice" if n % 3 else "bob") for n in range(12)
    ]
    store.put_sessions(random.Random(7).sample(sessions, len(sessions)))
    newest_first = [s.id for s in reversed(sessions)]
    assert [s.id for s in store.sessions()] == newest_first
    pages = [store.sessions(limit=5, offset=offset) for offset in (0, 5, 10)]
    assert [len(page) for page in pages] == [5, 5, 2]
    assert [s.id for page in pages for s in page] == newest_first
    assert [s.id for s in store.sessions(dataset="orders")] == [s.id for s in reversed(sessions[1::2])]
    assert [s.id for s in store.sessions(identity="bob")] == [s.id for s in reversed(sessions[::3])]
    assert [s.id for s in store.sessions(dataset="payments", identity="bob")] == [sessions[6].id, sessions[0].id]
    # Active in the window: seen last at or after since, seen first before until.
    since, until = sessions[3].last_seen, sessions[6].first_seen
    assert [s.id for s in store.sessions(since=since, until=until)] == [sessions[5].id, sessions[4].id, sessions[3].id]
    straddling = _session_state("straddling", "orders", "carol", sessions[5].first_seen, records=7200)
    store.put_sessions([straddling])  # began in the window, still going after it
    assert [s.id for s in store.sessions(since=since, until=until)][:2] == ["straddling", sessions[5].id]
    assert store.sessions(dataset="nothing") == []


def test_events_stream_in_time_then_chain_then_seq_order(store: EvidenceStore) -> None:
    step = timedelta(milliseconds=1)
    by_chain = {
        "raw.orders:0": _chain("raw.orders", 0, 1200, T0, step),
        "raw.orders:1": _chain("raw.orders", 1, 1200, T0, step),  # ties with partition 0 at every instant
        "raw.payments:0": _chain("raw.payments", 0, 50, T0 - timedelta(hours=1), timedelta(minutes=1)),
    }
    everything = [event for chain in by_chain.values() for event in chain]
    store.add_events(random.Random(3).sample(everything, len(everything)))
    streamed = list(store.events())  # more than one fetch of rows
    expected = by_chain["raw.payments:0"] + [e for pair in zip(*list(by_chain.values())[:2], strict=True) for e in pair]
    assert [e.hash for e in streamed] == [e.hash for e in expected]
    assert streamed[0] == expected[0]
    assert all(event.content_hash() == event.hash for event in streamed)
    assert list(store.events(chain="raw.orders:1")) == by_chain["raw.orders:1"]
    assert list(store.events(dataset="payments")) == by_chain["raw.payments:0"]
    since, until = T0 + 10 * step, T0 + 13 * step
    assert [(e.source.partition, e.seq) for e in store.events(since=since, until=until, chain="raw.orders:0")] == [
        (0, 10),
        (0, 11),
        (0, 12),
    ]
    rules = [e.hash for e in store.events(kinds={"rules"}, dataset="payments")]
    assert rules == [e.hash for e in by_chain["raw.payments:0"] if e.kind == "rules"]


def test_times_in_other_offsets_order_by_their_instant(store: EvidenceStore) -> None:
    later = _chain("raw.a", 0, 1, T0, timedelta(0))[0]
    earlier = _chain("raw.b", 0, 1, T0, timedelta(0))[0]
    earlier = earlier.model_copy(update={"recorded_at": "2026-03-01T13:59:00+02:00"}).sealed(0, GENESIS_HASH)
    store.add_events([later, earlier])
    assert [e.hash for e in store.events()] == [earlier.hash, later.hash]
    assert list(store.events(since=T0)) == [later]


def test_an_export_cursor_round_trips(store: EvidenceStore) -> None:
    assert store.cursor("siem") is None
    store.set_cursor("siem", "raw.orders:0@41")
    store.set_cursor("siem", "raw.orders:0@97")
    store.set_cursor("archive", "2026-03-01")
    assert store.cursor("siem") == "raw.orders:0@97"
    assert store.cursor("archive") == "2026-03-01"


def test_a_purge_selects_then_deletes_exactly_what_was_selected(store: EvidenceStore) -> None:
    cutoff = T0 + timedelta(days=30)
    old = _chain("raw.orders", 0, 4, T0, timedelta(days=1))
    new = _chain("raw.orders", 1, 2, cutoff, timedelta(days=1))
    store.add_events(old + new)
    checkpoints = [_checkpoint("a", 4, T0), _checkpoint("a", 8, T0), _checkpoint("a", 12, cutoff)]
    checkpoints.append(_checkpoint("b", 3, T0))  # old, but the largest of its log: it stays
    for checkpoint in checkpoints:
        store.add_checkpoint(checkpoint)
    for checkpoint in (checkpoints[0], checkpoints[2], checkpoints[3]):
        store.add_cosignature(_cosignature(checkpoint, "w1"))
    sessions = [_session(1), _session(2), _session_state("later", "orders", "bob", cutoff, 3)]
    store.put_sessions(sessions)

    selection = store.purge_older_than(cutoff)
    assert selection.event_hashes == {e.hash for e in old}
    assert selection.checkpoints == tuple(checkpoints[:2])
    assert selection.cosignatures == (_cosignature(checkpoints[0], "w1"),)
    assert {s.id for s in selection.sessions} == {sessions[0].id, sessions[1].id}
    assert list(store.selected_events(selection)) == old

    late = _chain("raw.late", 0, 1, T0, timedelta(0))  # arrives between the selection and the delete
    store.add_events(late)
    grown = _session_state(sessions[1].id, "orders", "alice", sessions[1].first_seen, 6)
    store.put_sessions([grown])
    store.delete(selection)

    assert list(store.events()) == late + new
    assert store.checkpoints() == [checkpoints[2], checkpoints[3]]
    assert store.cosignatures("a", 4) == []
    assert store.cosignatures("a", 12) == [_cosignature(checkpoints[2], "w1")]
    assert [s.id for s in store.sessions()] == ["later", grown.id]  # the grown one was not what was archived
    assert store.purge_older_than(T0).event_hashes == frozenset()


def test_a_session_is_found_by_a_unique_prefix_of_its_id(store: EvidenceStore) -> None:
    ids = ["3f2a9c1e7b004d11", "3f2a9c1e7b995e22", "8c01d2e3f4a5b6c7"]
    store.put_sessions([_session_state(id_, "orders", "alice", T0, 1) for id_ in ids])
    assert store.session(ids[0]).id == ids[0]
    assert store.session("8c01d2e3").id == ids[2]
    assert store.session("3f2a9c1e7b00").id == ids[0]
    assert store.session("8c01d2e") is None  # shorter than 8 characters: an exact id only
    assert store.session("8C01D2E3") is None  # ids are case-sensitive on either back end
    assert store.session("ffffffff") is None
    with pytest.raises(StoreError, match="'3f2a9c1e' is ambiguous"):
        store.session("3f2a9c1e")


def test_the_store_refuses_unsealed_events_and_naive_times(store: EvidenceStore) -> None:
    unsealed = _chain("raw.orders", 0, 1, T0, timedelta(0))[0].model_copy(update={"hash": ""})
    with pytest.raises(StoreError, match=r"raw\.orders-0-0 has no hash"):
        store.add_events([unsealed])
    with pytest.raises(StoreError, match="since must be a timezone-aware datetime"):
        store.events(since=datetime(2026, 1, 1))  # a naive time


def test_an_unreachable_postgresql_store_is_named_with_its_password_hidden() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreError) as raised:
        EvidenceStore.open(f"postgresql://auditor:s3cret-pw@127.0.0.1:{port}/evidence")
    message = str(raised.value)
    assert message.startswith(f"cannot open evidence store postgresql://auditor:***@127.0.0.1:{port}/evidence: ")
    assert "refused" in message.lower()
    assert "s3cret-pw" not in message


def test_unsupported_and_malformed_urls_are_refused_without_echoing_them() -> None:
    with pytest.raises(StoreError, match=r"mysql://root:\*\*\*@db/evidence: unsupported database"):
        EvidenceStore.open("mysql://root:hunter2@db/evidence")
    with pytest.raises(StoreError, match="a SQLite store needs a file path"):
        EvidenceStore.open("sqlite://")
    with pytest.raises(StoreError, match="the URL does not parse") as raised:
        EvidenceStore.open("not a url at all with pw hunter2")
    assert "hunter2" not in str(raised.value)


def test_processes_opening_a_fresh_store_at_once_migrate_it_once(store_url: str) -> None:
    def open_and_count(_: int) -> int:
        with EvidenceStore.open(store_url) as opened:
            return len(opened.chains())

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [0, 0, 0, 0]


def _control_event(kind: str, operation: dict[str, object], seq: int, at: datetime) -> AuditEvent:
    span = SourceSpan(topic="streamguard.control", partition=0, first_offset=0, last_offset=0)
    event = AuditEvent(
        event_id=f"control-{seq}",
        kind=kind,
        recorded_at=at.isoformat(),
        worker="streamguard:read-watch",
        dataset=None,
        source=span,
        input_digest=f"digest-{seq}",
        operation=operation,
    )
    return event.sealed(seq, GENESIS_HASH)


def test_control_events_are_indexed_once_queried_and_purged_with_their_events(store: EvidenceStore) -> None:
    ana, eve = Reader("User:ana", "ana"), Reader("User:eve", None, ReadSource.AUDIT_LOG_TOPIC)
    read = ReadProgress(T0, "analytics-1", "governed.c.analytics", 0, 500, 100, 600, (), (ana, eve), "c", "analytics")
    clients = (Client("notebook", "10.0.0.7"),)
    unknown = ReadProgress(T0, "etl-7", "raw.c", 2, 40, None, 40, clients, (), "c", None)
    access = _control_event(ACCESS, access_operation([read, unknown], None, "consumer-groups"), 0, T0)
    raised = T0 + timedelta(minutes=1)
    alert = Alert("topics_read", "ana", Severity.HIGH, "ana read 10 topics", {"topics": ["t"]}, raised, "k|ana|p")
    alerted = _control_event(ALERT, alert.to_operation(), 1, raised)
    noise = _chain("raw.c", 0, 3, T0, timedelta(seconds=1))  # records events: nothing for these tables

    assert store.add_control_events([access, alerted, *noise]) == 4  # a row per principal, one without, an alert
    assert store.add_control_events([access, alerted]) == 0
    assert [(r.principal, r.kafka_principal, r.source) for r in store.read_access(group="analytics-1")] == [
        ("ana", "User:ana", "authorizer-log"),
        (None, "User:eve", "audit-log-topic"),
    ]
    [etl] = store.read_access(topic="raw.c")
    assert (etl.principal, etl.source, etl.previous_offset, etl.clients, etl.audience) == (
        None,
        None,
        None,
        (("notebook", "10.0.0.7"),),
        None,
    )
    assert [r.committed_offset for r in store.read_access(principal="User:eve")] == [500]
    assert [(a.rule, a.details, a.event_hash) for a in store.alerts()] == [
        ("topics_read", {"topics": ["t"]}, alerted.hash)
    ]
    assert store.alerts(since=raised + timedelta(seconds=1)) == []

    store.add_events([access, alerted])
    store.delete(store.purge_older_than(raised + timedelta(seconds=1)))
    assert store.read_access() == []
    assert store.alerts() == []
