"""Forensic replay: process a session's raw records again, under the rules and keys its audit events
recorded, and compare each audience view with what the events committed to.

Per event: its raw span is re-read (``read_committed``, as the worker read it), a processor is built for the
event's ``rule_version`` from the rule history exactly as the worker builds one (``RulesRegistry``), over a
keyring whose active keys are the event's recorded ``key_ids``, and the audience's reproduced view is compared
with ``outputs[audience]`` (``streamguard.evidence.replay``), digested with the salt of the event's recorded
evidence key id and span, as the worker digested it. An event that cannot be replayed (its offsets no
longer retained, a recorded key id missing from the keyring, rules no longer in the history) is reported as
such and the others still are. No record value is printed or logged: only digests, counts and positions.
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import cache
from typing import Any

from pydantic import ValidationError

from streamguard.agents.kafka_rules import read_rule_history
from streamguard.agents.kafka_schemas import SchemaCatalog
from streamguard.agents.processor import DatasetProcessor, recorded_salt
from streamguard.agents.rules_registry import RulesRegistry
from streamguard.app.services.evidence.record_proofs import (
    OffsetsNotRetained,
    committed_reads,
    event_views,
    read_offsets,
)
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.core.errors import KeyringError, ReplayError, RulesError
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import RECORDS, AudienceOutput, AuditEvent, chain_key
from streamguard.evidence.digests import EVIDENCE_SLOT
from streamguard.evidence.proofs import ProofError
from streamguard.evidence.replay import EventReplay, ReplayReport, ViewReplay, compare_view, first_difference
from streamguard.evidence.sessions import Session
from streamguard.masking.detection import TextScanner
from streamguard.masking.keys import Keyring
from streamguard.masking.rule_versions import rules_of
from streamguard.store import EvidenceStore

REPLAY_WORKER = "replay"
_UNUSED_EVIDENCE_KEY = "replay:unused-evidence"  # not a key id a keyring file makes (those are k<n>)


def replay_session(
    settings: Settings, session_events: list[AuditEvent], audience: str, keyring: Keyring
) -> ReplayReport:
    """Replay the session's record events for ``audience`` in chain and seq order; ``keyring`` holds the keys
    the events' recorded key ids name."""
    options = committed_reads(client_options(settings))
    history = read_rule_history(options, settings.topic_names.rules)
    processors = _Processors(settings.topic_names, SchemaCatalog(settings.schema_registry_url), history, keyring)
    ordered = sorted(
        (event for event in session_events if event.kind == RECORDS),
        key=lambda event: (event.source.topic, event.source.partition, event.seq),
    )
    return ReplayReport(audience=audience, events=[_replay(options, event, audience, processors) for event in ordered])


def _replay(options: dict[str, Any], event: AuditEvent, audience: str, processors: _Processors) -> EventReplay:
    source = event.source
    replayed = EventReplay(
        chain=chain_key(source.topic, source.partition),
        seq=event.seq,
        event_id=event.event_id,
        first_offset=source.first_offset,
        last_offset=source.last_offset,
        rule_version=event.rule_version,
        key_ids=event.key_ids,
    )
    output = event.outputs.get(audience)
    if output is None:
        return replayed.model_copy(update={"problem": f"the event has no view for audience {audience!r}"})
    try:
        processor = processors.for_event(event)
        if audience not in processor.audiences:
            raise ReplayError(f"rules {processor.rules.dataset} v{processor.rule_version} have no audience {audience}")
        salt = processors.salt(event, audience)
        records = read_offsets(options, source.topic, source.partition, source.first_offset, source.last_offset)
    except (OffsetsNotRetained, ProofError, KeyringError, ReplayError) as error:
        return replayed.model_copy(update={"problem": str(error)})
    reproduced = processor.process(records).governed.values[audience]
    view = compare_view(audience, output, reproduced, salt)
    if not view.matches:
        view = _locate_difference(options, event, output, view, reproduced)
    return replayed.model_copy(update={"view": view})


def _locate_difference(
    options: dict[str, Any], event: AuditEvent, output: AudienceOutput, view: ViewReplay, reproduced: list[Any]
) -> ViewReplay:
    """The view position of the first record that differs, from the view records still retained."""
    try:
        recorded = [record.value for _, record in event_views(options, event, output)]
    except (OffsetsNotRetained, ProofError):
        return view  # the views are gone or incomplete: the digests alone tell that they differ
    return view.model_copy(update={"first_difference": first_difference(recorded, reproduced)})


