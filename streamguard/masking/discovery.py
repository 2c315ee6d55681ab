"""Drafting rules from sampled records (pure, given a ``TextScanner``): what each leaf holds, and a rule for it.

Each leaf of the record's tree is judged on three kinds of evidence, strongest first:

1. **Its values.** Every sampled string goes through the free-text detector (the recognizers and the learned
   model). A value counts as an entity when one detection covers most of it; a leaf whose values are mostly
   one entity gets that entity's rule (``# 97% of 500 sampled values are e-mail addresses``). Values of several
   words with personal data inside are free text: ``detect``.
2. **The schema's tags** (``confluent:tags`` in an Avro field or a JSON Schema property): a leaf tagged PII is
   personal whatever its sampled values show.
3. **Its name.** ``birth_date``, ``mobile``, ``iban``: a name that says what a leaf holds is taken when the
   values do not say otherwise (no sample proves a field is never filled).

A leaf none of them marks is proposed ``public``: a draft that masked everything would be useless, and its
over-masking is measured (``bench.discover``). A proposal's evidence is counts and shares, never a value.
The action proposed is one the leaf's type can take; where it cannot, the next safe one (redact, null).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from streamguard.core.errors import PathError
from streamguard.masking.detection import TextScanner
from streamguard.masking.schema_tree import MAP_KEY, FieldSpec, Node, leaf_paths, parse_path, resolve


@dataclass(frozen=True)
class Suggested:
    """A rule for one kind of personal data: class, action and its parameters, how a comment names it, and
    the detector's entity type that finds it (None: none finds it by its value alone)."""

    class_: str
    action: str
    params: Mapping[str, Any]
    what: str
    entity: str | None = None


ENTITY_RULES: dict[str, Suggested] = {
    "EMAIL_ADDRESS": Suggested("contact", "hash", {}, "e-mail addresses", "EMAIL_ADDRESS"),
    "PHONE_NUMBER": Suggested("contact", "partial", {"keep_last": 2}, "phone numbers", "PHONE_NUMBER"),
    "PERSON": Suggested("contact", "pseudonymize", {}, "names of people", "PERSON"),
    "STREET_ADDRESS": Suggested("contact", "redact", {}, "street addresses", "STREET_ADDRESS"),
    "POSTAL_CODE": Suggested("contact", "generalize", {"keep_first": 2}, "postcodes", "POSTAL_CODE"),
    "LOCATION": Suggested("location", "redact", {}, "places", "LOCATION"),
    "CREDIT_CARD": Suggested("financial", "partial", {"keep_last": 4}, "payment card numbers", "CREDIT_CARD"),
    "IBAN_CODE": Suggested("financial", "partial", {"keep_last": 4}, "IBANs", "IBAN_CODE"),
    "US_SSN": Suggested("government_id", "redact", {}, "national identity numbers", "US_SSN"),
    "IP_ADDRESS": Suggested("location", "generalize", {"to": "network"}, "IP addresses", "IP_ADDRESS"),
}
BIRTH_DATE = Suggested("personal", "generalize", {"to": "year"}, "dates of birth")
GEO = Suggested("location", "generalize", {"size": 0.1}, "coordinates")
FREE_TEXT = Suggested("free_text", "detect", {}, "free text")
TAGGED = Suggested("personal", "redact", {}, "tagged personal data")
# Field-name words, matched as whole words of the leaf's own name (``contact_mail``, ``mobileNo``).
NAME_HINTS: tuple[tuple[frozenset[str], Suggested], ...] = (
    (frozenset({"email", "mail"}), ENTITY_RULES["EMAIL_ADDRESS"]),
    (frozenset({"phone", "mobile", "tel", "telephone", "fax", "msisdn", "cell"}), ENTITY_RULES["PHONE_NUMBER"]),
    (frozenset({"surname", "firstname", "lastname", "fullname", "forename", "givenname"}), ENTITY_RULES["PERSON"]),
    (frozenset({"ssn", "passport", "nino", "bsn", "nif", "dni", "taxid", "nationalid"}), ENTITY_RULES["US_SSN"]),
    (frozenset({"iban", "cardnumber", "pan", "bic"}), ENTITY_RULES["IBAN_CODE"]),
    (frozenset({"dob", "birth", "birthday", "birthdate", "born"}), BIRTH_DATE),
    (frozenset({"street", "address", "addr", "housenumber"}), ENTITY_RULES["STREET_ADDRESS"]),
    (frozenset({"zip", "zipcode", "postcode", "postal", "plz"}), ENTITY_RULES["POSTAL_CODE"]),
    (frozenset({"ip", "ipaddress", "ipv4", "ipv6"}), ENTITY_RULES["IP_ADDRESS"]),
    (frozenset({"city", "town", "municipality", "locality", "village"}), ENTITY_RULES["LOCATION"]),
    (frozenset({"lat", "latitude", "lon", "lng", "longitude"}), GEO),
    (frozenset({"notes", "note", "comment", "comments", "remarks", "message", "description", "body"}), FREE_TEXT),
)
# Words that make a name a thing's, not a person's (``product_name``, ``company_name``, ``file_name``).
THING_WORDS = frozenset({"product", "company", "plan", "file", "host", "brand", "item", "sku", "store", "shop"})
PERSON_NAME_WORDS = frozenset({"name", "first", "last", "given", "family", "middle"})
# Entities recognized by construction (a checksum, a fixed syntax): a name is not believed over sampled values
# of which none is one.
CHECKABLE = frozenset({"EMAIL_ADDRESS", "IP_ADDRESS", "IBAN_CODE", "CREDIT_CARD"})
PERSONAL_TAGS = frozenset({"PII", "PERSONAL", "SENSITIVE", "PRIVATE", "GDPR", "PHI"})
NAMED_KINDS = {  # the leaf types a name hint may mark: no boolean or enum is personal by its name
    BIRTH_DATE.what: {"string", "int", "long", "any"},
    GEO.what: {"float", "double", "string", "any"},
}
HINT_KINDS = {"string", "int", "long", "any", "bytes"}
MIN_CONTRADICTING = 20  # sampled values it takes for none of them being an entity to outweigh a name
MAJORITY = 0.5  # share of a leaf's values that must be one entity
FREE_TEXT_SHARE = 0.3  # share of values of several words with personal data inside
COVERAGE = 0.6  # share of a value's characters one detection must cover for the value to be that entity
MAX_VALUE_CHARS = 2_000  # longer values are scanned by their start: a sample, not an archive


