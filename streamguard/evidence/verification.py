"""Verify the evidence as a whole (pure): chains, their Merkle logs against signed and cosigned checkpoints,
and every retained source offset accounted for.

The checks rest on the events' content, never on where they sit in Kafka: a chain is its events ordered by
``seq``, its log's leaves are their hashes, so a faithful copy of the audit topic (other offsets, other
transaction markers, restored from a backup) verifies and a rewritten one does not. Locations (audit
partition and offset) only name where a problem was read.

What each attack leaves behind:
- an edited event no longer matches its hash; a deleted, inserted or reordered one breaks ``seq`` or a link;
- a history re-hashed from the genesis hash chains well, but its log's roots differ from every checkpoint
  signed before (and cosigned by the witness): ``checkpoint … root does not match the events``;
- a truncated tail leaves checkpoints larger than the log;
- a forged event appended to a chain is not sealed by a checkpoint (the owner's next checkpoint covers its own
  events, from its own committed head, and forks from it) and names offsets already accounted for;
- an event that accounts for part of its span leaves retained offsets no event accounts for.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from streamguard.core.errors import EvidenceError
from streamguard.evidence.audit import AuditEvent, chain_key, event_leaf
from streamguard.evidence.chain import verify_chain
from streamguard.evidence.checkpoint import Checkpoint, cosigners
from streamguard.evidence.merkle import consistency_proof, root_of, verify_consistency
from streamguard.evidence.signed_note import VerifierKey, open_note, parse_note


@dataclass(frozen=True)
class AuditRead:
    """One audit record as read: where, and its event (None with ``error`` when it does not parse)."""

    partition: int
    offset: int
    event: AuditEvent | None
    error: str | None = None
    topic: str = ""  # the topic it was read from (empty: the audit topic)


@dataclass(frozen=True)
class CheckpointRead:
    """A signed checkpoint note and where it came from (the checkpoints topic, the evidence store, a witness)."""

    note: str
    source: str


@dataclass(frozen=True)
class Retained:
    """A source partition's committed record offsets still on the broker, and its end offset."""

    offsets: Sequence[int]
    end: int


@dataclass(frozen=True)
class TrustedKeys:
    log: tuple[str, ...]  # verifier keys of the data chains' logs (one per signing key they have used)
    witnesses: tuple[str, ...] = ()  # cosignature verifier keys of the witnesses whose cosignature counts
    require_witness: bool = False  # a chain none of whose checkpoints every witness cosigned is a problem
    control: tuple[str, ...] = ()  # verifier keys of the control chain's log: the only keys it is checked with

    def for_origin(self, origin: str, control_origin: str | None) -> tuple[str, ...]:
        """The keys a checkpoint of ``origin`` must be signed with: a data chain's key never seals the control
        chain, nor the control key a data chain."""
        return self.control if origin == control_origin else self.log


@dataclass(frozen=True)
class ControlChain:
    """Where the control chain lives: its chain key and the one topic its events may come from."""

    chain: str
    topic: str


@dataclass
class ChainStatus:
    chain: str
    events: int = 0
    checkpointed: int = 0  # size of the newest checkpoint that matches the events
    cosigned: int = 0  # size of the newest one a trusted witness cosigned
    unsealed: int = 0  # events after the newest checkpoint
    origin: str = ""
    root_hex: str = ""  # of the newest matching checkpoint
    cosigned_by: tuple[str, ...] = ()  # the witnesses that cosigned it


