"""The generator: ``generate_heldout2(count, seed)``."""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.heldout2.cv import build_cv
from bench.heldout2.label_list import build_label, build_list
from bench.heldout2.labels import LANGUAGES, LOCALES, STYLES
from bench.heldout2.mail import build_email
from bench.heldout2.render import Buf, Ctx
from bench.heldout2.structured import build_csv, build_form, build_log
from bench.heldout2.tpl_chat import CHAT_FREE, CHAT_PII, TRANSCRIPT_FREE, TRANSCRIPT_PII
from bench.heldout2.tpl_dialogue import (
    DIALOGUE_FREE,
    DIALOGUE_PII,
    REVIEW_ANONYMOUS,
    REVIEW_PII,
    REVIEW_SIGNATURES,
)
from bench.heldout2.tpl_prose import PROSE_FREE, PROSE_PII
from bench.texts import LabelledText

PII_FREE_SHARE = 0.3
_PERSONAL_KEYS = ("{first", "{last", "{full", "{short", "{handle", "{email", "{wemail", "{phone", "{mobile",
                  "{landline", "{iban", "{card", "{street", "{pc", "{town", "{wtown", "{addr", "{initials")  # fmt: skip

Builder = Callable[[Ctx, bool], None]


def _from(pii_templates: dict[str, tuple[str, ...]], free_templates: dict[str, tuple[str, ...]]) -> Builder:
    def build(ctx: Ctx, pii: bool) -> None:
        ctx.render(ctx.rng.choice((pii_templates if pii else free_templates)[ctx.lang]))

    return build


def build_chat(ctx: Ctx, pii: bool) -> None:
    ctx.buf.lower = ctx.rng.random() < 0.4  # many people never press shift in chat
    _from(CHAT_PII, CHAT_FREE)(ctx, pii)


def build_transcript(ctx: Ctx, pii: bool) -> None:
    ctx.buf.lower = True
    ctx.spoken = True
    _from(TRANSCRIPT_PII, TRANSCRIPT_FREE)(ctx, pii)


def build_review(ctx: Ctx, pii: bool) -> None:
    rng = ctx.rng
    bodies = REVIEW_PII[ctx.lang] if pii else [b for b in REVIEW_PII[ctx.lang] if not _personal(b)]
    ctx.render(rng.choice(bodies) + "\n— ")
    if not pii:
        ctx.render(rng.choice(REVIEW_ANONYMOUS[ctx.lang]))
        return
    ctx.render(rng.choice(REVIEW_SIGNATURES) + (", {town}" if rng.random() < 0.4 else ""))


def _personal(template: str) -> bool:
    return any(key in template for key in _PERSONAL_KEYS)


BUILDERS: dict[str, Builder] = {
    "prose": _from(PROSE_PII, PROSE_FREE),
    "chat": build_chat,
    "email": build_email,
    "transcript": build_transcript,
    "log": build_log,
    "csv": build_csv,
    "label": build_label,
    "form": build_form,
    "list": build_list,
    "dialogue": _from(DIALOGUE_PII, DIALOGUE_FREE),
    "cv": build_cv,
    "review": build_review,
}
assert set(BUILDERS) == set(STYLES)


def _locale(lang: str, rng: random.Random) -> str:
    locales, weights = zip(*LOCALES[lang], strict=True)
    return rng.choices(locales, weights)[0]


def generate_heldout2(count: int, seed: int = 2027) -> list[LabelledText]:
    """``count`` labelled texts; languages and styles in turn (every language gets every style equally often),
    ``round(count * 0.3)`` of them PII-free. The same count and seed give the same texts."""
    rng = random.Random(seed)
    free = set(rng.sample(range(count), round(count * PII_FREE_SHARE))) if count > 0 else set()
    out: list[LabelledText] = []
    for i in range(count):
        lang = LANGUAGES[i % len(LANGUAGES)]
        style = STYLES[(i // len(LANGUAGES)) % len(STYLES)]
        ctx = Ctx(lang, _locale(lang, rng), rng, style, buf=Buf())
        BUILDERS[style](ctx, i not in free)
        text = ctx.labelled()
        assert text.pii_free == (i in free), (style, lang, text.text)
        out.append(text)
    return out
