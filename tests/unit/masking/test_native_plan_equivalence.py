"""The native engine against the Python plan on drawn rule sets: the same bytes for every view of every record.

Hypothesis draws the rules (for each leaf of a schema with nested records, arrays and maps of records, an
action its type allows, with drawn parameters, or no rule at all; whole containers ruled at times), the
audiences and their clearances, the unclassified policy, and batches of several records. The engine must
write each audience's view as the Python plan's bytes, and fail the same records with the same codes.
The module imports ``streamguard_native`` outright: a machine without the engine fails here, it never skips.
"""

from __future__ import annotations

import io
import re
import string
from datetime import UTC, date, datetime
from typing import Any

import fastavro
import streamguard_native  # noqa: F401 - make setup builds it; its absence is a failure, not a skip
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streamguard.agents.codec import frame_wire_format
from streamguard.masking.actions import partial_params, redact_value
from streamguard.masking.key_plan import compile_key_plan, native_key_engine
from streamguard.masking.keys import Keyring
from streamguard.masking.native_plan import compile_native_plan
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import Rules, parse_rules
from streamguard.masking.schema_tree import from_avro, leaf_paths

FRAME = frame_wire_format(7, b"")
KEYRING = Keyring({"k1": b"m" * 32, "k2": b"e" * 32}, {"mask": "k1", "encrypt": "k2"})
CLASSES = ("contact", "financial", "personal", "location")
SCHEMA = fastavro.parse_schema(
    {
        "type": "record",
        "name": "Drawn",
        "namespace": "test.drawn",
        "fields": [
            {"name": "text", "type": "string"},
            {"name": "maybe_text", "type": ["null", "string"], "default": None},
            {"name": "ip", "type": "string"},
            {"name": "blob", "type": "bytes"},
            {"name": "tag", "type": {"type": "fixed", "name": "Tag", "size": 8}},
            {"name": "count", "type": "int"},
            {"name": "total", "type": "long"},
            {"name": "ratio", "type": "float"},
            {"name": "amount", "type": "double"},
            {"name": "born", "type": {"type": "int", "logicalType": "date"}},
            {"name": "seen", "type": {"type": "long", "logicalType": "timestamp-millis"}},
            {"name": "maybe_seen", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}]},
            {"name": "tier", "type": {"type": "enum", "name": "Tier", "symbols": ["GOLD", "SILVER"]}},
            {"name": "flag", "type": "boolean"},
            {"name": "kept", "type": "string", "default": "default"},
            {
                "name": "address",
                "type": {
                    "type": "record",
                    "name": "Address",
                    "fields": [{"name": "street", "type": "string"}, {"name": "zip", "type": "string"}],
                },
            },
            {
                "name": "items",
                "type": {
                    "type": "array",
                    "items": {
                        "type": "record",
                        "name": "Item",
                        "fields": [
                            {"name": "sku", "type": "string"},
                            {"name": "owner_email", "type": "string"},
                            {"name": "price", "type": "double"},
                            {"name": "when", "type": {"type": "int", "logicalType": "date"}},
                        ],
                    },
                },
            },
            {
                "name": "contacts",
                "type": {
                    "type": "map",
                    "values": {
                        "type": "record",
                        "name": "Contact",
                        "fields": [{"name": "name", "type": "string"}, {"name": "phone", "type": ["null", "string"]}],
                    },
                },
            },
            {"name": "codes", "type": {"type": "array", "items": "string"}},
            {"name": "scores", "type": {"type": "map", "values": "long"}},
            {
                "name": "maybe",
                "type": ["null", {"type": "record", "name": "Maybe", "fields": [{"name": "x", "type": "string"}]}],
            },
        ],
    }
)
TREE = from_avro(SCHEMA)
CONTAINERS = ("address", "items", "contacts", "codes", "scores", "maybe")

lengths = st.none() | st.integers(8, 64)
shares = st.integers(0, 4)


