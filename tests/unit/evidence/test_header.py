"""The evidence header of governed and quarantined records."""

from __future__ import annotations

import pytest

from streamguard.core.errors import EvidenceError
from streamguard.evidence.header import EVIDENCE_HEADER, Evidence, EvidenceStamp


def test_the_evidence_header_round_trips_and_refuses_a_malformed_one() -> None:
    [(name, value)] = EvidenceStamp(7, "raw.customers", 2, "9f2c" * 8).headers(41)
    assert name == EVIDENCE_HEADER
    assert value == b"rule=7;source=raw.customers/2/41;event=" + b"9f2c" * 8
    evidence = Evidence.parse(value)
    assert (evidence.rule_version, evidence.source, evidence.audit_event) == (7, ("raw.customers", 2, 41), "9f2c" * 8)
    with pytest.raises(EvidenceError, match="malformed streamguard-evidence"):
        Evidence.parse(b"rule=7;source=raw.customers;event=x")
