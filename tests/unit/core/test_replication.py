"""How many copies each kind of topic gets, and the findings about a topic that has fewer."""

from __future__ import annotations

import pytest

from streamguard.app.settings import Settings
from streamguard.core.replication import (
    Level,
    ObservedTopic,
    Replication,
    ReplicationPolicy,
    TopicKind,
    check_topic,
    check_transaction_log,
)

DEFAULTS = ReplicationPolicy({})


@pytest.mark.parametrize(("brokers", "factor", "min_insync"), [(1, 1, 1), (2, 2, 1), (3, 3, 2), (6, 3, 2)])
def test_views_and_evidence_default_to_three_copies_at_most_and_survive_one_broker_down(
    brokers: int, factor: int, min_insync: int
) -> None:
    for kind in (TopicKind.VIEWS, TopicKind.EVIDENCE):
        assert DEFAULTS.for_kind(kind, brokers) == Replication(factor, min_insync)


def test_control_and_quarantine_default_to_the_clusters_own_settings() -> None:
    for kind in (TopicKind.CONTROL, TopicKind.QUARANTINE):
        assert DEFAULTS.for_kind(kind, 3) == Replication(None, None)


def test_the_operators_factor_wins_and_keeps_a_margin_of_one_broker() -> None:
    chosen = ReplicationPolicy({TopicKind.EVIDENCE: Replication(5, None), TopicKind.VIEWS: Replication(3, 3)})
    assert chosen.for_kind(TopicKind.EVIDENCE, 3) == Replication(5, 4)
    assert chosen.for_kind(TopicKind.VIEWS, 3) == Replication(3, 3)


def test_settings_name_each_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAMGUARD_QUARANTINE_REPLICATION_FACTOR", "2")
    monkeypatch.setenv("STREAMGUARD_REPLICATION_CHECK", "warn")
    policy = Settings().replication
    assert policy.for_kind(TopicKind.QUARANTINE, 3) == Replication(2, None)
    assert policy.warn_only


def _topic(replicas: int, min_insync: int | None = None) -> ObservedTopic:
    config = {} if min_insync is None else {"min.insync.replicas": str(min_insync)}
    return ObservedTopic("streamguard.audit", 3, replicas, config)


def test_an_evidence_topic_of_one_replica_fails_naming_the_topic_and_the_setting() -> None:
    [finding] = check_topic(_topic(1), TopicKind.EVIDENCE, Replication(3, 2), warn_only=False)
    assert finding.level is Level.FAIL
    assert finding.subject == "streamguard.audit"
    assert "STREAMGUARD_EVIDENCE_REPLICATION_FACTOR=3" in finding.message
    assert "replication factor 1" in finding.message


def test_the_operator_may_choose_a_warning() -> None:
    findings = check_topic(_topic(1, 1), TopicKind.EVIDENCE, Replication(3, 2), warn_only=True)
    assert [finding.level for finding in findings] == [Level.WARN, Level.WARN]  # the factor, min.insync.replicas


def test_a_low_min_insync_fails_and_an_unwritable_one_too() -> None:
    [low] = check_topic(_topic(3, 1), TopicKind.VIEWS, Replication(3, 2), warn_only=False)
    assert "STREAMGUARD_VIEWS_MIN_INSYNC_REPLICAS=2" in low.message
    unwritable = check_topic(_topic(1, 2), TopicKind.CONTROL, Replication(), warn_only=False)
    assert [f.level for f in unwritable] == [Level.FAIL]
    assert "no transactional write can succeed" in unwritable[0].message


def test_min_insync_equal_to_the_replicas_warns_that_one_broker_down_stops_writes() -> None:
    [finding] = check_topic(_topic(3, 3), TopicKind.CONTROL, Replication(), warn_only=False)
    assert finding.level is Level.WARN
    assert "one broker down" in finding.message


def test_a_topic_as_replicated_as_asked_has_no_finding() -> None:
    assert check_topic(_topic(3, 2), TopicKind.EVIDENCE, Replication(3, 2), warn_only=False) == []
    assert check_topic(_topic(1), TopicKind.EVIDENCE, Replication(1, 1), warn_only=False) == []


def test_the_transaction_state_log_must_be_as_replicated_as_evidence() -> None:
    [finding] = check_transaction_log(1, 1, 3, warn_only=False)
    assert finding.subject == "__transaction_state"
    assert finding.level is Level.FAIL
    assert check_transaction_log(3, 2, 3, warn_only=False) == []
    assert check_transaction_log(None, None, 3, warn_only=False) == []  # not visible: left to the doctor
