"""``generalize``: keep a coarse version of a value (year of a date, bucket of a number, prefix, network).

Each builder returns a closure for one field type; the output has the same type as the input, so a
generalized Avro date is still a date and a generalized ISO string is still a string.

A generalization never hands back its input: where the coarse version of a value would be the value itself
(a prefix as long as the value, an integer bucket of size 1, a float bucket holding a single representable
value, an IPv4 /32 or IPv6 /128 network), the value is masked fully instead (``masked``: the type's redact
value). The native engine applies the same rule value by value.
"""

from __future__ import annotations

import ipaddress
import math
import re
import struct
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from streamguard.core.errors import ValueMaskingError
from streamguard.masking.rules import FieldRule
from streamguard.masking.schema_tree import FORMAT_DATE, FORMAT_DATE_TIME, Node

ValueFn = Callable[[Any], Any]
_EPOCH_DAY = date(1970, 1, 1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_UNITS = {"timestamp-millis": 1000, "timestamp-micros": 1_000_000}
_UNITS |= {"local-timestamp-millis": 1000, "local-timestamp-micros": 1_000_000}
_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(rf"^{_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}$")
_INT_MIN = {"int": -(2**31), "long": -(2**63)}


def build_generalize(rule: FieldRule, node: Node, masked: Any) -> ValueFn:
    """The generalize closure for a field (the rule was validated against the node already); ``masked`` is
    what a value becomes where its generalization would be the value itself."""
    if rule.to in ("year", "month"):
        return _dates(rule.to, node)
    if rule.to == "network":
        return _network(*network_prefixes(rule), masked)
    if rule.size is not None:
        if int_floor(node.kind) is not None and rule.size == 1:
            return lambda _value: masked  # every integer is a bucket of its own
        return _bucket(rule.size, int_floor(node.kind), single_precision=node.kind == "float", masked=masked)
    keep = rule.keep_first or 0
    return lambda value: value[:keep] if len(value) > keep else masked


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
        # A string its schema says is a date (JSON Schema's ``format``) stays one: the first day of the period.
        shaped = node.logical in (FORMAT_DATE, FORMAT_DATE_TIME)
        return lambda value: _iso(value, to, shaped)
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


def _iso(value: str, to: str, shaped: bool) -> str:
    try:
        parsed = datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
    except (ValueError, TypeError):
        raise ValueMaskingError("invalid_value") from None
    if not shaped:
        return f"{parsed.year:04d}" if to == "year" else f"{parsed.year:04d}-{parsed.month:02d}"
    start = _truncate(parsed if not isinstance(parsed, datetime) else parsed.date(), to)
    if isinstance(parsed, datetime):
        return datetime(start.year, start.month, 1, tzinfo=parsed.tzinfo).isoformat()
    return start.isoformat()


def _bucket(size: float, int_min: int | None, *, single_precision: bool, masked: Any) -> ValueFn:
    if int_min is not None:
        step = int(size)
        # Flooring the most negative values would leave the type's range: keep them in the lowest bucket.
        return lambda value: max(value - value % step, int_min)
    next_up = _next_up_f32 if single_precision else lambda x: math.nextafter(x, math.inf)

    def float_bucket(value: float) -> float:
        try:
            low = float(math.floor(value / size) * size)
        except (OverflowError, ValueError):  # inf and nan have no bucket
            raise ValueMaskingError("invalid_value") from None
        return masked if next_up(low) >= low + size else low  # a bucket of one representable value

    return float_bucket


def _next_up_f32(value: float) -> float:
    """The next single-precision float above ``value`` (rounded to single precision first), as a double."""
    try:
        (bits,) = struct.unpack("<I", struct.pack("<f", value))
    except OverflowError:  # a bucket beyond single precision cannot be written in the field's type
        raise ValueMaskingError("invalid_value") from None
    if value == 0:
        return struct.unpack("<f", struct.pack("<I", 1))[0]  # the smallest subnormal
    if math.isinf(value) and value > 0:
        return value
    return struct.unpack("<f", struct.pack("<I", bits + 1 if value > 0 else bits - 1))[0]


def _network(v4_prefix: int, v6_prefix: int, masked: Any) -> ValueFn:
    aligned = v4_prefix % 8 == 0
    keep = v4_prefix // 8
    zeros = ".0" * (4 - keep)

    def network(value: str) -> str:
        match = _IPV4.match(value) if aligned and v4_prefix < 32 else None
        if match:  # the common case, without ipaddress objects (they cost most of a record's masking time)
            kept = ".".join(match.groups()[:keep])
            return f"{kept}{zeros}/{v4_prefix}" if keep else f"0.0.0.0/{v4_prefix}"
        try:
            address = ipaddress.ip_address(value.strip())
        except ValueError:
            raise ValueMaskingError("invalid_value") from None
        prefix = v4_prefix if address.version == 4 else v6_prefix
        if prefix == address.max_prefixlen:
            return masked  # a network of one address is the address
        return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))

    return network
