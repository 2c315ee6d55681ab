"""Each audience's record keys (pure): a key classified whole goes through the key plan
(``masking.key_plan``), a key with a schema (Avro, Protobuf, JSON Schema) field by field through writer plans
of its own, compiled from
``Rules.key_rules``.

Keys are masked before values, so a record whose key cannot be masked is quarantined with a ``key:`` reason
and its value is not masked for nothing. A key with a schema is held to more than a value: a key field no rule names
(a key schema the rules were not validated with) is not given the unclassified policy, which could merge
keys (redact) or reveal them (pass); its records are quarantined as ``key:schema_drift``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from streamguard.agents.assembly import Columns
from streamguard.agents.batch import SchemaSource
from streamguard.agents.writer_plans import WriterPlans
from streamguard.core.reasons import KEY_REASON, SCHEMA_DRIFT
from streamguard.masking.key_plan import compile_key_plan, native_key_engine
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import Rules

Keys = Sequence[bytes | None]


@dataclass(frozen=True)
class MaskedKeys:
    """Each audience's keys (None: every audience sees the source keys), and the ``class/action``
    applications per record of each group of positions (counted for the records the batch delivers)."""

    columns: Columns | None
    groups: list[tuple[Mapping[str, int], Sequence[int]]] = field(default_factory=list)

    def action_counts(self, reasons: Mapping[int, str]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for per_record, positions in self.groups:
            masked = len(positions) if not reasons else sum(1 for p in positions if p not in reasons)
            counts.update({name: count * masked for name, count in per_record.items()})
        return counts


class KeyViews(Protocol):
    def mask(self, keys: Keys, reasons: dict[int, str]) -> MaskedKeys:
        """Mask the keys of the records not yet quarantined; add the reason of each key that fails."""
        ...


class WholeKeys:
    """A string or bytes key, classified whole: one token per key and audience (native engine preferred)."""

    def __init__(self, rules: Rules, keyring: Keyring, native: bool) -> None:
        self._plan = compile_key_plan(rules, keyring)
        self._engine = native_key_engine(self._plan) if native and not self._plan.passes else None

    def mask(self, keys: Keys, reasons: dict[int, str]) -> MaskedKeys:
        if self._plan.passes:
            return MaskedKeys(None)
        keyed = [position for position, key in enumerate(keys) if key is not None]
        columns = self._engine.mask(list(keys)) if self._engine is not None else self._plan.mask(keys)
        return MaskedKeys(columns, [(self._plan.action_counts, keyed)])


class SchemaKeys:
    """A key with a schema, masked field by field with the key's own plans, per key writer schema."""

    def __init__(self, plans: WriterPlans) -> None:
        self._plans = plans

    def mask(self, keys: Keys, reasons: dict[int, str]) -> MaskedKeys:
        groups = self._plans.group(keys, range(len(keys)), reasons, KEY_REASON)
        columns: Columns = [[None] * len(keys) for _ in self._plans.audiences]
        counted: list[tuple[Mapping[str, int], Sequence[int]]] = []
        for schema_id, members in groups.items():
            failed = self._mask_group(schema_id, [keys[p] for p in members], members, columns)
            reasons.update((members[index], KEY_REASON + reason) for index, reason in failed)
            counted.append((self._plans.action_counts(schema_id), members))
        return MaskedKeys(columns, counted)

    def _mask_group(
        self, schema_id: int, keys: list[bytes | None], members: list[int], columns: Columns
    ) -> list[tuple[int, str]]:
        masker = self._plans.masker(schema_id)
        if not isinstance(masker, str) and masker.drift:
            return [(index, SCHEMA_DRIFT) for index in range(len(keys))]
        group_columns, failures = self._plans.mask_group(schema_id, keys, Counter())
        for column, group_column in zip(columns, group_columns, strict=True):
            for position, view in zip(members, group_column, strict=True):
                column[position] = view
        return failures


def key_views(rules: Rules, label: str, keyring: Keyring, schemas: SchemaSource, native: bool) -> KeyViews:
    """The key masking of ``rules``: field by field for a key with a schema, else whole."""
    key_rules = rules.key_rules()
    if key_rules is None:
        return WholeKeys(rules, keyring, native)
    return SchemaKeys(WriterPlans(key_rules, f"{label} key", keyring, schemas, None, native))
