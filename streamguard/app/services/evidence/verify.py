"""``streamguard verify`` behind the command: gather the evidence from Kafka (and the store's cosigned copies
of checkpoints), the keys to trust, and run the pure checks of ``streamguard.evidence.verification``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from streamguard.agents.checkpoints import log_verifier_keys
from streamguard.agents.kafka_audit_reader import read_audit_records, read_checkpoint_notes, retained_offsets
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import worker_keyring
from streamguard.app.settings import Settings
from streamguard.core.errors import EvidenceError, KeyringError
from streamguard.evidence.audit import RECORDS
from streamguard.evidence.report import Checkpoint as ReportedCheckpoint
from streamguard.evidence.report import VerificationStatus
from streamguard.evidence.verification import CheckpointRead, TrustedKeys, Verification, verify_evidence
from streamguard.store.evidence_store import EvidenceStore


def trusted_keys(
    settings: Settings, log_keys: Iterable[str] = (), witness_keys: Iterable[str] = (), *, require_witness: bool = False
) -> TrustedKeys:
    """The log keys given, else every signing key the local keyring has had; the witnesses' keys given or
    configured (``STREAMGUARD_WITNESS_KEYS``)."""
    logs = list(log_keys)
    if not logs:
        try:
            logs = log_verifier_keys(worker_keyring(settings), settings.log_origin)
        except KeyringError as error:
            raise KeyringError(f"no log key to verify checkpoints with: pass --log-key ({error})") from None
    witnesses = [*witness_keys, *(key.strip() for key in settings.witness_keys.split(",") if key.strip())]
    if require_witness and not witnesses:
        raise EvidenceError("requiring a witness needs its key: pass --witness-key or set STREAMGUARD_WITNESS_KEYS")
    return TrustedKeys(tuple(logs), tuple(witnesses), require_witness)


def stored_checkpoints(store: EvidenceStore) -> list[CheckpointRead]:
    """The store's copies, each with the cosignatures indexed for it: they outlive a rewritten topic."""
    return [
        CheckpointRead(store.note_with_cosignatures(c), f"evidence store ({c.origin}@{c.size})")
        for c in store.checkpoints()
    ]


def run_verification(
    settings: Settings, keys: TrustedKeys, *, chains: set[str] | None = None, store: EvidenceStore | None = None
) -> Verification:
    options = client_options(settings)
    names = settings.topic_names
    reads = read_audit_records(options, names.audit)
    checkpoints = read_checkpoint_notes(options, names.checkpoints)
    if store is not None:
        checkpoints += stored_checkpoints(store)
    sources = {
        (read.event.source.topic, read.event.source.partition)
        for read in reads
        if read.event is not None and read.event.kind == RECORDS
    }
    if chains is not None:
        sources = {source for source in sources if f"{source[0]}:{source[1]}" in chains}
    retained = retained_offsets(options, sources)
    return verify_evidence(names.audit, reads, checkpoints, keys, settings.log_origin, retained, chains=chains)


def verification_status(result: Verification, checked_at: datetime | None = None) -> VerificationStatus:
    """What a report shows of a verification: the verdict, the first problems, the checkpoints it rests on."""
    return VerificationStatus(
        intact=result.intact,
        checked_at=(checked_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        problems=result.problems[:50],
        problem_count=len(result.problems),
        checkpoints=[
            ReportedCheckpoint(
                origin=status.origin,
                size=status.checkpointed,
                root_hex=status.root_hex,
                cosigned_by=list(status.cosigned_by),
            )
            for status in result.chains.values()
            if status.checkpointed
        ],
    )
