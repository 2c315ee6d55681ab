"""Batch digests and view roots over salted record digests, the salts, and the native engine's equality with
the reference."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from streamguard.evidence import digests
from streamguard.evidence.digests import (
    INPUT,
    TOMBSTONE_MARK,
    UNSALTED,
    batch_digest,
    digest_salt,
    python_batch_digest,
    python_view_digests,
    record_digest,
    view_digests,
    view_leaves,
)
from streamguard.evidence.merkle import inclusion_proof, leaf_hash, root_of, verify_inclusion
from streamguard.masking.rules_check import _NAME as AUDIENCE_NAME

SUBKEY = bytes(range(32))
SALT = digest_salt(SUBKEY, "raw.d", 0, 40, "analytics")


def test_batch_digest_depends_on_content_order_and_tombstones() -> None:
    assert batch_digest([b"a", b"b"], SALT) != batch_digest([b"b", b"a"], SALT)
    assert batch_digest([b"a", None], SALT) != batch_digest([b"a", b""], SALT)
    assert batch_digest([b"a"], SALT) == batch_digest([b"a"], SALT)


def test_a_record_digest_is_the_sha256_of_the_salt_then_the_record() -> None:
    assert record_digest(b"view", SALT) == hashlib.sha256(SALT + b"view").digest()
    assert record_digest(None, SALT) == hashlib.sha256(SALT + TOMBSTONE_MARK).digest()
    assert record_digest(b"view", UNSALTED) == hashlib.sha256(b"view").digest()  # events made before salts
    leaves = view_leaves([b"view", None], SALT)
    assert leaves == [leaf_hash(record_digest(b"view", SALT)), leaf_hash(record_digest(None, SALT))]


def test_the_salt_is_the_hmac_of_the_span_and_the_output() -> None:
    label = b"raw.d:0@40/analytics"
    assert hmac.new(SUBKEY, label, hashlib.sha256).digest() == SALT
    assert len(SALT) == 32
    others = {
        digest_salt(SUBKEY, "raw.d", 0, 40, "risk"),
        digest_salt(SUBKEY, "raw.d", 0, 40, INPUT),
        digest_salt(SUBKEY, "raw.d", 0, 41, "analytics"),
        digest_salt(SUBKEY, "raw.d", 1, 40, "analytics"),
        digest_salt(SUBKEY, "raw.e", 0, 40, "analytics"),
        digest_salt(bytes(32), "raw.d", 0, 40, "analytics"),
    }
    assert SALT not in others
    assert len(others) == 6
    with pytest.raises(ValueError, match="32 bytes"):
        digest_salt(b"short", "raw.d", 0, 40, "analytics")


def test_the_input_label_is_no_audience_name() -> None:
    assert not AUDIENCE_NAME.match(INPUT)


@pytest.mark.parametrize("size", [0, 1, 2, 3, 7, 8, 9, 100, 1025])
def test_different_salts_give_different_digests_and_roots(size: int) -> None:
    values = [None if n % 11 == 3 else b"view %d" % n for n in range(size)]
    other = digest_salt(SUBKEY, "raw.d", 0, 40, "risk")
    salted, other_salted, unsalted = (view_digests(values, salt) for salt in (SALT, other, UNSALTED))
    if size == 0:  # nothing to salt: the empty batch's digest and root are constants
        assert salted == other_salted == unsalted
        return
    assert salted[0] != other_salted[0] != unsalted[0] != salted[0]
    assert salted[1] != other_salted[1] != unsalted[1] != salted[1]


def test_the_native_view_digests_equal_the_reference_for_every_size() -> None:
    pytest.importorskip("streamguard_native")
    assert digests.native_view_digests is not None
    for salt in (SALT, UNSALTED, b"\x00" * 32, b"any length"):
        for size in (0, 1, 2, 3, 7, 8, 9, 100, 1025):
            values = [None if n % 11 == 3 else b"view %d" % n for n in range(size)]
            assert view_digests(values, salt) == python_view_digests(values, salt)
            assert view_digests(values, salt)[0] == python_batch_digest(values, salt)
            assert batch_digest(values, salt) == python_batch_digest(values, salt)
            assert view_digests(values, salt)[1] == root_of(view_leaves(values, salt)).hex()


def test_the_reference_is_what_a_machine_without_the_module_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    values = [b"view 0", None, b"view 2"]
    native = view_digests(values, SALT), batch_digest(values, SALT)
    monkeypatch.setattr(digests, "native_view_digests", None)
    monkeypatch.setattr(digests, "native_batch_digest", None)
    assert (view_digests(values, SALT), batch_digest(values, SALT)) == native


def test_one_records_view_is_proven_against_the_root() -> None:
    values = [b"view %d" % n for n in range(37)]
    _digest, root = view_digests(values, SALT)
    leaves = view_leaves(values, SALT)
    proof = inclusion_proof(leaves, 20)
    assert verify_inclusion(view_leaves([values[20]], SALT)[0], 20, 37, proof, bytes.fromhex(root))
    assert not verify_inclusion(view_leaves([b"view 20 changed"], SALT)[0], 20, 37, proof, bytes.fromhex(root))
    assert not verify_inclusion(view_leaves([values[20]], UNSALTED)[0], 20, 37, proof, bytes.fromhex(root))
