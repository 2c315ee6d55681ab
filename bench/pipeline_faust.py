"""The rejected design, measured for the record: one Faust agent handling raw records one event at a time.

Per event: a 1-record ``DatasetProcessor.process`` (admission, Avro decode, 3 masked views, 3 encodes, the
audit event object, which is not sent) and three ``topic.send`` calls, one per audience. Faust commits the
source offsets on its own schedule. Run by ``bench.pipeline`` as a subprocess, configured by environment::

    BENCH_FAUST_APP_ID BENCH_FAUST_BOOTSTRAP BENCH_FAUST_SOURCE BENCH_FAUST_DATASET BENCH_FAUST_PREFIX
    BENCH_FAUST_HOME BENCH_FAUST_SCHEMA_ID  python -m bench.pipeline_faust worker -l warn --web-port N
"""

from __future__ import annotations

import json
import os
from typing import Any

import fastavro
import faust

from agents.batch import SourceRecord
from agents.processor import DatasetProcessor
from app.kafka_config import TopicNames
from app.sample_data import structured_rules
from bench.pipeline_setup import SCHEMA_TEXT
from masking.keyring_file import load_keyring
from masking.rules import parse_rules


class _FixedSchemas:
    """The one writer schema the backlog was encoded with."""

    def __init__(self, schema_id: int) -> None:
        self._schemas = {schema_id: fastavro.parse_schema(json.loads(SCHEMA_TEXT))}

    def writer_schema(self, schema_id: int) -> dict[str, Any] | None:
        return self._schemas.get(schema_id)


def _processor(dataset: str, prefix: str, home: str, schema_id: int) -> DatasetProcessor:
    rules = parse_rules(structured_rules(dataset), schema=json.loads(SCHEMA_TEXT))
    names = TopicNames("raw.", "governed.", prefix)
    keyring = load_keyring(os.path.join(home, "keyring.json"))
    return DatasetProcessor(rules, 1, keyring, names, _FixedSchemas(schema_id), None, "faust-per-event-bench")


env = os.environ
processor = _processor(
    env["BENCH_FAUST_DATASET"], env["BENCH_FAUST_PREFIX"], env["BENCH_FAUST_HOME"], int(env["BENCH_FAUST_SCHEMA_ID"])
)
app = faust.App(
    env["BENCH_FAUST_APP_ID"],
    broker=f"kafka://{env['BENCH_FAUST_BOOTSTRAP']}",
    autodiscover=False,
    store="memory://",
    topic_replication_factor=1,
)


def _raw_topic(name: str) -> Any:
    return app.topic(name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw")


source = _raw_topic(env["BENCH_FAUST_SOURCE"])
views = {
    audience: _raw_topic(TopicNames("raw.", "governed.", "").governed(processor.rules.dataset, audience))
    for audience in processor.audiences
}


@app.agent(source)
async def govern(stream: Any) -> None:
    async for event in stream.events():
        message = event.message
        headers = message.headers or []
        record = SourceRecord(
            message.topic,
            message.partition,
            message.offset,
            message.key,
            message.value,
            list(headers.items()) if isinstance(headers, dict) else list(headers),
            int(message.timestamp * 1000),
        )
        batch = processor.process([record])
        governed = batch.governed
        for audience, values in governed.values.items():
            for key, value, headers in zip(governed.keys, values, governed.headers, strict=True):
                await views[audience].send(key=key, value=value, partition=governed.partition, headers=headers)


if __name__ == "__main__":
    app.main()
