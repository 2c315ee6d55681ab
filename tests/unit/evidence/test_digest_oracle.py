"""The evidence is no oracle: a principal of a less-cleared audience, holding everything its record proof gives
(the audit event with every audience's digests and roots, its own view and its view's salt), cannot recover a
low-entropy value another audience sees by rebuilding that audience's view for each candidate and comparing.

The batch is one record, the worst case: ``risk``'s Merkle root is then the leaf of its one view, and
``analytics`` sees the same record with the date of birth generalized to its year, so 366 candidates cover
every value. Against unsalted digests (``SHA-256(view)``, what events carried before) the same enumeration
finds the date; the control below runs it on those to show the attack itself works.
"""

from __future__ import annotations

import base64
import io
import logging
from datetime import date, timedelta
from typing import Any

import fastavro
import pytest

from streamguard.agents.batch import SourceRecord
from streamguard.agents.codec import frame_wire_format, split_wire_format
from streamguard.agents.processor import DatasetProcessor, evidence_subkey, recorded_salt
from streamguard.core.errors import KeyringError
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint
from streamguard.evidence.digests import INPUT, UNSALTED, batch_digest, digest_salt, view_digests
from streamguard.evidence.merkle import root_of
from streamguard.evidence.proof_check import check_proof
from streamguard.evidence.proofs import RecordProof, ViewRecord, record_proof
from streamguard.evidence.signed_note import NoteSigner
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import parse_rules
from tests.avro_frames import FixedSchemas, framed_avro

SCHEMA = fastavro.parse_schema(
    {
        "type": "record",
        "name": "Person",
        "fields": [
            {"name": "id", "type": "string"},
            {"name": "dob", "type": {"type": "int", "logicalType": "date"}},
        ],
    }
)
RULES = """\
dataset: people
format: avro
audiences:
  analytics: {clearances: []}
  risk:      {clearances: [personal]}
fields:
  id:  {class: public}
  dob: {class: personal, action: generalize, to: year}
unclassified: redact
key: {class: public}
"""
SECRET = date(1987, 6, 23)
RAW = ("raw.people", 0, 42)
KEYRING = Keyring(
    {"k1": bytes(range(32)), "k2": bytes(range(7, 39)), "k3": bytes(range(9, 41))},
    {"mask": "k1", "encrypt": "k1", "evidence": "k2", "sign": "k3"},
)
LOG = NoteSigner("streamguard.test/audit", KEYRING.derive("sign", "checkpoints", key_id="k3"))


SCHEMAS = FixedSchemas({1: SCHEMA})


def _avro(record: dict[str, Any]) -> bytes:
    return framed_avro(SCHEMA, record)


def _delivered(native: bool) -> tuple[AuditEvent, dict[str, list[bytes | None]]]:
    """One record through the worker's processor, its event sealed and placed as the edge places it."""
    rules = parse_rules(RULES, schema=SCHEMA)
    processor = DatasetProcessor(rules, 1, KEYRING, TopicNames(), SCHEMAS, None, "w", native=native)
    batch = processor.process([SourceRecord(*RAW, b"P1", _avro({"id": "P1", "dob": SECRET}), [], 0)])
    assert (processor.values.engine_for(1) is not None) == native
    placed = {
        audience: output.model_copy(update={"first_offset": 7, "last_offset": 7})
        for audience, output in batch.event.outputs.items()
    }
    event = batch.event.model_copy(update={"outputs": placed}).sealed(0, GENESIS_HASH)
    return event, batch.governed.values


def _analytics_proof(event: AuditEvent, views: dict[str, list[bytes | None]]) -> RecordProof:
    """What the server hands an analytics principal: built as ``build_proof`` builds it."""
    leaves = [event_leaf(event)]
    checkpoint = Checkpoint(f"{LOG.name}/raw.people:0", 1, root_of(leaves))
    return record_proof(
        raw=RAW,
        audience="analytics",
        event=event,
        event_json=event.model_dump_json(),
        views=[ViewRecord(7, views["analytics"][0])],
        position=0,
        log_leaves=leaves,
        checkpoint_note=sign_checkpoint(checkpoint, LOG),
        salt=recorded_salt(KEYRING, event, "analytics"),
    )


