"""The masking plan of one dataset: rules + writer schema + keys + scanner, compiled once, applied in batches.

``mask_batch`` works in two phases. First it gathers every free-text value the views need scanned, across
all records of the batch, and calls the scanner once (detection is shared by all audiences; only the
replacement differs). Then it applies each audience's compiled view; a view that scans free text also
looks there for the record's own classified values it masks (``masking/own_values.py``). A record whose
text could not be scanned, or any field of which cannot be masked, fails closed: no views, and a failure code
``reason:field.path`` that never contains a value.

Views share unchanged sub-objects with the input record and with each other: treat them as read-only.
A ``DatasetMasker`` is not safe for concurrent ``mask_batch`` calls (one per worker).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from streamguard.core.errors import MaskingError, RecordFault, RulesError
from streamguard.masking.detection import TextScan, TextScanner
from streamguard.masking.keys import Keyring
from streamguard.masking.own_values import OwnValue, matcher_for
from streamguard.masking.plan_compile import AudienceView, ScanSite, compile_view
from streamguard.masking.rules import Rules
from streamguard.masking.rules_check import check_rules, tree_for_rules
from streamguard.masking.schema_tree import leaf_paths
from streamguard.masking.spans import resolve_overlaps
from streamguard.masking.writer_schemas import WriterSchema

MAX_TEXT_CHARS = 50_000  # longer texts are not scanned: the record fails closed as text_too_large
_EMPTY: Mapping[str, int] = MappingProxyType({})
_TOO_LARGE = TextScan(error="text_too_large")


@dataclass(frozen=True, slots=True)
class MaskOutcome:
    """What became of one input record.

    ``views``: audience → masked record (each audience → None for a tombstone), or None on failure.
    ``failure``: ``reason:field.path`` when the record must be quarantined, else None.
    ``action_counts``: ``class/action`` → number of (field, audience) applications in this record's plan.
    ``entity_counts``: detected entity type → spans found in this record's free text.
    """

    views: dict[str, dict[str, Any] | None] | None
    failure: str | None = None
    action_counts: Mapping[str, int] = field(default_factory=lambda: _EMPTY)
    entity_counts: Mapping[str, int] = field(default_factory=lambda: _EMPTY)

    @property
    def failed(self) -> bool:
        return self.failure is not None


class DatasetMasker:
    """All audience views of one dataset, compiled for one (rules version, writer schema, keyring)."""

    def __init__(
        self,
        rules: Rules,
        keyring: Keyring,
        *,
        schema: WriterSchema | None = None,
        sample: Mapping[str, Any] | None = None,
        scanner: TextScanner | None = None,
        max_text_chars: int = MAX_TEXT_CHARS,
    ) -> None:
        """Validate the rules against the schema (or sample), derive keys and compile every view.

        Raises RulesError (rules do not fit the schema), KeyringError (a key the rules need is missing)
        or MaskingError (the rules need free-text detection but no scanner was given).
        """
        problems = check_rules(rules, schema=schema, sample=dict(sample) if sample else None)
        if problems:
            raise RulesError(f"{len(problems)} problem(s) in rules:\n  " + "\n  ".join(problems))
        self.rules = rules
        self.rules_version = rules.digest()
        self._results: dict[str, TextScan] = {}  # refilled per batch; detect closures read it
        tree = tree_for_rules(rules, schema, dict(sample) if sample else None)
        # Schema drift: leaves of this writer schema the rules were not validated with (unclassified here).
        self.drift: tuple[str, ...] = tuple(path for path, _ in leaf_paths(tree) if not rules.known_leaf(path))
        shared: dict[Any, Any] = {}  # audience-independent closures, computed once per record
        self._views: tuple[AudienceView, ...] = tuple(
            compile_view(rules, tree, audience, keyring, self._results, shared) for audience in rules.audiences
        )
        self._sites = _unique_sites(self._views)
        # Only views that scan free text look for the record's own values in it.
        self._own_views = tuple(view for view in self._views if view.own_sites and view.scan_sites)
        if self._sites and scanner is None:
            paths = ", ".join(sorted({site.path for site in self._sites}))
            raise MaskingError(f"rules for {rules.dataset} need free-text detection ({paths}) but no scanner")
        self._scanner = scanner
        self._max_text = max_text_chars
        self._counts: Mapping[str, int] = MappingProxyType(
            sum((Counter(view.action_counts) for view in self._views), Counter())
        )

    @property
    def audiences(self) -> tuple[str, ...]:
        return tuple(view.audience for view in self._views)

    @property
    def action_counts(self) -> Mapping[str, int]:
        """``class/action`` applications per masked record (the same for every record of this plan)."""
        return self._counts

    @property
    def needs_scanner(self) -> bool:
        return bool(self._sites)

    def mask_batch(self, records: Sequence[Mapping[str, Any] | None]) -> list[MaskOutcome]:
        """One outcome per record, in order. Never raises for a bad record: it fails that record only."""
        texts = [self._texts_of(record) for record in records]
        self._scan(texts)
        return [self._mask_one(record, found) for record, found in zip(records, texts, strict=True)]

    def _texts_of(self, record: Any) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        if self._sites and isinstance(record, dict):
            for site in self._sites:
                _collect(record, site, 0, found)
        return found

    def _scan(self, texts: list[list[tuple[str, str]]]) -> None:
        self._results.clear()
        if self._scanner is None:
            return
        unique = {text: None for found in texts for _, text in found}
        to_scan = [text for text in unique if len(text) <= self._max_text]
        self._results.update({text: _TOO_LARGE for text in unique if len(text) > self._max_text})
        if not to_scan:
            return
        try:
            scans = self._scanner.scan_batch(to_scan)
        except Exception as error:  # a broken scanner must fail the batch closed, not crash the worker
            scans = [TextScan(error=f"scanner_error:{type(error).__name__}")] * len(to_scan)
        if len(scans) != len(to_scan):
            scans = [TextScan(error="scanner_contract")] * len(to_scan)
        self._results.update(zip(to_scan, scans, strict=True))

    def _mask_one(self, record: Any, found: list[tuple[str, str]]) -> MaskOutcome:
        if record is None:  # tombstone: a deletion that every view must receive
            return MaskOutcome(views=dict.fromkeys(self.audiences))
        if not isinstance(record, dict):
            return MaskOutcome(views=None, failure="not_a_record:<record>")
        entities: Counter[str] | None = Counter() if found else None  # a Counter costs; most records have no text
        for path, text in found:
            scan = self._results.get(text)
            if scan is None or scan.failed:
                reason = "text_too_large" if scan is _TOO_LARGE else "detector_failed"
                return MaskOutcome(views=None, failure=f"{reason}:{path}")
            entities.update(span.entity_type for span in resolve_overlaps(scan.spans))  # type: ignore[union-attr]
        self._arm_own_values(record, bool(found))
        try:
            views = {view.audience: view.apply(record) for view in self._views}
        except RecordFault as fault:
            return MaskOutcome(views=None, failure=fault.reason)
        except Exception as error:  # a bug in a closure: this record fails closed, its neighbours do not
            return MaskOutcome(views=None, failure=f"mask_error:{type(error).__name__}")
        return MaskOutcome(views, None, self._counts, MappingProxyType(dict(entities)) if entities else _EMPTY)

    def _arm_own_values(self, record: dict[str, Any], has_text: bool) -> None:
        """Give each view the matcher of this record's values it masks, to find them in the free text."""
        for view in self._own_views:
            view.own_slot.matcher = matcher_for(_own_values(record, view)) if has_text else None


