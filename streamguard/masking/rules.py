"""Steward rules: the pydantic model, the YAML loader that keeps line numbers, and the rules digest.

Known classes (rules may declare more under ``classes:``):

- ``public``: passes to every audience unchanged, never masked;
- ``personal``: identifies or describes a person (date of birth, gender, ...);
- ``contact``: reaches a person (name, email, phone, postal address);
- ``financial``: card and account numbers, balances;
- ``government_id``: SSN, passport, national and tax ids;
- ``health``: medical data;
- ``free_text``: text written by people, which may contain anything;
- ``credentials``: passwords, tokens, API keys;
- ``location``: IP addresses, coordinates, precise places.

Every problem is reported as ``file:line: path: problem`` and all of them are raised together in one
``RulesError``; messages quote rule text (paths, parameter names), never record values.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PositiveFloat,
    PositiveInt,
    PrivateAttr,
    Tag,
    ValidationError,
)

from streamguard.core.errors import RulesError
from streamguard.masking.rules_check import check_rules, tree_for_rules
from streamguard.masking.rules_yaml import LocatedYaml, Location, load_located
from streamguard.masking.schema_tree import leaf_paths
from streamguard.masking.writer_schemas import WriterSchema, tree_of

KNOWN_CLASSES: frozenset[str] = frozenset(
    {
        "public",
        "personal",
        "contact",
        "financial",
        "government_id",
        "health",
        "free_text",
        "credentials",
        "location",
    }
)
Action = Literal["redact", "hash", "pseudonymize", "partial", "generalize", "null", "drop", "encrypt", "detect", "pass"]
UnclassifiedPolicy = Literal["detect", "redact", "pass"]


class FieldRule(BaseModel):
    """One field's class and action, with the action's parameters flattened in (as stewards write them)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    class_: str = Field(alias="class", min_length=1)
    action: Action | None = None
    keep_first: int | None = Field(default=None, ge=0)
    keep_last: int | None = Field(default=None, ge=0)
    mask_char: str | None = Field(default=None, min_length=1, max_length=1)
    to: Literal["year", "month", "network"] | None = None
    size: PositiveInt | PositiveFloat | None = None
    ipv4_prefix: int | None = Field(default=None, ge=0, le=32)
    ipv6_prefix: int | None = Field(default=None, ge=0, le=128)
    prefix: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]{0,23}$")
    length: int | None = Field(default=None, ge=8, le=64)
    replace: Literal["tag", "pseudonym"] | None = None

    @property
    def effective_action(self) -> str:
        """``public`` fields and rules without an action pass; validation rejects the latter elsewhere."""
        return "pass" if self.class_ == "public" or self.action is None else self.action

    def params(self) -> dict[str, Any]:
        """The parameters actually given (everything but class and action)."""
        return self.model_dump(exclude={"class_", "action"}, exclude_none=True)


class KeyFields(BaseModel):
    """An Avro-encoded record key's fields, classified like the value's (every field of the key needs a rule:
    an unclassified one would have to pass, or merge keys)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fields: dict[str, FieldRule] = Field(min_length=1)
    subject: str | None = None


def _key_kind(value: Any) -> str:
    return "fields" if isinstance(value, KeyFields) or (isinstance(value, dict) and "fields" in value) else "whole"


# The record key: classified whole (a string or bytes key), or field by field (a key with a schema).
KeyRule = Annotated[Annotated[FieldRule, Tag("whole")] | Annotated[KeyFields, Tag("fields")], Discriminator(_key_kind)]


class AudienceRule(BaseModel):
    """An audience: the classes it is cleared for, and how hard free text is searched for what it is not.

    ``detection: strict`` (for the least cleared, typically) masks weaker evidence and places too; unset
    means the standard mode (None rather than a default keeps the digests of older rule sets unchanged).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    clearances: tuple[str, ...] = ()
    detection: Literal["standard", "strict"] | None = None

    @property
    def strict(self) -> bool:
        return self.detection == "strict"


