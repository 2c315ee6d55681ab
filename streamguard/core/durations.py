"""Durations as people write them in policies and on command lines: ``90s``, ``30m``, ``2h``, ``7d``."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(r"(0|[1-9][0-9]*)([smhd])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_duration(text: str) -> timedelta:
    """A whole number of seconds, minutes, hours or days (``0h`` is none); ValueError names the text otherwise."""
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a duration like 90s, 30m, 2h or 7d")
    amount, unit = match.groups()
    return timedelta(**{_UNITS[unit]: int(amount)})


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
