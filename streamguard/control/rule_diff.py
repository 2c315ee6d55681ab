"""Whether a new version of a dataset's steward rules reduces protection, field by field and audience by audience.

``apply-rules`` waits for approval when some audience would see any field, key or map key less masked than
under the version in force; changes that only increase protection apply at once. This module decides which,
and describes every change for the request's impact. It compares rules, never records.

**What is compared.** One row per audience and path: every field path either version writes (containers,
``items[]``, ``attrs{}`` and ``attrs{key}`` included), the extra ``leaves`` the caller passes (the leaf paths
of the schemas both versions were validated with), the record key (``<key>``, or ``<key>.<field>`` for an
Avro key: angle brackets keep them apart from a value field named ``key``), and the unclassified policy
(``<unclassified>``). A path is resolved the way the compiled plan does it (``masking.plan_compile.decide``):
the outermost ruled container that masks for the audience masks everything under it; below passing
containers a leaf decides by its own rule, or passes if the validated schema had it (else it is
unclassified); an unruled key field is quarantined. So a leaf only a container rule covers changes with that
container's row, which then stands for the leaves no rule names (unruled, it shows the unclassified policy).
Given ``leaves``, the leaves are compared instead of the containers above them: more precise, and the only way
to see a re-apply with a new schema let a passing container cover a leaf that was unclassified drift before
(nothing written changed), so callers should pass them.

**Protection order** (most revealing first), by what the audience can learn of one value:
``clear`` (passes unchanged); ``partial``, ``generalize`` and ``detect`` (part of the value: kept characters,
a coarse version, everything but the spans detected); ``encrypt`` (a token, but one reversible by whoever
holds the keyring and as long as the value, so it ranks below the one-way tokens); ``hash`` and
``pseudonymize`` (keyed one-way tokens: switching between them, or their length or prefix, is neutral);
``redact``, ``null``, ``drop`` and having no view at all (nothing). Within one action, parameters compare
by the most a rule can reveal of any one value: more kept characters (``keep_first``/``keep_last``), ``month``
rather than ``year``, a longer IPv4 or IPv6 network prefix, a smaller number bucket, ``detection: standard``
rather than ``strict``, and detected spans replaced by pseudonyms (linkable) rather than tags all loosen.
(Fallbacks to a full mask are not counted: a shorter ``keep_last`` reveals part of short values the longer
one masked whole, a larger float bucket buckets the huge values a smaller one masked whole.) What cannot be
ranked loosens: two different part-revealing forms (``partial`` against ``detect``, a date against a prefix),
and a bucket of size 1, which masks integers fully but buckets floats.

Rules say nothing of field types, so an unclassified leaf is taken as a string (``detect`` under a detect
policy; other types are redacted): failing closed, this may ask for an approval that was not needed.
A field an audience sees masked is also masked where the record's free text quotes it (``masking/own_values``);
where the audience's free text is scanned in both versions, a field that stops (or starts) being looked for
gets a ``<path> <in free text>`` row, unless its own row already says so (a field now clear loosens anyway).

**Audiences.** An audience new to the dataset is compared with having no view: everything it gets in a
form other than nothing is new exposure. A removed audience loses its view: a tightening. The **first
version** of a dataset lists every row with effect ``initial`` and does not count as reducing protection:
there was no protection to reduce (no view existed), and stewards publish a dataset with its first rules.

**The dataset's own settings** are compared too, for every audience at once (audience ``*``), since they
decide whose records go through and under whose name: ``signature`` switched off loosens (records are no
longer proven to come from their producer); an ``owner`` changed, added or removed loosens (the identity
every audit event records, and the principal the ACLs let write the raw topic: attribution cannot be ranked);
a larger ``max_record_bytes`` loosens (larger records reach the views); a different ``format`` loosens
(another decoder reads the raw bytes: nothing of the comparison above carries over).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from streamguard.core.errors import RulesError
from streamguard.masking.actions import partial_params
from streamguard.masking.generalize import network_prefixes
from streamguard.masking.plan_compile import Decision, decide
from streamguard.masking.rules import AudienceRule, FieldRule, Rules
from streamguard.masking.schema_tree import Node

Effect = Literal["loosens", "tightens", "neutral", "initial"]
UNCLASSIFIED = "<unclassified>"
RECORD_KEY = "<key>"
EVERY_AUDIENCE = "*"  # the rows of the dataset's own settings: they hold for every audience
IN_FREE_TEXT = "<in free text>"
# How much of a value each action lets the audience learn (higher reveals more); "pass" never gets here.
_EXPOSURE = {"redact": 0, "null": 0, "drop": 0, "hash": 1, "pseudonymize": 1, "encrypt": 2}
_EXPOSURE |= {"partial": 3, "generalize": 3, "detect": 3}  # part of the value: forms rank in _rank
_KINDS = {0: "nothing", 1: "token", 2: "encrypt"}  # exposures whose forms all reveal the same (others: _rank)
_STRING = Node(kind="string")  # the least protected type an unclassified leaf may have


@dataclass(frozen=True)
class FieldChange:
    """How one audience's view of one path changes; ``before`` and ``after`` name the treatment, never a value."""

    audience: str
    path: str
    before: str
    after: str
    effect: Effect


