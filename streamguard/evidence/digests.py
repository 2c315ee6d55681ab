"""Digests that prove which bytes went in and out without carrying them.

A digest covers a whole serialized record (or a batch of them), never a single field, so a low-entropy value
such as a birth date cannot be recovered from the evidence by guessing. A view's records also form an
RFC 9162 Merkle tree over the same record digests, so one record's view is provable with a logarithmic
inclusion proof against its audit event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from streamguard.evidence.merkle import leaf_hash, root_of

try:
    from streamguard_native import batch_digest as native_batch_digest
    from streamguard_native import view_digests as native_view_digests
except ImportError:
    native_batch_digest = native_view_digests = None

TOMBSTONE_MARK = b"\x00tombstone"


def record_digest(value: bytes | None) -> bytes:
    return hashlib.sha256(TOMBSTONE_MARK if value is None else value).digest()


def batch_digest(values: Iterable[bytes | None]) -> str:
    """SHA-256 over the records' own digests, in order: order, count and content all change it."""
    if native_batch_digest is not None:  # the same digest in compiled code: the worker takes 4 per record
        return native_batch_digest(values if isinstance(values, list) else list(values), TOMBSTONE_MARK)
    return python_batch_digest(values)


def python_batch_digest(values: Iterable[bytes | None]) -> str:
    """The reference implementation (the native one is tested against it)."""
    outer = hashlib.sha256()
    for value in values:
        outer.update(record_digest(value))
    return outer.hexdigest()


def view_leaves(values: Iterable[bytes | None]) -> list[bytes]:
    """The Merkle leaves of a view: one per record, over its record digest."""
    return [leaf_hash(record_digest(value)) for value in values]


def view_digests(values: Sequence[bytes | None]) -> tuple[str, str]:
    """A view's batch digest and Merkle root (hex), from one pass over its records."""
    if native_view_digests is not None:
        return native_view_digests(values if isinstance(values, list) else list(values), TOMBSTONE_MARK)
    return python_view_digests(values)


def python_view_digests(values: Sequence[bytes | None]) -> tuple[str, str]:
    """The reference implementation (the native one is tested against it)."""
    return python_batch_digest(values), root_of(view_leaves(values)).hex()
