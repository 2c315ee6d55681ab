"""Replay salts as the worker did: the same raw records processed again over the keyring replay builds from
the event's recorded key ids (``recorded_keyring``) reproduce every audience's digest and root with the salt of
the recorded evidence key and the event's span, after a rotation too; other evidence key bytes do not."""

from __future__ import annotations

import json

import fastavro

from harness.sample_data import customers, structured_rules
from streamguard.agents.batch import SourceRecord
from streamguard.agents.processor import DatasetProcessor, recorded_salt
from streamguard.app.services.evidence.replay import recorded_keyring
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.digests import UNSALTED, view_digests
from streamguard.evidence.replay import compare_view
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import parse_rules
from streamguard.schemas import CUSTOMERS_AVSC
from tests.avro_frames import FixedSchemas, framed_avro

SCHEMA = fastavro.parse_schema(json.loads(CUSTOMERS_AVSC.read_text()))
RULES = parse_rules(structured_rules("customers"), schema=SCHEMA)
KEYS = {"k1": b"m" * 32, "k2": b"s" * 32, "k3": b"e" * 32, "k4": b"c" * 32}
WORKER = Keyring(
    {key: KEYS[key] for key in ("k1", "k2", "k3")}, {"mask": "k1", "encrypt": "k1", "sign": "k2", "evidence": "k3"}
)
SERVER = Keyring(KEYS, {"mask": "k1", "encrypt": "k1", "evidence": "k3", "control": "k4"})


SCHEMAS = FixedSchemas({1: SCHEMA})


def _records() -> list[SourceRecord]:
    records = [
        SourceRecord("raw.customers", 0, 40 + n, b"C%d" % n, framed_avro(SCHEMA, record), [], 0)
        for n, record in enumerate(customers(9, seed=3, with_notes=False))
    ]
    records[4] = SourceRecord("raw.customers", 0, 44, b"C4", None, [], 0)  # a tombstone
    return records


def _processor(keyring: Keyring) -> DatasetProcessor:
    return DatasetProcessor(RULES, 1, keyring, TopicNames(), SCHEMAS, None, "w")


def _replayed(event: AuditEvent, keyring: Keyring) -> dict[str, bool]:
    """Each audience's comparison, as ``streamguard replay`` makes it with ``keyring``."""
    reproduced = _processor(recorded_keyring(keyring, event)).process(_records()).governed.values
    return {
        audience: compare_view(audience, output, reproduced[audience], recorded_salt(keyring, event, audience)).matches
        for audience, output in event.outputs.items()
    }


def test_replay_of_a_salted_event_matches_every_audience() -> None:
    event = _processor(WORKER).process(_records()).event
    assert event.key_ids == {"mask": "k1", "encrypt": "k1", "evidence": "k3"}
    assert _replayed(event, SERVER) == {"analytics": True, "support": True, "risk": True}


def test_replay_after_the_evidence_key_was_rotated_uses_the_recorded_one() -> None:
    event = _processor(WORKER).process(_records()).event
    rotated = Keyring({**KEYS, "k5": b"n" * 32}, {**SERVER.active, "evidence": "k5"})
    assert _replayed(event, rotated) == {"analytics": True, "support": True, "risk": True}


def test_replay_with_other_evidence_key_bytes_reproduces_the_views_but_not_the_digests() -> None:
    event = _processor(WORKER).process(_records()).event
    other = Keyring({**KEYS, "k3": b"x" * 32}, SERVER.active)
    reproduced = _processor(recorded_keyring(other, event)).process(_records()).governed.values
    original = _processor(WORKER).process(_records()).governed.values
    assert reproduced == original  # the tokens are the same: only the salts differ
    assert _replayed(event, other) == {"analytics": False, "support": False, "risk": False}


def test_replay_of_an_event_made_before_salted_digests_compares_unsalted() -> None:
    made = _processor(WORKER).process(_records())
    views = made.governed.values
    legacy = made.event.model_copy(
        update={
            "key_ids": {"mask": "k1", "encrypt": "k1"},
            "outputs": {
                audience: output.model_copy(
                    update=dict(zip(("digest", "merkle_root"), view_digests(views[audience], UNSALTED), strict=True))
                )
                for audience, output in made.event.outputs.items()
            },
        }
    )
    assert _replayed(legacy, SERVER) == {"analytics": True, "support": True, "risk": True}
