"""The one exception root of streamguard, and what each branch means to the data path.

    StreamguardError
    ├── ConfigError                  configuration that cannot be used (names the variable or file)
    │   ├── KeyringError             keys missing or malformed (names the key id, never the key)
    │   ├── WitnessStoreError        a witness state directory that cannot be used
    │   └── PolicyError              a control-plane policy that does not load or validate (file, line, path)
    ├── RulesError                   steward rules that do not load, validate or fit a schema (file, line, path)
    │   └── PathError                a rule path that is malformed or not in the schema
    ├── RecordFault                  one record cannot be governed: that record alone is quarantined
    │   ├── DecodeError              the payload cannot be decoded (framing, Avro body, JSON)
    │   ├── ValueMaskingError        an action cannot mask one value (the plan adds the field path)
    │   └── RecordMaskingError       a record that must fail closed (``reason:field.path``)
    ├── InfrastructureFault          a dependency failed: stop without committing, process again after restart
    │   ├── KafkaToolingError        the broker cannot be fetched, started, reached or set up
    │   ├── DeliveryError            the broker did not acknowledge a record, or refused an offset commit
    │   │   ├── KafkaUnavailable     the cluster cannot take a cycle for now: the data path waits, then resumes
    │   │   └── WriterFenced         another writer took the control chain first (read again, then retry)
    │   ├── SchemaRegistryUnavailable the schema registry did not answer (an unknown id is a RecordFault)
    │   ├── StoreError               the evidence store cannot be opened, read or written
    │   ├── WitnessUnavailableError  a served witness that did not answer
    │   └── SiemExportError          a SIEM target that cannot be used or did not take a batch
    ├── NotFound                     a session, rules version or dataset asked for by name that does not exist
    ├── InvalidInput                 a value given to a command or the API not of the form expected (names the field)
    ├── ControlError                 a control-plane action that may not or cannot happen
    │   ├── AuthenticationError      no token, or one no principal of the policy holds
    │   ├── TooManyFailures          a client whose recent token failures passed the limit (try again later)
    │   ├── PermissionDenied         the caller's roles or the four-eyes rule forbid the action
    │   ├── RequestStateError        a request that is unknown, already decided or expired
    │   └── OperationFailed          the broker refused or failed an approved operation
    ├── MaskingError                 a value or token outside the data path that cannot be masked or decrypted
    ├── DetectionError               free-text detection is unavailable or misconfigured
    ├── NativeUnsupportedError       the native engine cannot serve a plan (the Python plan serves it instead)
    └── EvidenceError                evidence that does not parse, verify or suffice (names topic, offset, seq)
        ├── NoteError                a signed note, key or signature that is malformed or does not verify
        │   ├── MalformedNoteError   not signed-note syntax
        │   ├── UnverifiedNoteError  no signature by a known key
        │   └── BadSignatureError    a known key's signature that does not verify
        ├── CheckpointError          a checkpoint or cosignature that is malformed or does not verify
        ├── WitnessRefused           the witness would not cosign (its tlog-witness status says why)
        │   └── WitnessConflict      409: the witness last cosigned another size
        ├── ProofError               a record proof that cannot be built or read
        │   └── ProofNotReady        no checkpoint covers the record's event yet
        ├── OffsetsNotRetained       a read below a partition's log start
        ├── UnprovableCheckpoint     the store cannot give the consistency proof a witness needs
        ├── ReplayError              a session or event that cannot be replayed
        ├── ReportError              events or a period a report cannot be built from
        ├── SessionError             an event that cannot be placed in a session
        └── SiemFormatError          an unknown export format, or an event that does not fit it

``streamguard.agents.failure_policy`` turns these branches into the data path's decisions. Messages name
files, lines, field paths, topics, partitions and offsets: never a payload value or a secret.
"""

from __future__ import annotations


class StreamguardError(Exception):
    """Root of every error streamguard raises on purpose."""


class ConfigError(StreamguardError):
    """Configuration that cannot be used; the message names the variable or file."""


class KeyringError(ConfigError):
    """Keys that are missing or malformed."""


class RulesError(StreamguardError):
    """Steward rules that fail to load or validate."""


class PathError(RulesError):
    """A rule path that is malformed or does not exist in the tree (the message names the path only)."""


