"""Sampling holds a bounded amount in memory, and stops at the partitions' ends instead of waiting out its time."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from streamguard.agents import kafka_sampling


@dataclass
class _Message:
    payload: bytes

    def key(self) -> bytes:
        return b"k"

    def value(self) -> bytes:
        return self.payload

    def error(self) -> None:
        return None


class _Consumer:
    def __init__(self, batches: list[list[_Message]]) -> None:
        self.batches = batches
        self.calls = 0

    def consume(self, count: int, timeout: float) -> list[_Message]:
        self.calls += 1
        return self.batches.pop(0)[:count] if self.batches else []


def test_a_sample_stops_at_its_byte_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kafka_sampling, "MAX_SAMPLE_BYTES", 1_000)
    consumer = _Consumer([[_Message(b"x" * 399)] * 5, [_Message(b"x" * 399)] * 5])
    sampled = kafka_sampling._read(consumer, 10, time.monotonic() + 30)  # type: ignore[arg-type]
    assert len(sampled) == 3  # 400, 800, 1,200 bytes: the record that crosses the budget is the last
    assert consumer.calls == 1


def test_a_sample_ends_when_the_partitions_bring_nothing_more() -> None:
    consumer = _Consumer([[_Message(b"v")] * 3])
    started = time.monotonic()
    sampled = kafka_sampling._read(consumer, 10, time.monotonic() + 30)  # type: ignore[arg-type]
    assert len(sampled) == 3  # fewer than expected: markers and aborted records count in the offsets too
    assert consumer.calls == 1 + kafka_sampling.IDLE_POLLS
    assert time.monotonic() - started < 5
