"""``streamguard evidence purge``: archive, check the archive, delete from the store, record the purge.

Order matters: the archive is written to a temporary file, read back and verified offline like an auditor
would, and only then renamed into place; the store's rows are deleted after that, exactly those selected;
last, the purge itself becomes an operation event in the audit stream (what, when, by whom, and the
archive's SHA-256). A purge that fails anywhere before the delete deletes nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from streamguard.agents.checkpoints import log_origin, log_verifier_keys
from streamguard.agents.kafka_audit_reader import read_audit_records
from streamguard.agents.kafka_operations import record_operation
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import worker_keyring
from streamguard.app.settings import Settings
from streamguard.core.errors import EvidenceError
from streamguard.evidence.archive import ArchiveCheck, ChainLog, archive_lines, check_archive
from streamguard.evidence.audit import AuditEvent, chain_key
from streamguard.evidence.chain import log_prefix
from streamguard.store.evidence_store import EvidenceStore
from streamguard.store.records import PurgeSelection

PURGE_KIND = "evidence_purge"


@dataclass(frozen=True)
class PurgeResult:
    events: int
    sessions: int
    checkpoints: int
    archive: Path | None
    archive_sha256: str | None
    event: AuditEvent | None  # the purge's own audit event (None when nothing was old enough)


def purge_evidence(
    settings: Settings, store: EvidenceStore, cutoff: datetime, archive: Path | None, actor: str
) -> PurgeResult:
    selection = store.purge_older_than(cutoff)
    events = list(store.selected_events(selection))
    if not events and not selection.sessions and not selection.checkpoints:
        return PurgeResult(0, 0, 0, None, None, None)
    digest = None
    if archive is not None:
        digest = _write_checked_archive(settings, store, selection, events, archive)
    store.delete(selection)
    operation = {
        "cutoff": cutoff.isoformat(),
        "events": len(events),
        "sessions": len(selection.sessions),
        "checkpoints": len(selection.checkpoints),
        "cosignatures": len(selection.cosignatures),
        "archive": archive.name if archive is not None else None,
        "archive_sha256": digest,
    }
    keyring = worker_keyring(settings)
    event = record_operation(
        client_options(settings), settings.topic_names, keyring, settings.log_origin, PURGE_KIND, actor, operation
    )
    return PurgeResult(len(events), len(selection.sessions), len(selection.checkpoints), archive, digest, event)


def _write_checked_archive(
    settings: Settings, store: EvidenceStore, selection: PurgeSelection, events: list[AuditEvent], archive: Path
) -> str:
    logs = list(_chain_logs(settings, store, events))
    header = {"created_at": datetime.now(UTC).isoformat(timespec="seconds"), "cutoff": selection.cutoff.isoformat()}
    staged = archive.with_name(f".{archive.name}.partial")
    archive.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(staged, "wt", encoding="utf-8") as sink:
        for line in archive_lines(header, events, (s.body_json for s in selection.sessions), logs):
            sink.write(line + "\n")
    check = read_archive(staged, log_verifier_keys(worker_keyring(settings), settings.log_origin))
    if not check.intact:
        staged.unlink()
        raise EvidenceError(f"the archive did not verify, nothing purged: {'; '.join(check.problems[:3])}")
    staged.replace(archive)
    return hashlib.sha256(archive.read_bytes()).hexdigest()


def _chain_logs(settings: Settings, store: EvidenceStore, events: list[AuditEvent]) -> Iterator[ChainLog]:
    """Per chain of the purged events: its leaves up to the smallest checkpoint sealing all of them."""
    newest: dict[str, int] = {}
    for event in events:
        chain = chain_key(event.source.topic, event.source.partition)
        newest[chain] = max(newest.get(chain, -1), event.seq)
    for chain, seq in sorted(newest.items()):
        topic, partition = chain.rsplit(":", 1)
        origin = log_origin(settings.log_origin, (topic, int(partition)))
        sealing = [c for c in store.checkpoints(origin) if c.size > seq]
        if not sealing:
            raise EvidenceError(f"{chain}: no checkpoint seals seq {seq} yet; nothing purged (retry after the next)")
        checkpoint = min(sealing, key=lambda c: c.size)
        leaves = _leaves(settings, store, chain, checkpoint.size)
        yield ChainLog(chain, origin, leaves, store.note_with_cosignatures(checkpoint))


def _leaves(settings: Settings, store: EvidenceStore, chain: str, size: int) -> tuple[bytes, ...]:
    """The chain's first ``size`` leaves: from the store, or with the audit topic's events where an earlier
    purge took some from the store."""
    try:
        return tuple(log_prefix(store.events(chain=chain), size))
    except EvidenceError:
        pass  # an earlier purge took some of them from the store
    reads = read_audit_records(client_options(settings), settings.topic_names.audit)
    on_topic = (
        r.event for r in reads if r.event and chain_key(r.event.source.topic, r.event.source.partition) == chain
    )
    try:
        return tuple(log_prefix(itertools.chain(store.events(chain=chain), on_topic), size))
    except EvidenceError as error:
        raise EvidenceError(f"{chain}: in neither the store nor the audit topic: {error}") from None


def read_archive(path: Path, log_keys: list[str], witness_keys: list[str] | None = None) -> ArchiveCheck:
    """Check an archive file offline (gzip JSON lines)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            return check_archive((line for line in source if line.strip()), log_keys, witness_keys or [])
    except (OSError, EOFError) as error:
        raise EvidenceError(f"{path}: not a readable evidence archive ({error})") from None
