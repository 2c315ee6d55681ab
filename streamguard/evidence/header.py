"""The evidence header of every governed view and quarantined record: which rule version produced it, from
which source record, under which audit event.

``streamguard-evidence: rule=3;source=raw.customers/0/42;event=9f2c…`` (Kafka topic names cannot contain
``;`` or ``=``). One header rather than three: the data path writes three views per record, and each header
costs librdkafka a separate allocation and the log its name again on every record.
"""

from __future__ import annotations

from dataclasses import dataclass

from streamguard.core.errors import EvidenceError

EVIDENCE_HEADER = "streamguard-evidence"


@dataclass(frozen=True)
class Evidence:
    rule_version: int
    source_topic: str
    source_partition: int
    source_offset: int
    audit_event: str

    @property
    def source(self) -> tuple[str, int, int]:
        return self.source_topic, self.source_partition, self.source_offset

    @classmethod
    def parse(cls, value: bytes) -> Evidence:
        """The header's fields; EvidenceError if it is malformed (a bad header is not evidence)."""
        try:
            fields = dict(part.split("=", 1) for part in value.decode().split(";") if "=" in part)
            topic, partition, offset = fields["source"].rsplit("/", 2)
            return cls(int(fields["rule"]), topic, int(partition), int(offset), fields["event"])
        except (KeyError, ValueError):
            raise EvidenceError(f"malformed {EVIDENCE_HEADER} header (expected rule=;source=;event=)") from None


class EvidenceStamp:
    """Builds the header value for the records of one batch of one source partition: only the offset varies."""

    __slots__ = ("prefix", "suffix")

    def __init__(self, rule_version: int, topic: str, partition: int, audit_event: str) -> None:
        # What comes before and after the source offset in the header value (the native producer writes it too).
        self.prefix = f"rule={rule_version};source={topic}/{partition}/".encode()
        self.suffix = f";event={audit_event}".encode()

    def headers(self, offset: int) -> list[tuple[str, bytes]]:
        return [(EVIDENCE_HEADER, b"%s%d%s" % (self.prefix, offset, self.suffix))]
