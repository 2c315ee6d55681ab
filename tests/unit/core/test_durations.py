"""Durations as written in policies and options."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from streamguard.control.policy import load_policy
from streamguard.core.durations import approximate_duration, format_duration, parse_duration
from streamguard.core.errors import PolicyError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", timedelta(seconds=90)),
        ("30m", timedelta(minutes=30)),
        ("2h", timedelta(hours=2)),
        ("400d", timedelta(days=400)),
        (" 0h ", timedelta(0)),
    ],
)
def test_durations_parse(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "2", "h", "1.5h", "-1h", "01h", "2w", "2 h"])
def test_what_is_not_a_duration_is_named(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)


def test_formatting_uses_the_largest_exact_unit_and_parses_back() -> None:
    for duration in (timedelta(hours=2), timedelta(minutes=90), timedelta(seconds=45), timedelta(days=3), timedelta(0)):
        assert parse_duration(format_duration(duration)) == duration
    assert format_duration(timedelta(minutes=90)) == "90m"
    assert format_duration(timedelta(seconds=3601)) == "3601s"


def test_a_countdown_shows_its_two_largest_units() -> None:
    shown = {
        timedelta(seconds=3597): "59m 57s",
        timedelta(hours=26, minutes=3): "1d 2h",
        timedelta(hours=1, seconds=5): "1h 0m",
        timedelta(seconds=45): "45s",
        timedelta(seconds=-3): "0s",
    }
    assert {duration: approximate_duration(duration) for duration in shown} == shown


@pytest.mark.parametrize("text", ["36501d", "876001h", "99999999999999d", "9" * 5000 + "s"])
def test_a_duration_past_a_century_is_refused_naming_the_text_and_the_bound(text: str) -> None:
    with pytest.raises(ValueError, match=r"is longer than .*36500d") as raised:
        parse_duration(text)
    assert text[:20] in str(raised.value)


def test_a_century_is_the_longest_duration_and_still_fits_any_date() -> None:
    longest = parse_duration("36500d")
    assert longest == timedelta(days=36500)
    assert datetime.now(UTC) + longest > datetime.now(UTC)  # no OverflowError where a TTL is added to now


POLICY = "principals:\n  bob: {roles: [approver]}\napprovals: {quorum: 1, pending_ttl: 24h, max_grant: 8h}\n"


@pytest.mark.parametrize("written", ["99999999999999d", "36501d", "80000000000000"])  # the last: plain seconds
def test_a_policy_with_an_endless_ttl_is_refused_at_its_line(written: str) -> None:
    assert load_policy(POLICY, "policy.yaml").approvals.pending_ttl == timedelta(hours=24)
    text = POLICY.replace("pending_ttl: 24h", f"pending_ttl: {written}")
    with pytest.raises(PolicyError) as raised:
        load_policy(text, "policy.yaml")
    problems = str(raised.value).splitlines()[1:]
    assert len(problems) == 1
    assert problems[0].strip().startswith("policy.yaml:3: approvals.pending_ttl: ")
    assert "36500d" in problems[0]