def _leaf_rules(path: str, kind: str, logical: str | None, nullable: bool) -> st.SearchStrategy[dict[str, Any]]:
    """An action the leaf's type allows, with drawn parameters."""
    choices = [st.just({"action": "redact"}), st.just({"action": "pass"})]
    if nullable:
        choices.append(st.just({"action": "null"}))
    if path in ("kept", "maybe_text"):
        choices.append(st.just({"action": "drop"}))
    if logical in ("date", "timestamp-millis", "timestamp-micros"):
        choices.append(st.builds(lambda to: {"action": "generalize", "to": to}, st.sampled_from(["year", "month"])))
    elif path == "ip":
        prefixes = {"ipv4_prefix": st.integers(0, 32) | st.just(32), "ipv6_prefix": st.integers(0, 128) | st.just(128)}
        network = st.fixed_dictionaries(prefixes)  # /32 and /128 hold one address: masked fully
        choices.append(network.map(lambda p: {"action": "generalize", "to": "network", **p}))
    elif kind == "string":
        choices += [
            lengths.map(lambda n: {"action": "hash"} | ({"length": n} if n else {})),
            st.builds(lambda n: {"action": "pseudonymize", "length": n, "prefix": "tok"}, st.integers(8, 20)),
            st.builds(
                lambda f, last, m: {"action": "partial", "keep_first": f, "keep_last": last, "mask_char": m},
                shares,
                shares,
                st.sampled_from("*#x"),
            ),
            shares.map(lambda n: {"action": "generalize", "keep_first": n}),
            st.just({"action": "encrypt"}),
        ]
    elif kind in ("bytes", "fixed"):
        choices += [st.just({"action": "hash"})] + ([st.just({"action": "encrypt"})] if kind == "bytes" else [])
    elif kind in ("int", "long"):
        choices += [
            st.just({"action": "hash"}),
            st.integers(1, 10_000).map(lambda n: {"action": "generalize", "size": n}),
        ]
    elif kind in ("float", "double"):
        sizes = st.sampled_from([0.25, 0.5, 10.0, 1000.0])  # huge values make buckets of one representable value
        choices.append(sizes.map(lambda n: {"action": "generalize", "size": n}))
    return st.one_of(choices)


def _field_rule(leaf: tuple[str, Any]) -> st.SearchStrategy[tuple[str, dict[str, Any] | None]]:
    path, node = leaf
    ruled = st.tuples(st.sampled_from(CLASSES), _leaf_rules(path, node.kind, node.logical, node.nullable))
    public = st.just({"class": "public"})
    return st.tuples(st.just(path), st.none() | public | ruled.map(lambda pair: {"class": pair[0], **pair[1]}))


key_rules = st.just({"class": "public"}) | st.builds(
    lambda klass, action: {"class": klass, **action},
    st.sampled_from(CLASSES),
    st.sampled_from(
        [{"action": "hash"}, {"action": "hash", "length": 16}, {"action": "pseudonymize"}, {"action": "encrypt"}]
    ),
)


@st.composite
def rule_sets(draw: st.DrawFn) -> Rules:
    whole = draw(st.sets(st.sampled_from(CONTAINERS), max_size=2))
    fields: dict[str, dict[str, Any]] = {}
    for container in sorted(whole):
        fields[container] = {"class": draw(st.sampled_from(CLASSES)), "action": "redact"}
    for path, node in leaf_paths(TREE):
        if re.match(r"\w+", path).group() in whole:  # type: ignore[union-attr]
            continue  # a rule inside a ruled container is refused; the container's rule covers it
        _path, rule = draw(_field_rule((path, node)))
        if rule is not None:
            fields[path] = rule
    audiences = {
        f"a{n}": {"clearances": sorted(draw(st.sets(st.sampled_from(CLASSES))))} for n in range(draw(st.integers(1, 3)))
    }
    policy = draw(st.sampled_from(["redact", "pass"]))
    key = draw(key_rules)
    document = {"dataset": "drawn", "format": "avro", "audiences": audiences, "fields": fields, "unclassified": policy}
    document["key"] = key
    return parse_rules(yaml.safe_dump(document), schema=SCHEMA)


