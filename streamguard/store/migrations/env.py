"""Alembic's entry point for the evidence store: migrate the connection ``EvidenceStore.open`` hands over.

The store opens its own database, with the URL it was given, and passes the open connection in the config's
attributes; the alembic command line, with no connection, can list the migrations but not run them.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from streamguard.store.connection import StoreError

# Its own version table: a shared PostgreSQL database may hold another application's alembic_version.
VERSION_TABLE = "evidence_store_version"


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise StoreError("the evidence store migrates when it is opened: use EvidenceStore.open(url), not alembic")
    context.configure(connection=connection, version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
