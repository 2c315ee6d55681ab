"""Steward rules as text: read from files or taken from a request, validated with their schemas (errors name
the files, lines and paths), and the ``RulesText`` that carries that exact text to the server. The command
line validates here before it sends anything; the server validates the same text again: it decides."""

from __future__ import annotations

import json
from pathlib import Path

from streamguard.app.services.schema_files import read_schema_text
from streamguard.control.requests import RulesText
from streamguard.core.errors import RulesError
from streamguard.masking.rules import KeyFields, Rules, parse_rules, read_rules_text
from streamguard.masking.writer_schemas import parse_writer_schema, schema_type_for


def rules_request(rules_file: Path, schema_file: Path | None, key_schema_file: Path | None) -> tuple[Rules, RulesText]:
    """Rules files validated as ``rules apply`` validates them (errors name the files), and the text to send."""
    schemas = (read_schema_text(path) if path else None for path in (schema_file, key_schema_file))
    text = read_rules_text(rules_file)  # read once: the text validated is the text approved and published
    return rules_operation(
        rules_file.name, text, *schemas, sources=(str(rules_file), str(schema_file), str(key_schema_file))
    )


def rules_operation(
    source_name: str,
    rules_yaml: str,
    avro_schema_json: str | None = None,
    key_avro_schema_json: str | None = None,
    *,
    sources: tuple[str, str, str] | None = None,
) -> tuple[Rules, RulesText]:
    """Rules given as text, validated with their schemas, and the text to send. Errors name ``sources`` (the
    rules', the schema's, the key schema's), by default the API request's fields."""
    text = RulesText(
        source_name=source_name,
        rules_yaml=rules_yaml,
        avro_schema_json=_compact(avro_schema_json),
        key_avro_schema_json=_compact(key_avro_schema_json),
    )
    return rules_of_text(text, sources), text


def rules_of_text(text: RulesText, sources: tuple[str, str, str] | None = None) -> Rules:
    """The rules a ``RulesText`` carries, validated with its schemas (in the type the rules' format names);
    RulesError naming the problem."""
    name = text.source_name
    named = sources or (name, f"{name}: avro_schema_json", f"{name}: key_avro_schema_json")
    schema_type = schema_type_for(text.rules_yaml)
    schema = parse_writer_schema(text.avro_schema_json, schema_type, named[1]) if text.avro_schema_json else None
    key_text = text.key_avro_schema_json
    key = parse_writer_schema(key_text, schema_type, named[2]) if key_text else None
    return parse_rules(text.rules_yaml, source=named[0], schema=schema, key_schema=key)


def _compact(schema_json: str | None) -> str | None:
    try:
        return json.dumps(json.loads(schema_json)) if schema_json else None
    except ValueError:
        return schema_json  # not JSON: validation names the problem with the schema's own name


def require_schemas(rules: Rules, text: RulesText) -> None:
    """RulesError unless rules that need a schema to be applied come with it: rules for records with a schema
    (avro, protobuf, jsonschema) with the record's (the worker checks every writer schema against it, and a
    rule covers the fields it has), rules for a key's fields with the key's."""
    if rules.format != "json" and text.avro_schema_json is None:
        raise RulesError(
            f"{text.source_name}: {rules.format} rules are applied with their schema (--schema; avro_schema_json)"
        )
    if isinstance(rules.key, KeyFields) and text.key_avro_schema_json is None:
        raise RulesError(
            f"{text.source_name}: rules for a key's fields are applied with the key's schema "
            "(--key-schema; key_avro_schema_json)"
        )
