"""``streamguard discover``: a topic sampled read-only, decoded with the format it is written in, and a draft
rules file with each proposal's evidence (``streamguard.masking.discovery``). The run is recorded in the
control audit chain: who sampled which topic, how many records, which fields were found personal; never a
value. The draft is a file for a steward to edit, validate and apply through the usual approval path."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from streamguard.agents.codec import codec_for, decode_json, split_message_indexes, split_wire_format
from streamguard.agents.kafka_rules import read_rule_history
from streamguard.agents.kafka_sampling import SampledRecord, sample_topic, topics_named
from streamguard.agents.kafka_schemas import SchemaCatalog
from streamguard.app.services.control.policy_versions import open_chain
from streamguard.app.services.control.rules_service import in_force
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.core.errors import DecodeError, InvalidInput, StreamguardError, describe_failure
from streamguard.core.reasons import SCHEMA_MISMATCH
from streamguard.evidence.audit import DISCOVERED
from streamguard.masking.detection import TextScanner
from streamguard.masking.discovery import (
    DraftHeader,
    Proposal,
    draft_rules,
    gather,
    key_field_proposals,
    key_proposal,
    propose_all,
)
from streamguard.masking.discovery_shapes import merged_json_tree, schema_tags
from streamguard.masking.protobuf_schema import ProtobufFile
from streamguard.masking.schema_tree import Node
from streamguard.masking.writer_schemas import WriterSchema, format_of, tree_of

log = logging.getLogger(__name__)

SCHEDULE_ACTOR = "control:schedule"  # how the audit names the control service's scheduled runs
MAX_RECORDS = 5_000


@dataclass(frozen=True)
class Discovery:
    """A discover run's outcome: the draft, its proposals, and the schema the draft is validated with."""

    topic: str
    dataset: str
    format: str
    sampled: int
    undecodable: int
    proposals: list[Proposal]
    key: list[Proposal]  # one proposal "key" for a key classified whole, else the key's fields
    rules_yaml: str
    schema_text: str | None = None  # the writer schema (and the key's), as registered
    key_schema_text: str | None = None


@dataclass
class _Decoded:
    tree: Node
    records: list[Any]
    fmt: str
    undecodable: int
    schema_text: str | None = None
    message: str | None = None
    tags: dict[str, frozenset[str]] | None = None


def discover(settings: Settings, actor: str, topic: str, records: int, newest: bool, scanner: TextScanner) -> Discovery:
    """Sample ``topic``, decode what was sampled, draft rules for it, and record the run as ``actor``'s."""
    if not 1 <= records <= MAX_RECORDS:
        raise InvalidInput(f"records: between 1 and {MAX_RECORDS}")
    options = client_options(settings)
    sampled = sample_topic(options, topic, records, newest)
    if not sampled:
        raise InvalidInput(f"topic {topic!r} holds no records to sample")
    catalog = SchemaCatalog(settings.schema_registry_url)
    catalog.register(read_rule_history(options, settings.topic_names.rules))  # mock://: ids as the workers number
    values = _decoded([record.value for record in sampled], catalog)
    proposals = propose_all(values.tree, gather(values.tree, values.records, scanner, values.tags), values.fmt)
    key, key_text = _key(sampled, catalog, scanner, values.fmt)
    dataset = _dataset(settings, topic)
    subject = f"{topic}-value" if values.fmt != "json" else None
    header = DraftHeader(topic, dataset, values.fmt, len(sampled), subject, values.message)
    draft = draft_rules(header, proposals, key[0] if key[0].path == "key" else key)
    found = Discovery(
        topic,
        dataset,
        values.fmt,
        len(sampled),
        values.undecodable,
        proposals,
        key,
        draft,
        values.schema_text,
        key_text,
    )
    _record(settings, actor, found)
    return found


def scheduled_discovery(
    settings: Settings, scanner: TextScanner, topics: Iterable[str] | None = None
) -> list[Discovery]:
    """A discover run on every raw topic whose dataset has no rules in force (the control service's schedule,
    ``STREAMGUARD_DISCOVER_EVERY_S``): what the report lists as personal data without rules. One topic that
    cannot be sampled or decoded is logged by name and costs only its own run. ``topics``: these instead of
    every topic named like a raw one."""
    ruled = {settings.topic_names.raw(record.dataset) for record in in_force(settings)}
    found = []
    for topic in topics if topics is not None else topics_named(client_options(settings), settings.topic_names.raw("")):
        if topic in ruled:
            continue
        try:
            found.append(discover(settings, SCHEDULE_ACTOR, topic, settings.discover_records, True, scanner))
        except StreamguardError as error:
            log.warning("scheduled discovery of %s skipped: %s", topic, describe_failure(error))
    return found