@dataclass
class LeafEvidence:
    """What the sampled values of one leaf showed (counts only)."""

    values: int = 0
    distinct: set[int] = field(default_factory=set)  # hashes of the values, for their cardinality only
    entities: Counter[str] = field(default_factory=Counter)
    free_text: int = 0  # values of several words with some personal data inside
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Proposal:
    """A drafted rule for one leaf (or the key): its class, action and parameters, and why, as a comment."""

    path: str
    class_: str
    action: str | None  # None: public
    params: Mapping[str, Any]
    evidence: str

    @property
    def personal(self) -> bool:
        return self.class_ != "public"

    def yaml(self) -> str:
        parts = [f"class: {self.class_}"]
        if self.action is not None:
            parts.append(f"action: {self.action}")
        parts += [f"{name}: {value}" for name, value in self.params.items()]
        return "{" + ", ".join(parts) + "}"


def rule_leaves(tree: Node) -> list[tuple[str, Node]]:
    """The leaves a rule can name (a JSON key with a space or an ``@`` cannot be: the unclassified policy's)."""
    leaves = []
    for path, node in leaf_paths(tree):
        try:
            parse_path(path)
        except PathError:
            continue
        leaves.append((path, node))
    return leaves


def values_at(record: Any, path: str) -> list[Any]:
    """The values a steward path names in one record (every element of ``[]``, every map value of ``{}``,
    every map key of ``{key}``), None and absent ones left out."""
    found = [record]
    for step in parse_path(path):
        found = [item.get(step.name) for item in found if isinstance(item, Mapping)]
        for descent in step.descents:
            if descent == "[]":
                found = [element for item in found if isinstance(item, list) for element in item]
            elif descent == MAP_KEY:
                found = [key for item in found if isinstance(item, Mapping) for key in item]
            else:
                found = [value for item in found if isinstance(item, Mapping) for value in item.values()]
    return [value for value in found if value is not None]


