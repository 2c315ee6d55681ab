"""Writer schemas from the schema registry, cached, for the data path.

Against a real registry streamguard only reads: producers register their schemas, the worker looks them up
by id. A registry that does not answer raises ``SchemaRegistryUnavailable`` (an infrastructure fault: the
worker stops without committing); an id it does not know is the record's fault (``unknown_schema_id``).

With a ``mock://`` registry (tests and the demo: no registry server runs there) each process has its own
in-memory registry that numbers schemas in registration order, so every process registers the schemas carried
by the rule history in that history's order (``register``) and producers and workers agree on ids. That is
the only case in which streamguard registers anything.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import fastavro
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

from streamguard.core.errors import SchemaRegistryUnavailable
from streamguard.core.rule_sets import RuleSetRecord

MOCK_SCHEME = "mock://"


class SchemaCatalog:
    """Thread-safe, cached look-ups of parsed Avro writer schemas by id."""

    def __init__(self, registry_url: str) -> None:
        self.is_mock = registry_url.startswith(MOCK_SCHEME)
        self._client = SchemaRegistryClient.new_client({"url": registry_url})
        self._parsed: dict[int, dict[str, Any] | None] = {}
        self._lock = threading.Lock()

    def register(self, records: Iterable[RuleSetRecord]) -> None:
        """On ``mock://`` only: register the Avro schemas the rule records carry (value, then key), in order."""
        if not self.is_mock:
            return
        for record in records:
            self.schema_id_of(record)
            self.key_schema_id_of(record)

    def schema_id_of(self, record: RuleSetRecord) -> int | None:
        """The id of the value schema a rule record carries (registered on ``mock://``, looked up otherwise),
        or None if it carries none or the registry does not know it."""
        return self._id_of(record.subject, record.avro_schema)

    def key_schema_id_of(self, record: RuleSetRecord) -> int | None:
        """The same for the Avro key schema a rule record carries."""
        return self._id_of(record.key_subject or f"raw.{record.dataset}-key", record.key_schema)

    def _id_of(self, subject: str, schema_text: str | None) -> int | None:
        if schema_text is None:
            return None
        schema = Schema(schema_text, "AVRO")
        with self._lock, _answering(f"subject {subject}"):
            if self.is_mock:
                return int(self._client.register_schema(subject, schema))
            return int(self._client.lookup_schema(subject, schema).schema_id)
        return None  # a 404: the registry does not know it

    def writer_schema(self, schema_id: int) -> dict[str, Any] | None:
        """The parsed schema, or None if the registry does not know the id."""
        with self._lock:
            if schema_id not in self._parsed:
                self._parsed[schema_id] = self._fetch(schema_id)
            return self._parsed[schema_id]

    def _fetch(self, schema_id: int) -> dict[str, Any] | None:
        schema = None
        with _answering(f"schema id {schema_id}"):
            schema = self._client.get_schema(schema_id)
        if schema is None or (schema.schema_type or "AVRO") != "AVRO":
            return None  # unknown to the registry, or not Avro: its records are quarantined
        try:
            return fastavro.parse_schema(json.loads(schema.schema_str))  # type: ignore[no-any-return]
        except Exception:  # a registered schema fastavro cannot use: treated like an unknown one
            return None


@contextmanager
def _answering(what: str) -> Iterator[None]:
    """Swallow a 404 (the caller then returns None); anything else means the registry did not answer."""
    try:
        yield
    except SchemaRegistryError as error:
        if error.http_status_code != 404:
            raise SchemaRegistryUnavailable(f"schema registry: {what}: HTTP {error.http_status_code}") from None
    except Exception as error:  # a refused connection, a timeout, TLS: the registry did not answer
        raise SchemaRegistryUnavailable(f"schema registry: {what}: {type(error).__name__}") from None
