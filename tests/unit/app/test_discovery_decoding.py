"""What ``discover`` reads of a sample: the newest record's writer schema, and records written with another
schema counted as not decodable instead of being read with the wrong one."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import fastavro

from streamguard.agents.codec import frame_wire_format
from streamguard.app.services.discovery import _decoded

# The same bytes in either: an older record read with the newer schema would put its e-mail under "nickname".
V1 = fastavro.parse_schema(
    {"type": "record", "name": "R", "fields": [{"name": "name", "type": "string"}, {"name": "email", "type": "string"}]}
)
V2 = fastavro.parse_schema(
    {
        "type": "record",
        "name": "R",
        "fields": [{"name": "name", "type": "string"}, {"name": "nickname", "type": "string"}],
    }
)


@dataclass
class _Catalog:
    schemas: dict[int, Any]

    def writer_schema(self, schema_id: int) -> Any:
        return self.schemas.get(schema_id)

    def schema_text(self, schema_id: int) -> str | None:
        return None


def _framed(schema_id: int, schema: Any, record: dict[str, Any]) -> bytes:
    body = io.BytesIO()
    fastavro.schemaless_writer(body, schema, record)
    return frame_wire_format(schema_id, body.getvalue())


def test_records_of_an_older_writer_schema_are_counted_not_read_with_the_newest() -> None:
    older = [_framed(1, V1, {"name": f"n{n}", "email": f"n{n}@example.org"}) for n in range(3)]
    newer = [_framed(2, V2, {"name": "m", "nickname": "em"}) for _ in range(2)]
    decoded = _decoded([*older, *newer, None], _Catalog({1: V1, 2: V2}))  # type: ignore[arg-type]
    assert decoded.fmt == "avro"
    assert decoded.records == [{"name": "m", "nickname": "em"}] * 2
    assert decoded.undecodable == 3
