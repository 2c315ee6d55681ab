"""Protobuf writer schemas: ``.proto`` text compiled here, its messages as trees, records as plain values and
back to the same bytes; what a schema cannot be used for is refused with the schema's name, never a record's."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from google.protobuf import json_format
from google.protobuf.message_factory import GetMessageClass

from streamguard.core.errors import DecodeError, PathError, RulesError
from streamguard.masking.protobuf_schema import ProtobufFile
from streamguard.masking.schema_tree import leaf_paths
from streamguard.masking.writer_schemas import parse_writer_schema
from tests.unit.fakes import customers_protobuf

CUSTOMERS = customers_protobuf()
CUSTOMER = CUSTOMERS.message(None)
# The message as a producer writes it, built with protobuf's own JSON mapping (not the code under test).
PRODUCED = {
    "customerId": "C-7",
    "fullName": "Ayşe Kaya",
    "email": "ayse@example.com",
    "ssn": "536-22-8841",
    "address": {"street": "Kennedy Cd. 12", "zip": "06420", "country": "TR"},
    "plan": "PRO",
    "signupTs": "2024-03-09T10:11:12.345678Z",
    "tags": ["vip", "b2b"],
    "attrs": {"referrer": "newsletter"},
    "lifetimeValue": 1840.5,
    "contactPhone": "+90 312 555 0101",
}


def _produced(**changes: Any) -> bytes:
    message = GetMessageClass(CUSTOMER.descriptor)()
    json_format.ParseDict({**PRODUCED, **changes}, message)
    return message.SerializeToString(deterministic=True)


def _compiled(text: str) -> ProtobufFile:
    schema = parse_writer_schema(text, "PROTOBUF", "test.proto")
    assert isinstance(schema, ProtobufFile)
    return schema


def test_the_tree_has_every_leaf_with_its_kind_and_what_may_be_absent() -> None:
    leaves = {path: node for path, node in leaf_paths(CUSTOMER.tree)}
    assert CUSTOMER.full_name == "streamguard.samples.Customer"
    assert CUSTOMER.indexes == (0,)
    assert set(leaves) >= {"address.street", "tags[]", "attrs{key}", "attrs{}", "contact_email", "contact_phone"}
    assert (leaves["signup_ts"].kind, leaves["signup_ts"].logical) == ("long", "timestamp-micros")
    assert leaves["plan"].symbols == ("FREE", "BASIC", "PRO", "ENTERPRISE")
    assert leaves["lifetime_value"].kind == "double"
    assert leaves["marketing_opt_in"].kind == "boolean"
    nullable = {path for path, node in leaves.items() if node.nullable}
    assert nullable == {"phone", "notes", "signup_ts", "contact_email", "contact_phone"}  # presence: optional, oneof


def test_a_record_decodes_to_plain_values_and_encodes_to_the_same_bytes() -> None:
    produced = _produced()
    record = CUSTOMER.decode(produced)
    assert record["signup_ts"] == datetime(2024, 3, 9, 10, 11, 12, 345678, tzinfo=UTC)
    assert record["plan"] == "PRO"
    assert record["address"] == {"street": "Kennedy Cd. 12", "city": "", "zip": "06420", "country": "TR"}
    assert (record["contact_email"], record["contact_phone"]) == (None, "+90 312 555 0101")
    assert (record["phone"], record["notes"]) == (None, None)  # optional and unset: absent, not ""
    assert CUSTOMER.encode(record) == produced


def test_a_none_or_a_missing_field_is_left_unset() -> None:
    record = CUSTOMER.decode(_produced())
    record["contact_phone"] = None
    del record["email"]
    back = GetMessageClass(CUSTOMER.descriptor).FromString(CUSTOMER.encode(record))
    assert back.WhichOneof("preferred_contact") is None
    assert back.email == ""


def test_fields_the_writer_schema_does_not_declare_never_reach_a_view() -> None:
    newer = _compiled('syntax = "proto3"; message R { string id = 1; string secret = 2; }')
    older = _compiled('syntax = "proto3"; message R { string id = 1; }')
    written = GetMessageClass(newer.message(None).descriptor)(id="r1", secret="hidden@example.org")
    record = older.message(None).decode(written.SerializeToString())
    assert record == {"id": "r1"}
    assert b"hidden" not in older.message(None).encode(record)


def test_a_value_that_does_not_fit_its_field_fails_to_encode() -> None:
    record = CUSTOMER.decode(_produced())
    with pytest.raises((TypeError, ValueError)):
        CUSTOMER.encode({**record, "lifetime_value": "a lot"})


def test_nested_types_are_found_by_name_and_by_message_indexes() -> None:
    # Nested types in declaration order, the map field's synthetic entry type (AttrsEntry) first, as Confluent's
    # serializers count them.
    assert CUSTOMERS.message("streamguard.samples.Customer.Address").indexes == (0, 1)
    assert CUSTOMERS.at((0, 1)).full_name == "streamguard.samples.Customer.Address"
    with pytest.raises(RulesError, match=r"no message 'streamguard\.samples\.Invoice'"):
        CUSTOMERS.message("streamguard.samples.Invoice")
    with pytest.raises(DecodeError, match="protobuf_message_index"):
        CUSTOMERS.at((3,))


def test_a_corrupt_body_is_refused_without_quoting_it() -> None:
    body = _produced(email="leaky.canary@example.org")
    with pytest.raises(DecodeError) as error:
        CUSTOMER.decode(body[:-7] + b"\xff\xff")
    assert "canary" not in str(error.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('syntax = "proto3"; message R { strin id = 1; }', r"test.proto: not a valid .proto schema: .*\"strin\""),
        ('syntax = "proto3"; import "missing.proto"; message R { string id = 1; }', "missing.proto"),
        (
            'syntax = "proto3"; import "../../etc/hosts"; message R { string id = 1; }',
            "not allowed in the virtual path",
        ),
        ('syntax = "proto3"; import "/etc/hosts"; message R { string id = 1; }', "/etc/hosts: File not found"),
    ],
)
def test_a_schema_protoc_refuses_names_the_schema_and_protoc_s_reason(text: str, problem: str) -> None:
    with pytest.raises(RulesError, match=problem):
        parse_writer_schema(text, "PROTOBUF", "test.proto")


def test_imports_come_from_their_texts_and_may_not_leave_the_scratch_directory() -> None:
    common = 'syntax = "proto3"; package common; message Money { int64 cents = 1; string currency = 2; }'
    text = 'syntax = "proto3"; import "common/money.proto"; message Order { string id = 1; common.Money total = 2; }'
    order = parse_writer_schema(text, "PROTOBUF", "order.proto", {"common/money.proto": common})
    assert isinstance(order, ProtobufFile)
    assert [path for path, _ in leaf_paths(order.message(None).tree)] == ["id", "total.cents", "total.currency"]
    with pytest.raises(RulesError, match="must be relative"):
        parse_writer_schema(text, "PROTOBUF", "order.proto", {"../../etc/money.proto": common})


def test_a_recursive_message_is_refused_like_a_recursive_avro_record() -> None:
    tree = _compiled('syntax = "proto3"; message Node { string name = 1; repeated Node children = 2; }')
    with pytest.raises(PathError, match="recursive type 'Node'"):
        tree.message(None)
