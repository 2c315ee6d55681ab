"""What the name and place lexicons know about each token, as a feature the learned model reads.

The lexicons are right about which words can be names and places and blind to context ("Ferrari" is a surname
and a car, "Florence" a given name and a town); the model sees context and misses names it never saw. So the
lexicons' verdict on each token goes into the model's input (the token's ``TAG``, which no tagger here sets,
hashed into the embedding beside the word's form and shape), and training teaches the model when to follow it:
the synthetic data carries names the lexicons know and names they do not, and brands, streets and products
made of known names.

The component is registered here so that loading the model (``ner.load_learned_pipeline``) and training it
(``scripts/ner_tokenizer.py`` imports this module) use the same code.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from streamguard.masking.detection.lexicon import load_lexicon, thing_key

COMPONENT = "streamguard_lexicon_features"
NO_FEATURE = "-"


@Language.component(COMPONENT)
def lexicon_features(doc: Doc) -> Doc:
    """Sets each token's ``tag_`` to the lexicons' verdict on its text (``lexicon_tag``)."""
    for token in doc:
        token.tag_ = lexicon_tag(token.text)
    return doc


@lru_cache(maxsize=1 << 16)
def lexicon_tag(word: str) -> str:
    """Letters for what the lexicons say ``word`` can be: F a given name, C a common one, S a surname, T a town,
    P a country, nationality or language, K a thing's name, E an everyday word; ``-`` for none."""
    lexicon = load_lexicon()
    flags = (
        ("F", lexicon.is_first_name(word)),
        ("C", lexicon.is_common_first_name(word)),
        ("S", lexicon.is_surname(word)),
        ("T", lexicon.is_city(word)),
        ("P", lexicon.is_people(word)),
        ("K", thing_key(word) in lexicon.things),
        ("E", lexicon.is_everyday(word)),
    )
    return "".join(letter for letter, present in flags if present) or NO_FEATURE
