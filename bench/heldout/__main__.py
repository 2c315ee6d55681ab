"""Self-check of the held-out set: ``python -m bench.heldout``."""

from __future__ import annotations

import random
import re
from datetime import date

from bench.heldout.banking import iban_is_valid, luhn_is_valid
from bench.heldout.customers import heldout_customers
from bench.heldout.labels import CARD, EMAIL, ENTITY_TYPES, IBAN, PHONE
from bench.heldout.texts import generate_heldout
from bench.texts import LabelledText


def _check_text(t: LabelledText) -> None:
    last_end = 0
    for s in t.spans:
        value = t.text[s.start : s.end]
        assert 0 <= s.start < s.end <= len(t.text), (t, s)
        assert s.start >= last_end, ("overlap", t, s)
        assert value, (t, s)
        assert value == value.strip(), (t, s)
        assert s.entity_type in ENTITY_TYPES, s
        last_end = s.end
        digits = re.sub(r"\D", "", value)
        if s.entity_type == EMAIL:
            assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value), value
        elif s.entity_type == PHONE:
            assert 9 <= len(digits) <= 15, value
        elif s.entity_type == IBAN:
            assert iban_is_valid(value), value
        elif s.entity_type == CARD:
            assert luhn_is_valid(value), value


def _main() -> None:
    import json
    from collections import Counter
    from pathlib import Path

    from fastavro import parse_schema
    from fastavro.validation import validate

    texts = generate_heldout(3000)
    assert texts == generate_heldout(3000), "not reproducible"
    for t in texts:
        _check_text(t)
    free = sum(t.pii_free for t in texts)
    assert abs(free - round(len(texts) / 3)) <= 1, free
    print(f"{len(texts)} texts, PII-free {free} ({free / len(texts):.1%})")
    print("per locale:  ", dict(sorted(Counter(t.locale for t in texts).items())))
    print("per language:", dict(sorted(Counter(t.language for t in texts).items())))
    print("entities:    ", dict(Counter(s.entity_type for t in texts for s in t.spans).most_common()))
    print("PII-free per language:", dict(sorted(Counter(t.language for t in texts if t.pii_free).items())))

    customers = heldout_customers(300)
    assert customers == heldout_customers(300), "not reproducible"
    schema = json.loads((Path(__file__).resolve().parents[2] / "streamguard/schemas/customers.avsc").read_text())
    parsed = parse_schema(schema)
    quoting = 0
    for c in customers:
        record = {k: v for k, v in c.items() if k != "_canaries"}
        validate(record, parsed, raise_errors=True)
        assert c["signup_ts"].tzinfo is not None
        assert isinstance(c["dob"], date)
        assert luhn_is_valid(c["credit_card"])
        for canary in c["_canaries"]:
            assert canary in (c["notes"] or ""), (canary, c["notes"])
            assert canary != c["credit_card"][-4:]
        if c["phone"]:
            assert c["phone"] not in (c["notes"] or ""), (c["phone"], c["notes"])
        quoting += bool(c["_canaries"])
    print(f"\n{len(customers)} customers, {quoting} ({quoting / len(customers):.0%}) with notes quoting own values;",
          "all valid for customers.avsc")  # fmt: skip
    print("customers per locale:", dict(sorted(Counter(c["attrs"]["locale"] for c in customers).items())))

    rng = random.Random(7)
    print("\n15 random examples:")
    for t in rng.sample(texts, 15):
        print(f"--- {t.locale} / {t.language}")
        print(t.text)
        for s in t.spans:
            print(f"    {s.entity_type:<15} {t.text[s.start : s.end]!r}")
    print("\n3 random customers:")
    for c in rng.sample(customers, 3):
        print({k: c[k] for k in ("full_name", "email", "phone", "ssn", "address", "notes", "_canaries")})


if __name__ == "__main__":
    _main()
