"""A rules record that fails to parse, for whatever reason, is skipped: the worker keeps going on the others."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from pydantic import ValidationError

import streamguard.agents.rules_registry as rules_registry
from harness.sample_data import structured_rules
from streamguard.agents import kafka_rules
from streamguard.agents.kafka_rules import parse_rule_records
from streamguard.agents.rules_registry import RulesRegistry
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.masking.rule_versions import next_version, rules_of
from streamguard.masking.rules import parse_rules
from tests.unit.agents.datapath_runs import NAMES, SCHEMA_TEXT, WORKER_KEYRING, Registry

MARKER = "SECRETMARKER"  # record text that must never reach a log line


def published(dataset: str, version: int = 1, rules_yaml: str | None = None) -> RuleSetRecord:
    """The sample rules of ``dataset`` as ``version``, carrying ``rules_yaml`` instead if given."""
    text = structured_rules(dataset)
    rules = parse_rules(text, schema=json.loads(SCHEMA_TEXT))
    record = next_version([], rules, text, f"{dataset}.rules.yaml", SCHEMA_TEXT, "test")
    assert record is not None
    return record.model_copy(update={"version": version, "rules_yaml": rules_yaml or text})


def registry() -> RulesRegistry:
    return RulesRegistry(NAMES, Registry(), WORKER_KEYRING, lambda: None, "worker-1")  # type: ignore[arg-type, return-value]


def test_a_recursive_or_crashing_record_is_skipped_and_the_others_stay_in_force(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    customers_v1 = published("customers")
    recursive_v2 = published("customers", 2, f"dataset: customers\nfields: &{MARKER} [*{MARKER}]\n")
    crashing = published("payments")
    orders = published("orders")

    def crash_on_payments(record: RuleSetRecord) -> Any:
        if record.dataset == "payments":
            raise ZeroDivisionError(f"{MARKER} quoted from the record")
        return rules_of(record)

    monkeypatch.setattr(rules_registry, "rules_of", crash_on_payments)
    worker = registry()
    with caplog.at_level(logging.ERROR):
        for record in (customers_v1, recursive_v2, crashing, orders):
            worker.apply(record)  # returns normally whatever the record holds

    assert worker.versions() == {"customers": 1, "orders": 1}
    assert worker.raw_topics() == [NAMES.raw("customers"), NAMES.raw("orders")]
    assert worker.audiences(NAMES.raw("orders")) == ["analytics", "support", "risk"]
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 2
    assert "customers/v000002" in errors[0]
    assert "RulesError" in errors[0]
    assert "payments/v000001" in errors[1]
    assert "ZeroDivisionError" in errors[1]
    assert MARKER not in caplog.text


@pytest.mark.parametrize("failure", [RecursionError, ZeroDivisionError, KeyError])
def test_an_unexpected_failure_of_any_type_is_skipped(
    failure: type[Exception], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(_record: RuleSetRecord) -> Any:
        raise failure(MARKER)

    worker = registry()
    worker.apply(published("customers"))
    monkeypatch.setattr(rules_registry, "rules_of", fail)
    with caplog.at_level(logging.ERROR):
        worker.apply(published("customers", 2))
    assert worker.versions() == {"customers": 1}
    assert MARKER not in caplog.text
    assert failure.__name__ in caplog.text


class Message:
    """A consumed message as ``parse_rule_records`` reads it."""

    def __init__(self, offset: int, value: bytes | None) -> None:
        self._offset, self._value = offset, value

    def error(self) -> None:
        return None

    def value(self) -> bytes | None:
        return self._value

    def topic(self) -> str:
        return "streamguard.rules"

    def partition(self) -> int:
        return 0

    def offset(self) -> int:
        return self._offset


def test_a_record_whose_decoding_raises_anything_is_skipped(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    good = published("orders")
    decode = RuleSetRecord.from_bytes

    class Decoder:
        @staticmethod
        def from_bytes(data: bytes) -> RuleSetRecord:
            if MARKER.encode() in data:
                raise RecursionError(MARKER)
            return decode(data)

    monkeypatch.setattr(kafka_rules, "RuleSetRecord", Decoder)
    messages = [Message(0, MARKER.encode()), Message(1, b"{not json " + MARKER.encode()), Message(2, good.to_bytes())]
    with caplog.at_level(logging.ERROR):
        records = parse_rule_records(messages)  # type: ignore[arg-type]
    assert records == [good]
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 2
    assert "streamguard.rules[0]@0" in errors[0]
    assert "RecursionError" in errors[0]
    assert "streamguard.rules[0]@1" in errors[1]
    assert MARKER not in caplog.text


def test_a_foreign_record_is_still_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        RuleSetRecord.from_bytes(b"{}")
