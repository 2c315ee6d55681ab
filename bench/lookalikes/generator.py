"""Deals the texts: languages and styles in turn, 55% PII-free, every template of a (language, style, kind) cell
used before any is used again."""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import ModuleType

from bench.lookalikes import lang_de, lang_en, lang_es, lang_fr, lang_it, lang_nl
from bench.lookalikes.engine import render
from bench.lookalikes.formats import MONTHS, WEEKDAYS
from bench.texts import LabelledText

PII_FREE_SHARE = 0.55
LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
STYLES = ("chat", "email", "transcript", "log", "csv", "ticket", "meeting_notes", "changelog", "news", "review",
          "invoice", "calendar", "social")  # fmt: skip
LOCALES: dict[str, tuple[str, ...]] = {
    "en": ("en_GB", "en_IE"),
    "de": ("de_DE", "de_AT", "de_CH"),
    "fr": ("fr_FR", "fr_BE", "fr_CH"),
    "es": ("es_ES",),
    "it": ("it_IT", "it_CH"),
    "nl": ("nl_NL", "nl_BE"),
}
MODULES: dict[str, ModuleType] = {
    "en": lang_en,
    "de": lang_de,
    "fr": lang_fr,
    "es": lang_es,
    "it": lang_it,
    "nl": lang_nl,
}


def words(language: str) -> Mapping[str, tuple[str, ...]]:
    """The language's hard-negative words, with its month and weekday names."""
    base: dict[str, tuple[str, ...]] = dict(MODULES[language].WORDS)
    base.setdefault("month", tuple(MONTHS[language].split()))
    base.setdefault("weekday", tuple(WEEKDAYS[language].split()))
    return base


def templates(language: str, pii_free: bool) -> Mapping[str, tuple[str, ...]]:
    module = MODULES[language]
    return module.FREE if pii_free else module.PII


class _Deck:
    """Templates of one cell, dealt in a shuffled order and reshuffled when used up."""

    def __init__(self, cards: tuple[str, ...], rng: random.Random) -> None:
        self._cards = cards
        self._rng = rng
        self._left: list[str] = []

    def deal(self) -> str:
        if not self._left:
            self._left = list(self._cards)
            self._rng.shuffle(self._left)
        return self._left.pop()


def _cell(i: int) -> tuple[str, str]:
    return LANGUAGES[i % len(LANGUAGES)], STYLES[(i // len(LANGUAGES)) % len(STYLES)]


def _pii_free_flags(count: int, rng: random.Random) -> list[bool]:
    """55% PII-free overall and in every (language, style) cell, as near as whole texts allow."""
    cells: dict[tuple[str, str], list[int]] = {}
    for i in range(count):
        cells.setdefault(_cell(i), []).append(i)
    exact = {key: len(members) * PII_FREE_SHARE for key, members in cells.items()}
    quota = {key: int(share) for key, share in exact.items()}
    left = round(count * PII_FREE_SHARE) - sum(quota.values())
    for key in sorted(cells, key=lambda k: quota[k] - exact[k])[:left]:  # largest remainders first (stable)
        quota[key] += 1
    flags = [False] * count
    for key, members in cells.items():
        for i in rng.sample(members, quota[key]):
            flags[i] = True
    return flags


def generate_lookalikes(count: int, seed: int = 23) -> list[LabelledText]:
    """`count` labelled texts in six languages and thirteen styles, 55% of them PII-free; the same count and seed
    give the same texts."""
    rng = random.Random(seed)
    kinds = _pii_free_flags(count, rng)
    vocab = {language: words(language) for language in LANGUAGES}
    decks: dict[tuple[str, str, bool], _Deck] = {}
    out: list[LabelledText] = []
    for i, pii_free in enumerate(kinds):
        language, style = _cell(i)
        key = (language, style, pii_free)
        if key not in decks:
            decks[key] = _Deck(templates(language, pii_free)[style], rng)
        locale = rng.choice(LOCALES[language])
        out.append(render(decks[key].deal(), rng, language, locale, style, vocab[language]))
    return out
