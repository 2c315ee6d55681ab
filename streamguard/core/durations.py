"""Durations as people write them in policies and on command lines: ``90s``, ``30m``, ``2h``, ``7d``."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(r"(0|[1-9][0-9]*)([smhd])")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MAX_DURATION = timedelta(days=36_500)
_MAX_SECONDS = int(MAX_DURATION.total_seconds())


def parse_duration(text: str) -> timedelta:
    """A whole number of seconds, minutes, hours or days (``0h`` is none); ValueError names the text otherwise.

    At most a century (36500d): longer than any TTL, grant or retention anyone means, and far enough from
    ``timedelta``'s and ``datetime``'s limits that ``now + duration`` can never raise OverflowError later, where
    a policy's TTL would turn every request into a server error.
    """
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a duration like 90s, 30m, 2h or 7d")
    amount, unit = match.groups()
    # More digits than the bound in seconds is over it in any unit, and int() refuses thousands of digits itself.
    if len(amount) > len(str(_MAX_SECONDS)) or int(amount) * _SECONDS[unit] > _MAX_SECONDS:
        raise ValueError(f"{_shown(text.strip())} is longer than {format_duration(MAX_DURATION)}, a century")
    return timedelta(seconds=int(amount) * _SECONDS[unit])


def bounded_duration(duration: timedelta) -> timedelta:
    """``duration`` if it is at most a century (see ``parse_duration``), for durations given as plain seconds."""
    if duration > MAX_DURATION:
        raise ValueError(f"{format_duration(duration)!r} is longer than {format_duration(MAX_DURATION)}, a century")
    return duration


def _shown(text: str) -> str:
    """The text quoted, its middle elided if it is long (a 5,000-digit amount is not worth repeating)."""
    return repr(text if len(text) <= 40 else f"{text[:20]}…{text[-10:]}")


def format_duration(duration: timedelta) -> str:
    """The largest unit that states ``duration`` exactly (``2h``, ``90m``, ``45s``), the inverse of the parser."""
    seconds = int(duration.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def approximate_duration(duration: timedelta) -> str:
    """A duration as a person reads a countdown: its largest unit and the next (``1d 4h``, ``59m 57s``, ``45s``)."""
    seconds = max(0, int(duration.total_seconds()))
    units = (("d", 86400), ("h", 3600), ("m", 60))
    for (unit, size), (next_unit, next_size) in zip(units, (*units[1:], ("s", 1)), strict=True):
        if seconds >= size:
            return f"{seconds // size}{unit} {seconds % size // next_size}{next_unit}"
    return f"{seconds}s"
