"""Evidence archives (pure): what a purge writes before it deletes, and the offline check of one.

An archive is JSON lines (the edge gzips them): a header, the purged audit events and sessions, the signed
checkpoints that seal those events (with their cosignatures), and for each chain the leaf hashes of its log
up to the sealing checkpoint. With the log's public key alone, every archived event is then shown to be the
one the checkpoint sealed: its content matches its hash, its leaf is its hash's, and the leaves' root is the
signed root. No broker, no store.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from streamguard.core.errors import EvidenceError
from streamguard.evidence.audit import AuditEvent, chain_key, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, cosigners
from streamguard.evidence.merkle import root_of
from streamguard.evidence.signed_note import VerifierKey, open_note

ARCHIVE_VERSION = 1


@dataclass(frozen=True)
class ChainLog:
    """A chain's log as the archive carries it: the leaves up to the checkpoint that seals its events."""

    chain: str
    origin: str
    leaves: tuple[bytes, ...]
    note: str  # the sealing checkpoint, cosignature lines included


def archive_lines(
    header: dict[str, Any], events: Iterable[AuditEvent], sessions: Iterable[str], logs: Iterable[ChainLog]
) -> Iterator[str]:
    """The archive, line by line (``sessions`` as their JSON bodies)."""
    yield json.dumps({"type": "archive", "version": ARCHIVE_VERSION, **header}, sort_keys=True)
    for event in events:
        yield json.dumps({"type": "event", "event": json.loads(event.to_bytes())}, sort_keys=True)
    for body in sessions:
        yield json.dumps({"type": "session", "session": json.loads(body)}, sort_keys=True)
    for log in logs:
        leaves = [leaf.hex() for leaf in log.leaves]
        yield json.dumps(
            {"type": "log", "chain": log.chain, "origin": log.origin, "leaves": leaves, "note": log.note},
            sort_keys=True,
        )


@dataclass
class ArchiveCheck:
    problems: list[str] = field(default_factory=list)
    events: int = 0
    sessions: int = 0
    chains: int = 0
    cosigned_by: set[str] = field(default_factory=set)

    @property
    def intact(self) -> bool:
        return not self.problems


def check_archive(lines: Iterable[str], log_keys: Iterable[str], witness_keys: Iterable[str] = ()) -> ArchiveCheck:
    """Verify an archive offline with the log's (and optionally the witnesses') public keys."""
    result = ArchiveCheck()
    events: dict[str, list[AuditEvent]] = defaultdict(list)
    logs: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
            kind = entry["type"]
            if kind == "event":
                event = AuditEvent.model_validate(entry["event"])
                events[chain_key(event.source.topic, event.source.partition)].append(event)
            elif kind == "log":
                logs[entry["chain"]] = entry
            elif kind == "session":
                result.sessions += 1
            elif kind != "archive" or entry.get("version") != ARCHIVE_VERSION:
                result.problems.append(f"line {number}: unknown entry {kind!r}")
        except (ValueError, KeyError, TypeError, ValidationError):
            result.problems.append(f"line {number}: not an archive entry")
    keys = [VerifierKey.parse(vkey) for vkey in log_keys]
    witnesses = list(witness_keys)
    for chain, chain_events in sorted(events.items()):
        result.events += len(chain_events)
        if chain not in logs:
            result.problems.append(f"{chain}: {len(chain_events)} events but no log to check them against")
            continue
        result.chains += 1
        _check_chain(chain, sorted(chain_events, key=lambda e: e.seq), logs[chain], keys, witnesses, result)
    return result


def _check_chain(
    chain: str,
    events: list[AuditEvent],
    log: dict[str, Any],
    keys: list[VerifierKey],
    witnesses: list[str],
    result: ArchiveCheck,
) -> None:
    try:
        checkpoint = Checkpoint.parse(open_note(log["note"], keys).text)
        leaves = [bytes.fromhex(leaf) for leaf in log["leaves"]]
    except (EvidenceError, ValueError) as error:
        result.problems.append(f"{chain}: its checkpoint does not verify ({error})")
        return
    where = f"checkpoint {checkpoint.origin}@{checkpoint.size}"
    if checkpoint.origin != log["origin"] or len(leaves) != checkpoint.size or root_of(leaves) != checkpoint.root_hash:
        result.problems.append(f"{chain}: the archived leaves are not the log {where} sealed")
        return
    for event in events:
        if event.content_hash() != event.hash:
            result.problems.append(f"{chain} seq {event.seq}: content does not match its hash (edited)")
        elif event.seq >= len(leaves) or leaves[event.seq] != event_leaf(event):
            result.problems.append(f"{chain} seq {event.seq}: not the event {where} sealed at that position")
    for earlier, later in itertools.pairwise(events):
        if later.seq == earlier.seq + 1 and later.prev_hash != earlier.hash:
            result.problems.append(f"{chain} seq {later.seq}: does not link to seq {earlier.seq}")
    result.cosigned_by |= cosigners(log["note"], checkpoint, witnesses)
