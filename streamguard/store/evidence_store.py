"""The evidence store: what the indexer folds from the audit topic and the witnesses, kept and queryable.

Every write is an idempotent upsert, so the indexer may replay its input from any earlier point and the
store ends up the same: events, checkpoints and cosignatures are inserted once and never changed; a session
is replaced only by a later state of itself (it grows while it is open, and a replayed older state of it
changes nothing). Reads stream events in time order without loading them all.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self, TypeVar

from sqlalchemy import ColumnElement, Engine, Select, and_, bindparam, delete, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from streamguard.evidence.audit import AuditEvent
from streamguard.store.connection import (
    StoreError,
    StoreLocation,
    create_store_engine,
    locate_store,
    translated_errors,
    upgrade_to_head,
)
from streamguard.store.control_records import (
    StoredAlert,
    StoredReadAccess,
    alert_rows,
    read_access_rows,
    stored_alert,
    stored_read_access,
)
from streamguard.store.models import (
    AlertRow,
    AuditEventRow,
    CheckpointRow,
    CosignatureRow,
    ExportCursorRow,
    ReadAccessRow,
    SessionRow,
)
from streamguard.store.records import (
    PurgeSelection,
    StoredCheckpoint,
    StoredCosignature,
    StoredSession,
)
from streamguard.store.rows import aware, event_row, session_row, stored_session

_EVENTS = AuditEventRow.__table__
_CHECKPOINTS = CheckpointRow.__table__
_COSIGNATURES = CosignatureRow.__table__
_SESSIONS = SessionRow.__table__
_CURSORS = ExportCursorRow.__table__
_READ_ACCESS = ReadAccessRow.__table__
_ALERTS = AlertRow.__table__
_ROWS_PER_INSERT = 500  # x 13 columns stays well under SQLite's and PostgreSQL's bound-parameter limits
_KEYS_PER_DELETE = 5000
_EVENTS_PER_FETCH = 1000
_SHORTEST_ID_PREFIX = 8
_T = TypeVar("_T")


class EvidenceStore:
    """One evidence store database. Open it with ``EvidenceStore.open(url)``; it is a context manager."""

    def __init__(self, engine: Engine, location: StoreLocation) -> None:
        self._engine = engine
        self._location = location

    @classmethod
    def open(cls, url: str) -> EvidenceStore:
        """Open (creating a SQLite file and its folders if need be) and migrate the store to the latest schema."""
        location = locate_store(url)
        engine = create_store_engine(location.url)
        try:
            with translated_errors("open", location):
                upgrade_to_head(engine)
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, location)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EvidenceStore({self._location.shown})"

    # Writes: each replays to the same store.

    def add_events(self, events: Iterable[AuditEvent]) -> int:
        """Store sealed audit events, keyed by hash; returns how many were not stored before."""
        added = 0
        with translated_errors("write audit events to", self._location), self._engine.begin() as connection:
            for rows in _chunks((event_row(event) for event in events), _ROWS_PER_INSERT):
                insert = self._insert(_EVENTS).values(rows).on_conflict_do_nothing(index_elements=["hash"])
                added += len(connection.execute(insert.returning(_EVENTS.c.hash)).all())
        return added

    def add_checkpoint(self, checkpoint: StoredCheckpoint) -> bool:
        """Store a signed checkpoint; ``False`` if it was already stored."""
        row = {**vars(checkpoint), "recorded_at": aware(checkpoint.recorded_at, "checkpoint recorded_at")}
        return self._insert_once(_CHECKPOINTS, row, ["origin", "size", "root_hex"], "write a checkpoint to")

    def add_cosignature(self, cosignature: StoredCosignature) -> bool:
        """Store a witness cosignature; ``False`` if this witness's cosignature of that checkpoint was stored."""
        keys = ["origin", "size", "root_hex", "witness"]
        return self._insert_once(_COSIGNATURES, vars(cosignature), keys, "write a cosignature to")

    def put_sessions(self, sessions: Iterable[StoredSession]) -> int:
        """Insert new sessions and replace stored ones by a later state; returns how many rows changed."""
        latest: dict[str, dict[str, Any]] = {}
        for row in map(session_row, sessions):  # PostgreSQL refuses one statement that updates a row twice
            held = latest.get(row["id"])
            if held is None or (row["last_seen"], row["records"]) >= (held["last_seen"], held["records"]):
                latest[row["id"]] = row
        changed = 0
        with translated_errors("write sessions to", self._location), self._engine.begin() as connection:
            for rows in _chunks(latest.values(), _ROWS_PER_INSERT):
                changed += len(connection.execute(self._upsert_sessions(rows)).all())
        return changed

    def add_control_events(self, events: Sequence[AuditEvent]) -> int:
        """Index the control plane's operation events among ``events`` (read access, alerts) into their own
        tables; returns how many rows were not stored before."""
        added = 0
        with translated_errors("write control events to", self._location), self._engine.begin() as connection:
            for table, rows, keys in (
                (_READ_ACCESS, read_access_rows(events), ["event_hash", "entry"]),
                (_ALERTS, alert_rows(events), ["event_hash"]),
            ):
                for chunk in _chunks(rows, _ROWS_PER_INSERT):
                    insert = self._insert(table).values(chunk).on_conflict_do_nothing(index_elements=keys)
                    added += len(connection.execute(insert.returning(*table.primary_key.columns)).all())
        return added

    def set_cursor(self, name: str, position: str) -> None:
        row = {"name": name, "position": position, "updated_at": datetime.now(UTC)}
        insert = self._insert(_CURSORS).values(row)
        update = {"position": insert.excluded.position, "updated_at": insert.excluded.updated_at}
        with translated_errors("write an export cursor to", self._location), self._engine.begin() as connection:
            connection.execute(insert.on_conflict_do_update(index_elements=["name"], set_=update))

    # Reads.

    def events(
        self,
        *,
        chain: str | None = None,
        dataset: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        kinds: Collection[str] | None = None,
    ) -> Iterator[AuditEvent]:
        """Audit events recorded in [since, until), by recorded_at, then chain and seq, fetched a batch at a time."""
        where: list[ColumnElement[bool]] = []
        if chain is not None:
            where.append(_EVENTS.c.chain == chain)
        if dataset is not None:
            where.append(_EVENTS.c.dataset == dataset)
        if since is not None:
            where.append(_EVENTS.c.recorded_at >= aware(since, "since"))
        if until is not None:
            where.append(_EVENTS.c.recorded_at < aware(until, "until"))
        if kinds is not None:
            where.append(_EVENTS.c.kind.in_(list(kinds)))
        order = (_EVENTS.c.recorded_at, _EVENTS.c.chain, _EVENTS.c.seq, _EVENTS.c.hash)
        return self._stream_events(select(_EVENTS.c.body).where(*where).order_by(*order))

    def chains(self) -> list[str]:
        """Every chain (``topic:partition``) with a stored event, sorted bytewise whatever the collation."""
        return sorted(self._all(select(_EVENTS.c.chain).distinct(), "read chains from", scalars=True))

    def sessions(
        self,
        *,
        dataset: str | None = None,
        identity: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[StoredSession]:
        """Sessions active in [since, until) (seen last at or after since, first before until), newest first."""
        where: list[ColumnElement[bool]] = []
        if dataset is not None:
            where.append(_SESSIONS.c.dataset == dataset)
        if identity is not None:
            where.append(_SESSIONS.c.identity == identity)
        if since is not None:
            where.append(_SESSIONS.c.last_seen >= aware(since, "since"))
        if until is not None:
            where.append(_SESSIONS.c.first_seen < aware(until, "until"))
        query = select(_SESSIONS).where(*where).order_by(_SESSIONS.c.last_seen.desc(), _SESSIONS.c.id)
        return [stored_session(row) for row in self._all(query.limit(limit).offset(offset), "read sessions from")]

    def session(self, id_or_prefix: str) -> StoredSession | None:
        """The session with this id, or the only one whose id starts with it (a prefix of 8 or more characters)."""
        rows = self._all(select(_SESSIONS).where(_SESSIONS.c.id == id_or_prefix), "read a session from")
        if not rows and len(id_or_prefix) >= _SHORTEST_ID_PREFIX:
            # substr, not LIKE: SQLite's LIKE ignores case and would match where PostgreSQL does not
            starts = func.substr(_SESSIONS.c.id, 1, len(id_or_prefix)) == id_or_prefix
            rows = self._all(select(_SESSIONS).where(starts).limit(2), "read a session from")
            if len(rows) > 1:
                raise StoreError(f"session id prefix {id_or_prefix!r} is ambiguous: more than one session has it")
        return stored_session(rows[0]) if rows else None

    def read_access(
        self, *, topic: str | None = None, group: str | None = None, principal: str | None = None
    ) -> list[StoredReadAccess]:
        """Read evidence in observation order; ``principal`` matches the policy's name or the Kafka one."""
        table = _READ_ACCESS.c
        where: list[ColumnElement[bool]] = []
        if topic is not None:
            where.append(table.topic == topic)
        if group is not None:
            where.append(table.group_id == group)
        if principal is not None:
            where.append(or_(table.principal == principal, table.kafka_principal == principal))
        order = (table.observed_at, table.group_id, table.topic, table.partition, table.event_hash, table.entry)
        rows = self._all(select(_READ_ACCESS).where(*where).order_by(*order), "read read access from")
        return [stored_read_access(row) for row in rows]

    def alerts(self, since: datetime | None = None) -> list[StoredAlert]:
        """Alerts raised at or after ``since``, oldest first."""
        where = [_ALERTS.c.at >= aware(since, "since")] if since is not None else []
        query = select(_ALERTS).where(*where).order_by(_ALERTS.c.at, _ALERTS.c.rule, _ALERTS.c.subject)
        return [stored_alert(row) for row in self._all(query, "read alerts from")]

    def checkpoints(self, origin: str | None = None) -> list[StoredCheckpoint]:
        """Stored checkpoints (of one origin, or all), by origin and size."""
        query = select(_CHECKPOINTS).order_by(_CHECKPOINTS.c.origin, _CHECKPOINTS.c.size, _CHECKPOINTS.c.root_hex)
        if origin is not None:
            query = query.where(_CHECKPOINTS.c.origin == origin)
        return [StoredCheckpoint(**row._mapping) for row in self._all(query, "read checkpoints from")]

    def cosignatures(self, origin: str, size: int) -> list[StoredCosignature]:
        """The witnesses' cosignatures of the checkpoints of ``origin`` at ``size``, by root and witness."""
        table = _COSIGNATURES.c
        query = select(_COSIGNATURES).where(table.origin == origin, table.size == size)
        rows = self._all(query.order_by(table.root_hex, table.witness), "read cosignatures from")
        return [StoredCosignature(**row._mapping) for row in rows]

    def note_with_cosignatures(self, checkpoint: StoredCheckpoint) -> str:
        """The checkpoint's signed note with the stored cosignature lines of its root appended (a note carries
        cosignatures as further signature lines)."""
        lines = [
            c.line for c in self.cosignatures(checkpoint.origin, checkpoint.size) if c.root_hex == checkpoint.root_hex
        ]
        return checkpoint.note + "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    def cursor(self, name: str) -> str | None:
        query = select(_CURSORS.c.position).where(_CURSORS.c.name == name)
        positions = self._all(query, "read an export cursor from", scalars=True)
        return positions[0] if positions else None

    # Retention: select, let the caller archive, then delete exactly what was selected.

    def purge_older_than(self, cutoff: datetime) -> PurgeSelection:
        """What a purge would delete: events recorded, checkpoints recorded and sessions last seen before
        ``cutoff``, with the cosignatures of those checkpoints. The largest checkpoint of each origin stays
        whatever its age: the next checkpoint is proved consistent with it."""
        cutoff = aware(cutoff, "cutoff")
        with translated_errors("select a purge in", self._location), self._engine.connect() as connection:
            hashes = connection.scalars(select(_EVENTS.c.hash).where(_EVENTS.c.recorded_at < cutoff))
            event_hashes = frozenset(hashes)
            checkpoints = _outgrown_checkpoints(connection, cutoff)
            cosignatures = _cosignatures_of(connection, checkpoints)
            sessions = connection.execute(select(_SESSIONS).where(_SESSIONS.c.last_seen < cutoff)).all()
        return PurgeSelection(cutoff, event_hashes, checkpoints, cosignatures, tuple(map(stored_session, sessions)))

    def selected_events(self, selection: PurgeSelection) -> Iterator[AuditEvent]:
        """The selection's events, in the order ``events`` gives them, for the archive."""
        return (event for event in self.events(until=selection.cutoff) if event.hash in selection.event_hashes)

    def delete(self, selection: PurgeSelection) -> None:
        """Delete the selected rows in one transaction; a session is deleted only if it has not grown since."""
        cosignature_keys = ("origin", "size", "root_hex", "witness")
        with translated_errors("delete a purge from", self._location), self._engine.begin() as connection:
            for hashes in _chunks(sorted(selection.event_hashes), _KEYS_PER_DELETE):
                connection.execute(delete(_EVENTS).where(_EVENTS.c.hash.in_(hashes)))
                for derived in (_READ_ACCESS, _ALERTS):  # rows folded from those events go with them
                    connection.execute(delete(derived).where(derived.c.event_hash.in_(hashes)))
            _delete_keyed(connection, _CHECKPOINTS, ("origin", "size", "root_hex"), selection.checkpoints)
            _delete_keyed(connection, _COSIGNATURES, cosignature_keys, selection.cosignatures)
            _delete_keyed(connection, _SESSIONS, ("id", "last_seen"), selection.sessions)

    # Helpers.

    def _insert(self, table: Any) -> Any:
        """The dialect's INSERT, the one with ON CONFLICT."""
        return (postgresql if self._engine.dialect.name == "postgresql" else sqlite).insert(table)

    def _insert_once(self, table: Any, row: dict[str, Any], keys: list[str], doing: str) -> bool:
        insert = self._insert(table).values(row).on_conflict_do_nothing(index_elements=keys)
        with translated_errors(doing, self._location), self._engine.begin() as connection:
            return bool(connection.execute(insert.returning(*table.primary_key.columns)).all())

    def _upsert_sessions(self, rows: list[dict[str, Any]]) -> Any:
        insert = self._insert(_SESSIONS).values(rows)
        new, held = insert.excluded, _SESSIONS.c
        update = {column.name: new[column.name] for column in _SESSIONS.columns if column.name != "id"}
        grown = and_(new.last_seen >= held.last_seen, new.records >= held.records, new.body != held.body)
        return insert.on_conflict_do_update(index_elements=["id"], set_=update, where=grown).returning(held.id)

    def _all(self, query: Select[Any], doing: str, *, scalars: bool = False) -> Sequence[Any]:
        with translated_errors(doing, self._location), self._engine.connect() as connection:
            return connection.scalars(query).all() if scalars else connection.execute(query).all()

    def _stream_events(self, query: Select[Any]) -> Iterator[AuditEvent]:
        with translated_errors("read audit events from", self._location), self._engine.connect() as connection:
            for body in connection.execution_options(yield_per=_EVENTS_PER_FETCH).scalars(query):
                yield AuditEvent.model_validate_json(body)


def _outgrown_checkpoints(connection: Connection, cutoff: datetime) -> tuple[StoredCheckpoint, ...]:
    origin, size = _CHECKPOINTS.c.origin, _CHECKPOINTS.c.size
    largest = dict(connection.execute(select(origin, func.max(size)).group_by(origin)).all())
    old = connection.execute(select(_CHECKPOINTS).where(_CHECKPOINTS.c.recorded_at < cutoff)).all()
    return tuple(StoredCheckpoint(**row._mapping) for row in old if row.size < largest[row.origin])


def _cosignatures_of(connection: Connection, checkpoints: Iterable[StoredCheckpoint]) -> tuple[StoredCosignature, ...]:
    keys = {(checkpoint.origin, checkpoint.size, checkpoint.root_hex) for checkpoint in checkpoints}
    origins = sorted({origin for origin, _, _ in keys})
    rows = connection.execute(select(_COSIGNATURES).where(_COSIGNATURES.c.origin.in_(origins))).all()
    return tuple(StoredCosignature(**row._mapping) for row in rows if (row.origin, row.size, row.root_hex) in keys)


def _delete_keyed(connection: Connection, table: Any, keys: tuple[str, ...], items: Sequence[Any]) -> None:
    """Delete the rows whose ``keys`` columns equal those attributes of one of ``items``."""
    if items:
        matches = [table.c[key] == bindparam(f"key_{key}") for key in keys]
        params = [{f"key_{key}": getattr(item, key) for key in keys} for item in items]
        connection.execute(delete(table).where(*matches), params)


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    chunk: list[_T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
