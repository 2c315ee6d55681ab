"""The sample dataset shipped with streamguard: its schemas (Avro, Protobuf, JSON Schema), steward rules and records.

The demo, the tests and the benchmarks use them, and so can a user of the installed package
(``python -c "import streamguard.schemas as s; print(s.CUSTOMERS_RULES)"``).
"""

from pathlib import Path

SAMPLES = Path(__file__).resolve().parent
CUSTOMERS_AVSC = SAMPLES / "customers.avsc"
CUSTOMERS_PROTO = SAMPLES / "customers.proto"
CUSTOMERS_JSON_SCHEMA = SAMPLES / "customers.schema.json"
CUSTOMERS_RULES = SAMPLES / "customers.rules.yaml"
CUSTOMERS_SAMPLE = SAMPLES / "customers.sample.jsonl"
