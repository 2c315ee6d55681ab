"""Classification at the leaf: a container's rule covers the leaves its validated schema had; a leaf a later
writer schema adds there is unclassified, reported as drift, and never passes by inheritance."""

from __future__ import annotations

from typing import Any

import fastavro
import pytest

from streamguard.core.errors import NativeUnsupportedError
from streamguard.masking.keys import Keyring
from streamguard.masking.native_plan import compile_native_plan
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import parse_rules

KEYRING = Keyring({"k1": b"k" * 32}, {"mask": "k1", "encrypt": "k1"})
RULES = """
dataset: orders
format: avro
key: {class: public}
audiences:
  analytics: {clearances: []}
  support:   {clearances: [contact]}
fields:
  id:       {class: public}
  shipping: {class: public}
  tags:     {class: public}
  contact:  {class: contact, action: redact}
unclassified: redact
"""


def _schema(version: int) -> dict[str, Any]:
    """v1 as the rules were validated; v2 adds a field inside each container a rule covers."""
    tag_fields = [{"name": "label", "type": "string"}]
    shipping = [{"name": "city", "type": "string"}]
    contact = [{"name": "name", "type": "string"}]
    if version == 2:
        tag_fields.append({"name": "owner_email", "type": "string", "default": ""})
        shipping.append({"name": "street", "type": "string", "default": ""})
        contact.append({"name": "phone", "type": "string", "default": ""})
    return fastavro.parse_schema(
        {
            "type": "record",
            "name": "Order",
            "fields": [
                {"name": "id", "type": "string"},
                {"name": "shipping", "type": {"type": "record", "name": "Shipping", "fields": shipping}},
                {
                    "name": "tags",
                    "type": {"type": "array", "items": {"type": "record", "name": "Tag", "fields": tag_fields}},
                },
                {"name": "contact", "type": {"type": "record", "name": "Contact", "fields": contact}},
            ],
        }
    )


RECORD = {
    "id": "O-1",
    "shipping": {"city": "Lyon", "street": "12 rue Garibaldi"},
    "tags": [{"label": "gift", "owner_email": "ana@example.org"}],
    "contact": {"name": "Ana Pires", "phone": "+33 6 12 34 56 78"},
}


def test_a_field_added_under_a_public_container_gets_the_unclassified_policy() -> None:
    rules = parse_rules(RULES, schema=_schema(1))
    masker = DatasetMasker(rules, KEYRING, schema=_schema(2))
    [outcome] = masker.mask_batch([RECORD])
    assert outcome.views is not None
    for audience in ("analytics", "support"):
        view = outcome.views[audience]
        assert view["shipping"] == {"city": "Lyon", "street": "[REDACTED]"}
        assert view["tags"] == [{"label": "gift", "owner_email": "[REDACTED]"}]
    assert masker.drift == ("shipping.street", "tags[].owner_email", "contact.phone")
    assert outcome.views["support"]["contact"]["phone"] == "[REDACTED]"  # cleared for the class, not the new leaf
    assert outcome.views["support"]["contact"]["name"] == "Ana Pires"


def test_without_drift_a_public_container_passes_whole_and_runs_natively() -> None:
    rules = parse_rules(RULES, schema=_schema(1))
    masker = DatasetMasker(rules, KEYRING, schema=_schema(1))
    v1 = {**RECORD, "shipping": {"city": "Lyon"}, "tags": [{"label": "gift"}], "contact": {"name": "Ana Pires"}}
    [outcome] = masker.mask_batch([v1])
    assert outcome.views is not None
    assert outcome.views["analytics"]["shipping"] == {"city": "Lyon"}
    assert masker.drift == ()
    compile_native_plan(rules, KEYRING, _schema(1))  # no drift: the engine copies the container
    with pytest.raises(NativeUnsupportedError, match="schema drift"):
        compile_native_plan(rules, KEYRING, _schema(2))


def test_a_json_value_ruled_public_passes_as_a_scalar_but_not_what_an_object_holds() -> None:
    rules = parse_rules(
        "dataset: events\nformat: json\nkey: {class: public}\naudiences: {a: {clearances: []}}\n"
        "fields: {meta: {class: public}, kind: {class: public}}\nunclassified: redact\n"
    )
    masker = DatasetMasker(rules, KEYRING)
    scalar, nested = masker.mask_batch([{"kind": "signup", "meta": "web"}, {"kind": "x", "meta": {"ip": "10.1.2.3"}}])
    assert scalar.views is not None
    assert nested.views is not None
    assert scalar.views["a"]["meta"] == "web"
    assert nested.views["a"]["meta"] == {"[REDACTED]": "[REDACTED]"}  # neither the key nor its value was classified
