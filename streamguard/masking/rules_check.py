"""Semantic checks of steward rules: classes, audiences, parameters, and fit against the record schema.

``action_problem`` is the one place that decides whether an action can produce a field's type; the plan
compiler relies on it, so a rule that validates can always be compiled.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from streamguard.core.errors import PathError, RulesError
from streamguard.masking import schema_tree
from streamguard.masking.schema_tree import FieldSpec, Node
from streamguard.masking.writer_schemas import WriterSchema, tree_of

if TYPE_CHECKING:
    from streamguard.masking.rules import FieldRule, Rules

_NAME = re.compile(r"^[a-z][a-z0-9_\-]*$")
KEY_ACTIONS = ("hash", "pseudonymize", "encrypt")  # deterministic and distinct per audience
# Parameters each action accepts; anything else given with it is a mistake worth reporting.
ACTION_PARAMS: dict[str, frozenset[str]] = {
    "redact": frozenset(),
    "hash": frozenset({"length"}),
    "pseudonymize": frozenset({"prefix", "length"}),
    "partial": frozenset({"keep_first", "keep_last", "mask_char"}),
    "generalize": frozenset({"to", "size", "keep_first", "ipv4_prefix", "ipv6_prefix"}),
    "null": frozenset(),
    "drop": frozenset(),
    "encrypt": frozenset(),
    "detect": frozenset({"replace", "prefix"}),
    "pass": frozenset(),
}
_DATE_KINDS = {("int", "date"), ("long", "timestamp-millis"), ("long", "timestamp-micros")}
_DATE_KINDS |= {("long", "local-timestamp-millis"), ("long", "local-timestamp-micros")}
_NUMBERS = {"int", "long", "float", "double"}


def check_rules(
    rules: Rules,
    *,
    schema: WriterSchema | None,
    sample: dict[str, Any] | None,
    key_schema: WriterSchema | None = None,
) -> list[str]:
    """Every problem in already-parsed rules, as ``file:line: path: problem`` strings."""
    problems = _check_audiences(rules) + _check_key(rules, key_schema)
    for path, rule in rules.fields.items():
        for problem in _check_field_rule(rules, path, rule):
            problems.append(f"{rules.where('fields', path)}: {path}: {problem}")
    problems.extend(_check_overlaps(rules))
    root = _tree_for(rules, schema, sample, problems)
    if root is not None:
        problems.extend(_check_against_tree(rules, root))
    return problems


def tree_for_rules(rules: Rules, schema: WriterSchema | None, sample: dict[str, Any] | None) -> Node:
    """The tree the plan compiles against: the writer schema, else a JSON sample, else shapes the paths imply."""
    if schema is not None:
        return tree_of(schema, rules.message)
    if sample is not None:
        return schema_tree.from_json_sample(sample)
    return schema_tree.from_rule_paths(list(rules.fields))


def _tree_for(rules: Rules, schema: Any, sample: Any, problems: list[str]) -> Node | None:
    if rules.format != "json" and sample is not None and schema is None:
        problems.append(
            f"{rules.where('format')}: format: {rules.format} rules are checked against a schema, not a sample"
        )
        return None
    if rules.message is not None and rules.format != "protobuf":
        problems.append(
            f"{rules.where('message')}: message: names a Protobuf message type; the format is {rules.format}"
        )
    try:
        return tree_for_rules(rules, schema, sample)
    except (PathError, KeyError) as error:  # PathError first: it is a RulesError too
        problems.append(f"{rules.where()}: <schema>: unusable schema ({error})")
        return None
    except RulesError as error:  # a message type the schema does not have
        problems.append(str(error))
        return None


def _check_audiences(rules: Rules) -> list[str]:
    problems = []
    for name, audience in rules.audiences.items():
        if not _NAME.match(name):
            problems.append(f"{rules.where('audiences', name)}: audiences.{name}: name must match {_NAME.pattern}")
        for index, clearance in enumerate(audience.clearances):
            if clearance not in rules.all_classes:
                where = rules.where("audiences", name, "clearances", index)
                problems.append(f"{where}: audiences.{name}.clearances: unknown class {clearance!r}")
    return problems


def _check_field_rule(rules: Rules, path: str, rule: FieldRule) -> list[str]:
    problems = []
    try:
        schema_tree.parse_path(path)
    except PathError as error:
        problems.append(str(error))
    return problems + _check_rule(rules, rule)


def _check_key(rules: Rules, key_schema: WriterSchema | None) -> list[str]:
    """The record key is classified like a field (an Avro key field by field), with actions that keep one
    token per key and audience."""
    from streamguard.masking.rules import KeyFields  # the models import this module

    if rules.key is None:
        return [
            f"{rules.where('key')}: key: the record key is not classified: add `key: {{class: public}}` if it holds "
            "no personal data, or a class with one of hash, pseudonymize, encrypt"
        ]
    if not isinstance(rules.key, KeyFields):
        problems = _check_key_rule(rules, rules.key, "key", ("key",))
        if key_schema is not None:
            problems.append(
                f"{rules.where('key')}: key: the key has a schema: classify its fields under "
                "`key: {fields: {...}}`, like the value's fields"
            )
        return problems
    problems = []
    for path, rule in rules.key.fields.items():
        problems += _check_key_rule(rules, rule, f"key.{path}", ("key", "fields", path))
    if key_schema is not None:
        problems += _check_key_schema(rules, rules.key, key_schema)
    return problems


def _check_key_rule(rules: Rules, rule: FieldRule, name: str, location: tuple[str, ...]) -> list[str]:
    where = rules.where(*location)
    problems = [f"{where}: {name}: {problem}" for problem in _check_rule(rules, rule)]
    action = rule.effective_action
    if not problems and action not in (*KEY_ACTIONS, "pass"):
        problems.append(
            f"{where}: {name}: {action} would merge or reveal keys: a key takes hash, pseudonymize or encrypt "
            "(one token per key and audience, so compaction and erasure keep working)"
        )
    return problems


def _check_key_schema(rules: Rules, key: Any, key_schema: WriterSchema) -> list[str]:
    """Every field of the key exists, takes its action, and has a rule (none may pass unclassified)."""
    try:
        root = tree_of(key_schema)
    except (RulesError, PathError, KeyError) as error:
        return [f"{rules.where('key')}: key: unusable key schema ({error})"]
    problems = []
    for path, rule in key.fields.items():
        where = rules.where("key", "fields", path)
        try:
            node, spec = schema_tree.resolve(root, path)
        except PathError as error:
            problems.append(f"{where}: key.{path}: unknown path ({error})")
            continue
        problem = action_problem(rule.effective_action, rule, node, spec, path, rules.format)
        if problem:
            problems.append(f"{where}: key.{path}: {problem}")
    for path, _node in schema_tree.leaf_paths(root):
        if not _covered(path, key.fields):
            problems.append(
                f"{rules.where('key')}: key.{path}: every field of a key needs a rule (it would merge keys)"
            )
    return problems


def _check_rule(rules: Rules, rule: FieldRule) -> list[str]:
    """A rule's class, action and parameters, on their own."""
    problems = []
    if rule.class_ not in rules.all_classes:
        problems.append(f"unknown class {rule.class_!r} (declare it under classes: or use a known one)")
    if rule.class_ == "public":
        if rule.action not in (None, "pass"):
            problems.append(f"class public always passes; action {rule.action} would never apply")
        return problems
    if rule.action is None:
        return [*problems, f"class {rule.class_} needs an action"]
    unused = set(rule.params()) - ACTION_PARAMS[rule.action]
    problems.extend(f"parameter {name} does not apply to action {rule.action}" for name in sorted(unused))
    problems.extend(_required_params(rule))
    return problems


