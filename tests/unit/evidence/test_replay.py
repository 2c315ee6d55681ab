"""Forensic replay's comparison: a reproduced view matches only if its count, digest and Merkle root all do,
and the first differing position is where the views part."""

from __future__ import annotations

from streamguard.evidence.audit import AudienceOutput
from streamguard.evidence.digests import view_digests
from streamguard.evidence.replay import EventReplay, ReplayReport, compare_view, first_difference

RECORDED: list[bytes | None] = [b"view 0", b"view 1", None, b"view 3"]
SALT = bytes(range(32))  # the salt the event's analytics digests were made with


def _output(values: list[bytes | None]) -> AudienceOutput:
    digest, root = view_digests(values, SALT)
    return AudienceOutput(
        topic="governed.d.analytics",
        partition=0,
        first_offset=0,
        last_offset=3,
        count=4,
        digest=digest,
        merkle_root=root,
    )


def _event(**fields: object) -> EventReplay:
    return EventReplay(
        chain="raw.d:0", seq=0, event_id="e0", first_offset=0, last_offset=3, rule_version=1, key_ids={}, **fields
    )


def test_the_same_view_matches() -> None:
    view = compare_view("analytics", _output(RECORDED), list(RECORDED), SALT)
    assert view.matches
    assert view.model_dump()["matches"] is True  # the verdict travels in --json output


def test_a_changed_record_or_order_shows_in_digest_and_root() -> None:
    changed = compare_view("analytics", _output(RECORDED), [b"view 0", b"view 1", None, b"view 3 (other key)"], SALT)
    swapped = compare_view("analytics", _output(RECORDED), [b"view 1", b"view 0", None, b"view 3"], SALT)
    for view in (changed, swapped):
        assert not view.matches
        assert view.reproduced_digest != view.expected_digest
        assert view.reproduced_root != view.expected_root


def test_a_missing_record_fails_on_the_count_too() -> None:
    view = compare_view("analytics", _output(RECORDED), RECORDED[:3], SALT)
    assert (view.expected_count, view.reproduced_count, view.matches) == (4, 3, False)


def test_first_difference_is_where_the_views_part() -> None:
    assert first_difference(RECORDED, list(RECORDED)) is None
    assert first_difference(RECORDED, [b"view 0", b"view 1", b"", b"view 3"]) == 2  # a tombstone is not b""
    assert first_difference(RECORDED, RECORDED[:3]) == 3
    assert first_difference(RECORDED[:1], RECORDED) == 1


def test_a_report_matches_only_when_every_event_was_replayed_and_matched() -> None:
    matched = _event(view=compare_view("analytics", _output(RECORDED), list(RECORDED), SALT))
    unretained = _event(problem="offsets 0..3 of raw.d[0] no longer retained (it starts at 9)")
    assert ReplayReport(audience="analytics", events=[matched]).matches
    assert not ReplayReport(audience="analytics", events=[matched, unretained]).matches
    assert not ReplayReport(audience="analytics", events=[]).matches  # nothing reproduced proves nothing


def test_the_same_view_under_another_salt_does_not_match() -> None:
    """Replay must salt as the event did: the right records under another salt (another span, audience or
    evidence key) reproduce neither the digest nor the root."""
    for salt in (bytes(32), b"", SALT[::-1]):
        view = compare_view("analytics", _output(RECORDED), list(RECORDED), salt)
        assert not view.matches
        assert view.reproduced_digest != view.expected_digest
        assert view.reproduced_root != view.expected_root
