"""A Protobuf writer schema: its messages as schema trees, and records as plain values (pure).

A compiled ``.proto`` file (``ProtobufFile``, from ``streamguard.core.proto_compiler``) holds several message
types; Confluent's wire format names the one a record was written with by its message indexes (``[0]``: the
first top-level message, ``[1, 0]``: the first type nested in the second). The rules of a dataset are for one
message type (``message:`` in the rules, else the file's first message).

A record decodes to the values the masking plan works on, as an Avro record does: nested messages as dicts,
repeated fields as lists, maps as dicts, enums by their symbol, ``google.protobuf.Timestamp`` as a UTC
datetime, the wrapper types (``StringValue``...) as their value. Every field of the message is present: a
field with presence that is not set (a message, a member of a oneof, an ``optional`` scalar) reads as None,
and a None or a missing field is left unset when the view is encoded. Fields the writer's message does not
declare (unknown fields) never reach a view: what no rule classified is not carried.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import DecodeError as ProtobufDecodeError
from google.protobuf.message import EncodeError, Message
from google.protobuf.message_factory import GetMessageClass

from streamguard.core.errors import DecodeError, PathError, RulesError
from streamguard.masking.schema_tree import FieldSpec, Node

_KINDS = {
    FieldDescriptor.TYPE_STRING: "string",
    FieldDescriptor.TYPE_BYTES: "bytes",
    FieldDescriptor.TYPE_BOOL: "boolean",
    FieldDescriptor.TYPE_FLOAT: "float",
    FieldDescriptor.TYPE_DOUBLE: "double",
    **dict.fromkeys(
        (
            FieldDescriptor.TYPE_INT32,
            FieldDescriptor.TYPE_SINT32,
            FieldDescriptor.TYPE_SFIXED32,
            FieldDescriptor.TYPE_UINT32,
            FieldDescriptor.TYPE_FIXED32,
        ),
        "int",
    ),
    **dict.fromkeys(
        (
            FieldDescriptor.TYPE_INT64,
            FieldDescriptor.TYPE_SINT64,
            FieldDescriptor.TYPE_SFIXED64,
            FieldDescriptor.TYPE_UINT64,
            FieldDescriptor.TYPE_FIXED64,
        ),
        "long",
    ),
}
TIMESTAMP = "google.protobuf.Timestamp"
_WRAPPERS = {
    f"google.protobuf.{name}Value": kind
    for name, kind in (
        ("String", "string"),
        ("Bytes", "bytes"),
        ("Bool", "boolean"),
        ("Float", "float"),
        ("Double", "double"),
        ("Int32", "int"),
        ("UInt32", "int"),
        ("Int64", "long"),
        ("UInt64", "long"),
    )
}


class ProtobufFile:
    """The message types of one compiled ``.proto`` file (and the files it imports)."""

    def __init__(self, descriptor_set: bytes, name: str, source: str) -> None:
        files = descriptor_pb2.FileDescriptorSet.FromString(descriptor_set)
        pool = descriptor_pool.DescriptorPool()
        for file in files.file:
            pool.Add(file)
        self._file = pool.FindFileByName(name)
        self._source = source
        self._messages: dict[tuple[int, ...], ProtobufMessage] = {}

    def message(self, full_name: str | None) -> ProtobufMessage:
        """The message type named ``full_name`` (package included), or the file's first one for None;
        RulesError naming the schema if there is none."""
        if full_name is None:
            return self.at((0,))
        for indexes, descriptor in self._indexed(self._file.message_types_by_name.values(), ()):
            if descriptor.full_name == full_name:
                return self.at(indexes)
        raise RulesError(f"{self._source}: no message {full_name!r} in the schema")

    def at(self, indexes: Sequence[int]) -> ProtobufMessage:
        """The message type Confluent's message indexes name; DecodeError if they name none."""
        key = tuple(indexes)
        if key not in self._messages:
            types: Sequence[Descriptor] = list(self._file.message_types_by_name.values())
            descriptor = None
            for index in key:
                if not 0 <= index < len(types):
                    raise DecodeError("undecodable:protobuf_message_index")
                descriptor = types[index]
                types = descriptor.nested_types
            if descriptor is None:
                raise DecodeError("undecodable:protobuf_message_index")
            self._messages[key] = ProtobufMessage(descriptor, key)
        return self._messages[key]

    def _indexed(
        self, descriptors: Sequence[Descriptor], prefix: tuple[int, ...]
    ) -> list[tuple[tuple[int, ...], Descriptor]]:
        found = []
        for index, descriptor in enumerate(descriptors):
            found.append(((*prefix, index), descriptor))
            found.extend(self._indexed(descriptor.nested_types, (*prefix, index)))
        return found