@dataclass(frozen=True)
class RulesDiff:
    """Every change between two rule versions of a dataset (``before_version`` None: its first version)."""

    dataset: str
    before_version: str | None
    after_version: str
    changes: tuple[FieldChange, ...]

    @property
    def loosenings(self) -> tuple[FieldChange, ...]:
        return tuple(change for change in self.changes if change.effect == "loosens")

    @property
    def tightenings(self) -> tuple[FieldChange, ...]:
        return tuple(change for change in self.changes if change.effect == "tightens")

    @property
    def reduces_protection(self) -> bool:
        """Whether applying the new version needs approval."""
        return bool(self.loosenings)

    def to_json(self) -> dict[str, Any]:
        """The impact of an ``apply-rules`` request: plain data, changes by path then audience."""
        return {
            "dataset": self.dataset,
            "before_version": self.before_version,
            "after_version": self.after_version,
            "reduces_protection": self.reduces_protection,
            "changes": [asdict(change) for change in self.changes],
        }


@dataclass(frozen=True)
class _Treatment:
    """What one audience gets of one path: ``form`` is compared, ``note`` only says where it comes from."""

    form: str
    exposure: int
    kind: str  # forms of one kind rank by ``levels``; other kinds of one exposure cannot be ranked
    levels: tuple[float, ...] = ()  # each higher reveals more
    note: str = ""
    looked_for: bool = False  # its values are masked where the record's free text quotes them

    @property
    def text(self) -> str:
        return f"{self.form} ({self.note})" if self.note else self.form


_CLEAR = _Treatment("clear", max(_EXPOSURE.values()) + 1, "clear")
_NO_VIEW = _Treatment("no view", 0, "nothing")
_QUARANTINED = _Treatment("quarantined", 0, "nothing")  # a key field no rule covers: its records are held back


def diff_rules(before: Rules | None, after: Rules, *, leaves: Iterable[str] = ()) -> RulesDiff:
    """The changes from ``before`` (the version in force; None for a dataset's first) to ``after``.

    ``leaves``: the leaf paths of the schemas (or samples) the two versions were validated with, e.g.
    ``[path for path, _ in leaf_paths(from_avro(schema))]``; compared instead of the containers above them."""
    if before is not None and before.dataset != after.dataset:
        raise RulesError(f"{after.source}: rules of dataset {after.dataset!r} compared with {before.dataset!r}")
    new, old = _Version(after), _Version(before) if before is not None else None
    value_paths = _value_paths(after, before, frozenset(leaves))
    paths = [UNCLASSIFIED, *_key_paths(new, old), *value_paths]
    changes: list[FieldChange] = []
    for audience in sorted({*after.audiences, *(before.audiences if before is not None else ())}):
        was = {path: old.treatment(audience, path) if old else _NO_VIEW for path in paths}
        now = {path: new.treatment(audience, path) for path in paths}
        first = old is None
        rows = [row for path in paths if (row := _change(audience, path, was[path], now[path], first=first))]
        changes += rows + _own_value_changes(audience, was, now, value_paths, rows)
    if before is not None:
        changes += _setting_changes(before, after)
    ordered = tuple(sorted(changes, key=lambda change: (change.path, change.audience)))
    return RulesDiff(after.dataset, before.version if before is not None else None, after.version, ordered)


