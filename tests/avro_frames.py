"""Avro records framed as producers frame them (Confluent wire format), and a schema registry double that
knows a fixed set of writer schemas by id."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import fastavro

from streamguard.agents.codec import frame_wire_format


@dataclass(frozen=True)
class FixedSchemas:
    """Answers ``writer_schema`` from ``by_id``; an unknown id has no schema."""

    by_id: Mapping[int, Any]

    def writer_schema(self, schema_id: int) -> dict[str, Any] | None:
        return self.by_id.get(schema_id)  # type: ignore[no-any-return]


def framed_avro(schema: Any, record: Mapping[str, Any], schema_id: int = 1) -> bytes:
    """``record`` written with ``schema`` and framed with ``schema_id``."""
    body = io.BytesIO()
    fastavro.schemaless_writer(body, schema, record)
    return frame_wire_format(schema_id, body.getvalue())
