"""Writer schemas of the three formats of a schema registry, parsed from their text, and their trees.

``format`` in the rules names the registry's schema type: ``avro`` (a schema as ``fastavro`` parsed it),
``protobuf`` (a compiled ``.proto`` file: ``ProtobufFile``; the rules' ``message`` picks its type) and
``jsonschema`` (``JsonSchemaDocument``). ``json`` records carry no schema. Errors name the schema's source (a
file, a request's field, a rules version), never a record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import fastavro
import yaml
from fastavro.schema import SchemaParseException, UnknownType
from fastavro.validation import validate

from streamguard.core.errors import RulesError
from streamguard.core.proto_compiler import compile_proto
from streamguard.masking.json_schema import JsonSchemaDocument
from streamguard.masking.protobuf_schema import ProtobufFile
from streamguard.masking.schema_tree import Node, from_avro

WriterSchema = Mapping[str, Any] | ProtobufFile | JsonSchemaDocument
# The schema type a registry gives each format's schemas (``Schema.schema_type``).
SCHEMA_TYPES = {"avro": "AVRO", "protobuf": "PROTOBUF", "jsonschema": "JSON"}
PROTO_FILE = "schema.proto"  # the name a .proto text without one of its own compiles under


def format_of(schema: WriterSchema) -> str:
    """The rules' ``format`` for records written with a parsed schema."""
    return next(fmt for fmt, schema_type in SCHEMA_TYPES.items() if schema_type == schema_type_of(schema))


def schema_type_of(schema: WriterSchema) -> str:
    """The registry's name of a parsed schema's type."""
    if isinstance(schema, ProtobufFile):
        return "PROTOBUF"
    return "JSON" if isinstance(schema, JsonSchemaDocument) else "AVRO"


def schema_type_for(rules_text: str) -> str:
    """The schema type of the format a rules text declares: Avro when it declares none that can be read (the
    rules' validation then names the problem)."""
    try:
        declared = yaml.safe_load(rules_text)
    except yaml.YAMLError:
        return "AVRO"
    fmt = declared.get("format") if isinstance(declared, dict) else None
    return SCHEMA_TYPES.get(fmt, "AVRO") if isinstance(fmt, str) else "AVRO"


def fits(schema: WriterSchema, record: Any, message: str | None = None) -> bool:
    """Whether a record's values can be written with the schema."""
    if isinstance(schema, ProtobufFile):
        try:
            schema.message(message).encode(record)
        except (ValueError, TypeError, KeyError, AttributeError):
            return False
        return True
    if isinstance(schema, JsonSchemaDocument):
        return schema.valid(record)
    return bool(validate(record, schema, raise_errors=False))


def tree_of(schema: WriterSchema, message: str | None = None) -> Node:
    """The tree of a writer schema; ``message``: which type of a Protobuf schema (None: its first)."""
    if isinstance(schema, ProtobufFile):
        return schema.message(message).tree
    if isinstance(schema, JsonSchemaDocument):
        return schema.tree
    return from_avro(schema)


def parse_writer_schema(
    text: str, schema_type: str, source: str, imports: Mapping[str, str] | None = None
) -> WriterSchema:
    """A writer schema from its text; ``schema_type`` as the registry names it (``AVRO``, ``PROTOBUF``,
    ``JSON``), ``imports`` the texts of the files a ``.proto`` imports by their import path."""
    if schema_type == "PROTOBUF":
        return ProtobufFile(compile_proto(PROTO_FILE, text, imports or {}, source), PROTO_FILE, source)
    if schema_type == "JSON":
        return JsonSchemaDocument.parse(text, source)
    if schema_type == "AVRO":
        return parse_avro_schema(text, source)
    raise RulesError(f"{source}: unknown schema type {schema_type!r}")


def parse_avro_schema(text: str, source: str) -> dict[str, Any]:
    """A parsed Avro schema; RulesError naming ``source`` (a file, or a field of a request) if it is none."""
    try:
        return fastavro.parse_schema(json.loads(text))  # type: ignore[no-any-return]
    except json.JSONDecodeError as error:
        raise RulesError(f"{source}:{error.lineno}: schema is not valid JSON (an Avro schema is JSON)") from None
    except (SchemaParseException, UnknownType, KeyError, TypeError, ValueError, AttributeError) as error:
        raise RulesError(f"{source}: not a valid Avro schema ({type(error).__name__})") from None