@dataclass
class Verification:
    problems: list[str] = field(default_factory=list)
    chains: dict[str, ChainStatus] = field(default_factory=dict)
    events: int = 0
    checkpoints: int = 0
    source_records: int = 0
    unenforced: int = 0  # operation events recorded with no control plane enforcing (development)
    witnessed: bool = False  # whether a witness's key was trusted: without one, a keyholder can re-sign history

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_evidence(
    audit_topic: str,
    reads: Iterable[AuditRead],
    checkpoints: Iterable[CheckpointRead],
    keys: TrustedKeys,
    origin_prefix: str,
    retained: Mapping[tuple[str, int], Retained],
    *,
    chains: Iterable[str] | None = None,
    control: ControlChain | None = None,
) -> Verification:
    """Every check over the audit records ``reads`` (in the order read), the ``checkpoints`` seen, and the
    source offsets each raw partition still ``retained``. ``chains`` limits the checks to some chains;
    ``control`` says where the control chain lives (its events anywhere else are a problem, as are other
    chains' events there)."""
    result = Verification(witnessed=bool(keys.witnesses))
    wanted = set(chains) if chains is not None else None
    by_chain: dict[str, list[AuditRead]] = defaultdict(list)
    for read in reads:
        where = f"{read.topic or audit_topic}[{read.partition}]@{read.offset}"
        if read.event is None:
            result.problems.append(f"{where}: malformed audit event ({read.error})")
            continue
        chain = chain_key(read.event.source.topic, read.event.source.partition)
        if control is not None and (chain == control.chain) != ((read.topic or audit_topic) == control.topic):
            result.problems.append(f"{where}: an event of {chain} where only {_home(chain, control)} may hold it")
            continue
        if wanted is None or chain in wanted:
            by_chain[chain].append(read)
            result.unenforced += read.event.operation.get("control_plane") == "none"
    control_origin = f"{origin_prefix}/{control.chain}" if control is not None else None
    notes = _checkpoints_by_origin(checkpoints, keys, result, control_origin)
    for chain, chain_reads in sorted(by_chain.items()):
        status = _verify_chain(chain, chain_reads, notes.pop(f"{origin_prefix}/{chain}", {}), keys, result)
        result.chains[chain] = status
        result.events += status.events
        topic, partition = chain.rsplit(":", 1)
        offsets = retained.get((topic, int(partition)))
        if offsets is not None:
            _check_accounting(chain, [read.event for read in chain_reads if read.event], offsets, result)
    for origin, orphans in sorted(notes.items()):
        if wanted is None or origin.removeprefix(f"{origin_prefix}/") in wanted:
            sizes = ", ".join(str(size) for size in sorted(orphans))
            result.problems.append(f"checkpoint {origin} (sizes {sizes}): the log it seals has no events (deleted)")
    return result


@dataclass
class _Signed:
    checkpoint: Checkpoint
    sources: set[str] = field(default_factory=set)
    cosigned_by: set[str] = field(default_factory=set)


def _home(chain: str, control: ControlChain) -> str:
    return control.topic if chain == control.chain else "the audit topic"


def _checkpoints_by_origin(
    reads: Iterable[CheckpointRead], keys: TrustedKeys, result: Verification, control_origin: str | None
) -> dict[str, dict[int, _Signed]]:
    """Checkpoints signed by a key trusted for their origin, per origin and size, with the witnesses that
    cosigned them. Two different roots for one size are a fork: both are reported, neither is trusted."""
    parsed_keys = {vkey: VerifierKey.parse(vkey) for vkey in {*keys.log, *keys.control}}
    found: dict[str, dict[int, _Signed]] = defaultdict(dict)
    forked: set[tuple[str, int]] = set()
    for read in reads:
        try:
            claimed = Checkpoint.parse(parse_note(read.note).text).origin
            trusted = [parsed_keys[vkey] for vkey in keys.for_origin(claimed, control_origin)]
            opened = open_note(read.note, trusted)
            checkpoint = Checkpoint.parse(opened.text)
        except EvidenceError as error:
            result.problems.append(f"checkpoint from {read.source}: {error}")
            continue
        result.checkpoints += 1
        origin, size = checkpoint.origin, checkpoint.size
        known = found[origin].setdefault(size, _Signed(checkpoint))
        if known.checkpoint.root_hash != checkpoint.root_hash:
            forked.add((origin, size))
            result.problems.append(f"checkpoint {origin}@{size}: two signed roots for one size (a forked log)")
        known.sources.add(read.source)
        known.cosigned_by |= cosigners(read.note, checkpoint, keys.witnesses)
    for origin, size in forked:
        del found[origin][size]
    return found


