"""``generalize``: keep a coarse version of a value (year of a date, bucket of a number, prefix, network).

Each builder returns a closure for one field type; the output has the same type as the input, so a
generalized Avro date is still a date and a generalized ISO string is still a string.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from streamguard.core.errors import ValueMaskingError
from streamguard.masking.rules import FieldRule
from streamguard.masking.schema_tree import Node

ValueFn = Callable[[Any], Any]
_EPOCH_DAY = date(1970, 1, 1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_UNITS = {"timestamp-millis": 1000, "timestamp-micros": 1_000_000}
_UNITS |= {"local-timestamp-millis": 1000, "local-timestamp-micros": 1_000_000}
_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(rf"^{_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}$")
_INT_MIN = {"int": -(2**31), "long": -(2**63)}


def build_generalize(rule: FieldRule, node: Node) -> ValueFn:
    """The generalize closure for a field; the rule was validated against the node already."""
    if rule.to in ("year", "month"):
        return _dates(rule.to, node)
    if rule.to == "network":
        return _network(*network_prefixes(rule))
    if rule.size is not None:
        return _bucket(rule.size, int_floor(node.kind))
    keep = rule.keep_first or 0
    return lambda value: value[:keep]


def network_prefixes(rule: FieldRule) -> tuple[int, int]:
    """``(IPv4, IPv6)`` prefix lengths a network generalization keeps."""
    return (rule.ipv4_prefix if rule.ipv4_prefix is not None else 24), rule.ipv6_prefix or 48


def int_floor(kind: str) -> int | None:
    """The lowest value of an Avro integer type (None for floating point): buckets never go below it."""
    return _INT_MIN.get(kind)


def _truncate(day: date, to: str) -> date:
    return date(day.year, 1, 1) if to == "year" else date(day.year, day.month, 1)


def _dates(to: str, node: Node) -> ValueFn:
    if node.kind == "string" or node.kind == "any":
        return lambda value: _iso(value, to)
    if node.logical == "date":
        return lambda value: _date_value(value, to)
    unit = _UNITS.get(node.logical or "", 1000)
    return lambda value: _timestamp_value(value, to, unit)


def _date_value(value: date | int, to: str) -> date | int:
    # fastavro decodes to ``date``; records built by hand may still carry days since the epoch.
    if isinstance(value, date):
        return _truncate(value, to)
    return (_truncate(_EPOCH_DAY + timedelta(days=value), to) - _EPOCH_DAY).days


def _timestamp_value(value: datetime | int, to: str, unit: int) -> datetime | int:
    if isinstance(value, datetime):
        start = _truncate(value.date(), to)
        return datetime(start.year, start.month, 1, tzinfo=value.tzinfo)
    moment = _EPOCH + timedelta(seconds=value / unit)
    start = _truncate(moment.date(), to)
    return int((datetime(start.year, start.month, 1, tzinfo=UTC) - _EPOCH).total_seconds()) * unit


def _iso(value: str, to: str) -> str:
    try:
        parsed = datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
    except (ValueError, TypeError):
        raise ValueMaskingError("invalid_value") from None
    return f"{parsed.year:04d}" if to == "year" else f"{parsed.year:04d}-{parsed.month:02d}"


def _bucket(size: float, int_min: int | None) -> ValueFn:
    if int_min is not None:
        step = int(size)
        # Flooring the most negative values would leave the type's range: keep them in the lowest bucket.
        return lambda value: max(value - value % step, int_min)

    def float_bucket(value: float) -> float:
        try:
            return float(math.floor(value / size) * size)
        except (OverflowError, ValueError):  # inf and nan have no bucket
            raise ValueMaskingError("invalid_value") from None

    return float_bucket


def _network(v4_prefix: int, v6_prefix: int) -> ValueFn:
    aligned = v4_prefix % 8 == 0
    keep = v4_prefix // 8
    zeros = ".0" * (4 - keep)

    def network(value: str) -> str:
        match = _IPV4.match(value) if aligned else None
        if match:  # the common case, without ipaddress objects (they cost most of a record's masking time)
            kept = ".".join(match.groups()[:keep])
            return f"{kept}{zeros}/{v4_prefix}" if keep else f"0.0.0.0/{v4_prefix}"
        try:
            address = ipaddress.ip_address(value.strip())
        except ValueError:
            raise ValueMaskingError("invalid_value") from None
        prefix = v4_prefix if address.version == 4 else v6_prefix
        return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))

    return network
