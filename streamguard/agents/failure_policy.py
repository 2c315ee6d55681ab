"""The data path's failure policy: what happens to a batch when something goes wrong, decided in one place.

Three kinds of fault, each with one outcome:

- **The record's own fault** (``RecordFault``: undecodable, unknown schema id, rules that do not fit its
  writer schema, oversize, a bad signature, a value no action can mask, free text the detector could not
  scan). That record goes to quarantine with its reason code and an audit entry; its neighbours are
  delivered; the batch is committed. The processor decides these per record and never raises them.
- **An infrastructure fault** (``InfrastructureFault`` or ``ConfigError``: the schema registry does not
  answer, the broker does not acknowledge a view, quarantine record or audit event, an offset commit is
  refused, keys are missing). The worker stops without committing the failing cycle and exits with
  status 70; its supervisor restarts it and the uncommitted span is processed again. Nothing healthy is
  quarantined because a dependency is down. A cycle already in flight is settled first when the fault came
  from processing the next batch (its views do not depend on the failed look-up).
- **A bug in streamguard** (any other exception out of processing a batch). That batch is quarantined whole
  as ``internal_error`` (raw bytes kept, so it can be replayed once fixed), the error is logged by type and
  location only (its message may quote record data), and the batch is committed: one source partition's
  batch is the blast radius, and the other partitions and datasets of the worker keep flowing. Stopping
  instead would turn one bad code path into a crash loop that stalls every dataset the worker serves.

Anything that escapes the data path's own loop (delivering, auditing, committing) stops the worker the same
way as an infrastructure fault. A commit refused because the group is rebalancing is not a fault: the span
is redelivered to the partition's next owner, which continues the audit chain after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from streamguard.core.errors import ConfigError, InfrastructureFault, RecordFault
from streamguard.core.reasons import INTERNAL_ERROR


class Fault(StrEnum):
    RECORD = "record"
    INFRASTRUCTURE = "infrastructure"
    BUG = "bug"


class Outcome(StrEnum):
    """What the data path does with a batch whose processing raised (record faults never do)."""

    STOP_UNCOMMITTED = "stop without committing"
    QUARANTINE_BATCH = "quarantine the batch, commit"


@dataclass(frozen=True)
class FailurePolicy:
    """Classifies an error and says what the data path does about it."""

    bug_reason: str = INTERNAL_ERROR

    def classify(self, error: BaseException) -> Fault:
        if isinstance(error, RecordFault):
            return Fault.RECORD
        if isinstance(error, (InfrastructureFault, ConfigError)):
            return Fault.INFRASTRUCTURE
        return Fault.BUG

    def on_batch_error(self, error: BaseException) -> Outcome:
        """An exception out of processing a whole batch. A record fault that escapes the processor has lost
        its record's position, so the batch is failed like a bug: closed, never delivered."""
        if self.classify(error) is Fault.INFRASTRUCTURE:
            return Outcome.STOP_UNCOMMITTED
        return Outcome.QUARANTINE_BATCH


DEFAULT_POLICY = FailurePolicy()
