"""Compiling one audience's view: a tree of closures that touches only fields that change.

For each record level the compiler keeps ``(key, closure, path)`` for fields whose output differs from the
input (masked leaves, and nested records, arrays or maps containing one). Applying it copies the record
shallowly and rewrites just those keys, so unchanged branches are shared with the input, not copied.
It also lists where free text must be scanned, so the plan can scan a whole batch once beforehand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from streamguard.core.errors import RecordMaskingError, ValueMaskingError
from streamguard.masking.actions import ActionContext, ValueFn, build_action
from streamguard.masking.keys import Keyring
from streamguard.masking.own_values import OwnValueSlot
from streamguard.masking.rules import FieldRule, Rules
from streamguard.masking.schema_tree import MAP_KEY, MAP_KEY_NODE, FieldSpec, Node

Steps = tuple[str, ...]  # field names, "[]" and "{}"
_DROP = object()  # marks a field the view omits (the writer fills in its default)
_UNSET = object()
# Actions whose output depends on the value alone, not on the audience (detect is not one: what it masks
# depends on the audience's detection mode and on the record's values the audience is not cleared for).
_AUDIENCE_FREE = frozenset({"redact", "partial", "generalize"})
# Classified values that are not looked for in free text: the free text itself.
_NOT_OWN_VALUES = frozenset({"free_text"})


@dataclass(frozen=True)
class ScanSite:
    """Where free text sits: follow ``steps``; collect every string there, or (``rest_known`` set) in
    the keys of an open JSON record that no rule names, or (``nested_only``) only inside an object or array."""

    path: str
    steps: Steps
    rest_known: frozenset[str] | None = None
    nested_only: bool = False


@dataclass(frozen=True)
class OwnValueSite:
    """Where a classified value sits that this audience does not see in clear, and the field's class."""

    site: ScanSite
    field_class: str


@dataclass(frozen=True)
class AudienceView:
    """One audience's compiled view: ``apply(record) -> view`` plus its static counts and scan sites.

    ``own_sites`` are the classified values the view masks; before a record with free text is applied, the
    plan puts a matcher of that record's values there into ``own_slot`` (see ``masking/own_values.py``)."""

    audience: str
    apply: Callable[[dict[str, Any]], dict[str, Any]]
    action_counts: Mapping[str, int]
    scan_sites: tuple[ScanSite, ...]
    own_sites: tuple[OwnValueSite, ...] = ()
    own_slot: OwnValueSlot = field(default_factory=lambda: OwnValueSlot())


@dataclass(frozen=True)
class Decision:
    """What one audience's view does to one slot: ``action`` under ``field_class``, from ``rule`` (None for
    the unclassified policy). ``rest`` stands for a JSON value of unknown type under that policy."""

    action: str
    field_class: str
    rule: FieldRule | None
    counted: str  # the ``class/action`` key of the plan's action counts


def decide(rules: Rules, clearances: frozenset[str], path: str, node: Node) -> Decision | None:
    """The action of one audience's view on a leaf (or a container with its own rule); None when it passes.
    The Python plan compiles it into a closure, ``masking.native_plan`` into an op of the native engine.

    A leaf under a container whose rule passes for the audience passes only if the rules were validated with
    it; a leaf a later writer schema added there is unclassified, like any leaf no rule names."""
    rule = rules.fields.get(path)
    if rule is not None:
        if rule.class_ == "public" or rule.class_ in clearances or rule.effective_action == "pass":
            return None
        return Decision(rule.effective_action, rule.class_, rule, f"{rule.class_}/{rule.effective_action}")
    if rules.covered(path):
        return None
    policy = rules.unclassified
    if policy == "pass":
        return None
    if node.kind == "any":
        return Decision("rest", "unclassified", None, f"unclassified/{policy}")
    action = "detect" if policy == "detect" and node.kind == "string" else "redact"
    return Decision(action, "unclassified", None, f"unclassified/{action}")


