"""Producer identity (pure): who wrote a raw record.

By default a dataset's declared owner principal is the identity (Kafka ACLs make the owner the only writer).
A dataset may require signed records instead: header ``streamguard-identity`` names the producer and
``streamguard-signature`` carries hex HMAC-SHA256, with that producer's key, over the key, value and
timestamp, each length-prefixed so that no two different records sign the same bytes.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections.abc import Callable

IDENTITY_HEADER = "streamguard-identity"
SIGNATURE_HEADER = "streamguard-signature"


def signing_payload(key: bytes | None, value: bytes | None, timestamp_ms: int) -> bytes:
    parts = []
    for part in (key, value):
        parts.append(struct.pack(">i", -1) if part is None else struct.pack(">i", len(part)) + part)
    return b"".join(parts) + struct.pack(">q", timestamp_ms)


def sign_record(secret: bytes, key: bytes | None, value: bytes | None, timestamp_ms: int) -> str:
    return hmac.new(secret, signing_payload(key, value, timestamp_ms), hashlib.sha256).hexdigest()


def verify_signed_identity(
    headers: dict[str, bytes],
    key: bytes | None,
    value: bytes | None,
    timestamp_ms: int,
    producer_key: Callable[[str], bytes | None],
) -> tuple[str | None, str | None]:
    """(identity, None) when the signature holds, else (None, reason code)."""
    identity_raw, signature_raw = headers.get(IDENTITY_HEADER), headers.get(SIGNATURE_HEADER)
    if identity_raw is None or signature_raw is None:
        return None, "identity:missing_signature"
    identity = identity_raw.decode("utf-8", "replace")
    secret = producer_key(identity)
    if secret is None:
        return None, "identity:unknown_producer"
    expected = sign_record(secret, key, value, timestamp_ms)
    if not hmac.compare_digest(expected.encode(), signature_raw):  # bytes: a non-ASCII header is just wrong
        return None, "identity:bad_signature"
    return identity, None
