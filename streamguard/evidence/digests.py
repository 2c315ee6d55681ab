"""Digests that prove which bytes went in and out without carrying them, and without letting anyone guess them.

A record's digest is ``SHA-256(salt || record)`` (a tombstone: its mark instead of the record), never a hash
of a single field. A view's batch digest is SHA-256 over its records' digests in order, and its records form an
RFC 9162 Merkle tree over the same digests, so one record's view is provable with a logarithmic inclusion
proof against its audit event.

The salt is one per output of an audit event: ``HMAC-SHA256(evidence subkey, "<topic>:<partition>@<first
offset>/<output>")``, the output an audience, or ``INPUT`` for the raw records' ``input_digest``. The subkey
derives from the keyring's ``evidence`` key, which only the workers and the server hold, and the event records
that key's id (``key_ids["evidence"]``). Without the salt a digest is no oracle: a reader of the evidence who
can rebuild a candidate record field by field (its own view with a birth date generalized to a year, say)
cannot test the 366 candidates against another audience's digests or root, or the input's. A record proof
reveals the salt of its own view's batch only, to someone who sees those records anyway.

Events written before salted digests record no evidence key id: their digests are unsalted (``UNSALTED``).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Sequence

from streamguard.evidence.merkle import leaf_hash, root_of

try:
    from streamguard_native import batch_digest as native_batch_digest
    from streamguard_native import view_digests as native_view_digests
except ImportError:
    native_batch_digest = native_view_digests = None

TOMBSTONE_MARK = b"\x00tombstone"
EVIDENCE_SLOT = "evidence"  # the keyring slot (and key_ids entry) of the key the salts derive from
EVIDENCE_PURPOSE = "record-digests"  # the caller derives the subkey: keyring.derive(EVIDENCE_SLOT, EVIDENCE_PURPOSE)
INPUT = "<input>"  # the raw records' output label: audience names match ^[a-z][a-z0-9_-]*$, so none is this
SALT_BYTES = 32
UNSALTED = b""  # the salt of events made before salted digests: SHA-256(b"" || record) is SHA-256(record)


def digest_salt(subkey: bytes, topic: str, partition: int, first_offset: int, output: str) -> bytes:
    """The salt of one output's record digests in the audit event whose span starts at ``topic[partition]@
    first_offset``: HMAC-SHA256 under the evidence subkey (32 bytes, from the keyring's ``evidence`` key) of
    ``"<topic>:<partition>@<first_offset>/<output>"``; ``output`` is an audience or ``INPUT``. Topic names
    cannot hold ``:``, ``@`` or ``/``, so the label is unambiguous."""
    if len(subkey) != SALT_BYTES:
        raise ValueError(f"the evidence subkey must be {SALT_BYTES} bytes")
    label = f"{topic}:{partition}@{first_offset}/{output}".encode()
    return hmac.new(subkey, label, hashlib.sha256).digest()


def record_digest(value: bytes | None, salt: bytes) -> bytes:
    """SHA-256(salt || record); a tombstone hashes its mark instead of the record."""
    digest = hashlib.sha256(salt)
    digest.update(TOMBSTONE_MARK if value is None else value)
    return digest.digest()


def batch_digest(values: Iterable[bytes | None], salt: bytes) -> str:
    """SHA-256 over the records' salted digests, in order: order, count and content all change it."""
    if native_batch_digest is not None:  # the same digest in compiled code: the worker takes 4 per record
        return native_batch_digest(values if isinstance(values, list) else list(values), TOMBSTONE_MARK, salt)
    return python_batch_digest(values, salt)


def python_batch_digest(values: Iterable[bytes | None], salt: bytes) -> str:
    """The reference implementation (the native one is tested against it)."""
    outer = hashlib.sha256()
    for value in values:
        outer.update(record_digest(value, salt))
    return outer.hexdigest()


def view_leaves(values: Iterable[bytes | None], salt: bytes) -> list[bytes]:
    """The Merkle leaves of a view: one per record, over its salted record digest."""
    return [leaf_hash(record_digest(value, salt)) for value in values]


def view_digests(values: Sequence[bytes | None], salt: bytes) -> tuple[str, str]:
    """A view's batch digest and Merkle root (hex), from one pass over its records."""
    if native_view_digests is not None:
        return native_view_digests(values if isinstance(values, list) else list(values), TOMBSTONE_MARK, salt)
    return python_view_digests(values, salt)


def python_view_digests(values: Sequence[bytes | None], salt: bytes) -> tuple[str, str]:
    """The reference implementation (the native one is tested against it)."""
    return python_batch_digest(values, salt), root_of(view_leaves(values, salt)).hex()
