"""Alerts and what monitoring remembers between runs (pure).

An alert's key is stable: its rule, its subject and the period it belongs to (the window, floored on the
epoch, for window rules), so one rule raises at most one alert per subject and period, and a receiver can
tell a repeat from a new alert. The state is plain JSON the caller persists once the alerts it raised are
recorded: a run that fails to record them raises them again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

REPEAT_EVERY = timedelta(days=1)  # a condition that persists (a foreign reader) is alerted again after this
KEEP_ALERTED = timedelta(days=7)  # longer than any period a key names: older keys cannot recur
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


@dataclass(frozen=True)
class Alert:
    rule: str
    subject: str
    severity: Severity
    summary: str
    details: dict[str, Any]
    at: datetime
    key: str

    def to_operation(self) -> dict[str, Any]:
        """The alert event's ``operation``: names, counts and offsets, never a record value."""
        operation = {
            "rule": self.rule,
            "subject": self.subject,
            "severity": self.severity.value,
            "summary": self.summary,
            "details": self.details,
            "at": self.at.isoformat(),
            "key": self.key,
        }
        if "dataset" in self.details:  # the audit event's dataset, so per-dataset reports find it
            operation["dataset"] = self.details["dataset"]
        return operation

    @classmethod
    def from_operation(cls, operation: Mapping[str, Any]) -> Alert:
        return cls(
            operation["rule"],
            operation["subject"],
            Severity(operation["severity"]),
            operation["summary"],
            dict(operation["details"]),
            datetime.fromisoformat(operation["at"]),
            operation["key"],
        )


@dataclass
class MonitorState:
    """What the rules remember between runs; times are ISO-8601 UTC text, so the state is plain JSON."""

    alerted: dict[str, str] = field(default_factory=dict)  # alert key -> when
    drift_seen: set[str] = field(default_factory=set)  # "dataset|schema id|field"
    reads: dict[str, dict[str, str]] = field(default_factory=dict)  # identity -> topic -> last read
    denials: dict[str, list[str]] = field(default_factory=dict)  # identity -> times of its latest denials

    def to_json(self) -> str:
        body = {"alerted": self.alerted, "drift_seen": sorted(self.drift_seen), "reads": self.reads}
        return json.dumps({**body, "denials": self.denials}, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> MonitorState:
        data = json.loads(text)
        return cls(data["alerted"], set(data["drift_seen"]), data["reads"], data["denials"])

    def forget_before(self, now: datetime) -> None:
        """Drop alert keys too old to recur, so the state stays small."""
        cutoff = now - KEEP_ALERTED
        self.alerted = {key: at for key, at in self.alerted.items() if datetime.fromisoformat(at) >= cutoff}


def raise_once(
    state: MonitorState,
    rule: str,
    subject: str,
    severity: Severity,
    summary: str,
    details: dict[str, Any],
    now: datetime,
    period: str,
) -> list[Alert]:
    """The alert, unless one with its key (rule, subject, period) was raised before: then nothing."""
    key = f"{rule}|{subject}|{period}"
    if key in state.alerted:
        return []
    state.alerted[key] = now.isoformat()
    return [Alert(rule, subject, severity, summary, details, now, key)]


def window_period(now: datetime, window: timedelta) -> str:
    """The window ``now`` falls in, aligned on the epoch: the same for every run within it."""
    windows = (now - _EPOCH) // window
    return (_EPOCH + windows * window).isoformat()


def digest(items: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(items)).encode()).hexdigest()[:16]
