"""The monitoring rules: each raises its alert at the threshold, not below it, and once per subject and window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from streamguard.control.alerts import Alert, MonitorState, Severity, window_period
from streamguard.control.authorizer_log import AuthorizationDecision
from streamguard.control.monitoring import (
    Observation,
    denied_alerts,
    drift_alerts,
    evaluate,
    expiry_alerts,
    foreign_audience_alerts,
    quarantine_alerts,
    topics_read_alerts,
    verification_alerts,
)
from streamguard.control.policy import Policy, load_policy
from streamguard.control.read_evidence import Reader, ReadProgress
from streamguard.control.read_sources import ReadSource
from streamguard.evidence.audit import AuditEvent, Quarantined, SourceSpan

NOW = datetime(2026, 12, 1, 19, 0, 30, tzinfo=UTC)  # 30 s into a one-minute window
POLICY_YAML = """
principals:
  ana: {kafka_user: ana}
  sam: {kafka_user: sam}
  bob: {roles: [approver]}
audiences:
  analytics: {principals: [ana], group_prefixes: [analytics-]}
  support: {principals: [sam], group_prefixes: [support-]}
worker: sg-worker
"""


def _policy() -> Policy:
    return load_policy(POLICY_YAML, "policy.yaml")


def _read(principal: str, topic: str, at: datetime = NOW, allowed: bool = True) -> AuthorizationDecision:
    return AuthorizationDecision(at, principal, allowed, "READ", "127.0.0.1", "Topic", "LITERAL", topic, "Fetch")


def _progress(group: str, topic: str, readers: tuple[Reader, ...] = ()) -> ReadProgress:
    dataset, _, audience = topic.removeprefix("governed.").rpartition(".")
    return ReadProgress(NOW, group, topic, 0, 500, None, 500, (), readers, dataset, audience)


def _topics(count: int) -> list[str]:
    return [f"governed.d{n}.analytics" for n in range(count)]


# -- one identity reading many topics ------------------------------------------------------------------


def test_ten_topics_read_by_one_principal_within_a_minute_raise_one_alert() -> None:
    state = MonitorState()
    decisions = [_read("User:ana", topic, NOW - timedelta(seconds=n)) for n, topic in enumerate(_topics(10))]
    [alert] = topics_read_alerts(decisions, [], _policy(), NOW, state)
    assert (alert.rule, alert.subject, alert.severity) == ("topics_read", "ana", Severity.HIGH)
    assert alert.details["topics"] == sorted(_topics(10))
    assert alert.key == f"topics_read|ana|{window_period(NOW, timedelta(minutes=1))}"
    assert topics_read_alerts(decisions, [], _policy(), NOW + timedelta(seconds=5), state) == []  # same window


def test_nine_topics_or_ten_spread_beyond_the_window_raise_nothing() -> None:
    nine = [_read("User:ana", topic) for topic in _topics(9)]
    assert topics_read_alerts(nine, [], _policy(), NOW, MonitorState()) == []
    spread = [_read("User:ana", topic, NOW - timedelta(seconds=7 * n)) for n, topic in enumerate(_topics(10))]
    assert topics_read_alerts(spread, [], _policy(), NOW, MonitorState()) == []


def test_reads_add_up_across_runs_within_the_window() -> None:
    state = MonitorState()
    first = [_read("User:ana", topic, NOW - timedelta(seconds=20)) for topic in _topics(5)]
    assert topics_read_alerts(first, [], _policy(), NOW - timedelta(seconds=20), state) == []
    restored = MonitorState.from_json(state.to_json())  # the caller persists the state between runs
    second = [_read("User:ana", topic) for topic in _topics(10)[5:]]
    assert [a.subject for a in topics_read_alerts(second, [], _policy(), NOW, restored)] == ["ana"]


def test_progress_counts_by_principal_or_by_group_and_the_worker_is_left_out() -> None:
    worker_reads = [_read("User:sg-worker", f"raw.d{n}") for n in range(12)]
    assert topics_read_alerts(worker_reads, [], _policy(), NOW, MonitorState()) == []
    anonymous = [_progress("analytics-x", topic) for topic in _topics(10)]
    [alert] = topics_read_alerts([], anonymous, _policy(), NOW, MonitorState())
    assert alert.subject == "group:analytics-x"
    first_snapshot = Observation(progress=anonymous, first_snapshot=True)  # offsets committed at any time before
    assert [a.rule for a in evaluate(first_snapshot, _policy(), NOW, MonitorState())] == []


def test_a_principal_only_inferred_from_the_group_prefix_is_counted_as_its_group() -> None:
    inferred = (Reader("User:ana", "ana", ReadSource.GROUP_PREFIX),)
    [alert] = topics_read_alerts(
        [], [_progress("analytics-x", t, inferred) for t in _topics(10)], _policy(), NOW, MonitorState()
    )
    assert alert.subject == "group:analytics-x"  # an alert names a principal only where a log showed it


# -- a group reading another audience's view ------------------------------------------------------------


def test_a_group_reading_a_view_of_an_audience_it_is_not_in_is_alerted() -> None:
    state = MonitorState()
    [alert] = foreign_audience_alerts([_progress("analytics-1", "governed.c.support")], _policy(), NOW, state)
    assert (alert.rule, alert.subject) == ("foreign_audience", "analytics-1@governed.c.support")
    assert alert.details["group_audiences"] == ["analytics"]
    assert foreign_audience_alerts([_progress("analytics-1", "governed.c.support")], _policy(), NOW, state) == []


def test_a_member_group_read_by_an_outside_principal_is_alerted() -> None:
    outsider = _progress("support-1", "governed.c.support", (Reader("User:ana", "ana"),))
    [alert] = foreign_audience_alerts([outsider], _policy(), NOW, MonitorState())
    assert alert.details["outside_principals"] == ["ana"]
    member = _progress("support-1", "governed.c.support", (Reader("User:sam", "sam"),))
    raw = ReadProgress(NOW, "support-1", "raw.c", 0, 5, None, 5, (), (), "c", None)
    assert foreign_audience_alerts([member, raw], _policy(), NOW, MonitorState()) == []


# -- denials, quarantine, drift, verification, expiry --------------------------------------------------


def test_twenty_denials_within_a_minute_are_alerted_nineteen_are_not() -> None:
    denials = [_read("User:eve", "raw.c", NOW - timedelta(seconds=n), allowed=False) for n in range(20)]
    assert denied_alerts(denials[:19], _policy(), NOW, MonitorState()) == []
    [alert] = denied_alerts(denials, _policy(), NOW, MonitorState())
    assert (alert.rule, alert.subject, alert.details["denied"]) == ("denied", "User:eve", 20)
    assert alert.details["denied_now"] == ["READ Topic:raw.c"]
    spread = [_read("User:eve", "raw.c", NOW - timedelta(seconds=5 * n), allowed=False) for n in range(20)]
    assert denied_alerts(spread, _policy(), NOW, MonitorState()) == []


def _records_event(
    dataset: str, delivered: int, quarantined: int, at: datetime = NOW, drift: dict[str, list[str]] | None = None
) -> AuditEvent:
    return AuditEvent(
        event_id=f"{dataset}-{at.isoformat()}",
        recorded_at=at.isoformat(),
        worker="w1",
        dataset=dataset,
        source=SourceSpan(topic=f"raw.{dataset}", partition=0, first_offset=0, last_offset=delivered + quarantined - 1),
        delivered=[(0, delivered - 1)] if delivered else [],
        quarantined=[Quarantined(offset=delivered + n, reason="decode_error") for n in range(quarantined)],
        input_digest="0" * 64,
        schema_drift=drift or {},
    )


def test_a_quarantine_rate_above_the_threshold_with_enough_records_is_alerted() -> None:
    [alert] = quarantine_alerts([_records_event("customers", 90, 10)], _policy(), NOW, MonitorState())
    assert (alert.subject, alert.details["records"], alert.details["quarantined"]) == ("customers", 100, 10)
    assert alert.details["reasons"] == {"decode_error": 10}
    assert alert.to_operation()["dataset"] == "customers"
    too_few = [_records_event("customers", 25, 25)]
    at_threshold = [_records_event("customers", 95, 5)]
    stale = [_records_event("customers", 90, 10, NOW - timedelta(minutes=6))]
    for events in (too_few, at_threshold, stale):
        assert quarantine_alerts(events, _policy(), NOW, MonitorState()) == []


def test_schema_drift_is_alerted_once_per_new_field() -> None:
    state = MonitorState()
    drifted = _records_event("customers", 1, 0, drift={"7": ["loyalty_tier"]})
    [alert] = drift_alerts([drifted, drifted], NOW, state)
    assert (alert.subject, alert.details["fields"]) == ("customers:7", ["loyalty_tier"])
    assert drift_alerts([drifted], NOW, state) == []
    more = _records_event("customers", 1, 0, drift={"7": ["loyalty_tier", "nickname"]})
    assert [a.details["fields"] for a in drift_alerts([more], NOW, state)] == [["nickname"]]


def test_a_failed_verification_is_alerted_again_only_when_its_problems_change() -> None:
    state = MonitorState()
    assert verification_alerts([], NOW, state) == []
    [alert] = verification_alerts(["chain raw.c:0: seq 4 does not link"], NOW, state)
    assert (alert.severity, alert.details["problem_count"]) == (Severity.CRITICAL, 1)
    assert verification_alerts(["chain raw.c:0: seq 4 does not link"], NOW, state) == []
    assert len(verification_alerts(["chain raw.c:0: seq 5 hash mismatch"], NOW, state)) == 1


def test_a_pending_request_close_to_expiry_is_alerted_once() -> None:
    state = MonitorState()
    pending = [("r-soon", NOW + timedelta(minutes=30)), ("r-later", NOW + timedelta(hours=2)), ("r-gone", NOW)]
    [alert] = expiry_alerts(pending, _policy(), NOW, state)
    assert (alert.rule, alert.subject) == ("request_expiry", "r-soon")
    assert expiry_alerts(pending, _policy(), NOW + timedelta(minutes=1), state) == []


def test_an_alert_round_trips_through_its_operation_and_old_keys_are_forgotten() -> None:
    [alert] = expiry_alerts([("r1", NOW + timedelta(minutes=5))], _policy(), NOW, MonitorState())
    assert Alert.from_operation(alert.to_operation()) == alert
    state = MonitorState(alerted={alert.key: NOW.isoformat()})
    state.forget_before(NOW + timedelta(days=8))
    assert state.alerted == {}
