"""The tokenizer of streamguard's learned detector: spaCy's multi-language rules, plus splits at the separators of
structured text, so a name in ``4711,Anna,Berlin``, ``Anna;Meyer``, ``name="Anna"`` or ``Kofi|Accra`` is a token
of its own. Registered for ``spacy train --code`` (``[initialize.before_init]`` in ner.cfg); the patterns are
saved with the model, so loading it needs nothing from here. Importing this module also registers the lexicon
feature component the model's pipeline starts with (streamguard/masking/detection/ner_features.py).
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

import streamguard.masking.detection.ner_features  # noqa: F401 -- registers the model's first component

# A separator between two non-space characters; a comma only where a letter is on one side ("1,5" stays).
SEPARATOR_INFIXES = (r"(?<=\S)[;|=\"](?=\S)", r"(?<=[^\W\d_]),(?=\S)", r"(?<=\S),(?=[^\W\d_])")


@spacy.registry.callbacks("streamguard.structured_text_tokenizer.v1")
def structured_text_tokenizer() -> Callable[[Language], Language]:
    def split_separators(nlp: Language) -> Language:
        infixes = list(nlp.Defaults.infixes or ()) + list(SEPARATOR_INFIXES)
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return nlp

    return split_separators
