"""Which texts can skip NER: those with no capitalised word that is not a function word.

The small English model anchors PERSON (and place) entities on capitalised tokens; on a text whose
only capitalised words are stop words ("The", "I", "We", "Please") or greetings ("Hi", "Thanks"), it
finds none in practice, so running it there costs time and adds only false positives. The check is a
safe over-approximation: any other capitalised word, including a sentence-initial one ("Anna called"),
or an all-caps one ("JOHN"), sends the text to NER.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# Greetings and interjections that open messages; generic English, not names.
_OPENERS = frozenset({"hi", "hello", "hey", "dear", "thanks", "thank", "regards", "cheers", "ok", "okay", "yes"})
_SKIPPABLE = frozenset(STOP_WORDS) | _OPENERS
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def needs_ner(text: str) -> bool:
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isupper() and word.lower().split("'")[0].split("\u2019")[0] not in _SKIPPABLE:
            return True
    return False