@dataclass
class _Compiler:
    rules: Rules
    audience: str
    keyring: Keyring
    detections: dict[str, Any]
    clearances: frozenset[str] = frozenset()
    shared: dict[tuple[str, str], ValueFn] = field(default_factory=dict)
    strict: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    sites: list[ScanSite] = field(default_factory=list)
    own_sites: list[OwnValueSite] = field(default_factory=list)
    own_slot: OwnValueSlot = field(default_factory=lambda: OwnValueSlot())

    def leaf(self, node: Node, spec: FieldSpec, path: str, steps: Steps) -> ValueFn | object | None:
        """The closure for a leaf (or a container with its own rule); None when the value passes."""
        decision = decide(self.rules, self.clearances, path, node)
        if decision is None:
            return self.passing_any(path, steps) if node.kind == "any" else None
        self.counts[decision.counted] += 1
        action, rule = decision.action, decision.rule
        if rule is not None and decision.field_class not in _NOT_OWN_VALUES and action != "detect":
            self.own_sites.append(OwnValueSite(ScanSite(path, steps), decision.field_class))
        if action == "drop":
            return _DROP
        if action == "detect" or (action == "rest" and self.rules.unclassified == "detect"):
            self.sites.append(ScanSite(path, steps))
        if action == "rest":
            return self.rest_fn()

        def build() -> ValueFn:
            return build_action(action, rule, node, self.context(decision.field_class))

        if action in _AUDIENCE_FREE and not node.is_container and not (action == "detect" and rule and rule.replace):
            return self.shared_action(path, action, build)
        return build()

    def context(self, field_class: str) -> ActionContext:
        return ActionContext(self.audience, field_class, self.keyring, self.detections, self.strict, self.own_slot)

    def shared_action(self, path: str, action: str, build: Callable[[], ValueFn]) -> ValueFn:
        """One memoised closure per (path, action) for all audiences: views of a record are built one
        after another, so an audience-independent result is computed once and reused by the others."""
        key = (path, action)
        if key not in self.shared:
            self.shared[key] = _memo_last(build())
        return self.shared[key]

    def passing_any(self, path: str, steps: Steps) -> ValueFn | None:
        """A JSON value of unknown type that passes: a scalar passes; what an object or array holds was never
        classified, so it gets the unclassified policy."""
        if self.rules.unclassified == "pass":
            return None
        self.counts[f"unclassified/{self.rules.unclassified}"] += 1
        if self.rules.unclassified == "detect":
            self.sites.append(ScanSite(path, steps, nested_only=True))
        rest = self.rest_fn()
        return lambda value: rest(value) if isinstance(value, (dict, list)) else value

    def rest_key_fn(self) -> ValueFn:
        """For the names of JSON keys nobody classified: the unclassified policy, like a string leaf's."""
        context = self.context("unclassified")
        action = "detect" if self.rules.unclassified == "detect" else "redact"
        return build_action(action, None, MAP_KEY_NODE, context)

    def rest_fn(self) -> ValueFn:
        """For JSON values nobody classified: detect (or redact) strings at any depth, object keys included,
        redact other scalars."""
        context = self.context("unclassified")
        scalar = build_action("redact", None, Node(kind="any"), context)
        text = (
            build_action("detect", None, Node(kind="string"), context)
            if self.rules.unclassified == "detect"
            else scalar
        )
        name = self.rest_key_fn()

        def rest(value: Any) -> Any:
            if isinstance(value, dict):
                out: dict[str, Any] = {}
                for k, v in value.items():
                    out[distinct(name(k), out)] = None if v is None else rest(v)
                return out
            if isinstance(value, list):
                return [None if v is None else rest(v) for v in value]
            return text(value) if isinstance(value, str) else scalar(value)

        return rest

    def value(self, node: Node, spec: FieldSpec, path: str, steps: Steps) -> tuple[Any, str] | None:
        """``(closure, error path)`` for a field's value, or None when nothing in it changes. A container whose
        rule passes for the audience is walked like one without a rule: its leaves decide for themselves."""
        passing = node.is_container and decide(self.rules, self.clearances, path, node) is None
        if not passing and (path in self.rules.fields or not node.is_container):
            fn = self.leaf(node, spec, path, steps)
            return None if fn is None else (fn, path)
        if node.kind == "record":
            fn = self.record(node, path + ".", steps)
            return None if fn is None else (fn, path)
        assert node.item is not None
        suffix = "[]" if node.kind == "array" else "{}"
        inner = self.value(node.item, spec, path + suffix, (*steps, suffix))
        if node.kind == "array":
            return None if inner is None else (_array_fn(inner[0]), inner[1])
        key_path = path + MAP_KEY
        keys = self.leaf(MAP_KEY_NODE, spec, key_path, (*steps, MAP_KEY))  # a map's keys are a leaf of their own
        if inner is None and keys is None:
            return None
        item, inner_path = inner if inner is not None else (None, key_path)
        return _map_fn(item, keys, key_path), inner_path

    def record(self, node: Node, prefix: str, steps: Steps) -> ValueFn | None:
        ops: list[tuple[str, ValueFn, str]] = []
        drops: list[str] = []
        for name, spec in node.fields.items():
            compiled = self.value(spec.node, spec, prefix + name, (*steps, name))
            if compiled is None:
                continue
            if compiled[0] is _DROP:
                drops.append(name)
            else:
                ops.append((name, compiled[0], compiled[1]))
        rest = None
        if node.open and self.rules.unclassified != "pass":
            known = frozenset(node.fields)
            self.counts[f"unclassified/{self.rules.unclassified}"] += 1
            if self.rules.unclassified == "detect":
                self.sites.append(ScanSite(prefix.rstrip(".") or "<record>", steps, known))
            rest = (known, self.rest_fn(), self.rest_key_fn(), prefix)
        if not ops and not drops and rest is None:
            return None
        return _record_fn(tuple(ops), tuple(drops), rest)


