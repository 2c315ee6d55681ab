"""Scoring and reporting of the free-text detection bench (``bench.masking_freetext``).

Recall is per labelled span: "overlap" when a detected span touches it, "cover" when detections cover every
character. Spans are counted under several keys at once, so that one pass gives every breakdown:

    "all", "<TYPE>", "<TYPE>@<locale>", "@<language>", "locale:<locale>",
    and, for sets whose texts say their style, "style:<style>" and "<TYPE>@style:<style>".

The cell table lists every type, locale, language, style, type@locale and type@style cell with at least
``MIN_CELL`` labelled spans: n, streamguard's standard recall with its 95% Wilson score interval, and naive
Presidio's recall; ``BELOW NAIVE`` marks a cell where streamguard finds less than the naive loop.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bench.texts import LabelledText

Spans = list[tuple[int, int]]
MIN_CELL = 100  # below this a cell's recall is too noisy to compare (the interval is wider than ±10 points)
Z95 = 1.959964


@dataclass
class Run:
    name: str
    seconds: float
    count: int
    detected: list[Spans] | None = None

    @property
    def rate(self) -> float:
        return self.count / self.seconds


@dataclass
class Scores:
    overlap: Counter
    cover: Counter
    total: Counter
    flagged: float

    def share(self, key: str, counter: Counter | None = None) -> float:
        return (counter or self.overlap)[key] / max(1, self.total[key])


def _keys(entity: str, labelled: LabelledText) -> list[str]:
    keys = ["all", entity, f"{entity}@{labelled.locale}", f"@{labelled.language}", f"locale:{labelled.locale}"]
    if labelled.style:
        keys += [f"style:{labelled.style}", f"{entity}@style:{labelled.style}"]
    return keys


def score(texts: Sequence[LabelledText], detected: Sequence[Spans]) -> Scores:
    overlap, cover, total = Counter(), Counter(), Counter()
    free = flagged = 0
    for labelled, spans in zip(texts, detected, strict=True):
        if labelled.pii_free:
            free += 1
            flagged += bool(spans)
        for truth in labelled.spans:
            hit = any(s < truth.end and truth.start < e for s, e in spans)
            covered = set()
            for s, e in spans:
                covered.update(range(max(s, truth.start), min(e, truth.end)))
            full = len(covered) == truth.end - truth.start
            for key in _keys(truth.entity_type, labelled):
                total[key] += 1
                overlap[key] += hit
                cover[key] += full
    return Scores(overlap, cover, total, flagged / max(1, free))


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion: unlike p ± z·se it stays inside [0, 1] and is honest near 100%."""
    if n == 0:
        return 0.0, 1.0
    p = hits / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def _is_entity(key: str) -> bool:
    return key != "all" and "@" not in key and ":" not in key


def _cell_kind(key: str) -> str:
    if key.startswith("@"):
        return "language"
    if key.startswith(("locale:", "style:")):
        return key.split(":", 1)[0]
    if "@style:" in key:
        return "type@style"
    if "@" in key:
        return "type@locale"
    return "type"


_KIND_ORDER = ("type", "locale", "language", "style", "type@locale", "type@style")


def _cells(ours: Scores, naive: Scores | None) -> None:
    keys = [k for k in ours.total if k != "all" and ours.total[k] >= MIN_CELL]
    keys.sort(key=lambda k: (_KIND_ORDER.index(_cell_kind(k)), k))
    print(
        f"\ncells with n >= {MIN_CELL} (overlap recall; streamguard standard with 95% Wilson interval, naive Presidio):"
    )
    print(f"  {'cell':34} {'n':>6} {'streamguard':>11} {'95% CI':>15} {'naive':>7}")
    below = []
    for key in keys:
        n, hits = ours.total[key], ours.overlap[key]
        low, high = wilson(hits, n)
        ours_share = ours.share(key)
        naive_text, mark = f"{'-':>7}", ""
        if naive is not None:
            naive_share = naive.share(key)
            naive_text = f"{naive_share:7.1%}"
            if ours_share < naive_share:
                mark = "  BELOW NAIVE"
                below.append(key)
        print(f"  {key:34} {n:6d} {ours_share:11.1%} [{low:6.1%}, {high:6.1%}] {naive_text}{mark}")
    if naive is not None:
        print(f"BELOW NAIVE cells: {len(below)}" + (": " + ", ".join(below) if below else ""))


def report(name: str, texts: list[LabelledText], runs: list[Run]) -> None:
    spans = sum(len(t.spans) for t in texts)
    print(f"\n=== {name}: {len(texts)} texts, {sum(t.pii_free for t in texts)} PII-free, {spans} labelled spans ===")
    print(f"{'path':66} {'texts/s':>8} {'recall':>7} {'cover':>7} {'PII-free flagged':>17}")
    scored = {}
    for run in runs:
        if run.detected is None:
            continue
        scored[run.name] = s = score(texts, run.detected)
        rate = f"{run.rate:8.0f}" if "strict" not in run.name else f"{'(same)':>8}"
        print(f"{run.name:66} {rate} {s.share('all'):7.1%} {s.share('all', s.cover):7.1%} {s.flagged:17.1%}")
    ours, strict = scored[runs[0].name], scored[runs[1].name]
    floor = next(r for r in runs if r.name.startswith("NER-only"))
    print(f"texts/s vs NER-only floor: {runs[0].rate / floor.rate:.2f}x (target >= 0.8x)")
    others = [r.name for r in runs[2:] if r.detected is not None]
    print(f"\nrecall by entity (overlap; standard / strict / {' / '.join(n.split(' ')[0] for n in others)}):")
    entities = sorted(k for k in ours.total if _is_entity(k))
    for entity in entities:
        cells = [ours.share(entity), strict.share(entity)] + [scored[n].share(entity) for n in others]
        print(f"  {entity:16} " + " / ".join(f"{c:6.1%}" for c in cells) + f"  (n={ours.total[entity]})")
    print("by language: " + ", ".join(f"{k[1:]} {ours.share(k):.1%}" for k in sorted(ours.total) if k[0] == "@"))
    print(
        "by locale: " + ", ".join(f"{k[7:]} {ours.share(k):.1%}" for k in sorted(ours.total) if k.startswith("locale:"))
    )
    styles = sorted(k for k in ours.total if k.startswith("style:"))
    if styles:
        print("by style: " + ", ".join(f"{k[6:]} {ours.share(k):.1%}" for k in styles))
    _locale_table(texts, ours, entities)
    naive_name = next((n for n in others if n.startswith("naive")), None)
    _cells(ours, scored[naive_name] if naive_name else None)


def _locale_table(texts: list[LabelledText], ours: Scores, entities: list[str]) -> None:
    print("\nrecall by entity and locale (standard mode), below 95% marked *:")
    locales = sorted({t.locale for t in texts})
    print(f"  {'':16} " + " ".join(f"{loc:>6}" for loc in locales))
    for entity in entities:
        cells = []
        for loc in locales:
            key = f"{entity}@{loc}"
            cells.append(
                f"{'-':>6}"
                if not ours.total[key]
                else f"{ours.share(key):5.0%}" + ("*" if ours.share(key) < 0.95 else " ")
            )
        print(f"  {entity:16} " + " ".join(cells))
