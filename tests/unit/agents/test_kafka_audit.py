"""Audit chain heads: through commit metadata, and one audit partition per source partition."""

from __future__ import annotations

from streamguard.agents.kafka_audit import ChainHead, audit_partition_of


def test_chain_head_survives_commit_metadata_and_rejects_garbage() -> None:
    head = ChainHead(seq=4, hash="ab" * 32, audit_partition=2, audit_offset=99)
    assert ChainHead.from_metadata(head.to_metadata()) == head
    assert ChainHead.from_metadata("") is None
    assert ChainHead.from_metadata("not json") is None


def test_a_source_partition_always_maps_to_the_same_audit_partition() -> None:
    assert audit_partition_of(("raw.x", 1), 3) == audit_partition_of(("raw.x", 1), 3)
    assert {audit_partition_of(("raw.x", p), 3) for p in range(30)} == {0, 1, 2}
