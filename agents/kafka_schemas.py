"""Writer schemas from the schema registry, cached, for the data path.

With a ``mock://`` registry (tests and the demo: no registry server runs there) each process has its own
in-memory registry that numbers schemas in registration order. Every process therefore registers the schemas
carried by the rule history in that history's order (``register_history``), so a producer and a worker agree
on ids. Against a real registry, ``register_history`` does nothing: producers register, streamguard reads.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from typing import Any

import fastavro
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

from agents.kafka_rules import RuleSetRecord


class SchemaCatalog:
    """Thread-safe, cached look-ups of parsed Avro writer schemas by id."""

    def __init__(self, registry_url: str) -> None:
        self.is_mock = registry_url.startswith("mock://")
        self._client = SchemaRegistryClient.new_client({"url": registry_url})
        self._parsed: dict[int, dict[str, Any] | None] = {}
        self._lock = threading.Lock()

    def register_history(self, history: Iterable[RuleSetRecord]) -> None:
        if not self.is_mock:
            return
        for record in history:
            self.register(record)

    def register(self, record: RuleSetRecord) -> int | None:
        if record.avro_schema is None:
            return None
        with self._lock:
            return self._client.register_schema(record.subject, Schema(record.avro_schema, "AVRO"))

    def writer_schema(self, schema_id: int) -> dict[str, Any] | None:
        """The parsed schema, or None if the registry does not know the id."""
        with self._lock:
            if schema_id not in self._parsed:
                self._parsed[schema_id] = self._fetch(schema_id)
            return self._parsed[schema_id]

    def _fetch(self, schema_id: int) -> dict[str, Any] | None:
        try:
            schema = self._client.get_schema(schema_id)
        except SchemaRegistryError as error:
            if error.http_status_code == 404:
                return None
            raise
        if schema is None or (schema.schema_type or "AVRO") != "AVRO":
            return None
        return fastavro.parse_schema(json.loads(schema.schema_str))  # type: ignore[no-any-return]
