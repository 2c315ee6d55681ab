"""The rule-set record: one published version of a dataset's rules, as it travels in ``streamguard.rules``.

Each version is its own key (``<dataset>/v000007``) in the compacted topic, so compaction keeps every version
and replay can always find the rules that produced an output. The record carries the rules' YAML text, the
writer schema they were validated against (and a key's), their digest, who applied them and when. Pure data:
parsing the YAML and the schemas into ``Rules`` is ``streamguard.masking.rule_versions.rules_of``.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict


class RuleSetRecord(BaseModel):
    """One published version of a dataset's rules."""

    model_config = ConfigDict(frozen=True)

    dataset: str
    version: int
    digest: str
    applied_by: str
    applied_at: str
    source_name: str
    subject: str
    rules_yaml: str
    # The writer schema's text in the registry's schema type (the name is Avro's, from before Protobuf and JSON
    # Schema: records in the rules topic keep it), and a key's (rules with ``key: {fields: ...}``).
    avro_schema: str | None = None
    key_schema: str | None = None
    key_subject: str | None = None
    schema_type: str = "AVRO"  # AVRO, PROTOBUF or JSON: both schemas

    @property
    def key(self) -> str:
        return f"{self.dataset}/v{self.version:06d}"

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> RuleSetRecord:
        return cls.model_validate_json(data)


def latest_versions(history: Iterable[RuleSetRecord]) -> dict[str, RuleSetRecord]:
    """The highest version of each dataset."""
    latest: dict[str, RuleSetRecord] = {}
    for record in history:
        if record.dataset not in latest or record.version > latest[record.dataset].version:
            latest[record.dataset] = record
    return latest