text = st.text(max_size=10)
timestamps = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC))
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
items = st.fixed_dictionaries(
    {"sku": text, "owner_email": text, "price": st.floats(allow_nan=False, allow_infinity=False), "when": days}
)
contacts = st.fixed_dictionaries({"name": text, "phone": st.none() | text})
records = st.fixed_dictionaries(
    {
        "text": text,
        "maybe_text": st.none() | text,
        "ip": st.ip_addresses().map(str) | st.sampled_from(["10.0.0.1", "::ffff:1.2.3.4", "not-an-ip"]),
        "blob": st.binary(max_size=12),
        "tag": st.binary(min_size=8, max_size=8),
        "count": st.integers(-(2**31), 2**31 - 1),
        "total": st.integers(-(2**63), 2**63 - 1),
        "ratio": st.floats(width=32, allow_nan=False, allow_infinity=False),
        "amount": st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
        "born": days,
        "seen": timestamps,
        "maybe_seen": st.none() | timestamps,
        "tier": st.sampled_from(["GOLD", "SILVER"]),
        "flag": st.booleans(),
        "kept": text,
        "address": st.fixed_dictionaries({"street": text, "zip": st.text(string.digits, max_size=6)}),
        "items": st.lists(items, max_size=3),
        "contacts": st.dictionaries(st.text(string.ascii_letters, max_size=4), contacts, max_size=3),
        "codes": st.lists(text, max_size=3),
        "scores": st.dictionaries(
            st.text(string.ascii_letters, max_size=4), st.integers(-(2**63), 2**63 - 1), max_size=3
        ),
        "maybe": st.none() | st.fixed_dictionaries({"x": text}),
    }
)


def _encode(record: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    fastavro.schemaless_writer(buffer, SCHEMA, record)
    return buffer.getvalue()


def _python_views(rules: Rules, bodies: list[bytes]) -> list[list[bytes] | str]:
    masker = DatasetMasker(rules, KEYRING, schema=SCHEMA)
    outcomes = masker.mask_batch([fastavro.schemaless_reader(io.BytesIO(body), SCHEMA, None) for body in bodies])
    return [
        outcome.failure or "masking_failed"
        if outcome.failure is not None or outcome.views is None
        else [FRAME + _encode(outcome.views[audience]) for audience in rules.audiences]  # type: ignore[arg-type]
        for outcome in outcomes
    ]


def _native_views(rules: Rules, bodies: list[bytes]) -> list[list[bytes] | str]:
    engine = compile_native_plan(rules, KEYRING, SCHEMA).engine(FRAME)
    columns, failures = engine.mask([FRAME + body for body in bodies], 1_000_000)
    failed = dict(failures)
    return [failed[i] if i in failed else [column[i] for column in columns] for i in range(len(bodies))]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rules=rule_sets(), batch=st.lists(records, min_size=1, max_size=5))
def test_every_drawn_rule_set_gives_the_python_plans_bytes_for_every_record(
    rules: Rules, batch: list[dict[str, Any]]
) -> None:
    bodies = [_encode(record) for record in batch]
    assert _native_views(rules, bodies) == _python_views(rules, bodies)


@settings(max_examples=150, deadline=None)
@given(rules=rule_sets(), keys=st.lists(st.none() | st.binary(max_size=40), min_size=1, max_size=6))
def test_record_keys_get_the_python_plans_tokens_and_never_stay_as_they_were(
    rules: Rules, keys: list[bytes | None]
) -> None:
    plan = compile_key_plan(rules, KEYRING)
    python = plan.mask(keys)
    assert native_key_engine(plan).mask(keys) == python
    for audience, masked in zip(rules.audiences, python, strict=True):
        cleared = rules.key is None or rules.key.class_ in ("public", *rules.audiences[audience].clearances)
        for before, after in zip(keys, masked, strict=True):
            assert (after == before) == (cleared or before is None)