@dataclass(frozen=True)
class _Field:
    """How one field's value goes between a message and a record."""

    name: str
    read: Callable[[Message], Any]
    write: Callable[[Message, Any], None]


class ProtobufMessage:
    """One message type: its tree, and its records decoded and encoded."""

    def __init__(self, descriptor: Descriptor, indexes: tuple[int, ...]) -> None:
        self.descriptor = descriptor
        self.indexes = indexes
        self.full_name = descriptor.full_name
        self.tree = _message_node(descriptor, frozenset())
        self._class = GetMessageClass(descriptor)
        self._fields = _fields_of(descriptor)

    def decode(self, body: bytes | memoryview) -> dict[str, Any]:
        message = self._class()
        try:
            message.ParseFromString(bytes(body))
        except (ProtobufDecodeError, RuntimeError, ValueError):
            raise DecodeError("undecodable:protobuf_body") from None
        return _record(message, self._fields)

    def encode(self, record: Mapping[str, Any]) -> bytes:
        """The record's bytes; ValueError or TypeError if a value does not fit its field."""
        message = self._class()
        _fill(message, record, self._fields)
        try:
            return message.SerializeToString(deterministic=True)
        except EncodeError as error:
            raise ValueError(f"{self.full_name}: not encodable ({type(error).__name__})") from None


def _message_node(descriptor: Descriptor, seen: frozenset[str]) -> Node:
    if descriptor.full_name in seen:
        raise PathError(f"recursive type {descriptor.full_name!r} is not supported")
    seen = seen | {descriptor.full_name}
    fields = {field.name: FieldSpec(field.name, _field_node(field, seen), True) for field in descriptor.fields}
    return Node(kind="record", fields=fields)


def _field_node(field: FieldDescriptor, seen: frozenset[str]) -> Node:
    if _is_map(field):
        return Node(kind="map", item=_value_node(field.message_type.fields_by_name["value"], seen))
    node = _value_node(field, seen)
    if field.is_repeated:
        return Node(kind="array", item=node)
    return replace(node, nullable=node.nullable or field.has_presence)


def _value_node(field: FieldDescriptor, seen: frozenset[str]) -> Node:
    if field.type == FieldDescriptor.TYPE_ENUM:
        return Node(kind="enum", symbols=tuple(value.name for value in field.enum_type.values))
    if field.type != FieldDescriptor.TYPE_MESSAGE:
        return Node(kind=_KINDS[field.type])
    name = field.message_type.full_name
    if name == TIMESTAMP:
        return Node(kind="long", logical="timestamp-micros", nullable=True)
    if name in _WRAPPERS:
        return Node(kind=_WRAPPERS[name], nullable=True)
    return _message_node(field.message_type, seen)


def _is_map(field: FieldDescriptor) -> bool:
    return field.type == FieldDescriptor.TYPE_MESSAGE and field.message_type.GetOptions().map_entry


# -- records ----------------------------------------------------------------------------------------------------


def _fields_of(descriptor: Descriptor) -> tuple[_Field, ...]:
    return tuple(_field_codec(field) for field in descriptor.fields)