def _decoded(values: list[bytes | None], catalog: SchemaCatalog) -> _Decoded:
    """The sampled values decoded, with the tree of the schema of the newest record (JSON: of them all)."""
    present = [value for value in values if value is not None]
    framed = [value for value in present if len(value) >= 5 and value[0] == 0]
    if not framed or len(framed) < len(present) / 2:
        records = [record for record in (_json(value) for value in present) if record is not None]
        return _Decoded(merged_json_tree(records), records, "json", len(present) - len(records))
    schema_id = split_wire_format(framed[-1])[0]
    schema = catalog.writer_schema(schema_id)
    if schema is None:
        raise InvalidInput(f"the newest record's writer schema (id {schema_id}) is unknown to the registry")
    message = _message_of(schema, framed[-1])
    codec = codec_for(schema_id, schema, message)
    records, undecodable = [], 0
    for value in framed:
        try:
            if split_wire_format(value)[0] != schema_id:  # another writer schema: its bytes mean other fields
                raise DecodeError(SCHEMA_MISMATCH)
            records.append(codec.decode(value))
        except DecodeError:  # another writer schema or message type, or a corrupt record: counted, not read
            undecodable += 1
    text = catalog.schema_text(schema_id)
    fmt = format_of(schema)
    tags = schema_tags(text, fmt) if text else None
    return _Decoded(
        tree_of(schema, message), records, fmt, undecodable + len(present) - len(framed), text, message, tags
    )


def _message_of(schema: WriterSchema, framed: bytes) -> str | None:
    """A Protobuf record's message type, named by its message indexes (None: not Protobuf, or the first)."""
    if not isinstance(schema, ProtobufFile):
        return None
    indexes = split_message_indexes(split_wire_format(framed)[1])[0]
    return None if indexes == (0,) else schema.at(indexes).full_name


def _json(value: bytes) -> Any:
    try:
        return decode_json(value)
    except DecodeError:
        return None


def _key(
    sampled: list[SampledRecord], catalog: SchemaCatalog, scanner: TextScanner, fmt: str
) -> tuple[list[Proposal], str | None]:
    """The key's proposals: its fields, for a key with a schema in the dataset's format; else the key whole."""
    keys = [record.key for record in sampled if record.key is not None]
    framed = [key for key in keys if len(key) >= 5 and key[0] == 0]
    if fmt != "json" and framed and len(framed) == len(keys):
        schema_id = split_wire_format(framed[-1])[0]
        schema = catalog.writer_schema(schema_id)
        if schema is not None and format_of(schema) == fmt:
            codec = codec_for(schema_id, schema)
            decoded = [codec.decode(key) for key in framed]
            tree = tree_of(schema)
            fields = propose_all(tree, gather(tree, decoded, scanner), fmt)
            return key_field_proposals(fields), catalog.schema_text(schema_id)
    texts = [key.decode("utf-8", errors="replace") for key in keys]
    return [key_proposal(texts, scanner)], None


def _dataset(settings: Settings, topic: str) -> str:
    prefix = settings.topic_names.raw("")
    name = topic.removeprefix(prefix) if topic.startswith(prefix) else topic
    return "".join(character if character.isalnum() or character in "_.-" else "_" for character in name) or "dataset"


def _record(settings: Settings, actor: str, found: Discovery) -> None:
    operation = {
        "topic": found.topic,
        "dataset": found.dataset,
        "format": found.format,
        "records_sampled": found.sampled,
        "personal_fields": [proposal.path for proposal in found.proposals if proposal.personal],
        "public_fields": sum(not proposal.personal for proposal in found.proposals),
        "classes": dict(Counter(proposal.class_ for proposal in found.proposals if proposal.personal)),
        "key_personal": any(proposal.personal for proposal in found.key),
    }
    with open_chain(settings) as chain:
        chain.append(DISCOVERED, actor, operation)


def as_json(found: Discovery) -> dict[str, Any]:
    """The proposals for tools (``--json``): paths, classes, actions, parameters and evidence."""

    def rows(proposals: list[Proposal]) -> list[dict[str, Any]]:
        return [
            {"path": p.path, "class": p.class_, "action": p.action, "params": dict(p.params), "evidence": p.evidence}
            for p in proposals
        ]

    return {
        "topic": found.topic,
        "dataset": found.dataset,
        "format": found.format,
        "records_sampled": found.sampled,
        "undecodable": found.undecodable,
        "fields": rows(found.proposals),
        "key": rows(found.key),
    }
