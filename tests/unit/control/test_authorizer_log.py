"""Parsing the broker's authorizer log, on lines captured from the local Kafka 4.1 broker."""

from __future__ import annotations

from datetime import UTC, datetime

from streamguard.control.authorizer_log import parse_decision, parse_decisions

FETCH = (
    "[2026-12-01T19:20:30,779] DEBUG Principal = User:probe-70bbe8 is Allowed operation = READ from host = "
    "127.0.0.1 on resource = Topic:LITERAL:governed.probe630aa5.analytics for request = Fetch with "
    "resourceRefCount = 2 based on rule MatchingAcl(acl=StandardAcl(resourceType=TOPIC, "
    "resourceName=governed.probe630aa5.analytics, patternType=LITERAL, principal=User:probe-70bbe8, host=*, "
    "operation=READ, permissionType=ALLOW))"
)
COMMIT = (
    "[2026-12-01T19:20:33,102] DEBUG Principal = User:probe-70bbe8 is Allowed operation = READ from host = "
    "127.0.0.1 on resource = Group:LITERAL:analytics-a5f612 for request = OffsetCommit with resourceRefCount = 1 "
    "based on rule MatchingAcl(acl=StandardAcl(resourceType=GROUP, resourceName=analytics-, patternType=PREFIXED, "
    "principal=User:probe-70bbe8, host=*, operation=READ, permissionType=ALLOW))"
)
FIND_COORDINATOR = (
    "[2026-12-01T19:20:30,037] DEBUG Principal = User:probe-70bbe8 is Allowed operation = DESCRIBE from host = "
    "127.0.0.1 on resource = Group:LITERAL:analytics-a5f612 for request = FindCoordinator with resourceRefCount = 1 "
    "based on rule MatchingAcl(acl=StandardAcl(resourceType=GROUP, resourceName=analytics-, patternType=PREFIXED, "
    "principal=User:probe-70bbe8, host=*, operation=READ, permissionType=ALLOW))"
)
DENIED = (
    "[2026-12-01T19:20:35,410] INFO Principal = User:probe-70bbe8 is Denied operation = DESCRIBE from host = "
    "127.0.0.1 on resource = Topic:LITERAL:raw.probeccc6dd for request = Metadata with resourceRefCount = 1 "
    "based on rule DefaultDeny"
)


def test_a_fetch_grant_is_a_topic_read_by_its_user_at_its_utc_time() -> None:
    decision = parse_decision(FETCH)
    assert decision is not None
    assert decision.at == datetime(2026, 12, 1, 19, 20, 30, 779000, tzinfo=UTC)
    assert (decision.principal, decision.kafka_user, decision.host) == (
        "User:probe-70bbe8",
        "probe-70bbe8",
        "127.0.0.1",
    )
    assert (decision.allowed, decision.operation, decision.request) == (True, "READ", "Fetch")
    assert (decision.resource_type, decision.pattern) == ("Topic", "LITERAL")
    assert decision.resource == "governed.probe630aa5.analytics"
    assert decision.reads_topic()
    assert not decision.reads_group()


def test_a_commit_reads_its_group_and_a_coordinator_lookup_does_not() -> None:
    commit, lookup = parse_decision(COMMIT), parse_decision(FIND_COORDINATOR)
    assert commit is not None
    assert lookup is not None
    assert commit.reads_group("analytics-a5f612")
    assert not commit.reads_group("analytics-other")
    assert lookup.operation == "DESCRIBE"
    assert not lookup.reads_group("analytics-a5f612")


def test_a_denial_is_parsed_as_denied() -> None:
    decision = parse_decision(DENIED)
    assert decision is not None
    assert not decision.allowed
    assert not decision.reads_topic()
    assert decision.resource == "raw.probeccc6dd"


def test_other_lines_and_cut_off_lines_are_not_decisions() -> None:
    assert parse_decision("[2026-12-01T19:20:30,000] WARN something else entirely") is None
    assert parse_decision("") is None
    assert parse_decision(DENIED[: DENIED.index(" based on rule")]) is None
    assert parse_decision(FETCH.replace("2026-12-01T19:20:30,779", "2026-13-41T99:20:30,779")) is None


def test_a_chunk_leaves_its_unfinished_last_line_for_the_next_read() -> None:
    chunk = f"{FETCH}\n{DENIED}\n{COMMIT[:80]}".encode()
    decisions, consumed = parse_decisions(chunk)
    assert [d.request for d in decisions] == ["Fetch", "Metadata"]
    assert consumed == len(f"{FETCH}\n{DENIED}\n".encode())
    assert parse_decisions(COMMIT[:80].encode()) == ([], 0)