def gather(
    tree: Node, records: Sequence[Any], scanner: TextScanner, tags: Mapping[str, frozenset[str]] | None = None
) -> dict[str, LeafEvidence]:
    """Every leaf's evidence over the sampled records: its string values scanned in one batch."""
    evidence = {path: LeafEvidence(tags=_tags_of(path, tags or {})) for path, _node in rule_leaves(tree)}
    sampled = {path: [value for record in records for value in values_at(record, path)] for path in evidence}
    _scanned(evidence, sampled, scanner)
    return evidence


def _scanned(evidence: Mapping[str, LeafEvidence], sampled: Mapping[str, list[Any]], scanner: TextScanner) -> None:
    """Each leaf's values counted, and its strings scanned: every leaf's in one batch."""
    texts: list[tuple[str, str]] = []  # (path, text)
    for path, values in sampled.items():
        leaf = evidence[path]
        leaf.values += len(values)
        leaf.distinct.update(hash(str(value)) for value in values)
        texts += [(path, value[:MAX_VALUE_CHARS]) for value in values if isinstance(value, str) and value.strip()]
    scans = scanner.scan_batch([text for _, text in texts]) if texts else []
    for (path, text), scan in zip(texts, scans, strict=True):
        _count(evidence[path], text, scan.spans if not scan.failed else ())


def _tags_of(path: str, tags: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """A leaf's tags: its own, and those of the fields it lies under."""
    found: frozenset[str] = frozenset()
    for tagged, names in tags.items():
        if path == tagged or path.startswith((tagged + ".", tagged + "[", tagged + "{")):
            found |= names
    return found


def _count(leaf: LeafEvidence, text: str, spans: Iterable[Any]) -> None:
    spans = list(spans)
    letters = len(text.strip()) or 1
    covering = [span for span in spans if (span.end - span.start) / letters >= COVERAGE]
    if covering:
        leaf.entities[max(covering, key=lambda span: span.end - span.start).entity_type] += 1
    elif spans and len(text.split()) >= 4:
        leaf.free_text += 1


def propose(path: str, node: Node, spec: FieldSpec, leaf: LeafEvidence, fmt: str) -> Proposal:
    """The rule for one leaf, from its evidence (values, then tags, then name), checked against its type."""
    sampled = f"{leaf.values} sampled value{'s' if leaf.values != 1 else ''}"
    entity, count = leaf.entities.most_common(1)[0] if leaf.entities else (None, 0)
    if entity in ENTITY_RULES and leaf.values and count / leaf.values >= MAJORITY:
        rule = ENTITY_RULES[entity]
        return _fitted(path, node, spec, fmt, rule, f"{_share(count, leaf.values)} of {sampled} are {rule.what}")
    if leaf.values and leaf.free_text / leaf.values >= FREE_TEXT_SHARE:
        why = f"{_share(leaf.free_text, leaf.values)} of {sampled} are text with personal data inside"
        return _fitted(path, node, spec, fmt, FREE_TEXT, why)
    if leaf.tags & PERSONAL_TAGS:
        return _fitted(path, node, spec, fmt, TAGGED, f"tagged {', '.join(sorted(leaf.tags))} in the schema")
    hint = name_hint(path, node)
    if hint is not None:
        found = leaf.entities[hint.entity] if hint.entity else 0
        if not (hint.entity in CHECKABLE and leaf.values >= MIN_CONTRADICTING and found == 0):
            seen = f"{_share(found, leaf.values)} of {sampled} recognized as such" if hint.entity else sampled
            return _fitted(path, node, spec, fmt, hint, f"named like {hint.what} ({seen})")
    return Proposal(path, "public", None, {}, f"no personal data in {sampled} ({len(leaf.distinct)} distinct)")


def name_hint(path: str, node: Node) -> Suggested | None:
    """The rule a leaf's own name suggests, if any (``contact_email``: e-mail; ``product_name``: none)."""
    last = parse_path(path)[-1].name
    words = set(re.findall(r"[a-z]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", last).lower()))
    words.add(re.sub(r"[^a-z]", "", last.lower()))  # the name as one word: first_name -> firstname
    if words & THING_WORDS:
        return None
    hint = next((rule for hints, rule in NAME_HINTS if words & hints), None)
    if hint is None and "name" in words and words & PERSON_NAME_WORDS and not words & {"user", "display", "nick"}:
        hint = ENTITY_RULES["PERSON"]
    if hint is None or node.kind not in NAMED_KINDS.get(hint.what, HINT_KINDS):
        return None
    return hint


