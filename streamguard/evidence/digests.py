"""Digests that prove which bytes went in and out without carrying them.

A digest covers a whole serialized record (or a batch of them), never a single field, so a low-entropy value
such as a birth date cannot be recovered from the evidence by guessing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

try:
    from streamguard_native import batch_digest as native_batch_digest
except ImportError:
    native_batch_digest = None

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
