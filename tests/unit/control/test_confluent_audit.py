"""Parsing Confluent's broker audit log (CloudEvents JSON) into authorization decisions: the events read
evidence needs, denials kept as denials, other events skipped, malformed ones rejected without stopping."""

from __future__ import annotations

import json
from copy import deepcopy
from datetime import UTC, datetime
from typing import Any

import pytest

from streamguard.control.confluent_audit import parse_audit_log
from streamguard.control.read_sources import ReadSource
from tests.unit.control.confluent_samples import CLUSTER, event


def _records(*events: dict[str, Any] | bytes | None) -> list[tuple[str, bytes | None]]:
    return [
        (f"audit[0]@{offset}", value if value is None or isinstance(value, bytes) else json.dumps(value).encode())
        for offset, value in enumerate(events)
    ]


def test_a_join_a_commit_and_a_fetch_are_the_decisions_read_evidence_joins() -> None:
    records = _records(
        event(),
        event("kafka.OffsetCommit"),
        event("kafka.Fetch", "Topic", "governed.customers.analytics"),
    )
    batch = parse_audit_log(records, CLUSTER)
    assert (batch.rejected, batch.skipped, batch.other_clusters) == ([], 0, {})
    join, commit, fetch = batch.decisions
    assert join.at == datetime(2026, 12, 1, 19, 20, 33, 102123, tzinfo=UTC)
    assert (join.principal, join.kafka_user, join.host, join.source) == (
        "User:ana",
        "ana",
        "10.0.0.7",
        ReadSource.AUDIT_LOG_TOPIC,
    )
    assert (join.request, commit.request, fetch.request) == ("JoinGroup", "OffsetCommit", "Fetch")
    assert [join.reads_group("analytics-1"), commit.reads_group("analytics-1"), fetch.reads_topic()] == [True] * 3
    assert fetch.resource == "governed.customers.analytics"
    assert (fetch.operation, fetch.resource_type, fetch.pattern) == ("READ", "Topic", "LITERAL")


def test_operations_take_kafkas_acl_names_and_denials_stay_denials() -> None:
    denied = event("kafka.Fetch", "Topic", "raw.customers", principal="User:eve", granted=False)
    configs = event("kafka.DescribeConfigs", "Topic", "raw.customers", operation="DescribeConfigs")
    refused, described = parse_audit_log(_records(denied, configs), CLUSTER).decisions
    assert (refused.allowed, refused.principal, refused.reads_topic()) == (False, "User:eve", False)
    assert described.operation == "DESCRIBE_CONFIGS"


def test_events_that_record_no_kafka_decision_are_skipped_and_other_clusters_counted() -> None:
    authentication = {**event(), "type": "io.confluent.kafka.server/authentication"}
    rbac = event("mds.Authorize", operation="CreateCloudCluster")  # the platform's own RBAC check
    elsewhere = event(cluster="lkc-other")
    batch = parse_audit_log(_records(authentication, rbac, elsewhere, event()), CLUSTER)
    assert (len(batch.decisions), batch.skipped, batch.other_clusters) == (1, 2, {"lkc-other": 1})
    assert len(parse_audit_log(_records(elsewhere, event()), None).decisions) == 2  # every cluster's


_DELETE = object()


def _edited(path: str, value: object = _DELETE) -> dict[str, Any]:
    """The event with the field at the dotted ``path`` set to ``value``, or deleted."""
    edited = deepcopy(event())
    *parents, last = path.split(".")
    node = edited
    for part in parents:
        node = node[part]
    if value is _DELETE:
        del node[last]
    else:
        node[last] = value
    return edited


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"", "empty record"),
        (None, "empty record"),
        (b"{not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (_edited("type"), "missing or malformed: type"),
        (_edited("time"), "missing or malformed: time"),
        (_edited("specversion", "0.3"), "missing or malformed: specversion"),
        (_edited("time", "yesterday"), "missing or malformed: time"),
        (_edited("data.authenticationInfo.principal"), "missing or malformed: data.authenticationInfo.principal"),
        (event(principal="ana"), "missing or malformed: data.authenticationInfo.principal"),
        (_edited("data.authorizationInfo.granted"), "missing or malformed: data.authorizationInfo.granted"),
        (_edited("data.authorizationInfo.granted", "yes"), "missing or malformed: data.authorizationInfo.granted"),
        (_edited("data.authorizationInfo"), "missing or malformed: data.authorizationInfo"),
        (
            _edited("data.resourceName", "crn://confluent.cloud/topic=t") | {"subject": None},
            "neither data.resourceName nor subject names a Kafka cluster (kafka=<id>)",
        ),
    ],
)
def test_a_malformed_event_is_rejected_with_its_reason_and_the_rest_still_read(
    value: dict[str, Any] | bytes | None, reason: str
) -> None:
    batch = parse_audit_log(_records(event(), value, event("kafka.OffsetCommit")), CLUSTER)
    assert [(r.where, r.reason) for r in batch.rejected] == [("audit[0]@1", reason)]
    assert [d.request for d in batch.decisions] == ["JoinGroup", "OffsetCommit"]


def test_a_rejection_names_the_fields_never_the_values_found_there() -> None:
    secretive = event(principal="no-colon-secret-value")
    [rejected] = parse_audit_log(_records(secretive), CLUSTER).rejected
    assert "secret" not in rejected.reason
