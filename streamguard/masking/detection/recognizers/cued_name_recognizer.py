"""Personal names announced by the sentence itself: "Thanks Troy Sanders", "Attn: Zaida Pallarès Mesa".

The small NER model misses many such names (often foreign ones). The grammar of address is a safer
signal: a greeting, sign-off or introduction followed by two to four capitalised words. Generic
addressees ("Hi Support Team") are excluded by their words, not by any list of names.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

_CUE = (
    r"(?:(?<![\w])(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks|[Tt]hank you|[Rr]egards|[Cc]heers|[Aa]ttn:?|"
    r"I'm|I am|[Mm]y name is|[Tt]his is|[Ss]poke (?:to|with)|[Tt]alked to|[Cc]ustomer|[Cc]ontact person[^:\n]{0,40}:)"
    r"[,:]?\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?)"
)
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'\u2019]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'\u2019]+)?"
_PARTICLE = r"(?:de|la|le|du|del|di|da|van|von|der|den|y)"
_NOT_A_PERSON = r"(?!(?:Team|Support|All|Everyone|Folks|Guys|There|Again|Sir|Madam|Customer|Service)\b)"
_NAME = rf"{_NOT_A_PERSON}{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NOT_A_PERSON}{_WORD}){{1,3}}(?![\w'\u2019])"


class CuedNameRecognizer(PatternRecognizer):
    PATTERNS = [Pattern("name after a greeting or introduction", rf"(?<={_CUE}){_NAME}", 0.6)]

    def __init__(self) -> None:
        super().__init__(supported_entity="PERSON", patterns=self.PATTERNS, context=[], global_regex_flags=0)