def _attack(proof_json: str) -> list[date]:
    """The analytics principal's attempt, from its proof alone: every date of the year its view shows,
    in risk's view (and the raw record, which risk sees in clear), under every salt it holds or could
    assume, against risk's digest and root and the input digest."""
    proof = RecordProof.model_validate_json(proof_json)
    event = AuditEvent.model_validate_json(proof.audit_event)
    assert proof.view_value is not None
    assert proof.view_salt is not None
    own = base64.b64decode(proof.view_value)
    schema_id, body = split_wire_format(own)
    seen = fastavro.schemaless_reader(io.BytesIO(body), SCHEMA, None)
    targets = {event.outputs["risk"].digest, event.outputs["risk"].merkle_root, event.input_digest}
    salts = (base64.b64decode(proof.view_salt), UNSALTED)
    found = []
    day = date(seen["dob"].year, 1, 1)
    while day.year == seen["dob"].year:
        body_io = io.BytesIO()
        fastavro.schemaless_writer(body_io, SCHEMA, {**seen, "dob": day})
        candidate = frame_wire_format(schema_id, body_io.getvalue())
        if any(set(view_digests([candidate], salt)) & targets for salt in salts):
            found.append(day)
        day += timedelta(days=1)
    return found


@pytest.mark.parametrize("native", [True, False], ids=["native-engine", "python-plan"])
def test_a_less_cleared_audience_cannot_recover_a_date_of_birth_from_its_proof(native: bool) -> None:
    event, views = _delivered(native)
    proof = _analytics_proof(event, views)
    assert check_proof(proof, log_keys=[str(LOG.verifier_key)], witness_keys=[], require_witness=False) == []
    assert event.key_ids["evidence"] == "k2"
    risk_view = views["risk"][0]
    assert risk_view is not None
    assert views["analytics"][0] != risk_view  # analytics sees only the year

    assert _attack(proof.to_json()) == []


@pytest.mark.parametrize("native", [True, False], ids=["native-engine", "python-plan"])
def test_the_same_attack_recovers_the_date_from_unsalted_digests(native: bool) -> None:
    """The control: the event as it would have been with the unsalted digests of before (SHA-256 of each
    record, the salt empty), and the attack finds the one date, so the attack above is a real one."""
    event, views = _delivered(native)
    risk_view, raw = views["risk"][0], _avro({"id": "P1", "dob": SECRET})
    assert risk_view is not None
    unsalted_outputs = {
        audience: output.model_copy(
            update=dict(zip(("digest", "merkle_root"), view_digests(views[audience], UNSALTED), strict=True))
        )
        for audience, output in event.outputs.items()
    }
    unsalted = event.model_copy(
        update={"outputs": unsalted_outputs, "input_digest": batch_digest([raw], UNSALTED)}
    ).sealed(0, GENESIS_HASH)
    proof = _analytics_proof(event, views)
    leaked = proof.model_copy(update={"audit_event": unsalted.model_dump_json()})

    assert _attack(leaked.to_json()) == [SECRET]

    only_input = event.model_copy(update={"input_digest": batch_digest([raw], UNSALTED)}).sealed(0, GENESIS_HASH)
    assert _attack(proof.model_copy(update={"audit_event": only_input.model_dump_json()}).to_json()) == [SECRET]


def test_no_other_salt_appears_in_the_proof_the_event_or_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        event, views = _delivered(native=True)
        proof = _analytics_proof(event, views)
    subkey = evidence_subkey(KEYRING, "k2")
    first = event.source.first_offset
    own = digest_salt(subkey, "raw.people", 0, first, "analytics")
    others = [digest_salt(subkey, "raw.people", 0, first, output) for output in ("risk", INPUT)]
    assert proof.view_salt == base64.b64encode(own).decode()
    published = proof.to_json() + event.model_dump_json() + caplog.text + repr(KEYRING)
    for salt in [*others, subkey]:
        for shown in (salt.hex(), base64.b64encode(salt).decode(), repr(salt)):
            assert shown not in published
    assert base64.b64encode(own).decode() not in event.model_dump_json() + caplog.text


def test_the_events_digests_are_the_salted_ones_of_its_views_and_input() -> None:
    event, views = _delivered(native=True)
    raw = _avro({"id": "P1", "dob": SECRET})
    for audience, output in event.outputs.items():
        salt = recorded_salt(KEYRING, event, audience)
        assert (output.digest, output.merkle_root) == view_digests(views[audience], salt)
        assert (output.digest, output.merkle_root) != view_digests(views[audience], UNSALTED)
    assert event.input_digest == batch_digest([raw], recorded_salt(KEYRING, event, INPUT))
    assert event.input_digest != batch_digest([raw], UNSALTED)


def test_a_keyring_without_an_evidence_key_processes_nothing() -> None:
    keyring = Keyring({"k1": bytes(range(32))}, {"mask": "k1", "encrypt": "k1"})
    with pytest.raises(KeyringError, match=r"no active 'evidence' key.*streamguard keys rotate --slot evidence"):
        DatasetProcessor(parse_rules(RULES, schema=SCHEMA), 1, keyring, TopicNames(), SCHEMAS, None, "w")