def compile_view(
    rules: Rules,
    root: Node,
    audience: str,
    keyring: Keyring,
    detections: dict[str, Any],
    shared: dict[tuple[str, str], ValueFn] | None = None,
) -> AudienceView:
    """Compile one audience's view of records shaped like ``root``; pass one ``shared`` dict to the views
    of all audiences of a plan so audience-independent actions run once per record."""
    spec = rules.audiences[audience]
    compiler = _Compiler(
        rules, audience, keyring, detections, frozenset(spec.clearances), {} if shared is None else shared, spec.strict
    )
    fn = compiler.record(root, "", ())
    return AudienceView(
        audience,
        fn or _identity,
        dict(compiler.counts),
        tuple(compiler.sites),
        tuple(compiler.own_sites),
        compiler.own_slot,
    )


def _memo_last(fn: ValueFn) -> ValueFn:
    """``fn`` remembering its last input by identity: pure closures, so reuse is always correct."""
    last_in: list[Any] = [_UNSET, None]

    def memo(value: Any) -> Any:
        if value is last_in[0]:
            return last_in[1]
        out = fn(value)
        last_in[0], last_in[1] = value, out
        return out

    return memo


def _identity(record: dict[str, Any]) -> dict[str, Any]:
    return record


def _failure_code(error: Exception) -> str:
    return "type_mismatch" if isinstance(error, (TypeError, AttributeError)) else "mask_error"


def _record_fn(ops: tuple[tuple[str, ValueFn, str], ...], drops: tuple[str, ...], rest: Any) -> ValueFn:
    def apply(record: dict[str, Any]) -> dict[str, Any]:
        out = record.copy()
        for key, fn, path in ops:
            value = out.get(key)
            if value is not None:
                try:
                    out[key] = fn(value)
                except RecordMaskingError:
                    raise
                except ValueMaskingError as failure:
                    raise RecordMaskingError(f"{failure.reason}:{path}") from None
                except Exception as error:  # fail closed, naming the path but never the value
                    raise RecordMaskingError(f"{_failure_code(error)}:{path}") from None
        for key in drops:
            out.pop(key, None)
        return out if rest is None else _apply_rest(out, *rest)

    return apply


def _apply_rest(
    out: dict[str, Any], known: frozenset[str], fn: ValueFn, key_fn: ValueFn, prefix: str
) -> dict[str, Any]:
    """Keys of an open JSON record that no rule names: their names and values get the unclassified policy.
    A failure names the record, not the key: the key's own name may be personal data."""
    if not out.keys() - known:
        return out
    rebuilt: dict[str, Any] = {}
    taken = out.keys() & known
    for key, value in out.items():
        if key in known:
            rebuilt[key] = value
            continue
        try:
            name = distinct(key_fn(key), taken)
            rebuilt[name] = None if value is None else fn(value)
        except ValueMaskingError as failure:
            raise RecordMaskingError(f"{failure.reason}:{prefix}*") from None
        taken.add(name)
    return rebuilt


def distinct(key: str, taken: set[str] | Mapping[str, Any]) -> str:
    """``key``, or ``key~2``, ``key~3`` ... if an earlier masked key of the same map took it already (the
    native engine does the same): masking never makes two entries of a map one."""
    if key not in taken:
        return key
    number = 2
    while f"{key}~{number}" in taken:
        number += 1
    return f"{key}~{number}"


def _array_fn(item: ValueFn) -> ValueFn:
    def array(values: list[Any]) -> list[Any]:
        if not isinstance(values, list):
            raise ValueMaskingError("type_mismatch")
        return [None if v is None else item(v) for v in values]

    return array


def _map_fn(item: ValueFn | None, keys: ValueFn | None, key_path: str) -> ValueFn:
    """A map's values through ``item`` and its keys through ``keys`` (either may be None: unchanged)."""

    def mapping(values: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(values, dict):
            raise ValueMaskingError("type_mismatch")
        if keys is None:
            return {k: None if v is None else item(v) for k, v in values.items()}  # type: ignore[misc]
        out: dict[str, Any] = {}
        for k, v in values.items():
            try:
                name = distinct(keys(k), out)
            except ValueMaskingError as failure:
                raise RecordMaskingError(f"{failure.reason}:{key_path}") from None
            out[name] = v if v is None or item is None else item(v)
        return out

    return mapping