def _field_codec(field: FieldDescriptor) -> _Field:
    name = field.name
    if _is_map(field):
        read_value, write_value = _value_codec(field.message_type.fields_by_name["value"])
        return _Field(
            name, lambda m: {k: read_value(v) for k, v in getattr(m, name).items()}, _map_writer(name, write_value)
        )
    read_value, write_value = _value_codec(field)
    if field.is_repeated:
        return _Field(name, lambda m: [read_value(v) for v in getattr(m, name)], _list_writer(name, field, write_value))
    if field.has_presence:
        return _Field(
            name,
            lambda m: read_value(getattr(m, name)) if m.HasField(name) else None,
            _setter(name, field, write_value),
        )
    return _Field(name, lambda m: read_value(getattr(m, name)), _setter(name, field, write_value))


Reader = Callable[[Any], Any]
Writer = Callable[[Any], Any]


def _value_codec(field: FieldDescriptor) -> tuple[Reader, Writer]:
    """How one value reads into a record and writes back: as is, by enum symbol, or as a nested message."""
    if field.type == FieldDescriptor.TYPE_ENUM:
        by_number = {value.number: value.name for value in field.enum_type.values}
        by_name = {value.name: value.number for value in field.enum_type.values}
        return (lambda number: by_number.get(number, number)), (
            lambda symbol: by_name[symbol] if isinstance(symbol, str) else symbol
        )
    if field.type != FieldDescriptor.TYPE_MESSAGE:
        return _same, _same
    name = field.message_type.full_name
    if name == TIMESTAMP:
        return _datetime, _timestamp_fields
    if name in _WRAPPERS:
        return (lambda wrapper: wrapper.value), (lambda value: {"value": value})
    fields = _fields_of(field.message_type)
    return (lambda message: _record(message, fields)), (lambda record: (record, fields))


def _same(value: Any) -> Any:
    return value


def _datetime(timestamp: Any) -> datetime:
    return datetime.fromtimestamp(timestamp.seconds, UTC).replace(microsecond=timestamp.nanos // 1000)


def _timestamp_fields(value: datetime) -> dict[str, int]:
    instant = value if value.tzinfo else value.replace(tzinfo=UTC)
    seconds = int(instant.timestamp() // 1)
    return {"seconds": seconds, "nanos": instant.microsecond * 1000}


def _record(message: Message, fields: Sequence[_Field]) -> dict[str, Any]:
    return {field.name: field.read(message) for field in fields}


def _fill(message: Message, record: Mapping[str, Any], fields: Sequence[_Field]) -> None:
    for field in fields:
        value = record.get(field.name)
        if value is not None:
            field.write(message, value)


def _into(target: Message, written: Any) -> None:
    """A nested message's value (``(record, fields)``, or a well-known type's fields) written into ``target``."""
    if isinstance(written, tuple):
        _fill(target, written[0], written[1])
    else:
        for name, value in written.items():
            setattr(target, name, value)


def _setter(name: str, field: FieldDescriptor, write: Writer) -> Callable[[Message, Any], None]:
    if field.type == FieldDescriptor.TYPE_MESSAGE:
        return lambda message, value: _into(getattr(message, name), write(value))
    return lambda message, value: setattr(message, name, write(value))


def _list_writer(name: str, field: FieldDescriptor, write: Writer) -> Callable[[Message, Any], None]:
    if field.type == FieldDescriptor.TYPE_MESSAGE:

        def extend_messages(message: Message, values: Any) -> None:
            repeated = getattr(message, name)
            for value in values:
                if value is None:
                    raise ValueError(f"{name}: a repeated field holds no null")
                _into(repeated.add(), write(value))

        return extend_messages
    return lambda message, values: getattr(message, name).extend(write(value) for value in values)


def _map_writer(name: str, write: Writer) -> Callable[[Message, Any], None]:
    def fill_map(message: Message, entries: Any) -> None:
        target = getattr(message, name)
        for key, value in entries.items():
            written = write(value)
            if isinstance(written, tuple | dict):
                _into(target[key], written)
            else:
                target[key] = written

    return fill_map
