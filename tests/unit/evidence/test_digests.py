"""Batch digests."""

from __future__ import annotations

from streamguard.evidence.digests import batch_digest


def test_batch_digest_depends_on_content_order_and_tombstones() -> None:
    assert batch_digest([b"a", b"b"]) != batch_digest([b"b", b"a"])
    assert batch_digest([b"a", None]) != batch_digest([b"a", b""])
    assert batch_digest([b"a"]) == batch_digest([b"a"])
