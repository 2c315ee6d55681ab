"""Avro schemas and steward rules of the sample datasets (used by the demo, tests and benchmarks)."""
