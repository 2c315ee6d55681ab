"""Structured masking benchmark: Avro decode → 3 audience views → 3 Avro encodes, against the same
decode + 3 encodes with no masking, measured in the same run on the same records; and the native engine,
which writes the 3 views straight from the record's bytes.

    .venv/bin/python -m bench.masking_structured [--seconds 5] [--records 2000] [--batch 500]

Records are the sample customers schema (16 fields, a nested record, an array and a map) with no free
text, so the figure is the cost of the compiled plan alone. Target (issue 3): ratio ≥ 0.5.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import fastavro

from harness.sample_data import structured_rules
from streamguard.agents.codec import frame_wire_format
from streamguard.masking.detection import TextScan
from streamguard.masking.keys import Keyring
from streamguard.masking.native_plan import compile_native_plan
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import parse_rules
from streamguard.schemas import CUSTOMERS_AVSC

AUDIENCES = 3


class NoTextScanner:
    """The bench has no free text: being called would mean the figure measures something else."""

    def scan_batch(self, texts: Sequence[str]) -> list[TextScan]:
        raise AssertionError("structured bench must not scan text")


def make_record(rng: random.Random, index: int) -> dict[str, Any]:
    first = rng.choice(["Maria", "Jonas", "Aiko", "Samuel", "Priya", "Lucas", "Chen", "Fatima"])
    last = rng.choice(["Gonzalez", "Weber", "Tanaka", "Okafor", "Sharma", "Silva", "Wang", "Haddad"])
    return {
        "customer_id": f"C-{index:07d}",
        "full_name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower()}{index}@example.com",
        "phone": f"+1 415 555 {rng.randrange(10000):04d}" if rng.random() < 0.9 else None,
        "ssn": f"{rng.randrange(100, 900)}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}",
        "credit_card": "".join(str(rng.randrange(10)) for _ in range(16)),
        "dob": date(1950, 1, 1) + timedelta(days=rng.randrange(20000)),
        "address": {
            "street": f"{rng.randrange(1, 9999)} Main Street",
            "city": rng.choice(["Springfield", "Berlin", "Tokyo", "London"]),
            "zip": f"{rng.randrange(10000, 99999)}",
            "country": rng.choice(["US", "DE", "JP", "GB"]),
        },
        "notes": None,
        "plan": rng.choice(["FREE", "BASIC", "PRO", "ENTERPRISE"]),
        "signup_ts": datetime(2020, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(150_000_000)),
        "ip_address": ".".join(str(rng.randrange(256)) for _ in range(4)),
        "tags": rng.sample(["vip", "annual", "trial", "churn-risk", "b2b"], k=rng.randrange(3)),
        "attrs": {"referrer": rng.choice(["ads", "newsletter", "partner"])},
        "lifetime_value": round(rng.uniform(0, 20000), 2),
        "marketing_opt_in": rng.random() < 0.5,
    }


def encode(schema: dict[str, Any], record: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    fastavro.schemaless_writer(buffer, schema, record)
    return buffer.getvalue()


def decode(schema: dict[str, Any], payload: bytes) -> dict[str, Any]:
    return fastavro.schemaless_reader(io.BytesIO(payload), schema)


def run_for(seconds: float, step: Callable[[], int]) -> float:
    """Records per second of ``step`` (which processes a batch and returns its size) over ``seconds``."""
    step()  # warm up
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        done += step()
    return done / elapsed


def arguments(doc: str | None) -> argparse.Namespace:
    """The masking benches' options: seconds per measurement, distinct records, batch size."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per measurement")
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=500)
    return parser.parse_args()


def main() -> None:
    args = arguments(__doc__)

    schema = fastavro.parse_schema(json.loads(CUSTOMERS_AVSC.read_text()))
    rules = parse_rules(structured_rules(), schema=schema)
    keyring = Keyring({"bench": bytes(range(32))}, {"mask": "bench", "encrypt": "bench"})
    masker = DatasetMasker(rules, keyring, schema=schema, scanner=NoTextScanner())
    engine = compile_native_plan(rules, keyring, schema).engine(frame_wire_format(1, b""))
    rng = random.Random(7)
    payloads = [encode(schema, make_record(rng, i)) for i in range(args.records)]
    batches = [payloads[i : i + args.batch] for i in range(0, len(payloads), args.batch)]
    framed = [frame_wire_format(1, payload) for payload in payloads]
    framed_batches = [framed[i : i + args.batch] for i in range(0, len(framed), args.batch)]
    cursor = {"baseline": 0, "masked": 0, "native": 0}

    def baseline() -> int:
        batch = batches[cursor["baseline"] % len(batches)]
        cursor["baseline"] += 1
        for payload in batch:
            record = decode(schema, payload)
            for _ in range(AUDIENCES):
                encode(schema, record)
        return len(batch)

    def masked() -> int:
        batch = batches[cursor["masked"] % len(batches)]
        cursor["masked"] += 1
        outcomes = masker.mask_batch([decode(schema, payload) for payload in batch])
        for outcome in outcomes:
            assert outcome.views is not None, outcome.failure
            for view in outcome.views.values():
                encode(schema, view)  # type: ignore[arg-type]
        return len(batch)

    def native() -> int:
        batch = framed_batches[cursor["native"] % len(framed_batches)]
        cursor["native"] += 1
        _columns, failures = engine.mask(batch, 1_000_000)
        assert not failures, failures[:3]
        return len(batch)

    base_rate = run_for(args.seconds, baseline)
    mask_rate = run_for(args.seconds, masked)
    native_rate = run_for(args.seconds, native)
    print(f"records: {args.records} distinct, batch {args.batch}, {len(rules.fields)} rules, {AUDIENCES} audiences")
    print(f"baseline  fastavro decode + {AUDIENCES} encodes:                {base_rate:10,.0f} records/s")
    print(f"python    decode + {AUDIENCES} views (Python plan) + {AUDIENCES} encodes: {mask_rate:10,.0f} records/s")
    print(f"native    {AUDIENCES} views straight from the bytes (Rust engine):  {native_rate:10,.0f} records/s")
    print(f"ratio python/baseline: {mask_rate / base_rate:.2f}  (target >= 0.50)")
    print(f"ratio native/baseline: {native_rate / base_rate:.2f}")


if __name__ == "__main__":
    main()