def _yaml_off(value: Any) -> Any:
    """YAML 1.1 reads an unquoted ``off`` as false: the word the steward wrote."""
    return "off" if value is False else value


class Rules(BaseModel):
    """A steward's rules for one dataset (see DESIGN.md for the format)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dataset: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    format: Literal["avro", "protobuf", "jsonschema", "json"]
    message: str | None = None  # protobuf: the full name of the records' message type (default: the first)
    subject: str | None = None
    classes: tuple[str, ...] = ()
    audiences: dict[str, AudienceRule] = Field(min_length=1)
    fields: dict[str, FieldRule] = Field(default_factory=dict)
    key: KeyRule | None = None  # the Kafka record key, classified like a field (validation requires it)
    unclassified: UnclassifiedPolicy = "redact"
    # Producer identity and intake limits of the raw topic (the pipeline enforces them; see README).
    owner: str | None = Field(default=None, pattern=r"^User:.+$")
    signature: Annotated[Literal["off", "required"], BeforeValidator(_yaml_off)] = "off"
    max_record_bytes: PositiveInt = 900_000

    _source: str = PrivateAttr(default="<rules>")
    _located: LocatedYaml | None = PrivateAttr(default=None)
    # The leaves of the schema (or sample) the rules were validated against; leaves of unknown type (rules
    # checked without one) stand for whatever lies under them.
    _known_leaves: frozenset[str] = PrivateAttr(default=frozenset())
    _opaque_leaves: frozenset[str] = PrivateAttr(default=frozenset())
    _key_schema: WriterSchema | None = PrivateAttr(default=None)  # a key's schema, as validated

    @property
    def source(self) -> str:
        return self._source

    @property
    def known_leaves(self) -> frozenset[str]:
        """The leaves of the schema (or sample) the rules were validated against."""
        return self._known_leaves

    @property
    def all_classes(self) -> frozenset[str]:
        return KNOWN_CLASSES | set(self.classes)

    @property
    def effective_subject(self) -> str:
        return self.subject or f"raw.{self.dataset}-value"

    @property
    def key_subject(self) -> str:
        """The schema registry subject of a key with a schema."""
        subject = self.key.subject if isinstance(self.key, KeyFields) else None
        return subject or f"raw.{self.dataset}-key"

    @property
    def key_schema(self) -> WriterSchema | None:
        """The key schema the rules were validated against (keys classified field by field only)."""
        return self._key_schema

    def key_rules(self) -> Rules | None:
        """A key's field rules as rules of their own, from which the key's plans are compiled (known
        leaves: the key schema's), or None for a key classified whole."""
        if not isinstance(self.key, KeyFields):
            return None
        rules = self.model_copy(
            update={
                "fields": dict(self.key.fields),
                "key": FieldRule(class_="public"),
                "subject": self.key_subject,
                "message": None,
            }
        )
        tree = tree_of(self._key_schema) if self._key_schema is not None else None
        rules._known_leaves = frozenset(path for path, _ in leaf_paths(tree)) if tree is not None else frozenset()
        rules._opaque_leaves = frozenset()
        rules._key_schema = None
        return rules

    def digest(self) -> str:
        """A stable sha256 of the canonical rules: same meaning, same digest, whatever the YAML layout."""
        canonical = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        for audience in canonical["audiences"].values():
            audience["clearances"] = sorted(set(audience["clearances"]))
        canonical["classes"] = sorted(set(canonical["classes"]))
        payload = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()

    @property
    def version(self) -> str:
        """Short form of the digest for logs and topic headers."""
        return self.digest()[:12]

    def known_leaf(self, path: str) -> bool:
        """Whether ``path`` was a leaf of the schema the rules were validated against (classification is at
        the leaf: a container's rule covers the leaves it had then, never one a later writer schema adds)."""
        if path in self._known_leaves:
            return True
        return any(path.startswith((opaque + ".", opaque + "[", opaque + "{")) for opaque in self._opaque_leaves)

    def covered(self, path: str) -> bool:
        """Whether an ancestor container's rule covers this leaf (it was known when the rules were written)."""
        return self.known_leaf(path) and any(
            path.startswith((ruled + ".", ruled + "[", ruled + "{")) for ruled in self.fields
        )

    def where(self, *location: str | int) -> str:
        """``file:line`` of a location in the source YAML (nearest known ancestor)."""
        line = self._located.line_of(location) if self._located else 1
        return f"{self._source}:{line}"


def load_rules(
    path: str | Path,
    *,
    schema: WriterSchema | None = None,
    sample: dict[str, Any] | None = None,
    key_schema: WriterSchema | None = None,
) -> Rules:
    """Read, parse and validate a rules file; with a writer schema or a JSON sample (and a key's schema), check
    it too."""
    text = read_rules_text(path)
    return parse_rules(text, source=str(path), schema=schema, sample=sample, key_schema=key_schema)


def read_rules_text(path: str | Path) -> str:
    """A rules file's text; RulesError naming the file if it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise RulesError(f"{path}: cannot read rules file ({error.strerror})") from None


def parse_rules(
    text: str,
    *,
    source: str = "<rules>",
    schema: WriterSchema | None = None,
    sample: dict[str, Any] | None = None,
    key_schema: WriterSchema | None = None,
) -> Rules:
    """Parse rules from YAML text and validate them; raise one RulesError listing every problem."""
    located = _load_yaml(text, source)
    problems = [
        f"{source}:{line}: {_dotted(location)}: duplicate key (first at line {first})"
        for line, location, first in located.duplicates
    ]
    rules = _validate_model(located, source, problems)
    if rules is not None:
        problems.extend(check_rules(rules, schema=schema, sample=sample, key_schema=key_schema))
    if problems or rules is None:
        raise RulesError(f"{len(problems)} problem(s) in rules:\n  " + "\n  ".join(problems))
    leaves = leaf_paths(tree_for_rules(rules, schema, sample))
    rules._known_leaves = frozenset(path for path, _ in leaves)
    rules._opaque_leaves = frozenset(path for path, node in leaves if node.kind == "any")
    rules._key_schema = key_schema
    return rules


def _load_yaml(text: str, source: str) -> LocatedYaml:
    try:
        return load_located(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise RulesError(f"{source}:{line}: <document>: {problem}") from None


def _validate_model(located: LocatedYaml, source: str, problems: list[str]) -> Rules | None:
    """The Rules model; field rules are validated one by one so one bad field hides no other problem."""
    data = located.data
    if not isinstance(data, dict):
        problems.append(f"{source}:1: <document>: rules must be a mapping")
        return None
    raw_fields = data.get("fields") or {}
    if not isinstance(raw_fields, dict):
        problems.append(f"{source}:{located.line_of(('fields',))}: fields: must be a mapping of paths to rules")
        raw_fields = {}
    fields = {}
    for path, raw in raw_fields.items():
        try:
            fields[path] = FieldRule.model_validate(raw)
        except ValidationError as error:
            _add_pydantic_problems(error, ("fields", path), located, source, problems)
    try:
        rules = Rules.model_validate({**data, "fields": fields})
    except ValidationError as error:
        _add_pydantic_problems(error, (), located, source, problems)
        return None
    rules._source = source
    rules._located = located
    return rules


def _add_pydantic_problems(
    error: ValidationError, prefix: Location, located: LocatedYaml, source: str, problems: list[str]
) -> None:
    for issue in error.errors(include_input=False, include_url=False):
        location: Location = (*prefix, *issue["loc"])
        problems.append(f"{source}:{located.line_of(location)}: {_dotted(location)}: {issue['msg']}")


def _dotted(location: Location) -> str:
    """``('fields', 'address.zip', 'keep_last')`` → ``fields[address.zip].keep_last``."""
    if len(location) >= 2 and location[0] == "fields":
        rest = "".join(f".{part}" for part in location[2:])
        return f"fields[{location[1]}]{rest}"
    return ".".join(str(part) for part in location) or "<document>"
