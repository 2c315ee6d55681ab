"""Realistic fake customers for the demo, tests and benchmarks (Faker values, fixed seed: reproducible).

Faker only supplies test values here; no detector is built from its lists.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from faker import Faker

from streamguard.schemas import CUSTOMERS_RULES

PLANS = ["FREE", "BASIC", "PRO", "ENTERPRISE"]
NOTE_TEMPLATES = [
    "Customer asked to update billing. Call back on {phone} after 5pm.",
    "Spoke with {name}; confirmed delivery to {street}.",
    "Requested invoice copy by email to {email}.",
    "Prefers contact through the app, no calls.",
    "Upgraded after the trial; renewal due in March.",
    "Chargeback opened for card ending {last4}; escalated to risk.",
    None,
]


def customers(count: int, seed: int = 7, with_notes: bool = True) -> Iterator[dict[str, Any]]:
    """``count`` customer records matching ``schemas/customers.avsc``."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    chooser = random.Random(seed)
    for number in range(count):
        name = fake.name()
        street = fake.street_address()
        phone = fake.numerify("+1 (###) ###-####")
        email = fake.email()
        card = fake.credit_card_number(card_type="visa16")
        template = chooser.choice(NOTE_TEMPLATES) if with_notes else None
        yield {
            "customer_id": f"C{number:07d}",
            "full_name": name,
            "email": email,
            "phone": phone,
            "ssn": fake.ssn(),
            "credit_card": card,
            "dob": fake.date_of_birth(minimum_age=18, maximum_age=90),
            "address": {"street": street, "city": fake.city(), "zip": fake.zipcode(), "country": "US"},
            "notes": template.format(phone=phone, name=name, street=street, email=email, last4=card[-4:])
            if template
            else None,
            "plan": chooser.choice(PLANS),
            "signup_ts": fake.date_time_between("-5y", "now", tzinfo=UTC).replace(microsecond=0),
            "ip_address": fake.ipv4_public(),
            "tags": chooser.sample(["newsletter", "vip", "beta", "mobile", "churn-risk"], k=chooser.randint(0, 2)),
            "attrs": {"segment": chooser.choice(["smb", "consumer", "enterprise"]), "referrer": fake.user_name()},
            "lifetime_value": round(chooser.uniform(0, 5000), 2),
            "marketing_opt_in": chooser.random() < 0.4,
        }


def now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def sample_rules(dataset: str = "customers") -> str:
    """The sample rules (``streamguard/schemas/customers.rules.yaml``) renamed for ``dataset``."""
    text = CUSTOMERS_RULES.read_text().replace("dataset: customers", f"dataset: {dataset}")
    return text.replace("raw.customers-value", f"raw.{dataset}-value")


def structured_rules(dataset: str = "customers", fmt: str = "avro") -> str:
    """The sample rules for ``dataset`` (in ``fmt``) with free text redacted instead of scanned: structured
    fields only, a plan the native engine serves for Avro (benchmarks and tests of that path)."""
    text = sample_rules_in(fmt, dataset)
    return text.replace("action: detect", "action: redact").replace("unclassified: detect", "unclassified: redact")


def sample_rules_in(fmt: str, dataset: str = "customers") -> str:
    """The sample rules for the customers schema of a registry format (``avro``: ``customers.avsc``,
    ``protobuf``: ``customers.proto``, ``jsonschema``: ``customers.schema.json``), with the Protobuf oneof's
    members classified too."""
    text = sample_rules(dataset).replace("format: avro", f"format: {fmt}")
    if fmt == "protobuf":
        members = ("contact_email", "contact_phone")
        oneof = "".join(f"  {name}:    {{class: contact, action: hash}}\n" for name in members)
        text = text.replace("unclassified: detect", oneof + "unclassified: detect")
    return text


def as_json_schema_record(record: dict[str, Any]) -> dict[str, Any]:
    """A customer as its JSON Schema holds it: dates and timestamps as ISO strings."""
    return {**record, "dob": record["dob"].isoformat(), "signup_ts": record["signup_ts"].isoformat()}


def as_protobuf_json(record: dict[str, Any], contact_email: str | None = None) -> dict[str, Any]:
    """A customer in protobuf's JSON mapping of ``customers.proto`` (what ``json_format.ParseDict`` reads)."""
    mapped = {name: value for name, value in as_json_schema_record(record).items() if value is not None}
    if contact_email is not None:
        mapped["contact_email"] = contact_email
    return mapped