def _verify_chain(
    chain: str,
    reads: list[AuditRead],
    signed: dict[int, _Signed],
    keys: TrustedKeys,
    result: Verification,
) -> ChainStatus:
    status = ChainStatus(chain)
    events = [read.event for read in reads if read.event is not None]
    report = verify_chain(events)
    result.problems += [f"{chain}: {problem}" for problem in report.problems]
    # The log is the events in seq order, as many as the chain has without a gap.
    ordered = sorted(events, key=lambda event: event.seq)
    leaves = [event_leaf(event) if _is_hex(event.hash) else b"" for event in ordered]
    status.events = len(events)
    previous: _Signed | None = None
    for size in sorted(signed):
        entry = signed[size]
        where = f"checkpoint {entry.checkpoint.origin}@{size}"
        if size > len(leaves):
            result.problems.append(f"{where}: seals {size} events, the chain has {len(leaves)} (log truncated)")
            continue
        if root_of(leaves[:size]) != entry.checkpoint.root_hash:
            result.problems.append(f"{where}: root does not match the chain's first {size} events (log rewritten)")
            continue
        if previous is not None and not verify_consistency(
            previous.checkpoint.size,
            size,
            previous.checkpoint.root_hash,
            entry.checkpoint.root_hash,
            consistency_proof(leaves[:size], previous.checkpoint.size),
        ):
            result.problems.append(f"{where}: not consistent with the checkpoint at {previous.checkpoint.size}")
        previous = entry
        status.checkpointed, status.origin = size, entry.checkpoint.origin
        status.root_hex, status.cosigned_by = entry.checkpoint.root_hash.hex(), tuple(sorted(entry.cosigned_by))
        if entry.cosigned_by >= set(VerifierKey.parse(vkey).name for vkey in keys.witnesses) and keys.witnesses:
            status.cosigned = size
    status.unsealed = len(leaves) - status.checkpointed
    if events and not signed:
        result.problems.append(f"{chain}: no signed checkpoint seals any of its {len(events)} events")
    elif events and keys.require_witness and not status.cosigned:
        names = ", ".join(sorted(VerifierKey.parse(vkey).name for vkey in keys.witnesses))
        result.problems.append(f"{chain}: no checkpoint that matches its events is cosigned by {names}")
    return status


def _check_accounting(chain: str, events: list[AuditEvent], retained: Retained, result: Verification) -> None:
    """Every retained source offset accounted for exactly once, and nothing accounted that was never there."""
    counted: Counter[int] = Counter()
    for event in events:
        counted.update(event.accounted_offsets())
    present = set(retained.offsets)
    result.source_records += len(present)
    missing = sorted(present - counted.keys())
    if missing:
        result.problems.append(f"{chain}: offsets {_ranges(missing)} are retained but no event accounts for them")
    twice = sorted(offset for offset, count in counted.items() if count > 1)
    if twice:
        result.problems.append(f"{chain}: offsets {_ranges(twice)} are accounted for more than once")
    # At or past the partition's end (compaction and retention remove records below it, never above).
    phantom = sorted(offset for offset in counted if offset >= retained.end)
    if phantom:
        result.problems.append(f"{chain}: offsets {_ranges(phantom)} are accounted for but were never written")


def _ranges(offsets: list[int], limit: int = 5) -> str:
    spans: list[list[int]] = []
    for offset in offsets:
        if spans and spans[-1][1] == offset - 1:
            spans[-1][1] = offset
        else:
            spans.append([offset, offset])
    shown = [f"{first}" if first == last else f"{first}..{last}" for first, last in spans[:limit]]
    more = f" and {len(spans) - limit} more ranges" if len(spans) > limit else ""
    return ", ".join(shown) + more


def _is_hex(text: str) -> bool:
    try:
        return len(bytes.fromhex(text)) == 32
    except ValueError:
        return False
