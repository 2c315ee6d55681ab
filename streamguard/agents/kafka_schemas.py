"""Writer schemas from the schema registry, cached, for the data path: Avro, Protobuf (``.proto`` text and the
files it imports by reference, compiled here: ``streamguard.core.proto_compiler``) and JSON Schema.

Against a real registry streamguard only reads: producers register their schemas, the worker looks them up
by id. A registry that does not answer raises ``SchemaRegistryUnavailable`` (an infrastructure fault: the
worker stops without committing); an id it does not know is the record's fault (``unknown_schema_id``).

With a ``mock://`` registry (tests and the demo: no registry server runs there) each process has its own
in-memory registry that numbers schemas in registration order, so every process registers the schemas carried
by the rule history in that history's order (``register``) and producers and workers agree on ids. That is
the only case in which streamguard registers anything.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from confluent_kafka.schema_registry import Schema, SchemaReference, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

from streamguard.core.errors import RulesError, SchemaRegistryUnavailable
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.masking.writer_schemas import WriterSchema, parse_writer_schema

MOCK_SCHEME = "mock://"


class SchemaCatalog:
    """Thread-safe, cached look-ups of parsed writer schemas by id."""

    def __init__(self, registry_url: str) -> None:
        self.is_mock = registry_url.startswith(MOCK_SCHEME)
        self._client = SchemaRegistryClient.new_client({"url": registry_url})
        self._parsed: dict[int, WriterSchema | None] = {}
        self._lock = threading.Lock()

    def register(self, records: Iterable[RuleSetRecord]) -> None:
        """On ``mock://`` only: register the schemas the rule records carry (value, then key), in order."""
        if not self.is_mock:
            return
        for record in records:
            self.schema_id_of(record)
            self.key_schema_id_of(record)

    def schema_id_of(self, record: RuleSetRecord) -> int | None:
        """The id of the value schema a rule record carries (registered on ``mock://``, looked up otherwise),
        or None if it carries none or the registry does not know it."""
        return self._id_of(record.subject, record.avro_schema, record.schema_type)

    def key_schema_id_of(self, record: RuleSetRecord) -> int | None:
        """The same for the key schema a rule record carries."""
        return self._id_of(record.key_subject or f"raw.{record.dataset}-key", record.key_schema, record.schema_type)

    def _id_of(self, subject: str, schema_text: str | None, schema_type: str) -> int | None:
        if schema_text is None:
            return None
        schema = Schema(schema_text, schema_type)
        with self._lock, _answering(f"subject {subject}"):
            if self.is_mock:
                return int(self._client.register_schema(subject, schema))
            return int(self._client.lookup_schema(subject, schema).schema_id)
        return None  # a 404: the registry does not know it

    def writer_schema(self, schema_id: int) -> WriterSchema | None:
        """The parsed schema, or None if the registry does not know the id."""
        with self._lock:
            if schema_id not in self._parsed:
                self._parsed[schema_id] = self._fetch(schema_id)
            return self._parsed[schema_id]

    def schema_text(self, schema_id: int) -> str | None:
        """A schema's text as registered (what a steward validates rules with), or None if the id is unknown."""
        schema = None
        with _answering(f"schema id {schema_id}"):
            schema = self._client.get_schema(schema_id)
        return schema.schema_str if schema is not None else None

    def _fetch(self, schema_id: int) -> WriterSchema | None:
        schema = None
        with _answering(f"schema id {schema_id}"):
            schema = self._client.get_schema(schema_id)
        if schema is None or schema.schema_str is None:
            return None  # unknown to the registry: its records are quarantined
        source = f"schema id {schema_id}"
        try:
            imports = self._imports(schema.references or [], source)
            return parse_writer_schema(schema.schema_str, schema.schema_type or "AVRO", source, imports)
        except RulesError:  # a registered schema that cannot be used: treated like an unknown one
            return None

    def _imports(self, references: list[SchemaReference], source: str, depth: int = 0) -> dict[str, str]:
        """The texts a schema imports, by import name, with theirs (a Protobuf file's references)."""
        if depth > 16:
            raise RulesError(f"{source}: references nest too deep")
        texts: dict[str, str] = {}
        for reference in references:
            if reference.name is None or reference.subject is None or reference.name in texts:
                continue
            with _answering(f"subject {reference.subject}"):
                registered = self._client.get_version(reference.subject, reference.version or "latest")
                texts[reference.name] = registered.schema.schema_str or ""
                texts.update(self._imports(registered.schema.references or [], source, depth + 1))
        return texts


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