def _own_values(record: dict[str, Any], view: AudienceView) -> list[OwnValue]:
    values: list[OwnValue] = []
    for own in view.own_sites:
        strings: list[tuple[str, str]] = []
        _collect(record, own.site, 0, strings)
        values.extend(OwnValue.of(own.site.path, own.field_class, text) for _, text in strings)
    return values


def _unique_sites(views: Sequence[AudienceView]) -> tuple[ScanSite, ...]:
    return tuple(dict.fromkeys(site for view in views for site in view.scan_sites))


def _collect(value: Any, site: ScanSite, depth: int, out: list[tuple[str, str]]) -> None:
    """Gather the strings at ``site`` (wrong shapes are skipped here; applying the view fails them)."""
    if value is None:
        return
    if depth == len(site.steps):
        if site.nested_only and not isinstance(value, (dict, list)):
            return
        if site.rest_known is None:
            _strings(value, site.path, out)
        elif isinstance(value, dict):
            for key in value.keys() - site.rest_known:
                _strings(key, site.path, out)  # the key's name is unclassified text too
                _strings(value[key], site.path, out)
        return
    step = site.steps[depth]
    if step == "[]" and isinstance(value, list):
        children: Any = value
    elif step == "{}" and isinstance(value, dict):
        children = value.values()
    elif step == "{key}" and isinstance(value, dict):
        children = value.keys()
    elif isinstance(value, dict) and step not in ("[]", "{}", "{key}"):
        children = (value.get(step),)
    else:
        return
    for child in children:
        _collect(child, site, depth + 1, out)


def _strings(value: Any, path: str, out: list[tuple[str, str]]) -> None:
    if isinstance(value, str):
        if value:
            out.append((path, value))
    elif isinstance(value, dict):
        for key, child in value.items():
            _strings(key, path, out)  # an object's keys are text too
            _strings(child, path, out)
    elif isinstance(value, list):
        for child in value:
            _strings(child, path, out)