class _Version:
    """One version's rules, and the rules its record key is decided by (an Avro key's, or the whole key's)."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        key_fields = rules.key_rules()
        self.key_by_field = key_fields is not None
        # A whole key is decided as a field of its own; no key rule at all passes it, as the key plan does.
        whole = rules.key if isinstance(rules.key, FieldRule) else FieldRule(class_="public")
        self.key_scope = key_fields or rules.model_copy(update={"fields": {RECORD_KEY: whole}})

    def key_paths(self) -> set[str]:
        if self.key_by_field:
            return {f"{RECORD_KEY}.{path}" for path in self.key_scope.fields}
        return {RECORD_KEY}

    def treatment(self, audience: str, path: str) -> _Treatment:
        if audience not in self.rules.audiences:
            return _NO_VIEW
        if not path.startswith(RECORD_KEY):
            return _resolve(self.rules, audience, path)
        if not self.key_by_field:
            return _resolve(self.key_scope, audience, RECORD_KEY)  # the whole key: each of its fields too
        return _resolve(self.key_scope, audience, path.removeprefix(f"{RECORD_KEY}."), _QUARANTINED)


def _change(audience: str, path: str, before: _Treatment, after: _Treatment, *, first: bool) -> FieldChange | None:
    if before.form == after.form:
        return None
    return FieldChange(audience, path, before.text, after.text, "initial" if first else _effect(before, after))


def _value_paths(after: Rules, before: Rules | None, leaves: frozenset[str]) -> list[str]:
    """The schema leaves, and the written paths that are not containers of one (those the leaves stand for)."""
    written = {*after.fields, *(before.fields if before is not None else ())}
    containers = {path for path in written if any(leaf.startswith(_below(path)) for leaf in leaves)}
    return sorted(leaves | (written - containers))


def _below(path: str) -> tuple[str, str, str]:
    return (f"{path}.", f"{path}[", f"{path}{{")


def _key_paths(new: _Version, old: _Version | None) -> list[str]:
    """``<key>``, or the key's fields when either version classifies them (a whole key covers them all)."""
    paths = new.key_paths() | (old.key_paths() if old else set())
    return sorted(paths - {RECORD_KEY} if any(path != RECORD_KEY for path in paths) else paths)


def _resolve(rules: Rules, audience: str, path: str, unruled: _Treatment | None = None) -> _Treatment:
    """What the plan does to ``path`` for ``audience``; ``unruled`` for a path no rule covers (else the
    unclassified policy)."""
    spec = rules.audiences[audience]
    clearances = frozenset(spec.clearances)
    for container in _ancestors(path):
        decision = decide(rules, clearances, container, _STRING) if container in rules.fields else None
        if decision is not None:
            return _masked(decision, spec, f"from {container}")
    if unruled is not None and path not in rules.fields and not rules.covered(path):
        return unruled
    decision = decide(rules, clearances, path, _STRING)
    if decision is None:
        return _CLEAR
    unclassified = decision.rule is None and path != UNCLASSIFIED
    return _masked(decision, spec, "unclassified" if unclassified else "")


def _ancestors(path: str) -> list[str]:
    """The containers above a path, outermost first: ``items[].name`` → ``items``, ``items[]``."""
    return [path[:index] for index, char in enumerate(path) if char in ".[{" and index > 0]


def _masked(decision: Decision, spec: AudienceRule, note: str) -> _Treatment:
    action, rule = decision.action, decision.rule
    params = rule.params() if rule is not None else {}
    if action == "detect" and spec.strict:
        params["detection"] = "strict"
    form = " ".join([action, *(f"{name}={value}" for name, value in sorted(params.items()))])
    exposure = _EXPOSURE[action]  # a KeyError for an action nobody ranked yet: fail loudly, never apply
    kind, levels = (_KINDS[exposure], ()) if exposure in _KINDS else _rank(action, rule, spec)
    looked_for = rule is not None and decision.field_class != "free_text" and action != "detect"
    return _Treatment(form, exposure, kind, levels, note, looked_for)


