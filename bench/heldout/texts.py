"""The labelled-text generator: ``generate_heldout``."""

from __future__ import annotations

import random

from bench.heldout.labels import STYLES
from bench.heldout.locales import _ENGLISH_SHARE, _Profile, _Source, _sources
from bench.heldout.rendering import _Buf, _Ctx, _render
from bench.heldout.signatures import _signature_template
from bench.heldout.templates_free import _FREE
from bench.heldout.templates_pii import _PII
from bench.texts import LabelledText


def _pick_language(profile: _Profile, rng: random.Random) -> str:
    if profile.language == "en":
        return "en"
    return "en" if rng.random() < _ENGLISH_SHARE else profile.language


def _labelled(buf: _Buf, src: _Source, lang: str) -> LabelledText:
    text = buf.text()
    spans = tuple(sorted((s for s, _ in buf.spans), key=lambda s: s.start))
    return LabelledText(text=text, spans=spans, locale=src.profile.code, language=lang)


def _pii_text(src: _Source, lang: str, style: str, rng: random.Random) -> LabelledText:
    if style == "signature":
        template = _signature_template(lang, rng)
    else:
        templates = _PII[lang][style]
        if src.profile.country in ("US", "CA"):  # no IBAN there
            templates = tuple(t for t in templates if "{iban}" not in t)
        template = rng.choice(templates)
    ctx = _Ctx(src, lang, rng, style=style, lower=style == "chat" and rng.random() < 0.5)
    buf = _render(template, ctx)
    assert buf.spans, template
    return _labelled(buf, src, lang)


def _free_text(src: _Source, lang: str, style: str, rng: random.Random) -> LabelledText:
    ctx = _Ctx(src, lang, rng, style=style)
    buf = _render(rng.choice(_FREE[lang][style]), ctx)
    assert not buf.spans
    return _labelled(buf, src, lang)


def generate_heldout(count: int, seed: int = 1009) -> list[LabelledText]:
    """``count`` labelled texts, locales in turn, exactly ``round(count / 3)`` of them PII-free."""
    rng = random.Random(seed)
    sources = _sources(seed)
    free = set(rng.sample(range(count), round(count / 3))) if count > 0 else set()
    out: list[LabelledText] = []
    for i in range(count):
        src = sources[i % len(sources)]
        lang = _pick_language(src.profile, rng)
        style = rng.choice(STYLES)
        out.append(_free_text(src, lang, style, rng) if i in free else _pii_text(src, lang, style, rng))
    return out