def _required_params(rule: FieldRule) -> list[str]:
    if rule.action == "partial" and rule.keep_first is None and rule.keep_last is None:
        return ["partial needs keep_first and/or keep_last"]
    if rule.action == "generalize":
        given = [name for name in ("to", "size", "keep_first") if getattr(rule, name) is not None]
        if len(given) != 1:
            return ["generalize needs exactly one of to (year|month|network), size or keep_first"]
        if (rule.ipv4_prefix is not None or rule.ipv6_prefix is not None) and rule.to != "network":
            return ["ipv4_prefix/ipv6_prefix apply only with to: network"]
    if rule.action == "detect" and rule.prefix is not None and rule.replace != "pseudonym":
        return ["prefix applies to detect only with replace: pseudonym"]
    return []


def _check_overlaps(rules: Rules) -> list[str]:
    """A rule inside a field that has its own rule is ambiguous (which one wins?), so refuse it."""
    problems = []
    for path in rules.fields:
        outers = [path[:i] for i, char in enumerate(path) if char in ".[{" and path[:i] in rules.fields]
        if outers:
            where = rules.where("fields", path)
            problems.append(f"{where}: {path}: lies inside {outers[0]}, which has its own rule")
    return problems


def _check_against_tree(rules: Rules, root: Node) -> list[str]:
    problems = []
    for path, rule in rules.fields.items():
        try:
            schema_tree.parse_path(path)
        except PathError:
            continue  # already reported as malformed
        try:
            node, spec = schema_tree.resolve(root, path)
        except PathError as error:
            problems.append(f"{rules.where('fields', path)}: {path}: unknown path ({error})")
            continue
        problem = action_problem(rule.effective_action, rule, node, spec, path, rules.format)
        if problem:
            problems.append(f"{rules.where('fields', path)}: {path}: {problem}")
    problems.extend(_check_unclassified(rules, root))
    return problems


