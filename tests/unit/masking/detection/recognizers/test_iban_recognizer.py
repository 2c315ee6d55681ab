"""The IBAN recognizer's checksum."""

from __future__ import annotations

from streamguard.masking.detection.recognizers.iban_recognizer import iban_checksum_ok


def test_iban_checksum() -> None:
    assert iban_checksum_ok("DE89370400440532013000")
    assert not iban_checksum_ok("DE89370400440532013001")
