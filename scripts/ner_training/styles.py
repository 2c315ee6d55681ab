"""Free-text styles: prose, support tickets, chat, e-mail threads, transcripts, dialogue, CVs, reviews, meeting
notes and lists of names. Each style renders segments for one example; ``negative`` asks for no entity at all."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import openers_a, openers_b
from .example import Segment
from .render import Renderer

Style = Callable[[Renderer, bool], tuple[list[Segment], str]]
"""A style returns its segments and the transform of the whole text: keep, lower, upper or speech."""


OPENERS = {**openers_a.OPENERS, **openers_b.OPENERS}
OPENER_SHARE = (0.3, 0.15)
"""The chance that a text's first sentence (and any later one) comes from :mod:`openers_a`/:mod:`openers_b`."""


def opener(r: Renderer, negative: bool) -> str:
    """A template that opens with a capitalised ordinary word; with a name or a town in 55 % unless ``negative``."""
    return r.rng.choice(OPENERS[r.lang]["neg" if negative or r.rng.random() < 0.45 else "pos"])


def sentences(r: Renderer, register: str, count: int, negative: bool, mix: float = 0.2) -> list[list[Segment]]:
    pool = r.world.langs[r.lang].SENTENCES
    out, used = [], set()
    for i in range(count):
        source = "neg" if negative or r.rng.random() < mix else register
        if source == "neg" and register == "chat" and r.rng.random() < 0.7:
            source = "neg_chat"
        if r.rng.random() < OPENER_SHARE[min(i, 1)]:
            out.append(r.render(opener(r, negative)))
            continue
        template = r.rng.choice(pool[source])
        for _ in range(3):  # a few redraws keep an example from repeating a sentence
            if template not in used:
                break
            template = r.rng.choice(pool[source])
        used.add(template)
        out.append(r.render(template))
    return out


ENTITY_SLOT = re.compile(r"\{(?:F|S|PF|P|T|H|FI|LF|L|LW|ADDR)\d?\}")


def frame(r: Renderer, key: str, negative: bool = False) -> list[Segment]:
    """One of the language's frame lines for ``key``; only lines without a person or place when ``negative``."""
    options = r.world.langs[r.lang].FRAME[key]
    if negative:
        options = tuple(o for o in options if not ENTITY_SLOT.search(o))
    return r.render(r.rng.choice(options))


def joined(parts: list[list[Segment]], sep: str) -> list[Segment]:
    out: list[Segment] = []
    for i, part in enumerate(parts):
        if i:
            out.append((sep, None))
        out.extend(part)
    return out


