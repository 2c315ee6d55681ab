"""Read progress from two snapshots of the consumer groups and the authorizer decisions between them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from streamguard.control.authorizer_log import AuthorizationDecision
from streamguard.control.policy import Policy, load_policy
from streamguard.control.read_evidence import (
    Client,
    GroupMember,
    GroupsSnapshot,
    GroupState,
    Reader,
    access_operation,
    group_prefix_readers,
    progress_of_operation,
    read_progress,
    view_of,
)
from streamguard.control.read_sources import ReadSource
from streamguard.core.topics import TopicNames

NAMES = TopicNames()
T0 = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
T1 = T0 + timedelta(seconds=10)
VIEW = "governed.customers.analytics"
POLICY_YAML = """
principals:
  ana: {kafka_user: ana}
  sam: {kafka_user: sam}
  bob: {roles: [approver]}
audiences:
  analytics: {principals: [ana], group_prefixes: [analytics-]}
  support: {principals: [sam], group_prefixes: [support-]}
"""


def _policy() -> Policy:
    return load_policy(POLICY_YAML, "policy.yaml")


def _decision(principal: str, resource_type: str, resource: str, operation: str = "READ") -> AuthorizationDecision:
    request = "Fetch" if resource_type == "Topic" else "OffsetCommit"
    return AuthorizationDecision(
        T1, principal, True, operation, "127.0.0.1", resource_type, "LITERAL", resource, request
    )


def _snapshot(
    at: datetime, committed: dict[tuple[str, int], int], members: tuple[GroupMember, ...] = ()
) -> GroupsSnapshot:
    group = GroupState("analytics-1", "stable", members, committed)
    return GroupsSnapshot(at, (group,), {(VIEW, 0): 600, (VIEW, 1): 80})


def test_only_offsets_that_moved_or_are_new_are_progress() -> None:
    before = _snapshot(T0, {(VIEW, 0): 100, (VIEW, 1): 40})
    after = _snapshot(T1, {(VIEW, 0): 500, (VIEW, 1): 40, ("raw.customers", 0): 7})
    progress = read_progress(before, after, [], _policy(), NAMES)
    assert [(p.topic, p.partition, p.previous_offset, p.committed_offset) for p in progress] == [
        ("governed.customers.analytics", 0, 100, 500),
        ("raw.customers", 0, None, 7),
    ]
    view, raw = progress
    assert (view.dataset, view.audience, view.end_offset, view.lag, view.observed_at) == (
        "customers",
        "analytics",
        600,
        100,
        T1,
    )
    assert (raw.dataset, raw.audience, raw.end_offset, raw.lag) == ("customers", None, None, None)


def test_without_a_previous_snapshot_every_committed_offset_is_first_seen() -> None:
    progress = read_progress(None, _snapshot(T1, {(VIEW, 0): 500}), [], _policy(), NAMES)
    assert [(p.committed_offset, p.previous_offset) for p in progress] == [(500, None)]


def test_streamguard_system_topics_are_out_of_scope() -> None:
    after = _snapshot(T1, {("streamguard.audit", 0): 9, ("other.topic", 0): 3})
    assert read_progress(None, after, [], _policy(), NAMES) == []


def test_the_principals_are_those_acting_for_the_group_mapped_to_the_policy() -> None:
    decisions = [
        _decision("User:ana", "Group", "analytics-1"),
        _decision("User:stranger", "Group", "analytics-1"),
        _decision("User:sam", "Group", "support-9"),  # another group
        _decision("User:sam", "Topic", VIEW),  # reads the topic, but not for this group
        _decision("User:mallory", "Group", "analytics-1", operation="DESCRIBE"),  # an admin tool looking
    ]
    [record] = read_progress(None, _snapshot(T1, {(VIEW, 0): 5}), decisions, _policy(), NAMES)
    assert record.readers == (Reader("User:ana", "ana"), Reader("User:stranger", None))
    assert [reader.identity for reader in record.readers] == ["ana", "User:stranger"]


def test_a_group_without_its_own_decisions_gets_the_topics_readers() -> None:
    decisions = [_decision("User:sam", "Topic", VIEW), _decision("User:ana", "Topic", "governed.customers.support")]
    [record] = read_progress(None, _snapshot(T1, {(VIEW, 0): 5}), decisions, _policy(), NAMES)
    assert record.readers == (Reader("User:sam", "sam"),)


def test_clients_are_the_members_assigned_the_partition_or_all_while_unassigned() -> None:
    members = (
        GroupMember("reader-a", "10.0.0.1", ((VIEW, 0),)),
        GroupMember("reader-b", "10.0.0.2", ((VIEW, 1),)),
        GroupMember("joining", "10.0.0.3", ()),
    )
    progress = read_progress(None, _snapshot(T1, {(VIEW, 0): 5, (VIEW, 1): 6}, members), [], _policy(), NAMES)
    assert [p.clients for p in progress] == [(Client("reader-a", "10.0.0.1"),), (Client("reader-b", "10.0.0.2"),)]
    unassigned = (GroupMember("c2", "h2", ()), GroupMember("c1", "h1", ()))
    [record] = read_progress(None, _snapshot(T1, {(VIEW, 0): 5}, unassigned), [], _policy(), NAMES)
    assert record.clients == (Client("c1", "h1"), Client("c2", "h2"))


def test_views_name_their_dataset_and_audience() -> None:
    assert view_of("governed.eu.customers.analytics", NAMES) == ("eu.customers", "analytics")
    assert view_of("raw.customers", NAMES) == ("customers", None)
    assert view_of("governed.nodot", NAMES) == (None, None)


def test_a_snapshot_and_an_access_operation_round_trip_through_json() -> None:
    members = (GroupMember("reader-a", "10.0.0.1", ((VIEW, 0),)),)
    snapshot = _snapshot(T1, {(VIEW, 0): 5}, members)
    assert GroupsSnapshot.from_json(snapshot.to_json()) == snapshot
    progress = read_progress(None, snapshot, [_decision("User:ana", "Group", "analytics-1")], _policy(), NAMES)
    operation = access_operation(progress, T0, "consumer-groups+authorizer-log")
    assert operation["previous_at"] == T0.isoformat()
    assert operation["reads"][0]["principals"] == [
        {"kafka": "User:ana", "principal": "ana", "source": "authorizer-log"}
    ]
    assert progress_of_operation(operation) == progress


def test_a_principal_recorded_before_sources_were_reads_as_the_authorizer_logs() -> None:
    progress = read_progress(None, _snapshot(T1, {(VIEW, 0): 5}), [], _policy(), NAMES, infer=True)
    operation = access_operation(progress, None, "consumer-groups+group-prefix")
    assert operation["reads"][0]["principals"] == [{"kafka": "User:ana", "principal": "ana", "source": "group-prefix"}]
    del operation["reads"][0]["principals"][0]["source"]  # as access events were written before
    [record] = progress_of_operation(operation)
    assert record.readers == (Reader("User:ana", "ana", ReadSource.AUTHORIZER_LOG),)


# -- where the principals come from --------------------------------------------------------------------


def test_each_reader_names_the_observed_source_that_showed_it_the_authorizer_log_first() -> None:
    platform = replace(_decision("User:sam", "Group", "analytics-1"), source=ReadSource.AUDIT_LOG_TOPIC)
    both = replace(_decision("User:ana", "Group", "analytics-1"), source=ReadSource.AUDIT_LOG_TOPIC)
    decisions = [platform, both, _decision("User:ana", "Group", "analytics-1")]
    [record] = read_progress(None, _snapshot(T1, {(VIEW, 0): 5}), decisions, _policy(), NAMES)
    assert record.readers == (
        Reader("User:ana", "ana", ReadSource.AUTHORIZER_LOG),
        Reader("User:sam", "sam", ReadSource.AUDIT_LOG_TOPIC),
    )


def test_without_an_observed_source_a_group_of_one_audience_is_read_by_its_principals_inferred() -> None:
    policy = load_policy(POLICY_YAML + "  analysts: {principals: [ana, sam], group_prefixes: [bi-]}\n", "p.yaml")
    after = GroupsSnapshot(
        T1,
        (
            GroupState("analytics-1", "stable", (), {(VIEW, 0): 5}),
            GroupState("bi-daily", "stable", (), {("governed.orders.analysts", 0): 9}),
        ),
    )
    view, analysts = read_progress(None, after, [], policy, NAMES, infer=True)
    assert view.readers == (Reader("User:ana", "ana", ReadSource.GROUP_PREFIX),)
    assert analysts.readers == (
        Reader("User:ana", "ana", ReadSource.GROUP_PREFIX),
        Reader("User:sam", "sam", ReadSource.GROUP_PREFIX),
    )
    assert all(reader.source.inferred for reader in view.readers + analysts.readers)


def test_a_group_of_no_audience_or_of_two_or_reading_another_view_stays_unattributed() -> None:
    overlapping = POLICY_YAML + "  everyone: {principals: [ana, sam], group_prefixes: [analytics-team-]}\n"
    policy = load_policy(overlapping, "p.yaml")
    assert group_prefix_readers(policy, "etl-7", "analytics") == ()  # no prefix of any audience
    assert group_prefix_readers(policy, "analytics-team-1", "analytics") == ()  # analytics- and analytics-team-
    assert group_prefix_readers(policy, "support-1", "analytics") == ()  # support's group on analytics' view
    assert group_prefix_readers(policy, "support-1", None) == ()  # a raw topic: the audience's ACLs give none
    assert group_prefix_readers(policy, "support-1", "support") == (Reader("User:sam", "sam", ReadSource.GROUP_PREFIX),)


def test_inference_is_only_for_when_no_source_is_observed() -> None:
    after = _snapshot(T1, {(VIEW, 0): 5})
    [observed] = read_progress(None, after, [], _policy(), NAMES)  # a log that shows nobody: a super user, say
    assert observed.readers == ()
    [inferred] = read_progress(None, after, [], _policy(), NAMES, infer=True)
    assert [(r.identity, r.source) for r in inferred.readers] == [("ana", ReadSource.GROUP_PREFIX)]
