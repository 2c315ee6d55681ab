"""Personal names from evidence the NER model does not need: titles, cue words, and known given names and
surnames, in English, German, French, Spanish, Italian and Dutch.

The small English model misses many European and non-European names, names at the end of a sentence and
names in lower case. What a reader uses instead is the grammar around the words and knowing the name:

- a title before capitalised words ("Frau Kühn", "Mme Lefèvre", "señora Pallarès", "mevrouw de Vries"): 0.85;
- a common given name followed by a known surname ("Shari Mills"): 0.75; a rarer given name, or another
  capitalised word after it: 0.35 (strict mode; NER or a cue usually settles those);
- a greeting or sign-off before ("Thanks", "cc", "Grüße", "Cordialement"): two capitalised words or one
  known name 0.6, one unknown capitalised word 0.3; a preposition that often comes before a name ("requested
  by", "von", "door", "da parte di"): 0.6 when the words look like a name too, else 0.3 (strict mode only);
- a lone given name mid-sentence ("… ask Jana tomorrow", "la segue Francesca"): 0.45 after a verb of asking,
  telling or meeting, or when it is a common one, else 0.3 (strict mode). Beside the learned model
  (``lone_common_names=False``) a common one without such a verb is 0.3 too: the model reads the sentence,
  and as standard evidence beside it the lists' lone names were false three times in four on the lookalikes
  set. The scanner drops those that are everyday words or things' names;
- lower case, as chat is written ("spoke with anna schmidt", "so nigel says"): a common given name with a
  known surname, or after a cue or before a verb of speech, 0.45.

Names keep their grammar: particles (van, de, ter, di, von, da), hyphens (Karl-Heinz), apostrophes
(O'Brien, D'Uva), inner capitals (McDonald). A word of everyday vocabulary or a city is never name evidence
on its own ("our Paris office", "Unser Berliner Büro").
"""

from __future__ import annotations

import regex

from streamguard.masking.detection import Span
from streamguard.masking.detection.cue_words import (
    CUE_BEFORE,
    CUE_WORD,
    GREETING_BEFORE,
    PARTICLE,
    TITLE_BEFORE,
    TITLE_WORD,
)
from streamguard.masking.detection.lexicon import Lexicon

TITLE_SCORE = 0.85
KNOWN_PAIR_SCORE = 0.75
FIRST_NAME_PAIR_SCORE = 0.35  # "Clara Voice", "Max Pro": products are named like people too
CUED_SCORE = 0.6
LOWER_CASE_PAIR_SCORE = 0.45
WEAK_SCORE = 0.3
GREETED_SCORE = 0.45  # one unknown capitalised word after a greeting: "Thanks Faas"

_UPPER_WORD = r"(?:\p{Lu}['\u2019])?\p{Lu}[\p{Ll}ß]+(?:\p{Lu}[\p{Ll}ß]+)?(?:-\p{Lu}[\p{Ll}ß]+)*"
_SEQUENCE = regex.compile(
    rf"(?<![\p{{L}}\d'\u2019-]){_UPPER_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{_UPPER_WORD}){{0,3}}(?![\p{{L}}\d])"
)
_LOWER_WORD = regex.compile(r"(?<![\p{L}\d'\u2019-])\p{Ll}[\p{Ll}ß]+(?![\p{L}\d'\u2019-])")
_LOWER_SURNAME_AFTER = regex.compile(
    r"[ \t]+(?:(?:van|von|de|der|den|ter|ten|di|da|del|della|le|la)[ \t]+){0,2}(\p{Ll}[\p{Ll}ß'\u2019-]+)(?![\p{L}\d])"
)
# Verbs of speech or presence right after a lower-case given name: "nigel says", "anna hat angerufen".
_SPEECH_AFTER = regex.compile(
    r"[ ,]+(?:says|said|asked|called|rang|wrote|wants|is|was|will|sagt|meint|hat|ist|fragt|dit|a|est|veut|dice|"
    r"ha|quiere|dice|chiede|vuole|è|zegt|heeft|is|wil|vraagt)(?![\p{L}])"
)
# Words that follow a greeting or a cue but address a group, not a person.
_GROUPS = frozenset(
    {"team", "support", "all", "everyone", "folks", "guys", "there", "leute", "alle", "zusammen", "tous", "équipe"}
    | {"todos", "equipo", "tutti", "squadra", "allemaal", "iedereen", "customer", "service", "kundenservice"}
)
_WORD_START = regex.compile(r"(?<![\p{L}'\u2019-])\p{Lu}")
_LEADING_PARTICLES = regex.compile(rf"(?<![\p{{L}}])(?:{PARTICLE}[ \t]+){{1,2}}$")
_PERSON_CUE_NEAR = regex.compile(
    r"(?i:\b(?:ask|asked|tell|told|spoke to|spoke with|talked to|called|call|met|with|from|by|cc|for|to)[ ]+$)"
)
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\n]\s*|^\s*[-*•]\s*)$")
_LOOK_BEHIND = 32


