"""API tokens: made here once, shown to their holder once, kept by the policy as a SHA-256 digest only."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "sgt_"  # recognisable in a leaked-secret scan


def new_token() -> str:
    """256 random bits, URL-safe."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.strip().encode()).hexdigest()
