"""Datasets for ``streamguard discover`` with their answer keys: the demo's customers, and orders written
for it with other field names and values (five locales, nothing of the detector tuned on them). The tests
and ``bench.discover`` judge drafts against the same keys: which fields a steward would call personal, in
which class, and which are not personal at all.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any

from faker import Faker

LOCALES = ("de_DE", "fr_FR", "it_IT", "nl_NL", "es_ES")
NOTES = (
    "Bitte bei {name} klingeln, Handy {phone}",
    "Si absent, appeler {name} au {phone} avant 18h",
    "Leave the parcel with the neighbour at number twelve",
    "Consegnare a {name}, citofono rotto",
    "Graag afgeven bij de receptie",
)
# What a steward of these orders would classify: the test's answer key.
ORDERS_PERSONAL = {
    "recipient": "contact",
    "contact_mail": "contact",
    "mobile_no": "contact",
    "delivery.street_address": "contact",
    "delivery.postcode": "contact",
    "delivery.city": "location",
    "iban": "financial",
    "date_of_birth": "personal",
    "client_ip": "location",
    "courier_note": "free_text",
}
ORDERS_PUBLIC = {
    "order_ref",
    "placed_at",
    "status",
    "currency",
    "total",
    "items[].sku",
    "items[].qty",
    "warehouse",
    "gift_wrap",
    "delivery.country_code",
}
CUSTOMERS_PERSONAL = {
    "full_name": "contact",
    "email": "contact",
    "phone": "contact",
    "ssn": "government_id",
    "credit_card": "financial",
    "dob": "personal",
    "address.street": "contact",
    "address.city": "location",
    "address.zip": "contact",
    "notes": "free_text",
    "ip_address": "location",
}
# attrs{} holds a segment and a referrer's user name: a steward's call, asserted neither way.
CUSTOMERS_PUBLIC = {"customer_id", "address.country", "plan", "signup_ts", "tags[]", "attrs{key}", "lifetime_value"}


def _people(locales: Sequence[str], seed: int, count: int) -> Iterator[tuple[int, Faker, str, str]]:
    """``count`` people, cycling through the locales' seeded Fakers: their number, Faker, name and phone."""
    fakers = [Faker(locale) for locale in locales]
    for number, fake in enumerate(fakers):
        fake.seed_instance(seed + number)
    for number in range(count):
        fake = fakers[number % len(fakers)]
        yield number, fake, fake.name(), fake.phone_number()


def orders(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` orders, cycling through five locales' Faker values."""
    chooser = random.Random(seed)
    made = []
    for number, fake, name, phone in _people(LOCALES, seed, count):
        made.append(
            {
                "order_ref": f"ORD-{seed}-{number:06d}",
                "placed_at": fake.date_time_this_year().isoformat(),
                "status": chooser.choice(["paid", "packed", "shipped", "returned"]),
                "currency": "EUR",
                "total": round(chooser.uniform(5, 900), 2),
                "items": [
                    {"sku": f"SKU-{chooser.randrange(1000, 9999)}", "qty": chooser.randrange(1, 5)}
                    for _ in range(chooser.randrange(1, 4))
                ],
                "warehouse": chooser.choice(["WH-NORD", "WH-SUD", "WH-WEST"]),
                "gift_wrap": chooser.random() < 0.2,
                "recipient": name,
                "contact_mail": fake.email(),
                "mobile_no": phone,
                "delivery": {
                    "street_address": fake.street_address(),
                    "postcode": fake.postcode(),
                    "city": fake.city(),
                    "country_code": fake.current_country_code(),
                },
                "iban": fake.iban(),
                "date_of_birth": fake.date_of_birth(minimum_age=18).isoformat(),
                "client_ip": fake.ipv4_public(),
                "courier_note": chooser.choice(NOTES).format(name=name, phone=phone),
            }
        )
    return made


SUMMARIES = (
    "Caller {name} cannot log in since the update, call back on {phone}",
    "Printer on floor 3 jams on duplex jobs",
    "{name} reports the invoice went to the wrong address, reach at {phone}",
    "VPN drops every few minutes for the whole team",
)
# Held out: written after the discovery code, with field names and values its name hints were not written
# for; run once in bench.discover and reported as it came out, never tuned on.
TICKETS_PERSONAL = {
    "reporter.display": "contact",
    "reporter.mailbox": "contact",
    "reporter.reach_at": "contact",
    "site.line": "contact",
    "site.zipcode": "contact",
    "site.locality": "location",
    "nin": "government_id",
    "payout_account": "financial",
    "born_on": "personal",
    "agent_ip": "location",
    "summary": "free_text",
}
TICKETS_PUBLIC = {"ticket_id", "opened", "priority", "channel", "category", "sla_hours"}


def tickets(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` support tickets in British, Irish and Australian English (Faker), other names than orders'."""
    chooser = random.Random(seed)
    made = []
    for number, fake, name, phone in _people(("en_GB", "en_IE", "en_AU"), seed, count):
        made.append(
            {
                "ticket_id": f"T{seed}{number:06d}",
                "opened": fake.date_time_this_month().isoformat(),
                "priority": chooser.choice(["low", "normal", "high", "urgent"]),
                "channel": chooser.choice(["phone", "portal", "chat"]),
                "category": chooser.choice(["access", "hardware", "billing", "network"]),
                "sla_hours": chooser.choice([4, 8, 24, 72]),
                "reporter": {"display": name, "mailbox": fake.email(), "reach_at": phone},
                "site": {"line": fake.street_address(), "zipcode": fake.postcode(), "locality": fake.city()},
                "nin": fake.ssn(),
                "payout_account": fake.iban(),
                "born_on": fake.date_of_birth(minimum_age=18).isoformat(),
                "agent_ip": fake.ipv4_private(),
                "summary": chooser.choice(SUMMARIES).format(name=name, phone=phone),
            }
        )
    return made
