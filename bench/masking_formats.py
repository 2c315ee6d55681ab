"""What Protobuf and JSON Schema records cost: the Python plan on each format's records, beside that format's
own decode and three encodes with no masking (the baseline), and the Avro native engine on the same records,
all in the same run.

    .venv/bin/python -m bench.masking_formats [--seconds 5] [--records 2000] [--batch 500]

The records are ``bench.masking_structured``'s customers, written with ``customers.proto`` and
``customers.schema.json``; the rules are the sample's, structured (no free text). The JSON Schema baseline
validates each of its three encodes, as Confluent's JSON Schema serializer does by default and as the worker
does before it writes a view.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import fastavro
from google.protobuf import json_format
from google.protobuf.message_factory import GetMessageClass

from bench.masking_structured import AUDIENCES, NoTextScanner, arguments, encode, make_record, run_for
from harness.sample_data import as_json_schema_record, as_protobuf_json, structured_rules
from streamguard.agents.codec import FramedCodec, codec_for, frame_wire_format
from streamguard.masking.json_schema import JsonSchemaDocument
from streamguard.masking.keys import Keyring
from streamguard.masking.native_plan import compile_native_plan
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.protobuf_schema import ProtobufFile
from streamguard.masking.rules import parse_rules
from streamguard.masking.writer_schemas import WriterSchema, parse_writer_schema
from streamguard.schemas import CUSTOMERS_AVSC, CUSTOMERS_JSON_SCHEMA, CUSTOMERS_PROTO

KEYRING = Keyring({"bench": bytes(range(32))}, {"mask": "bench", "encrypt": "bench"})


def cycling(batches: list[list[bytes]], work: Callable[[list[bytes]], None]) -> Callable[[], int]:
    """A ``run_for`` step: the next batch through ``work``."""
    cursor = [0]

    def step() -> int:
        batch = batches[cursor[0] % len(batches)]
        cursor[0] += 1
        work(batch)
        return len(batch)

    return step


def python_plan(codec: FramedCodec, masker: DatasetMasker) -> Callable[[list[bytes]], None]:
    def work(batch: list[bytes]) -> None:
        for outcome in masker.mask_batch([codec.decode(payload) for payload in batch]):
            assert outcome.views is not None, outcome.failure
            for view in outcome.views.values():
                codec.encode(view)  # type: ignore[arg-type]

    return work


def protobuf_baseline(schema: ProtobufFile) -> Callable[[list[bytes]], None]:
    message_class = GetMessageClass(schema.message(None).descriptor)

    def work(batch: list[bytes]) -> None:
        for payload in batch:
            message = message_class.FromString(payload[6:])
            for _ in range(AUDIENCES):
                message.SerializeToString()

    return work


def json_schema_baseline(schema: JsonSchemaDocument) -> Callable[[list[bytes]], None]:
    def work(batch: list[bytes]) -> None:
        for payload in batch:
            record = json.loads(payload[5:])
            for _ in range(AUDIENCES):
                assert schema.valid(record)
                json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode()

    return work


def framed_records(fmt: str, schema: WriterSchema, records: list[dict[str, Any]]) -> list[bytes]:
    if isinstance(schema, ProtobufFile):
        message_class = GetMessageClass(schema.message(None).descriptor)
        messages = [json_format.ParseDict(as_protobuf_json(record), message_class()) for record in records]
        return [frame_wire_format(1, b"\x00" + message.SerializeToString()) for message in messages]
    encoded = [json.dumps(as_json_schema_record(record)).encode() for record in records]
    return [frame_wire_format(1, body) for body in encoded]


def main() -> None:
    args = arguments(__doc__)

    rng = random.Random(7)
    records = [make_record(rng, i) for i in range(args.records)]
    avro = fastavro.parse_schema(json.loads(CUSTOMERS_AVSC.read_text()))
    engine = compile_native_plan(parse_rules(structured_rules(), schema=avro), KEYRING, avro).engine(
        frame_wire_format(1, b"")
    )
    avro_framed = [frame_wire_format(1, encode(avro, record)) for record in records]
    rates: dict[str, float] = {}
    for fmt, text, source, baseline in (
        ("protobuf", CUSTOMERS_PROTO.read_text(), "PROTOBUF", protobuf_baseline),
        ("jsonschema", CUSTOMERS_JSON_SCHEMA.read_text(), "JSON", json_schema_baseline),
    ):
        schema = parse_writer_schema(text, source, fmt)
        masker = DatasetMasker(
            parse_rules(structured_rules(fmt=fmt), schema=schema), KEYRING, schema=schema, scanner=NoTextScanner()
        )
        framed = framed_records(fmt, schema, records)
        batches = [framed[i : i + args.batch] for i in range(0, len(framed), args.batch)]
        rates[f"{fmt} baseline"] = run_for(args.seconds, cycling(batches, baseline(schema)))  # type: ignore[arg-type]
        rates[f"{fmt} python"] = run_for(args.seconds, cycling(batches, python_plan(codec_for(1, schema), masker)))
    avro_batches = [avro_framed[i : i + args.batch] for i in range(0, len(avro_framed), args.batch)]
    rates["avro native"] = run_for(args.seconds, cycling(avro_batches, lambda batch: engine.mask(batch, 1_000_000)))

    print(f"records: {args.records} distinct, batch {args.batch}, {AUDIENCES} audiences, structured sample rules")
    for fmt in ("protobuf", "jsonschema"):
        base, plan = rates[f"{fmt} baseline"], rates[f"{fmt} python"]
        print(f"{fmt:10}  decode + {AUDIENCES} encodes (baseline): {base:10,.0f} records/s")
        print(f"{fmt:10}  Python plan, {AUDIENCES} views:           {plan:10,.0f} records/s   ratio {plan / base:.2f}")
    native = rates["avro native"]
    print(f"avro        native engine, {AUDIENCES} views:         {native:10,.0f} records/s")
    for fmt in ("protobuf", "jsonschema"):
        print(f"native Avro / Python {fmt}: {native / rates[f'{fmt} python']:.1f}x")


if __name__ == "__main__":
    main()
