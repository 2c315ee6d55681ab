"""``verify`` behind every door: gather the evidence from Kafka (the data path's audit topic, the control
chain's own topic, both checkpoint topics, and the store's cosigned copies of checkpoints), the keys to trust,
and run the pure checks of ``streamguard.evidence.verification``.

Keys are public and pinned: the data chains' verifier keys and the control chain's are taken from the caller,
else from ``STREAMGUARD_LOG_KEYS`` and ``STREAMGUARD_CONTROL_LOG_KEYS``, else derived from this process's
keyring (what the slots ``sign`` and ``control`` have had); never from a keyring made for the occasion. A
witness's key is what makes a re-signed history fail: without one the verdict says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from streamguard.agents.checkpoints import CONTROL_SIGNING_SLOT, DATA_SIGNING_SLOT, log_verifier_keys
from streamguard.agents.kafka_audit_reader import read_audit_records, read_checkpoint_notes, retained_offsets
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.core.errors import EvidenceError, KeyringError
from streamguard.evidence.audit import RECORDS, chain_key
from streamguard.evidence.report import Checkpoint as ReportedCheckpoint
from streamguard.evidence.report import VerificationStatus
from streamguard.evidence.verification import (
    CheckpointRead,
    ControlChain,
    TrustedKeys,
    Verification,
    verify_evidence,
)
from streamguard.store.evidence_store import EvidenceStore


def trusted_keys(
    settings: Settings,
    log_keys: Iterable[str] = (),
    witness_keys: Iterable[str] = (),
    *,
    require_witness: bool = False,
    control_keys: Iterable[str] = (),
) -> TrustedKeys:
    """The keys to verify with: those given, else configured, else this process's keyring's; the witnesses'
    keys given or configured (``STREAMGUARD_WITNESS_KEYS``). A witness trusted is a witness required: a chain
    none of whose checkpoints it cosigned could have been re-signed by whoever holds the log's key."""
    logs = list(log_keys) or _listed(settings.log_keys) or _derived(settings, DATA_SIGNING_SLOT, "--log-key")
    control = (
        list(control_keys)
        or _listed(settings.control_log_keys)
        or _derived(settings, CONTROL_SIGNING_SLOT, "--control-key")
    )
    witnesses = [*witness_keys, *_listed(settings.witness_keys)]
    if require_witness and not witnesses:
        raise EvidenceError("requiring a witness needs its key: pass --witness-key or set STREAMGUARD_WITNESS_KEYS")
    return TrustedKeys(tuple(logs), tuple(dict.fromkeys(witnesses)), bool(witnesses), tuple(control))


def _listed(text: str) -> list[str]:
    return [key.strip() for key in text.split(",") if key.strip()]


def _derived(settings: Settings, slot: str, option: str) -> list[str]:
    try:
        keys = log_verifier_keys(deployment_keyring(settings), settings.log_origin, slot)
    except KeyringError as error:
        raise KeyringError(f"no key to verify the {slot} checkpoints with: pass {option} ({error})") from None
    if not keys:
        raise KeyringError(f"the keyring has had no {slot!r} key: pass {option} with the verifier key to trust")
    return keys


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
    reads = read_audit_records(options, names.audit) + read_audit_records(options, names.control_audit)
    checkpoints = read_checkpoint_notes(options, names.checkpoints)
    checkpoints += read_checkpoint_notes(options, names.control_checkpoints)
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
    control = ControlChain(chain_key(names.control, 0), names.control_audit)
    return verify_evidence(
        names.audit, reads, checkpoints, keys, settings.log_origin, retained, chains=chains, control=control
    )


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
        witnessed=result.witnessed,
        unenforced_events=result.unenforced,
    )
