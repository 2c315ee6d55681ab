"""``streamguard evidence purge``: archive, check the archive, delete from the store, record the purge.

Order matters: the archive is written to a temporary file, read back and verified offline like an auditor
would, and only then linked into place, never over an existing file (an earlier archive may hold the only
copy of what an earlier purge deleted); the store's rows are deleted after that, exactly those selected;
last, the purge itself becomes an operation event in the control chain (what, when, by whom, and the
archive's SHA-256). A purge that fails anywhere before the delete deletes nothing. The server keeps its
archives under ``<home>/archives``; the command line downloads a copy.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from streamguard.agents.checkpoints import log_origin
from streamguard.agents.kafka_audit_reader import read_audit_records
from streamguard.agents.kafka_operations import record_operation
from streamguard.app.services.archive_files import read_archive
from streamguard.app.services.control.callers import unenforced
from streamguard.app.services.evidence.verify import trusted_keys
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.core.errors import EvidenceError, InvalidInput
from streamguard.evidence.archive import ChainLog, archive_lines
from streamguard.evidence.audit import AuditEvent, chain_key
from streamguard.evidence.chain import log_prefix
from streamguard.store.evidence_store import EvidenceStore
from streamguard.store.records import PurgeSelection

PURGE_KIND = "evidence_purge"
ARCHIVE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}")


@dataclass(frozen=True)
class PurgeResult:
    events: int
    sessions: int
    checkpoints: int
    archive: Path | None
    archive_sha256: str | None
    event: AuditEvent | None  # the purge's own audit event (None when nothing was old enough)


def archive_path(settings: Settings, name: str) -> Path:
    """Where the server keeps the archive ``name`` (a plain file name: no directory may be named)."""
    if not ARCHIVE_NAME.fullmatch(name):
        raise InvalidInput(f"archive name {name!r}: letters, digits, dots, dashes and underscores only")
    return settings.home / "archives" / name


def purge_evidence(
    settings: Settings,
    store: EvidenceStore,
    cutoff: datetime,
    archive: Path | None,
    actor: str,
    *,
    enforced: bool = True,
) -> PurgeResult:
    if archive is not None and archive.exists():
        raise EvidenceError(f"{archive} exists: an archive is never overwritten (it may hold purged evidence)")
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
        **unenforced(enforced),
    }
    keyring = deployment_keyring(settings)
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
    keys = trusted_keys(settings)
    check = read_archive(staged, [*keys.log, *keys.control])
    try:
        if not check.intact:
            raise EvidenceError(f"the archive did not verify, nothing purged: {'; '.join(check.problems[:3])}")
        try:
            os.link(staged, archive)  # never replaces: two purges naming one archive cannot both write it
        except FileExistsError:
            raise EvidenceError(f"{archive} exists: an archive is never overwritten; nothing purged") from None
    finally:
        staged.unlink(missing_ok=True)
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
    names = settings.topic_names
    topic = names.control_audit if chain == chain_key(names.control, 0) else names.audit
    reads = read_audit_records(client_options(settings), topic)
    on_topic = (
        r.event for r in reads if r.event and chain_key(r.event.source.topic, r.event.source.partition) == chain
    )
    try:
        return tuple(log_prefix(itertools.chain(store.events(chain=chain), on_topic), size))
    except EvidenceError as error:
        raise EvidenceError(f"{chain}: in neither the store nor the audit topic: {error}") from None
