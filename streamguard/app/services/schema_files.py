"""Schema and sample files stewards give on the command line, read with errors that name the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from streamguard.core.errors import RulesError
from streamguard.masking.writer_schemas import WriterSchema, parse_writer_schema


def read_writer_schema(path: Path, schema_type: str) -> WriterSchema:
    """A parsed schema file (``AVRO``: ``.avsc``, ``PROTOBUF``: ``.proto``, ``JSON``: a JSON Schema); RulesError
    naming the file if it cannot be used."""
    return parse_writer_schema(read_schema_text(path), schema_type, str(path))


def read_schema_text(path: Path) -> str:
    """A schema file's text; RulesError naming the file if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise RulesError(f"{path}: cannot read schema ({error.strerror})") from None


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
