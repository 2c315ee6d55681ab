"""Batch digests."""

from __future__ import annotations

import pytest

from streamguard.evidence.digests import (
    batch_digest,
    python_batch_digest,
    python_view_digests,
    view_digests,
    view_leaves,
)
from streamguard.evidence.merkle import inclusion_proof, verify_inclusion


def test_batch_digest_depends_on_content_order_and_tombstones() -> None:
    assert batch_digest([b"a", b"b"]) != batch_digest([b"b", b"a"])
    assert batch_digest([b"a", None]) != batch_digest([b"a", b""])
    assert batch_digest([b"a"]) == batch_digest([b"a"])


def test_the_native_view_digests_equal_the_reference_for_every_size() -> None:
    pytest.importorskip("streamguard_native")
    for size in (0, 1, 2, 3, 7, 8, 9, 100, 1025):
        values = [None if n % 11 == 3 else b"view %d" % n for n in range(size)]
        assert view_digests(values) == python_view_digests(values)
        assert view_digests(values)[0] == python_batch_digest(values)


def test_one_records_view_is_proven_against_the_root() -> None:
    values = [b"view %d" % n for n in range(37)]
    _digest, root = view_digests(values)
    leaves = view_leaves(values)
    proof = inclusion_proof(leaves, 20)
    assert verify_inclusion(view_leaves([values[20]])[0], 20, 37, proof, bytes.fromhex(root))
    assert not verify_inclusion(view_leaves([b"view 20 changed"])[0], 20, 37, proof, bytes.fromhex(root))
