"""Recovering a chain's head from what its topic holds, trusting only what links and what is signed (pure).

State is never trusted because it was read: a writer that continues a chain walks it from seq 0, taking at
each seq the event that matches its own hash and links to the one taken before; where the chain's signed
checkpoints cover a size, the event taken must give the log their root. So an event appended by someone who
can write the topic but holds no signing key is passed over wherever a signed event holds its place, even one
that links perfectly, and the chain continues from its honest head however many forgeries sit beside it.
With ``sealed_only`` (the control chain, whose every event is committed with a checkpoint of it) nothing past
the newest checkpoint is adopted. What is read and not adopted is reported, never silently skipped: the
caller raises an alert, and ``verify`` finds the same events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, event_leaf
from streamguard.evidence.checkpoint import Checkpoint
from streamguard.evidence.merkle import MerkleFrontier


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
    where: list[str] = field(default_factory=list)  # where each adopted event was read

    @property
    def head(self) -> AuditEvent | None:
        return self.events[-1] if self.events else None


def recover_chain(
    chain: str, reads: Iterable[LocatedEvent], checkpoints: Iterable[Checkpoint], *, sealed_only: bool
) -> RecoveredChain:
    """The chain's trustworthy prefix from ``reads`` (its events in the order they were read) and the
    ``checkpoints`` of its log whose signatures the caller verified with the keys it trusts."""
    recovered = RecoveredChain(chain)
    roots = _roots(chain, checkpoints, recovered.problems)
    by_seq: dict[int, list[LocatedEvent]] = defaultdict(list)
    for located in reads:
        by_seq[located.event.seq].append(located)
    frontier, previous = MerkleFrontier(), GENESIS_HASH
    while candidates := by_seq.pop(len(recovered.events), []):
        taken = _take(chain, candidates, previous, frontier, roots.get(len(recovered.events) + 1), recovered)
        if taken is None:
            break
        frontier.append(event_leaf(taken.event))
        recovered.events.append(taken.event)
        recovered.where.append(taken.where)
        previous = taken.event.hash
        if roots.get(frontier.size) is not None:
            recovered.sealed = frontier.size
    stray = sum(len(located) for located in by_seq.values())
    if stray:
        recovered.problems.append(f"{chain}: {stray} event(s) past where the chain stops linking: not adopted")
    if sealed_only and recovered.sealed < len(recovered.events):
        unsealed = len(recovered.events) - recovered.sealed
        recovered.problems.append(
            f"{chain}: {unsealed} event(s) after the newest signed checkpoint (size {recovered.sealed}): not adopted "
            "(appended without the signing key?)"
        )
        del recovered.events[recovered.sealed :]
        del recovered.where[recovered.sealed :]
    return recovered


def _roots(chain: str, checkpoints: Iterable[Checkpoint], problems: list[str]) -> dict[int, bytes | None]:
    """Each signed size's root; None for a size with two signed roots (a fork: neither is trusted)."""
    roots: dict[int, bytes | None] = {}
    for checkpoint in checkpoints:
        known = roots.setdefault(checkpoint.size, checkpoint.root_hash)
        if known is not None and known != checkpoint.root_hash:
            problems.append(f"{chain}: two signed roots for size {checkpoint.size} (a forked log)")
            roots[checkpoint.size] = None
    return roots


def _take(
    chain: str,
    candidates: list[LocatedEvent],
    previous: str,
    frontier: MerkleFrontier,
    signed_root: bytes | None,
    recovered: RecoveredChain,
) -> LocatedEvent | None:
    """The event that holds this seq: the one that links, and gives the signed root where there is one."""
    linking = [located for located in candidates if _links(located.event, previous)]
    if signed_root is not None:
        linking = [located for located in linking if _root_with(frontier, located.event) == signed_root]
    taken = linking[0] if len(linking) == 1 else None
    for located in candidates:
        if located is not taken:
            recovered.problems.append(f"{chain}: the event at {located.where} {_why_not(located, linking, previous)}")
    return taken


def _links(event: AuditEvent, previous: str) -> bool:
    return event.content_hash() == event.hash and event.prev_hash == previous


def _root_with(frontier: MerkleFrontier, event: AuditEvent) -> bytes:
    grown = frontier.copy()
    grown.append(event_leaf(event))
    return grown.root()


def _why_not(located: LocatedEvent, linking: list[LocatedEvent], previous: str) -> str:
    event = located.event
    if event.content_hash() != event.hash:
        return "does not match its hash (edited or forged)"
    if event.prev_hash != previous:
        return f"(seq {event.seq}) does not link to the previous event's hash"
    if len(linking) > 1:
        return f"(seq {event.seq}) is one of several that link, and no signed checkpoint says which: not adopted"
    return f"(seq {event.seq}) is not the event the chain's signed checkpoint holds there: not adopted"
