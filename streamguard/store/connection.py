"""Opening an evidence store's database: the URL, the engine, the migrations, and errors that keep secrets.

A store URL may carry a password, so it is only ever shown rendered with the password hidden, and a driver's
error is quoted by its first line only: SQLAlchemy's own message would add the statement and its parameters.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from streamguard.core.errors import StoreError

_PACKAGE = Path(__file__).resolve().parent
ALEMBIC_INI = _PACKAGE / "alembic.ini"
SQLITE_BUSY_S = 30.0  # how long a SQLite connection waits for another's lock
_MIGRATION_LOCK = 0x5354524D4755  # "STRMGU", any constant key of pg_advisory_xact_lock
_URL_FORMS = "sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE"


@dataclass(frozen=True)
class StoreLocation:
    """The URL the engine uses, and the store's name for messages: the URL as given, password hidden."""

    url: URL
    shown: str


def locate_store(url: str) -> StoreLocation:
    """Where the store is: a bare ``postgresql://`` (or ``postgres://``) gets the psycopg 3 driver, the one
    installed; a SQLite URL must name a file, since each connection would get its own in-memory database."""
    try:
        given = make_url(url)
    except ArgumentError:
        raise StoreError(f"cannot open evidence store: the URL does not parse (use {_URL_FORMS})") from None
    shown = given.render_as_string(hide_password=True)
    if given.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return StoreLocation(given.set(drivername="postgresql+psycopg"), shown)
    if given.drivername != "sqlite":
        raise StoreError(f"cannot open evidence store {shown}: unsupported database (use {_URL_FORMS})")
    if given.database in (None, "", ":memory:"):
        raise StoreError(f"cannot open evidence store {shown}: a SQLite store needs a file path")
    return StoreLocation(given, shown)


def create_store_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_S})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # WAL lets a long read (a million streamed events) run while the indexer writes.
    cursor = dbapi_connection.cursor()
    _write_ahead_log(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _write_ahead_log(cursor: sqlite3.Cursor) -> None:
    """WAL is kept in the file: the first connection to a fresh store switches it. The switch needs the file to
    itself, and SQLite answers "database is locked" at once when another connection holds it (its busy timeout
    does not wait for this), as when processes open a fresh store at once: so it is tried again for as long as
    that timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_S
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(0.05)


def upgrade_to_head(engine: Engine) -> None:
    """Run the package's migrations up to head on this engine, in one transaction that holds a lock: two
    processes opening a fresh store at once must not both create its tables."""
    config = Config(str(ALEMBIC_INI))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        else:  # SQLite's write lock, taken before alembic looks for its version table
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def translated_errors(doing: str, store: StoreLocation) -> Iterator[None]:
    """Database and migration errors raised inside as a ``StoreError`` saying what was done to which store."""
    try:
        yield
    except (SQLAlchemyError, CommandError) as error:
        raise StoreError(f"cannot {doing} evidence store {store.shown}: {_reason(error, store.url)}") from None


def _reason(error: SQLAlchemyError | CommandError, url: URL) -> str:
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    reason = lines[0] if lines else type(cause).__name__
    return reason.replace(url.password, "***") if url.password else reason
