"""The failure policy: a record's fault, an infrastructure fault and a bug each have one outcome."""

from __future__ import annotations

import pytest

from streamguard.agents.failure_policy import DEFAULT_POLICY, Fault, Outcome
from streamguard.core.errors import (
    ConfigError,
    DecodeError,
    DeliveryError,
    KafkaToolingError,
    KeyringError,
    RecordMaskingError,
    SchemaRegistryUnavailable,
)


@pytest.mark.parametrize(
    ("error", "fault"),
    [
        (DecodeError("undecodable:avro_body"), Fault.RECORD),
        (RecordMaskingError("invalid_value:ip"), Fault.RECORD),
        (SchemaRegistryUnavailable("registry down"), Fault.INFRASTRUCTURE),
        (DeliveryError("not acknowledged"), Fault.INFRASTRUCTURE),
        (KafkaToolingError("no topic"), Fault.INFRASTRUCTURE),
        (KeyringError("key 'k2' is not in the keyring"), Fault.INFRASTRUCTURE),
        (ConfigError("bad"), Fault.INFRASTRUCTURE),
        (KeyError("surprise"), Fault.BUG),
        (AssertionError(), Fault.BUG),
    ],
)
def test_each_error_is_classified(error: Exception, fault: Fault) -> None:
    assert DEFAULT_POLICY.classify(error) is fault


def test_only_an_infrastructure_fault_stops_a_batch_uncommitted() -> None:
    assert DEFAULT_POLICY.on_batch_error(SchemaRegistryUnavailable("down")) is Outcome.STOP_UNCOMMITTED
    assert DEFAULT_POLICY.on_batch_error(KeyringError("missing")) is Outcome.STOP_UNCOMMITTED
    assert DEFAULT_POLICY.on_batch_error(ZeroDivisionError()) is Outcome.QUARANTINE_BATCH
    # A record fault that escapes the processor has lost its record: the batch fails closed.
    assert DEFAULT_POLICY.on_batch_error(DecodeError("undecodable:json")) is Outcome.QUARANTINE_BATCH
    assert DEFAULT_POLICY.bug_reason == "internal_error"