def _rank(action: str, rule: FieldRule | None, spec: AudienceRule) -> tuple[str, tuple[float, ...]]:
    """The kind and levels of a part-revealing form (what ``masking.actions`` and ``generalize`` keep)."""
    if action == "partial":
        keep_first, keep_last, _mask = partial_params(rule)
        return "partial", (keep_first, keep_last)
    if action == "detect":
        pseudonyms = rule is not None and rule.replace == "pseudonym"
        return "detect", (0 if spec.strict else 1, 1 if pseudonyms else 0)
    assert rule is not None, "generalize always comes from a rule"
    if rule.to in ("year", "month"):
        return "generalize date", (0 if rule.to == "year" else 1,)
    if rule.to == "network":
        ipv4, ipv6 = network_prefixes(rule)  # a full-length prefix masks the address instead
        return "generalize network", (ipv4 if ipv4 < 32 else -1, ipv6 if ipv6 < 128 else -1)
    if rule.size is not None:
        return ("generalize size=1", ()) if rule.size == 1 else ("generalize bucket", (-rule.size,))
    return "generalize prefix", (rule.keep_first or 0,)


def _effect(before: _Treatment, after: _Treatment) -> Effect:
    if before.exposure != after.exposure:
        return "loosens" if after.exposure > before.exposure else "tightens"
    if before.kind != after.kind:
        return "loosens"  # cannot rank them: fail closed
    if any(new > old for old, new in zip(before.levels, after.levels, strict=True)):
        return "loosens"
    return "tightens" if before.levels != after.levels else "neutral"


def _setting_changes(before: Rules, after: Rules) -> list[FieldChange]:
    """The dataset's settings that decide whose records pass and under whose name."""
    rows: list[FieldChange] = []

    def row(setting: str, old: object, new: object, effect: Effect) -> None:
        if old != new:
            rows.append(FieldChange(EVERY_AUDIENCE, f"<{setting}>", str(old), str(new), effect))

    row("signature", before.signature, after.signature, "loosens" if after.signature == "off" else "tightens")
    row("owner", before.owner or "none", after.owner or "none", "loosens")
    grows = after.max_record_bytes > before.max_record_bytes
    row("max_record_bytes", before.max_record_bytes, after.max_record_bytes, "loosens" if grows else "tightens")
    row("format", before.format, after.format, "loosens")
    return rows


def _own_value_changes(
    audience: str,
    was: dict[str, _Treatment],
    now: dict[str, _Treatment],
    value_paths: list[str],
    rows: list[FieldChange],
) -> list[FieldChange]:
    """Fields no longer (or newly) masked where the record's free text quotes them, where the audience's
    free text is scanned in both versions (else the detect rows say what changed), unless the field's own
    row already says as much (a field now clear: its row loosens)."""
    if not (_scans(was) and _scans(now)):
        return []
    masked_before, masked_after = _own_values(was, value_paths), _own_values(now, value_paths)
    shown = {(row.path, row.effect) for row in rows}
    quoted, recognized = "masked where quoted", "left to the recognizers"
    return [
        FieldChange(audience, f"{own} {IN_FREE_TEXT}", quoted, recognized, "loosens")
        for own in sorted(masked_before - masked_after)
        if (own, "loosens") not in shown
    ] + [
        FieldChange(audience, f"{own} {IN_FREE_TEXT}", recognized, quoted, "tightens")
        for own in sorted(masked_after - masked_before)
        if (own, "tightens") not in shown
    ]


def _own_values(treatments: dict[str, _Treatment], value_paths: list[str]) -> set[str]:
    return {path for path in value_paths if treatments[path].looked_for}


def _scans(treatments: dict[str, _Treatment]) -> bool:
    return any(treatment.kind == "detect" for treatment in treatments.values())
