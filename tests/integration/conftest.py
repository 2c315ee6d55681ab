"""Integration fixtures beside the Kafka ones of tests/conftest.py: a throwaway PostgreSQL cluster.

The cluster is started once per session, on the first test that asks for it, and stopped at the end; a test
whose machine has no PostgreSQL and cannot install it is skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres_server import PostgresServer, postgres_binaries


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer.start(postgres_binaries())
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """The cluster's URL (superuser ``streamguard``, no password, database ``postgres``)."""
    return postgres_server.url
