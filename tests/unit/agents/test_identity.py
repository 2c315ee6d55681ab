"""Producer signatures bind the identity to the key, value and timestamp."""

from __future__ import annotations

from streamguard.agents.identity import IDENTITY_HEADER, SIGNATURE_HEADER, sign_record, verify_signed_identity


def _headers(identity: str, signature: str) -> dict[str, bytes]:
    return {IDENTITY_HEADER: identity.encode(), SIGNATURE_HEADER: signature.encode()}


def test_signature_binds_identity_to_key_value_and_timestamp() -> None:
    secret = b"k" * 32
    signature = sign_record(secret, b"key", b"value", 1000)
    keys = {"User:p": secret}.get
    assert verify_signed_identity(_headers("User:p", signature), b"key", b"value", 1000, keys) == ("User:p", None)
    for key, value, ts in ((b"key", b"other", 1000), (b"other", b"value", 1000), (b"key", b"value", 1001)):
        assert verify_signed_identity(_headers("User:p", signature), key, value, ts, keys) == (
            None,
            "identity:bad_signature",
        )
    assert verify_signed_identity({}, b"key", b"value", 1000, keys) == (None, "identity:missing_signature")
    assert verify_signed_identity(_headers("User:q", signature), b"key", b"value", 1000, keys) == (
        None,
        "identity:unknown_producer",
    )


def test_null_key_and_empty_key_sign_differently() -> None:
    assert sign_record(b"s", None, b"v", 1) != sign_record(b"s", b"", b"v", 1)
