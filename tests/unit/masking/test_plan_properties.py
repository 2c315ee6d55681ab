"""Properties over generated customers records, in Avro, Protobuf and JSON Schema: every view validates for its
schema, and nothing uncleared leaks."""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastavro.validation import validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streamguard.agents.codec import codec_for
from streamguard.masking.keys import Keyring
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import Rules, load_rules, parse_rules
from tests.unit.fakes import (
    CUSTOMERS_RULES,
    RegexScanner,
    customers_json_schema,
    customers_protobuf,
    customers_rules_in,
    customers_schema,
)

SCHEMA = customers_schema()
RULES = load_rules(CUSTOMERS_RULES, schema=SCHEMA)
MASKER_KEYS = Keyring({"k": b"p" * 32}, {"mask": "k", "encrypt": "k"})
MASKER = DatasetMasker(RULES, MASKER_KEYS, schema=SCHEMA, scanner=RegexScanner())

# Realistic alphabets: no mask characters or redaction tokens, which are fixed points of masking by design.
words = st.text(string.ascii_letters + string.digits + " .-'", min_size=1, max_size=30)
digits = st.text(string.digits, min_size=1, max_size=19)
emails = st.builds(
    "{}@{}.org".format, st.text(string.ascii_lowercase, min_size=1, max_size=10), st.sampled_from(["ex", "mail"])
)
# Generalization keeps coarse values: inputs are chosen not to be already at the coarse level.
dates = st.dates(date(1900, 1, 1), date(2100, 12, 31)).filter(lambda d: d.day != 1)
stamps = st.datetimes(datetime(1971, 1, 1), datetime(2100, 1, 1)).filter(lambda t: t.day != 1)
ipv4 = st.tuples(*[st.integers(0, 255)] * 4).map(lambda parts: ".".join(map(str, parts)))


@st.composite
def customers(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "customer_id": draw(words),
        "full_name": draw(words),
        "email": draw(emails),
        "phone": draw(st.none() | digits),
        "ssn": draw(digits),
        "credit_card": draw(digits),
        "dob": draw(dates),
        "address": {
            "street": draw(words),
            "city": draw(words),
            "zip": draw(st.text(string.digits + string.ascii_uppercase, min_size=4, max_size=8)),
            "country": draw(st.sampled_from(["US", "DE", "JP"])),
        },
        "notes": draw(st.none() | st.builds("{} mail {}".format, words, emails)),
        "plan": draw(st.sampled_from(["FREE", "BASIC", "PRO", "ENTERPRISE"])),
        "signup_ts": draw(stamps).replace(tzinfo=UTC) + timedelta(microseconds=0),
        "ip_address": draw(ipv4),
        "tags": draw(st.lists(words, max_size=3)),
        "attrs": draw(st.dictionaries(words, words, max_size=3)),
        "lifetime_value": draw(st.floats(-1e9, 1e9).filter(lambda v: v % 100 != 0)),
        "marketing_opt_in": draw(st.booleans()),
    }


def leaves(value: Any, path: str) -> list[Any]:
    """The values at a steward path (``attrs{}``: every map value)."""
    head, _, rest = path.partition(".")
    if head.endswith("{}"):
        return [v for v in (value.get(head[:-2]) or {}).values()]
    found = value.get(head)
    return leaves(found, rest) if rest and found is not None else [found]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(customers(), min_size=1, max_size=4))
def test_every_view_validates_and_uncleared_fields_never_pass(records: list[dict[str, Any]]) -> None:
    _assert_views_fit_and_mask(MASKER, RULES, lambda view: validate(view, SCHEMA), records)


def _as_protobuf(record: dict[str, Any], contact: str | None) -> dict[str, Any]:
    """The customer as the Protobuf sample schema holds it: the date as an ISO string, one oneof member set."""
    return {**record, "dob": record["dob"].isoformat(), "contact_email": contact, "contact_phone": None}


def _as_json(record: dict[str, Any], _contact: str | None) -> dict[str, Any]:
    return {**record, "dob": record["dob"].isoformat(), "signup_ts": record["signup_ts"].isoformat()}


OTHER_FORMATS = {
    "protobuf": (customers_protobuf(), _as_protobuf),
    "jsonschema": (customers_json_schema(), _as_json),
}
OTHER_RULES = {fmt: parse_rules(customers_rules_in(fmt), schema=schema) for fmt, (schema, _) in OTHER_FORMATS.items()}
OTHER_MASKERS = {
    fmt: DatasetMasker(OTHER_RULES[fmt], MASKER_KEYS, schema=schema, scanner=RegexScanner())
    for fmt, (schema, _) in OTHER_FORMATS.items()
}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(customers(), min_size=1, max_size=4), st.sampled_from(sorted(OTHER_FORMATS)), st.none() | emails)
def test_protobuf_and_json_schema_views_fit_their_schema_and_mask_the_same(
    records: list[dict[str, Any]], fmt: str, contact: str | None
) -> None:
    schema, convert = OTHER_FORMATS[fmt]
    codec = codec_for(5, schema)
    converted = [convert(record, contact) for record in records]
    _assert_views_fit_and_mask(
        OTHER_MASKERS[fmt], OTHER_RULES[fmt], lambda view: codec.decode(codec.encode(view)) is not None, converted
    )


def _assert_views_fit_and_mask(
    masker: DatasetMasker, rules: Rules, fits: Callable[[dict[str, Any]], bool], records: list[dict[str, Any]]
) -> None:
    outcomes = masker.mask_batch(records)
    for record, outcome in zip(records, outcomes, strict=True):
        assert outcome.failure is None
        assert outcome.views is not None
        for audience, view in outcome.views.items():
            assert fits(view)
            clearances = set(rules.audiences[audience].clearances)
            for path, rule in rules.fields.items():
                if rule.class_ in clearances or rule.effective_action == "pass":
                    continue
                for before, after in zip(leaves(record, path), leaves(view, path), strict=True):
                    if before not in (None, ""):
                        assert after != before, f"{audience} sees {path} unmasked"


SAME_IN_EVERY_FORMAT = ("full_name", "email", "phone", "ssn", "credit_card", "address", "notes", "ip_address", "tags")
SAME_IN_EVERY_FORMAT += ("attrs", "lifetime_value", "plan", "marketing_opt_in", "customer_id")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(customers())
def test_a_record_is_masked_alike_in_avro_protobuf_and_json_schema(record: dict[str, Any]) -> None:
    """The fields every format holds the same way get the same view values, audience by audience (dates and
    timestamps differ by type: a date, an ISO string, a datetime)."""
    avro = MASKER.mask_batch([record])[0].views
    assert avro is not None
    for fmt, (_, convert) in OTHER_FORMATS.items():
        views = OTHER_MASKERS[fmt].mask_batch([convert(record, None)])[0].views
        assert views is not None
        for audience, view in views.items():
            assert {name: view[name] for name in SAME_IN_EVERY_FORMAT} == {
                name: avro[audience][name] for name in SAME_IN_EVERY_FORMAT
            }, f"{fmt}, {audience}"