def _check_unclassified(rules: Rules, root: Node) -> list[str]:
    if rules.unclassified == "pass":
        return []
    problems = []
    for path, node in schema_tree.leaf_paths(root):
        if _covered(path, rules.fields) or node.kind != "union" or node.nullable:
            continue
        where = rules.where("unclassified")
        problems.append(f"{where}: {path}: unclassified union of several types cannot be redacted; classify it")
    return problems


def _covered(path: str, fields: dict[str, Any]) -> bool:
    return any(path == p or path.startswith((p + ".", p + "[", p + "{")) for p in fields)


def action_problem(action: str, rule: FieldRule | None, node: Node, spec: FieldSpec, path: str, fmt: str) -> str | None:
    """Why ``action`` cannot produce a valid value of ``node``'s type, or None when it can."""
    kind = node.kind
    if action == "pass":
        return None
    if action == "null":
        return None if node.nullable or fmt == "json" else "null needs a nullable field (union with null)"
    if action == "drop":
        if path.endswith(("[]", "{}", "{key}")):
            return "drop applies to record fields, not array elements, map values or map keys"
        return None if spec.has_default or fmt == "json" else "drop needs a field with a default in the schema"
    if kind in ("record", "array", "map"):
        return None if action == "redact" else f"{action} cannot produce a {kind}; use redact, null or drop"
    if kind == "union":
        if action == "redact" and node.nullable:
            return None
        return f"{action} cannot produce a union of several types; use null or drop"
    return _scalar_problem(action, rule, node)


def _scalar_problem(action: str, rule: FieldRule | None, node: Node) -> str | None:
    kind = node.kind
    if action == "redact" and (node.logical or "").startswith(schema_tree.FORMAT):
        return f"redact cannot produce a {_describe(node)}; use null or drop where the schema allows them"
    if kind == "any" or action == "redact":
        return None
    if node.logical not in (None, "uuid") and action != "generalize":
        # Decoded logical values are dates, datetimes or Decimals, not the underlying int/bytes.
        return f"{action} cannot produce a {_describe(node)}"
    allowed = {
        "hash": {"string", "bytes", "fixed", "int", "long"},
        "pseudonymize": {"string"},
        "partial": {"string"},
        "encrypt": {"string", "bytes"},
        "detect": {"string"},
    }
    if action in allowed:
        return None if kind in allowed[action] else f"{action} cannot produce a {_describe(node)}"
    if action == "generalize" and rule is not None:
        return _generalize_problem(rule, node)
    return None


def _generalize_problem(rule: FieldRule, node: Node) -> str | None:
    kind = node.kind
    if rule.to in ("year", "month"):
        ok = (kind, node.logical) in _DATE_KINDS or kind == "string"
        return None if ok else f"generalize to {rule.to} needs a date, timestamp or ISO string, not {_describe(node)}"
    if node.logical is not None:
        return f"generalize {_how(rule)} cannot produce a {_describe(node)}"
    if rule.to == "network":
        return None if kind == "string" else f"generalize to network needs an IP string, not {_describe(node)}"
    if rule.size is not None:
        if kind not in _NUMBERS:
            return f"generalize by size needs a number, not {_describe(node)}"
        if kind in ("int", "long") and not float(rule.size).is_integer():
            return "generalize size must be a whole number for an integer field"
        return None
    return None if kind == "string" else f"generalize by keep_first needs a string, not {_describe(node)}"


def _how(rule: FieldRule) -> str:
    return "to network" if rule.to == "network" else "by size" if rule.size is not None else "by keep_first"


def _describe(node: Node) -> str:
    return f"{node.kind} ({node.logical})" if node.logical else node.kind