def _fitted(path: str, node: Node, spec: FieldSpec, fmt: str, rule: Suggested, why: str) -> Proposal:
    """The proposal, with the first action the leaf's type can take: the rule's own, then redact, null."""
    from streamguard.masking.rules import FieldRule  # the rules import this package's modules
    from streamguard.masking.rules_check import action_problem

    for action, params in ((rule.action, rule.params), ("redact", {}), ("null", {})):
        field_rule = FieldRule.model_validate({"class": rule.class_, "action": action, **params})
        if action_problem(action, field_rule, node, spec, path, fmt) is None:
            note = why if action == rule.action else f"{why}; {rule.action} does not fit a {node.kind}"
            return Proposal(path, rule.class_, action, params, note)
    return Proposal(path, rule.class_, "drop", {}, f"{why}; no masking action fits a {node.kind}")


def _share(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total else "0%"


def propose_all(tree: Node, evidence: Mapping[str, LeafEvidence], fmt: str) -> list[Proposal]:
    proposals = []
    for path, node in rule_leaves(tree):
        spec = resolve(tree, path)[1]
        proposals.append(propose(path, node, spec, evidence[path], fmt))
    return proposals


def key_proposal(keys: Sequence[str], scanner: TextScanner) -> Proposal:
    """A key classified whole, from its sampled values: only actions that keep one token per key apply."""
    leaf = LeafEvidence()
    _scanned({"key": leaf}, {"key": [key for key in keys if key.strip()]}, scanner)
    sampled = f"{leaf.values} sampled key{'s' if leaf.values != 1 else ''}"
    entity, count = leaf.entities.most_common(1)[0] if leaf.entities else (None, 0)
    if entity is not None and count / max(leaf.values, 1) >= MAJORITY:
        rule = ENTITY_RULES.get(entity, TAGGED)
        return Proposal("key", rule.class_, "hash", {}, f"{_share(count, leaf.values)} of {sampled} are {rule.what}")
    if leaf.entities or leaf.free_text:
        found = sum(leaf.entities.values()) + leaf.free_text
        return Proposal("key", "personal", "hash", {}, f"{_share(found, leaf.values)} of {sampled} hold personal data")
    return Proposal("key", "public", None, {}, f"no personal data in {sampled}")


def key_field_proposals(proposals: Sequence[Proposal]) -> list[Proposal]:
    """A key's fields: personal ones hashed (a key takes only actions that keep one token per key)."""
    return [replace(proposal, action="hash", params={}) if proposal.personal else proposal for proposal in proposals]


@dataclass(frozen=True)
class DraftHeader:
    """What a draft says about where it came from, and what the rules file needs besides its fields."""

    topic: str
    dataset: str
    fmt: str
    sampled: int
    subject: str | None = None
    message: str | None = None


def draft_rules(header: DraftHeader, proposals: Sequence[Proposal], key: Proposal | Sequence[Proposal]) -> str:
    """The draft rules file: every proposal with its evidence as a comment, never a sampled value."""
    lines = [
        f"# Draft rules for {header.topic}, written by `streamguard discover` from {header.sampled} sampled records.",
        "# Each rule says why it was proposed; no sampled value is quoted. Review them, add the audiences that are",
        "# cleared for more than analytics, then validate and apply (a change that loosens protection is approved).",
        f"dataset: {header.dataset}",
        f"format: {header.fmt}",
    ]
    lines += [f"subject: {header.subject}"] if header.subject else []
    lines += [f"message: {header.message}"] if header.message else []
    lines += ["audiences:", "  analytics: {clearances: []}", "fields:"]
    lines += _ruled(proposals, "  ")
    lines.append("unclassified: redact  # leaves no rule names, and those a later writer schema adds")
    if isinstance(key, Proposal):
        lines.append(f"key: {key.yaml()}  # {key.evidence}")
    else:
        lines += ["key:", "  fields:", *_ruled(key, "    ")]
    return "\n".join(lines) + "\n"


def _ruled(proposals: Sequence[Proposal], indent: str) -> list[str]:
    width = max((len(proposal.path) for proposal in proposals), default=0) + 1
    rules = max((len(proposal.yaml()) for proposal in proposals), default=0)
    return [f"{indent}{p.path + ':':<{width}} {p.yaml():<{rules}}  # {p.evidence}" for p in proposals]