class _Processors:
    """Processors per (dataset, rule version, recorded key ids), each compiled by a ``RulesRegistry`` fed that
    one version, so replay masks exactly as the worker's registry does."""

    def __init__(
        self, names: TopicNames, catalog: SchemaCatalog, history: list[RuleSetRecord], keyring: Keyring
    ) -> None:
        catalog.register(history)  # on mock://, the whole history in order gives the ids the producers used
        self._names = names
        self._catalog = catalog
        self._versions = {(record.dataset, record.version): record for record in history}
        self._keyring = keyring
        self._compiled: dict[tuple[str, int, tuple[tuple[str, str], ...]], DatasetProcessor] = {}

    def for_event(self, event: AuditEvent) -> DatasetProcessor:
        dataset = event.dataset or self._names.dataset_of(event.source.topic) or event.source.topic
        if event.rule_version is None:
            raise ReplayError(f"audit event {event.event_id} records no rule version")
        record = self._versions.get((dataset, event.rule_version))
        if record is None:
            raise ReplayError(f"rules {dataset} v{event.rule_version} are not in the rule history")
        key = (dataset, event.rule_version, tuple(sorted(event.key_ids.items())))
        if key not in self._compiled:
            self._compiled[key] = self._compile(record, event)
        return self._compiled[key]

    def salt(self, event: AuditEvent, audience: str) -> bytes:
        """The salt the event's digests of ``audience`` were made with (recorded_keyring checked its key id)."""
        return recorded_salt(self._keyring, event, audience)

    def _compile(self, record: RuleSetRecord, event: AuditEvent) -> DatasetProcessor:
        registry = RulesRegistry(
            self._names, self._catalog, recorded_keyring(self._keyring, event), _shared_scanner, REPLAY_WORKER
        )
        registry.apply(record)
        processor = registry.processor_for(event.source.topic)
        if processor is None:
            raise ReplayError(f"rules {record.key} no longer load: {_rules_problem(record)}")
        return processor


def _rules_problem(record: RuleSetRecord) -> str:
    try:
        rules_of(record)
    except RulesError as error:
        return str(error)
    return f"they are not the rules of {record.dataset}"


def recorded_keyring(keyring: Keyring, event: AuditEvent) -> Keyring:
    """``keyring``'s keys with the event's recorded key ids active; KeyringError naming every id it lacks."""
    recorded = event.key_ids or dict(keyring.active)  # events written before key ids were recorded
    missing = sorted(set(recorded.values()) - set(keyring.key_ids))
    if missing:
        raise KeyringError(
            f"key id(s) {', '.join(map(repr, missing))} recorded by audit event {event.event_id} are not in the keyring"
        )
    keys = {key_id: keyring.key(key_id) for key_id in keyring.key_ids}
    if EVIDENCE_SLOT not in event.key_ids:
        # An event made before salted digests: its digests are compared unsalted (recorded_salt), and the
        # processor, which salts its own event's, gets a throwaway key for that event nobody reads.
        keys[_UNUSED_EVIDENCE_KEY] = os.urandom(32)
        recorded = {**recorded, EVIDENCE_SLOT: _UNUSED_EVIDENCE_KEY}
    return Keyring(keys, recorded)


@cache
def _shared_scanner() -> TextScanner:
    from streamguard.masking.detection.presidio_scanner import build_default_scanner  # loads spaCy: only if needed

    return build_default_scanner()


# -- the session's events, from the evidence store ------------------------------------------------------


def session_events(store: EvidenceStore, session_id: str) -> list[AuditEvent]:
    """The audit events a stored session lists (``"<chain>#<seq>"``); ReplayError naming any the store lacks."""
    stored = store.session(session_id)
    if stored is None:
        raise ReplayError(f"no session {session_id!r} in the evidence store")
    try:
        session = Session.model_validate_json(stored.body_json)
    except ValidationError as error:
        raise ReplayError(
            f"session {stored.id}: its stored body is not a session ({error.errors()[0]['msg']})"
        ) from None
    wanted: dict[str, set[int]] = defaultdict(set)
    for ref in session.events:
        chain, _, seq = ref.rpartition("#")
        if not chain or not seq.isdigit():
            raise ReplayError(f"session {stored.id}: event reference {ref[:80]!r} is not <chain>#<seq>")
        wanted[chain].add(int(seq))
    found = [event for chain, seqs in wanted.items() for event in store.events(chain=chain) if event.seq in seqs]
    missing = sorted(set(session.events) - {f"{chain_key(e.source.topic, e.source.partition)}#{e.seq}" for e in found})
    if missing:
        raise ReplayError(
            f"session {stored.id}: {len(missing)} of its events are not in the evidence store (first: {missing[0]})"
        )
    return found
