"""Each masking action on its own: type-safe, deterministic, keyed per audience."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import pytest

from streamguard.core.errors import ValueMaskingError
from streamguard.masking.actions import REDACTED, ActionContext, build_action, redact_value
from streamguard.masking.detection import Span, TextScan
from streamguard.masking.encryption import decrypt_token
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import FieldRule
from streamguard.masking.schema_tree import FieldSpec, Node

KEYRING = Keyring({"k1": b"m" * 32, "k2": b"e" * 32}, {"mask": "k1", "encrypt": "k2"})


STRING = Node(kind="string")


def act(action: str, node: Node = STRING, audience: str = "analytics", klass: str = "contact", **params: Any):
    rule = FieldRule.model_validate({"class": klass, "action": action, **params})
    return build_action(action, rule, node, ActionContext(audience, klass, KEYRING))


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (STRING, REDACTED),
        (Node(kind="int"), 0),
        (Node(kind="double"), 0.0),
        (Node(kind="boolean"), False),
        (Node(kind="bytes"), b""),
        (Node(kind="fixed", size=4), b"\0\0\0\0"),
        (Node(kind="enum", symbols=("A", "B")), "A"),
        (Node(kind="int", logical="date"), date(1970, 1, 1)),
        (Node(kind="long", logical="timestamp-millis"), datetime(1970, 1, 1, tzinfo=UTC)),
        (Node(kind="array", item=STRING), []),
        (Node(kind="map", item=STRING), {}),
    ],
)
def test_redact_gives_the_types_default(node: Node, expected: Any) -> None:
    assert act("redact", node)("secret") == expected


def test_redact_of_a_record_builds_a_valid_default_record() -> None:
    inner = Node(
        kind="record", fields={"a": FieldSpec("a", STRING), "b": FieldSpec("b", Node(kind="long", nullable=True))}
    )
    assert redact_value(inner) == {"a": REDACTED, "b": None}


def test_hash_is_keyed_deterministic_and_per_audience() -> None:
    digest = act("hash")("maria@example.com")
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert act("hash")("maria@example.com") == digest
    assert act("hash", audience="support")("maria@example.com") != digest
    assert act("hash", length=16)("maria@example.com") == digest[:16]


def test_hash_of_integers_fits_the_integer_type() -> None:
    out_int = act("hash", Node(kind="int"))(123456789)
    out_long = act("hash", Node(kind="long"))(123456789)
    assert isinstance(out_int, int)
    assert -(2**31) <= out_int < 2**31
    assert isinstance(out_long, int)
    assert -(2**63) <= out_long < 2**63
    assert out_int != 123456789
    assert len(act("hash", Node(kind="fixed", size=40))(b"x" * 40)) == 40


def test_pseudonyms_are_readable_and_join_within_an_audience_only() -> None:
    token = act("pseudonymize")("Maria Gonzalez")
    assert re.fullmatch(r"person_[0-9a-f]{12}", token)
    # Same audience, another dataset and field: same token (joinable); another audience: different.
    assert act("pseudonymize", klass="personal")("Maria Gonzalez") == token
    assert act("pseudonymize", audience="support")("Maria Gonzalez") != token
    assert act("pseudonymize", prefix="customer", length=8)("x").startswith("customer_")


@pytest.mark.parametrize(
    ("params", "value", "expected"),
    [
        ({"keep_last": 4}, "4539148803436467", "************6467"),
        ({"keep_first": 2, "keep_last": 2, "mask_char": "#"}, "+14155550132", "+1########32"),
        ({"keep_last": 4}, "1234", "****"),  # keeping it all would reveal it all
        ({"keep_first": 3}, "ab", "**"),
    ],
)
def test_partial(params: dict[str, Any], value: str, expected: str) -> None:
    assert act("partial", **params)(value) == expected


@pytest.mark.parametrize(
    ("node", "params", "value", "expected"),
    [
        (Node(kind="int", logical="date"), {"to": "year"}, date(1986, 4, 17), date(1986, 1, 1)),
        (Node(kind="int", logical="date"), {"to": "month"}, date(1986, 4, 17), date(1986, 4, 1)),
        (Node(kind="int", logical="date"), {"to": "year"}, 365 + 40, 365),
        (
            Node(kind="long", logical="timestamp-millis"),
            {"to": "month"},
            datetime(2023, 2, 11, 9, 30, tzinfo=UTC),
            datetime(2023, 2, 1, tzinfo=UTC),
        ),
        (Node(kind="long", logical="timestamp-millis"), {"to": "year"}, 1_700_000_000_000, 1_672_531_200_000),
        (Node(kind="long", logical="timestamp-micros"), {"to": "year"}, 1_700_000_000_000_000, 1_672_531_200_000_000),
        (STRING, {"to": "year"}, "1986-04-17", "1986"),
        (STRING, {"to": "month"}, "2023-02-11T09:30:12+00:00", "2023-02"),
        (Node(kind="long"), {"size": 10}, 47, 40),
        (Node(kind="long"), {"size": 10}, -3, -10),
        (Node(kind="int"), {"size": 10}, -(2**31), -(2**31)),  # stays inside the int range
        (Node(kind="double"), {"size": 100}, 1840.5, 1800.0),
        (STRING, {"keep_first": 3}, "97403", "974"),
        (STRING, {"to": "network"}, "198.51.100.23", "198.51.100.0/24"),
        (STRING, {"to": "network"}, "2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::/48"),
        (STRING, {"to": "network", "ipv4_prefix": 16}, "198.51.100.23", "198.51.0.0/16"),
    ],
)
def test_generalize(node: Node, params: dict[str, Any], value: Any, expected: Any) -> None:
    out = act("generalize", node, **params)(value)
    assert out == expected
    assert type(out) is type(expected)


@pytest.mark.parametrize(("params", "value"), [({"to": "network"}, "not-an-ip"), ({"to": "year"}, "17/04/1986")])
def test_generalize_fails_closed_on_unparseable_values(params: dict[str, Any], value: str) -> None:
    with pytest.raises(ValueMaskingError) as caught:
        act("generalize", **params)(value)
    assert caught.value.reason == "invalid_value"
    assert value not in str(caught.value)


def test_encrypt_is_deterministic_reversible_and_per_audience() -> None:
    token = act("encrypt")("536-22-8841")
    assert token.startswith("sgenc:v1:k2:analytics:")
    assert act("encrypt")("536-22-8841") == token
    assert act("encrypt", audience="risk")("536-22-8841") != token
    assert decrypt_token(KEYRING, token) == b"536-22-8841"
    assert act("encrypt", Node(kind="bytes"))(b"\x00\x01").startswith(b"sgenc:v1:k2:")


def test_detect_replaces_spans_with_tags_or_pseudonyms() -> None:
    text = "mail maria@example.com now"
    scans = {text: TextScan((Span(5, 22, "EMAIL_ADDRESS", 0.9),))}
    tag = build_action("detect", None, STRING, ActionContext("a", "free_text", KEYRING, scans))
    assert tag(text) == "mail <EMAIL_ADDRESS> now"
    rule = FieldRule.model_validate({"class": "free_text", "action": "detect", "replace": "pseudonym"})
    pseudo = build_action("detect", rule, STRING, ActionContext("a", "free_text", KEYRING, scans))
    assert re.fullmatch(r"mail email_address_[0-9a-f]{12} now", pseudo(text))


def test_detect_fails_closed_on_failed_or_missing_scans() -> None:
    scans = {"bad": TextScan(error="timeout")}
    detect = build_action("detect", None, STRING, ActionContext("a", "free_text", KEYRING, scans))
    for text in ("bad", "never scanned"):
        with pytest.raises(ValueMaskingError, match="detector_failed"):
            detect(text)


def test_json_values_of_unknown_type_dispatch_by_python_type() -> None:
    partial = act("partial", Node(kind="any"), keep_last=2)
    assert partial("abcdef") == "****ef"
    with pytest.raises(ValueMaskingError, match="type_mismatch"):
        partial(123456)
    redact = act("redact", Node(kind="any"))
    assert [redact(v) for v in ("x", 5, 2.5, True, {"a": 1}, [1])] == [REDACTED, 0, 0.0, False, {}, []]


@pytest.mark.parametrize(
    ("node", "params", "value", "expected"),
    [
        (STRING, {"keep_first": 3}, "974", REDACTED),  # the prefix would be the whole value
        (STRING, {"keep_first": 3}, "97", REDACTED),
        (STRING, {"keep_first": 3}, "97403", "974"),
        (Node(kind="long"), {"size": 1}, 123456, 0),  # every integer is a bucket of its own
        (Node(kind="double"), {"size": 0.25}, 1e20, 0.0),  # the bucket holds one representable value
        (Node(kind="float"), {"size": 0.5}, 1e10, 0.0),  # ... in single precision too
        (Node(kind="double"), {"size": 0.25}, 1.3, 1.25),
        (STRING, {"to": "network", "ipv4_prefix": 32}, "203.0.113.7", REDACTED),
        (STRING, {"to": "network", "ipv6_prefix": 128}, "2001:db8::1", REDACTED),
        (STRING, {"to": "network", "ipv4_prefix": 32}, "2001:db8::1", "2001:db8::/48"),
    ],
)
def test_a_generalization_never_hands_back_its_input(
    node: Node, params: dict[str, Any], value: Any, expected: Any
) -> None:
    assert act("generalize", node, **params)(value) == expected
