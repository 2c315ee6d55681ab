"""Durations as written in policies and options."""

from __future__ import annotations

from datetime import timedelta

import pytest

from streamguard.core.durations import approximate_duration, format_duration, parse_duration


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