# -- no uncleared leaf, map key or record key of a view equals its input ----------------------------------

NODES = dict(leaf_paths(TREE))
# Generalizations keep a coarse value by design (the bucket's floor, the network, the year): they may equal
# their input when it is already coarse, except where the coarse level holds one value, which is masked fully.
_COARSE = {"generalize"}


def _values_at(value: Any, path: str) -> list[Any]:
    """The values at a steward path, in order: ``a.b``, ``xs[]``, ``m{}`` (values), ``m{key}`` (keys)."""
    if value is None or path == "":
        return [value]
    head = re.match(r"[^.\[{]+", path).group()  # type: ignore[union-attr]
    rest = path[len(head) :]
    inner = value.get(head) if isinstance(value, dict) else None
    if rest.startswith("[]"):
        return [leaf for item in inner or [] for leaf in _values_at(item, rest[2:].lstrip("."))]
    if rest.startswith("{key}"):
        return list(inner or {})
    if rest.startswith("{}"):
        return [leaf for item in (inner or {}).values() for leaf in _values_at(item, rest[2:].lstrip("."))]
    return _values_at(inner, rest.lstrip("."))


def _governing_rule(rules: Rules, path: str) -> Any:
    """The rule a leaf gets: its own, its container's, or None (the unclassified policy)."""
    if path in rules.fields:
        return rules.fields[path]
    return next((rule for ruled, rule in rules.fields.items() if rules.covered(path) and path.startswith(ruled)), None)


def _single_valued(rule: Any, before: Any) -> bool:
    """A generalization whose coarse level would hold only ``before``: it must be masked fully."""
    if rule.keep_first is not None:
        return isinstance(before, str) and len(before) <= rule.keep_first
    if rule.to == "network":
        return (rule.ipv4_prefix == 32 and "." in before) or (rule.ipv6_prefix == 128 and ":" in before)
    return rule.size == 1 and isinstance(before, int)


def _must_differ(rules: Rules, audience: str, path: str, before: Any) -> bool:
    rule = _governing_rule(rules, path)
    if before is None:
        return False  # a null reveals nothing
    if rule is None:
        return rules.unclassified == "redact" and before != redact_value(NODES[path])
    if rule.class_ in ("public", *rules.audiences[audience].clearances) or rule.effective_action == "pass":
        return False
    if rule.effective_action in ("redact", *_COARSE) and before == redact_value(NODES[path]):
        return False  # the type's redaction constant is its own redaction (a fully masked generalization too)
    if rule.effective_action in _COARSE:
        return _single_valued(rule, before)
    if rule.effective_action == "partial" and set(before) <= {partial_params(rule)[2]}:
        return False  # nothing but mask characters (or nothing at all): masking changes no character
    return not (rule.effective_action == "drop" and before == "default")


def _decoded(view: bytes) -> dict[str, Any]:
    return fastavro.schemaless_reader(io.BytesIO(view[len(FRAME) :]), SCHEMA, None)  # type: ignore[return-value]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rules=rule_sets(), batch=st.lists(records, min_size=1, max_size=3))
def test_no_uncleared_leaf_or_map_key_of_a_view_equals_its_input_in_either_engine(
    rules: Rules, batch: list[dict[str, Any]]
) -> None:
    bodies = [_encode(record) for record in batch]
    for engine in (_python_views, _native_views):
        for body, views in zip(bodies, engine(rules, bodies), strict=True):
            if isinstance(views, str):
                continue  # failed closed: quarantined, no view at all
            record = fastavro.schemaless_reader(io.BytesIO(body), SCHEMA, None)
            for audience, view in zip(rules.audiences, views, strict=True):
                shown = _decoded(view)
                for path in NODES:
                    pairs = zip(_values_at(record, path), _values_at(shown, path), strict=False)
                    for before, after in pairs:
                        if _must_differ(rules, audience, path, before):
                            assert after != before, f"{engine.__name__}: {audience} sees {path} as it was"
