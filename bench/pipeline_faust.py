"""The rejected design, measured for the record at its best: one Faust agent governing raw records.

Two ways of feeding the same ``DatasetProcessor`` (native engine, 3 audiences, the audit event built but not
sent), each writing the three views of every record:

- ``event``: one event at a time (a 1-record batch per event), the idiomatic ``await topic.send`` per view;
- ``take``: Faust at its best: ``stream.take_events(1000, within=0.2)`` batches, and the views handed
  straight to Faust's producer (``app.producer.send``, skipping the topic channel), their acknowledgements
  awaited once per batch.

Faust commits the source offsets on its own schedule. Run by ``bench.pipeline`` as a subprocess, configured by
environment::

    BENCH_FAUST_MODE=event|take BENCH_FAUST_APP_ID BENCH_FAUST_BOOTSTRAP BENCH_FAUST_SOURCE BENCH_FAUST_DATASET
    BENCH_FAUST_PREFIX BENCH_FAUST_HOME BENCH_FAUST_SCHEMA_ID  python -m bench.pipeline_faust worker -l warn
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Sequence
from typing import Any

import fastavro
import faust

from bench.pipeline_setup import SCHEMA_TEXT
from harness.sample_data import structured_rules
from streamguard.agents.batch import SourceRecord
from streamguard.agents.processor import DatasetProcessor
from streamguard.core.topics import TopicNames
from streamguard.masking.keyring_file import load_keyring
from streamguard.masking.rules import parse_rules

TAKE_MAX, TAKE_WITHIN_S = 1000, 0.2


class _FixedSchemas:
    """The one writer schema the backlog was encoded with."""

    def __init__(self, schema_id: int) -> None:
        self._schemas = {schema_id: fastavro.parse_schema(json.loads(SCHEMA_TEXT))}

    def writer_schema(self, schema_id: int) -> dict[str, Any] | None:
        return self._schemas.get(schema_id)


def _processor(dataset: str, prefix: str, home: str, schema_id: int) -> DatasetProcessor:
    rules = parse_rules(structured_rules(dataset), schema=json.loads(SCHEMA_TEXT))
    keyring = load_keyring(os.path.join(home, "keyring.json"))
    names = TopicNames(system_prefix=prefix)
    return DatasetProcessor(rules, 1, keyring, names, _FixedSchemas(schema_id), None, "faust-bench")


def _record(event: Any) -> SourceRecord:
    message = event.message
    headers = message.headers or []
    return SourceRecord(
        message.topic,
        message.partition,
        message.offset,
        message.key,
        message.value,
        list(headers.items()) if isinstance(headers, dict) else list(headers),
        int(message.timestamp * 1000),
    )


def main() -> None:
    env = os.environ
    processor = _processor(
        env["BENCH_FAUST_DATASET"],
        env["BENCH_FAUST_PREFIX"],
        env["BENCH_FAUST_HOME"],
        int(env["BENCH_FAUST_SCHEMA_ID"]),
    )
    app = faust.App(
        env["BENCH_FAUST_APP_ID"],
        broker=f"kafka://{env['BENCH_FAUST_BOOTSTRAP']}",
        autodiscover=False,
        store="memory://",
        topic_replication_factor=1,
    )

    def raw_topic(name: str) -> Any:
        return app.topic(name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw")

    views = {a: raw_topic(TopicNames().governed(processor.rules.dataset, a)) for a in processor.audiences}

    async def govern(records: Sequence[SourceRecord]) -> None:
        governed = processor.process(records).governed
        for audience, values in governed.values.items():
            for key, value, headers in zip(governed.keys[audience], values, governed.headers, strict=True):
                await views[audience].send(key=key, value=value, partition=governed.partition, headers=headers)

    async def govern_batch(records: Sequence[SourceRecord]) -> None:
        governed = processor.process(records).governed
        sent = []
        for audience, values in governed.values.items():
            topic = views[audience].get_topic_name()
            for key, value, headers in zip(governed.keys[audience], values, governed.headers, strict=True):
                sent.append(await app.producer.send(topic, key, value, governed.partition, None, headers))
        await asyncio.gather(*sent)

    @app.agent(raw_topic(env["BENCH_FAUST_SOURCE"]))
    async def agent(stream: Any) -> None:
        if env.get("BENCH_FAUST_MODE", "event") == "take":
            async for events in stream.take_events(TAKE_MAX, within=TAKE_WITHIN_S):
                await govern_batch([_record(event) for event in events])
        else:
            async for event in stream.events():
                await govern([_record(event)])

    app.main()


if __name__ == "__main__":
    main()