class RecordFault(StreamguardError):  # noqa: N818 - a fault, named for whose it is
    """One record's own fault; ``reason`` is the quarantine reason code (never a value)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DecodeError(RecordFault):
    """A payload that cannot be decoded; ``reason`` is ``undecodable:<what>`` or ``unknown_schema_id``."""


class ValueMaskingError(RecordFault):
    """Raised by an action closure: this value cannot be masked (``reason`` such as ``invalid_value``)."""


class RecordMaskingError(RecordFault):
    """A record that must fail closed; ``reason`` is ``<code>:<field.path>``."""


class InfrastructureFault(StreamguardError):  # noqa: N818 - a fault, named for whose it is
    """A dependency of the data path failed; nothing more is committed until it works again."""


class KafkaToolingError(InfrastructureFault):
    """The Apache Kafka broker cannot be fetched, started, stopped, reached or set up."""


class DeliveryError(InfrastructureFault):
    """The broker did not acknowledge a governed, quarantine or audit record, or refused a commit."""


class KafkaUnavailable(DeliveryError):  # noqa: N818 - a state of the cluster, like SchemaRegistryUnavailable
    """The cluster did not take a cycle for a while (no leader, fewer in-sync replicas than required, the
    coordinator moving, the transaction timed out): the data path waits and resumes, it does not stop."""


class SchemaRegistryUnavailable(InfrastructureFault):
    """The schema registry did not answer a look-up (a 404 for an id is the record's fault instead)."""


class MaskingError(StreamguardError):
    """A value or token that cannot be masked or decrypted outside the data path (previews, ``decrypt``)."""


class DetectionError(StreamguardError):
    """Free-text detection that is unavailable or misconfigured."""


class NativeUnsupportedError(StreamguardError):
    """The plan needs something only the Python plan does; ``str()`` says what (never a value or key)."""


class EvidenceError(StreamguardError):
    """An evidence header or audit record that does not parse."""


class WitnessStoreError(ConfigError):
    """A witness state directory that cannot be used (the message names the file)."""


class StoreError(InfrastructureFault):
    """The evidence store cannot be opened, read or written; the message names the store without its password."""


class WitnessUnavailableError(InfrastructureFault):
    """A served witness that did not answer."""


class SiemExportError(InfrastructureFault):
    """A target that cannot be used, a sink that did not take a batch, or a cursor that cannot be kept."""


class NoteError(EvidenceError):
    """A note, key or signature that is malformed or does not verify."""


class MalformedNoteError(NoteError):
    """The note does not have the signed-note syntax (the message says where)."""


class UnverifiedNoteError(NoteError):
    """No signature in the note is by a known key."""


class BadSignatureError(NoteError):
    """A signature by a known key (name and key id) that does not verify: the whole note is rejected."""


class CheckpointError(EvidenceError):
    """A checkpoint or cosignature that is malformed or does not verify."""


class WitnessRefused(EvidenceError):  # noqa: N818 - a refusal, named for what the witness did
    """The witness would not cosign; ``status`` is the tlog-witness HTTP status that says why."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"witness refused ({status}): {reason}")
        self.status = status
        self.reason = reason


class WitnessConflict(WitnessRefused):
    """409: the old size is not the size the witness last cosigned; retry from ``recorded_size``."""

    def __init__(self, recorded_size: int, reason: str) -> None:
        super().__init__(409, reason)
        self.recorded_size = recorded_size


class ProofError(EvidenceError):
    """A proof that cannot be built or read (the message names what is missing or malformed)."""


class ProofNotReady(ProofError):  # noqa: N818 - a state, not a failure: asking again later succeeds
    """The record is accounted for, but no checkpoint covers its audit event yet."""


class OffsetsNotRetained(EvidenceError):  # noqa: N818 - named for what the broker no longer has
    """Offsets a read needs are below the partition's log start: retention or compaction removed them."""


class UnprovableCheckpoint(EvidenceError):  # noqa: N818 - a checkpoint, named for what it is
    """The store's events of a chain cannot give the consistency proof the witness needs."""


class ReplayError(EvidenceError):
    """A session or an event that cannot be replayed (the message says which, and why)."""


class ReportError(EvidenceError):
    """Audit events or a period that a report cannot be built from."""


class SessionError(EvidenceError):
    """An audit event that cannot be placed in a session (the message names the event)."""


class SiemFormatError(EvidenceError):
    """An export format that does not exist, or an event that cannot be put into one."""


def describe_failure(error: BaseException) -> str:
    """A loggable account of an error: our own messages are written to be safe; anything else may quote
    record data, so only its type and where it was raised are told."""
    if isinstance(error, StreamguardError):
        return f"{type(error).__name__}: {error}"
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f" at {frame.tb_frame.f_code.co_filename}:{frame.tb_lineno}" if frame else ""
    return f"{type(error).__name__}{where} (message withheld: it may quote record data)"


class PolicyError(ConfigError):
    """A control-plane policy that fails to load or validate; every problem as ``file:line: path: problem``."""


class NotFound(StreamguardError):  # noqa: N818 - named for the answer, as HTTP's 404 is
    """Something asked for by name or id (a session, a rules version, a dataset) that does not exist."""


class InvalidInput(StreamguardError):  # noqa: N818 - named for what the caller gave, as HTTP 422 is
    """A value given to a command or the API that is not of the form expected; the message names the field."""


class ControlError(StreamguardError):
    """A control-plane action that may not or cannot happen."""


class AuthenticationError(ControlError):
    """No ``STREAMGUARD_TOKEN``, or a token whose digest no principal of the policy holds."""


class TooManyFailures(ControlError):  # noqa: N818 - named for what the client did
    """A client whose token failures passed the limit; ``retry_after_s`` says when it may try again."""

    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class PermissionDenied(ControlError):  # noqa: N818 - named for the decision, as HTTP's 403 is
    """The caller's roles, or the four-eyes rule, forbid the action."""


class RequestStateError(ControlError):
    """A request that is unknown, already decided, or past its time to live."""


class OperationFailed(ControlError):  # noqa: N818 - named for what happened to the operation
    """The broker refused or failed an approved operation (the message names the operation and the error)."""


class WriterFenced(DeliveryError):  # noqa: N818 - named for what happened to the writer
    """Another process took the control chain's transactional id before this one committed: nothing was
    written, and what this one read may be stale."""
