"""Which of the six languages a text is written in (py3langid, restricted to them; about 80 µs a text).

The language picks the NER pipeline (a language with its own spaCy pipeline on PyPI gets it) and tells the
scanner when the English model is reading a foreign text, where its guesses are weaker ("Unser Berliner
Büro" is not a person). Cue words, titles and address words of all six languages apply to every text
anyway, so a wrong guess costs little.
"""

from __future__ import annotations

from functools import lru_cache

import py3langid.langid as langid

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl")
DEFAULT_LANGUAGE = "en"
# Below this many letters a text says too little about its language; the default is as good a guess.
MIN_LETTERS = 12


@lru_cache(maxsize=1)
def _identifier() -> langid.LanguageIdentifier:
    identifier = langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def language_of(text: str) -> str:
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return DEFAULT_LANGUAGE
    language, _ = _identifier().classify(text)
    return str(language)
