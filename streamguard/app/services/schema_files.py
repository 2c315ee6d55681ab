"""Schema and sample files stewards give on the command line, read with errors that name the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import fastavro
from fastavro.schema import SchemaParseException, UnknownType

from streamguard.core.errors import RulesError


def read_avro_schema(path: Path) -> dict[str, Any]:
    """A parsed Avro schema file; RulesError naming the file if it cannot be used."""
    return parse_avro_schema(read_schema_text(path), str(path))


def read_schema_text(path: Path) -> str:
    """An Avro schema file's text; RulesError naming the file if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise RulesError(f"{path}: cannot read schema ({error.strerror})") from None


def parse_avro_schema(text: str, source: str) -> dict[str, Any]:
    """A parsed Avro schema; RulesError naming ``source`` (a file, or a field of a request) if it is none."""
    try:
        return fastavro.parse_schema(json.loads(text))
    except json.JSONDecodeError as error:
        raise RulesError(f"{source}:{error.lineno}: schema is not valid JSON") from None
    except (SchemaParseException, UnknownType, KeyError, TypeError, ValueError, AttributeError) as error:
        raise RulesError(f"{source}: not a valid Avro schema ({type(error).__name__})") from None


def read_json_sample(path: Path) -> dict[str, Any]:
    """One JSON record: a ``.json`` object, or the first line of a JSON-lines file."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError as error:
        raise RulesError(f"{path}: cannot read sample ({error.strerror})") from None
    for candidate in (text, text.splitlines()[0] if text else ""):
        try:
            sample = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if isinstance(sample, dict):
            return sample
    raise RulesError(f"{path}: expected a JSON object (or JSON lines of objects)")