class NameEvidenceRecognizer:
    entity = "PERSON"
    context: tuple[str, ...] = ()  # cues are part of the scores below: a context boost would count them twice

    def __init__(self, lexicon: Lexicon, timeout_s: float = 1.0, *, lone_common_names: bool = True) -> None:
        self._lexicon = lexicon
        self._timeout_s = timeout_s
        self._lone_common_names = lone_common_names

    def applies_to(self, text: str) -> bool:
        return True

    def find(self, text: str) -> list[Span]:
        spans = [
            span for match in _SEQUENCE.finditer(text, timeout=self._timeout_s) for span in self._scored(text, match)
        ]
        spans.extend(self._lower_case_pairs(text))
        return spans

    def _scored(self, text: str, match: regex.Match) -> list[Span]:
        """The best-scoring tail of a run of capitalised words: "Weitergeleitet von Knud Nohlmans" is read
        as "Knud Nohlmans" after the cue "von", "Thanks Faas" as "Faas" after "Thanks"."""
        starts = [m.start() + match.start() for m in _WORD_START.finditer(match.group())]
        best: tuple[float, int] = (0.0, 0)
        for start in starts:
            words = [w for w in text[start : match.end()].split() if w[0].isupper()]
            if not words or self._is_cue_or_title(words[0]) or words[0].lower() in _GROUPS:
                continue
            if len(words) == 1 and self._lexicon.is_ordinary(words[0]):
                continue
            score = self._score(text[max(0, start - _LOOK_BEHIND) : start], words)
            if score > best[0]:
                best = (score, start)
        if not best[0]:
            return []
        start = best[1]
        # A title's particles belong to the name: "mevrouw de Vries", "Herr von Trapp".
        before = text[max(0, start - _LOOK_BEHIND) : start]
        lead = _LEADING_PARTICLES.search(before) if TITLE_BEFORE.search(before) else None
        if lead is not None:
            start -= len(lead.group())
        return [Span(start, match.end(), self.entity, best[0])]

    def _is_cue_or_title(self, word: str) -> bool:
        return CUE_WORD.fullmatch(word) is not None or TITLE_WORD.fullmatch(word) is not None

    def _score(self, before: str, words: list[str]) -> float:
        lexicon = self._lexicon
        if TITLE_BEFORE.search(before):
            return TITLE_SCORE
        known = [lexicon.is_first_name(w) or lexicon.is_surname(w) for w in words]
        place = lexicon.is_city(" ".join(words))
        score = 0.0
        if len(words) >= 2 and lexicon.is_first_name(words[0]) and not place:
            common = lexicon.is_common_first_name(words[0]) and lexicon.is_surname(words[-1])
            score = KNOWN_PAIR_SCORE if common else FIRST_NAME_PAIR_SCORE
        if GREETING_BEFORE.search(before):
            score = max(score, CUED_SCORE if len(words) >= 2 or any(known) else GREETED_SCORE)
        elif CUE_BEFORE.search(before) and not place:
            # "by", "von", "par", "con", "door" are prepositions too ("von Acme Sync", "par Lyon Métropole"):
            # after one, the words must look like a name as well.
            named = lexicon.is_first_name(words[0]) or (len(words) >= 2 and lexicon.is_surname(words[-1]))
            score = max(score, CUED_SCORE if named else WEAK_SCORE)
        if not score and len(words) == 1 and lexicon.is_first_name(words[0]) and not place:
            score = 0.0 if _SENTENCE_START.search(before) else WEAK_SCORE
            common = self._lone_common_names and lexicon.is_common_first_name(words[0])
            if score and (_PERSON_CUE_NEAR.search(before[-24:]) or common):
                score = GREETED_SCORE  # "… ask Jana", "spoke to Jana", "la segue Francesca"
        return score

    def _lower_case_pairs(self, text: str) -> list[Span]:
        """Chat writes names in lower case: a known given name before a known surname ("anna schmidt",
        "karel de bock"), or a lone given name after a cue or before a verb of speech ("so nigel says",
        "hablé con lino")."""
        spans = []
        lexicon = self._lexicon
        for match in _LOWER_WORD.finditer(text, timeout=self._timeout_s):
            word = match.group()
            if not lexicon.is_common_first_name(word):
                continue
            pair = _LOWER_SURNAME_AFTER.match(text, match.end())
            if pair is not None and lexicon.is_surname(pair.group(1)):
                spans.append(Span(match.start(), pair.end(), self.entity, LOWER_CASE_PAIR_SCORE))
                continue
            before = text[max(0, match.start() - _LOOK_BEHIND) : match.start()]
            if CUE_BEFORE.search(before) or _SPEECH_AFTER.match(text, match.end()):
                spans.append(Span(match.start(), match.end(), self.entity, LOWER_CASE_PAIR_SCORE))
        return spans