def prose(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    parts = sentences(r, "prose", r.rng.randint(1, 3), negative)
    return joined(parts, r.rng.choice((" ", " ", "\n\n"))), "keep"


def short(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    """One to three short lines or sentences, each opening with a capitalised ordinary word or a given name."""
    parts = [r.render(opener(r, negative)) for _ in range(r.rng.choice((1, 1, 1, 2, 2, 3)))]
    return joined(parts, r.rng.choice((" ", "\n", "\n"))), "lower" if r.rng.random() < 0.05 else "keep"


def ticket(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    out = frame(r, "ticket_head") if rng.random() < 0.75 else []
    if not negative and rng.random() < 0.6:
        out += [("\n", None)] if out else []
        out += frame(r, "reporter")
    body = joined(sentences(r, "ticket", rng.randint(1, 3), negative), rng.choice((" ", "\n")))
    return out + ([("\n\n", None)] if out else []) + body, "keep"


def speaker(
    r: Renderer, key: str, shapes: tuple[str, ...] = ("first", "first", "first", "full", "handle")
) -> list[Segment]:
    shape = r.rng.choice(shapes)
    return r.name(shape, key, case="upper" if r.rng.random() < 0.08 else None)


def chat(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    layout = rng.randrange(4)
    cast = [str(i) for i in range(1, rng.randint(2, 4) + 1)]
    lines: list[list[Segment]] = []
    for _ in range(rng.randint(1, 5)):
        message = sentences(r, "chat", 1, negative, mix=0.25)[0]
        stamp = [(f"[{r.slot('TIME', '')[0][0]}] ", None)] if layout == 1 else []
        if negative or layout == 3:
            lines.append(stamp + message)
        else:
            lines.append(stamp + speaker(r, rng.choice(cast), ("first", "first", "handle")) + [(": ", None)] + message)
    return joined(lines, "\n"), "lower" if rng.random() < 0.35 else "keep"


def email(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    out: list[Segment] = []
    if rng.random() < 0.3:
        out += [*frame(r, "subject"), ("\n\n", None)]
    out += [*frame(r, "greet0" if negative or rng.random() < 0.25 else "greet"), ("\n\n", None)]
    out += [*joined(sentences(r, "email", rng.randint(1, 3), negative), rng.choice((" ", "\n\n"))), ("\n\n", None)]
    out += [*frame(r, "close", negative), ("\n", None)]
    if negative:
        out += frame(r, "team")
    else:
        out += r.name(rng.choice(("full", "full", "first", "initial")), "3")
        if rng.random() < 0.5:
            out += [("\n", None), *r.render(rng.choice(("{JOB}", "{JOB}, {DEPT}", "{DEPT}", "{JOB} | {BRAND}")))]
        if rng.random() < 0.4:
            out += [("\n", None), *r.render(rng.choice(("Tel. {PHONE}", "{PHONE}", "{EMAIL3}", "M: {PHONE}")))]
        if rng.random() < 0.25:
            out += [("\n", None), *r.address(block=rng.random() < 0.5)]
    if rng.random() < 0.35:
        quoted = [*frame(r, "greet" if not negative else "greet0"), ("\n", None)]
        quoted += joined(sentences(r, "email", rng.randint(1, 2), negative), "\n")
        if not negative:
            quoted += [("\n", None), *r.name("first", "2")]
        out += [("\n\n", None)] + (frame(r, "wrote") if not negative else r.render("{DATE}, {TIME}:")) + [("\n", None)]
        out += quote(quoted)
    return out, "keep"


def quote(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = [("> ", None)]
    for text, label in segments:
        if label is None and "\n" in text:
            text = text.replace("\n", "\n> ")
        out.append((text, label))
    return out


def transcript(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    r.speech = True
    turns = sentences(r, "transcript", rng.randint(1, 4), negative, mix=0.15)
    tags = r.world.langs[r.lang].FRAME["speakers"]
    out: list[list[Segment]] = []
    for turn in turns:
        if rng.random() < 0.3:
            turn = [(rng.choice(r.world.langs[r.lang].FRAME["uh"]) + " ", None), *turn]
        out.append(turn)
    if rng.random() < 0.4:  # diarized: one speaker tag per line
        out = [[(rng.choice(tags) + ": ", None), *turn] for turn in out]
        return joined(out, "\n"), "speech"
    return joined(out, rng.choice((" ", "\n"))), "speech"


def dialogue(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    tags = r.world.langs[r.lang].FRAME["speakers"]
    roles = rng.sample(tags, 2)
    turns = []
    for i in range(rng.randint(2, 5)):
        if negative:
            who: list[Segment] = [(roles[i % 2].capitalize(), None)]
        else:
            who = speaker(r, str(i % 2 + 1), ("first", "first", "first", "full", "title_last"))
        line = sentences(r, "dialogue", 1, negative, mix=0.15)[0]
        turns.append([*who, (": ", None), *line])
    return joined(turns, "\n"), "keep"


def cv(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    frame_words = r.world.langs[r.lang].FRAME
    out = r.name("full", "1", case="upper" if rng.random() < 0.3 else None)
    if rng.random() < 0.6:
        out += [("\n", None), *r.address(block=rng.random() < 0.5)]
    if rng.random() < 0.5:
        out += [("\n", None), *r.render(rng.choice(("{EMAIL1} · {PHONE}", "{PHONE}", "{EMAIL1}")))]
    entries = [line.split("|", 1) for line in r.world.langs[r.lang].SENTENCES["cv"]]
    for section in sorted(rng.sample(range(len(frame_words["cv_heads"])), rng.randint(1, 4))):
        head = frame_words["cv_heads"][section]
        pool = [text for key, text in entries if int(key) == section]
        lines = [r.render(text) for text in rng.sample(pool, rng.randint(1, len(pool)))]
        out += [(f"\n\n{head.upper() if rng.random() < 0.3 else head}\n", None), *joined(lines, "\n")]
    return out, "keep"


def review(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    out = [*frame(r, "review_head"), ("\n", None)] if rng.random() < 0.4 else []
    out += joined(sentences(r, "review", rng.randint(1, 3), negative, mix=0.15), " ")
    if not negative:
        out += [(rng.choice(("\n", "\n\n", " ")), None), *frame(r, "review_sign")]
    return out, "keep"


def meeting(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    words = r.world.langs[r.lang].FRAME
    out = frame(r, "meeting_head")
    if not negative:
        people = [r.name(rng.choice(("first", "full", "full", "initial")), "") for _ in range(rng.randint(2, 5))]
        out += [(f"\n{rng.choice(words['attendees'])}: ", None), *joined(people, ", ")]
        if rng.random() < 0.3:
            out += [(f"\n{rng.choice(words['apologies'])}: ", None), *r.name("first", "")]
    bullet = rng.choice(("- ", "* ", "• ", ""))
    out += [(f"\n\n{rng.choice(words['actions'])}:\n", None)]
    items = sentences(r, "meeting", rng.randint(2, 4), negative, mix=0.15)
    out += joined([[(bullet, None), *item] for item in items], "\n")
    return out, "keep"


def name_list(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    words = r.world.langs[r.lang].FRAME
    lead = rng.choice(words["neg_list" if negative else "list_lead"])
    before, _, after = lead.partition("{LIST}")
    count = rng.randint(2, 6)
    if negative:
        kind = rng.choice(("{BRAND}", "{SAAS}", "{COUNTRY}", "{PROD}", "{CLUB}", "{APP}", "{COMPANY}"))
        items = [r.render(kind) for _ in range(count)]
    else:
        shape = rng.choice(("first", "first", "full", "handle", "mixed", "title_last"))
        if before.strip().lower().startswith("cc"):
            shape = rng.choice(("handle", "first", "full"))
        items = []
        for _ in range(count):
            one = rng.choice(("first", "full", "handle", "initial")) if shape == "mixed" else shape
            items.append(r.name(one, ""))
    conj = rng.choice(words["and"]) if rng.random() < 0.7 else ""
    out = r.render(before)
    for i, item in enumerate(items):
        if i:
            out.append((f" {conj} " if conj and i == len(items) - 1 else ", ", None))
        out.extend(item)
    out += r.render(after)
    return out, "lower" if rng.random() < 0.1 else "keep"
