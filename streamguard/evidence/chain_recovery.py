"""Recovering a chain's head from what its topic holds, trusting only what links (pure).

State is never trusted because it was read: a writer that continues a chain first checks, from its first
event, that each event matches its hash, takes the next ``seq`` and links to its predecessor's hash, and that
the log of those events has the roots of the chain's signed checkpoints. The first event that does not link
ends what is adopted; a checkpoint whose root the events do not give ends it at the last one they do. With
``sealed_only`` (the control chain, whose every event is committed with a checkpoint of it) nothing past the
newest checkpoint is adopted: an event appended there without the control key's signature was never one of
the chain's own. What is not adopted is reported, never silently skipped: the caller raises an alert, and
``verify`` finds the same events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, event_leaf
from streamguard.evidence.checkpoint import Checkpoint
from streamguard.evidence.merkle import root_of


@dataclass(frozen=True)
class LocatedEvent:
    """An event as read, with where it was read (for the problems that name it)."""

    event: AuditEvent
    where: str


@dataclass
class RecoveredChain:
    """The events adopted (seq 0..n-1, in order), and what was read but not adopted, and why."""

    chain: str
    events: list[AuditEvent] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    sealed: int = 0  # the size of the newest signed checkpoint the adopted events match

    @property
    def head(self) -> AuditEvent | None:
        return self.events[-1] if self.events else None


def recover_chain(
    chain: str, reads: Iterable[LocatedEvent], checkpoints: Iterable[Checkpoint], *, sealed_only: bool
) -> RecoveredChain:
    """The chain's trustworthy prefix from ``reads`` (its events in the order they were read) and the
    ``checkpoints`` of its log whose signatures the caller verified with the keys it trusts."""
    recovered, signed = RecoveredChain(chain), list(checkpoints)
    linked, stray = _linked_prefix(chain, reads, recovered.problems)
    size = _sealed_size(chain, linked, signed, recovered.problems)
    if size < len(linked) and (sealed_only or size < _newest(signed)):
        unsealed = len(linked) - size
        recovered.problems.append(
            f"{chain}: {unsealed} event(s) after the newest signed checkpoint it matches (size {size}), from "
            f"{linked[size].where}: not adopted (appended without the signing key?)"
        )
        linked = linked[:size]
    if stray:
        recovered.problems.append(f"{chain}: {stray} event(s) after the first one that does not link: not adopted")
    recovered.events = [located.event for located in linked]
    recovered.sealed = size
    return recovered


def _linked_prefix(chain: str, reads: Iterable[LocatedEvent], problems: list[str]) -> tuple[list[LocatedEvent], int]:
    """The events from seq 0 that each match their hash and link to the one before; and how many came after
    the first that does not."""
    linked: list[LocatedEvent] = []
    stray, previous = 0, GENESIS_HASH
    for located in reads:
        if stray:
            stray += 1
            continue
        event, seq = located.event, len(linked)
        why = _unlinked(event, seq, previous)
        if why is not None:
            problems.append(f"{chain}: the event at {located.where} {why}")
            stray = 1
            continue
        linked.append(located)
        previous = event.hash
    return linked, max(0, stray - 1)


def _unlinked(event: AuditEvent, seq: int, previous: str) -> str | None:
    if event.content_hash() != event.hash:
        return "does not match its hash (edited or forged)"
    if event.seq != seq:
        return f"has seq {event.seq} where {seq} comes next (missing, inserted or reordered)"
    if event.prev_hash != previous:
        return "does not link to the previous event's hash"
    return None


def _sealed_size(chain: str, linked: list[LocatedEvent], checkpoints: list[Checkpoint], problems: list[str]) -> int:
    """The size of the newest checkpoint whose root the linked events give (0 when none); a checkpoint they
    contradict is reported and ends what can be trusted at the checkpoint before it."""
    leaves = [event_leaf(located.event) for located in linked]
    sealed = 0
    for checkpoint in sorted(checkpoints, key=lambda c: c.size):
        if checkpoint.size > len(leaves):
            problems.append(f"{chain}: checkpoint at size {checkpoint.size} seals events that are not there")
            break
        if root_of(leaves[: checkpoint.size]) != checkpoint.root_hash:
            problems.append(f"{chain}: checkpoint at size {checkpoint.size} does not match its events (rewritten)")
            break
        sealed = checkpoint.size
    return sealed


def _newest(checkpoints: list[Checkpoint]) -> int:
    return max((checkpoint.size for checkpoint in checkpoints), default=0)
