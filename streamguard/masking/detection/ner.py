"""The spaCy side: load the installed model with NER alone, and turn its entities into scored spans.

The small English model is right about *where* a name is more often than about *what* it is: it labels
many two-word personal names ORG, GPE or NORP, and many single capitalised words (products, cities)
PERSON. So scores follow the shape of the entity, and the weak cases need a person cue nearby:

- PERSON with two or more words: 0.85 (Presidio's score for spaCy entities);
- PERSON with one word ("Nimbus", "Austin"): 0.35, passes only next to a cue ("Thanks Anna");
- a name-shaped ORG/GPE/NORP/... ("Tiffany Becker"): PERSON at 0.3, passes only next to a cue.
"""

from __future__ import annotations

import importlib.resources
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from streamguard.masking.detection import Span
from streamguard.masking.detection import ner_features as _registers_the_lexicon_component  # noqa: F401

NER_SCORE = 0.85
# The learned model's spans pass the standard threshold; the lexicon and context checks still weigh them.
LEARNED_SCORE = 0.85
LEARNED_MODEL_DIR = "ner_model"
# The learned model's third label: what is named like a person or a place and is neither (a brand, a product, a
# storm, a venue, a street named after someone). No personal data; it overrules the name lists (span_weighing).
THING = "THING"
SINGLE_WORD_PERSON_SCORE = 0.35
NAME_SHAPED_SCORE = 0.3
# Everything the English pipelines carry that NER does not read (names absent from a model are ignored).
NOT_NEEDED_BY_NER = ("tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")
# Labels the model often puts on personal names.
_MISLABELLED_NAMES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "MISC"})
# Surname particles (de la Cruz, van der Berg): grammar of names, not a list of names.
NAME_PARTICLES = frozenset(
    {"de", "la", "le", "du", "del", "della", "di", "da", "dos", "van", "von", "der", "den", "y", "bin", "al"}
)
_WORDS = re.compile(r"[^\W\d_]+(?:[ '\u2019-][^\W\d_]+)*")
_CAPITALISED = re.compile(r"^[^\W\d_][^\W\d_'\u2019.-]*(?:[-'\u2019][^\W\d_]+)*\.?$")


def load_learned_pipeline() -> Language:
    """streamguard's own PERSON/LOCATION model (scripts/train_ner.py), shipped in the package: it reads all six
    languages, and its spans need no shape rules or cues (it learned where names and places stand). Its first
    component reads the lexicons (``ner_features``, imported above so that spaCy finds it by name)."""
    return spacy.load(str(importlib.resources.files(__package__) / LEARNED_MODEL_DIR))


def learned_entity_spans(doc: Doc, labels: dict[str, str]) -> list[Span]:
    """The model's people and places (and its things, where ``labels`` asks for THING); in a text that
    capitalises, trimmed of the lower-case words the model let in at their edges ("Emma Chat licences stay",
    "nostro magazzino di Milano"), so the checks of what stands around a span (a product word, a workplace) see
    the words they look for."""
    cased = _is_cased(doc.text)
    spans = []
    for ent in doc.ents:
        thing = ent.label_ == THING  # "Galaxy S24", "Sophia Max v9": a thing's name may carry digits
        if ent.label_ not in labels or (not thing and any(c.isdigit() for c in ent.text)):
            continue
        for words in _pieces(_trimmed(ent)) if cased else [list(ent)]:
            if words and not (cased and len(words) == 1 and _lower_word(words[0])):
                spans.append(Span(words[0].idx, words[-1].idx + len(words[-1]), labels[ent.label_], LEARNED_SCORE))
    return spans


def _pieces(words: list[Token]) -> list[list[Token]]:
    """A span cut at the lower-case words inside it that are no name particle: "Abrigo de lana Yves Saint
    Laurent" is a coat and a brand, "Wollen jas Ralph Lauren" too; "Anna van der Berg" stays whole."""
    pieces: list[list[Token]] = [[]]
    for token in words:
        if token.is_lower and token.text not in NAME_PARTICLES:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [_trimmed_tokens(piece) for piece in pieces if piece]


def _trimmed(ent: SpacySpan) -> list[Token]:
    return _trimmed_tokens(list(ent))


def _trimmed_tokens(words: list[Token]) -> list[Token]:
    while words and (words[0].is_punct or (words[0].is_lower and words[0].text not in NAME_PARTICLES)):
        words.pop(0)
    while words and (words[-1].is_lower or (words[-1].is_punct and words[-1].text != ".")):
        words.pop()
    return words


def starts_a_sentence(text: str, start: int) -> bool:
    """At the start of the text, of a line, or after a full stop: where any word is written with a capital."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in "\n.!?"


def _is_cased(text: str) -> bool:
    """A text that starts with a capital writes its names with one too (chat and transcripts that do not,
    write everything in lower case): there a lower-case word is a word ("alemanes"), not a name."""
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper()


def _lower_word(token: Token) -> bool:
    """All lower case and shaped like a word; handles and user names ("hodan.warsame", "@ayse") are not."""
    previous = token.nbor(-1).text if token.i > 0 else ""
    return token.text.islower() and _WORDS.fullmatch(token.text) is not None and previous not in ("=", "@", ":")


def load_ner_pipeline(model: str) -> Language:
    """Load ``model`` from its installed package with every component but ``ner`` excluded.

    In en_core_web_sm the NER component embeds its own token-to-vector layer (only the tagger and
    parser listen to the shared ``tok2vec``), so NER alone is the whole cost floor.
    """
    return spacy.load(model, exclude=list(NOT_NEEDED_BY_NER))


def entity_spans(doc: Doc, labels: dict[str, str]) -> list[Span]:
    spans = []
    for ent in doc.ents:
        spans.extend(_entity_spans(ent, labels))
    return spans


def _entity_spans(ent: SpacySpan, labels: dict[str, str]) -> list[Span]:
    """The entity as its label says, and, when a place or organisation is shaped like a personal name, as a
    weak PERSON too (strict mode masks places anyway; the standard mode needs the person reading)."""
    words = [t for t in ent if not t.is_punct]
    if not words or not any(t.text[0].isupper() for t in words) or all(t.is_stop for t in words):
        return []
    if any(c.isdigit() for c in ent.text) and ent.label_ in ("PERSON", "PER", *_MISLABELLED_NAMES):
        return []  # "Order ORD-81768548": names and places carry no digits (street addresses have their own)
    wants_person = "PERSON" in labels.values()
    if labels.get(ent.label_) == "PERSON":
        score = NER_SCORE if len(words) > 1 else SINGLE_WORD_PERSON_SCORE
        return [Span(ent.start_char, ent.end_char, "PERSON", score)] if wants_person else []
    spans = []
    if ent.label_ in labels:
        spans.append(Span(ent.start_char, ent.end_char, labels[ent.label_], NER_SCORE))
    if ent.label_ in _MISLABELLED_NAMES and wants_person and _name_shaped(words):
        spans.append(Span(ent.start_char, ent.end_char, "PERSON", NAME_SHAPED_SCORE))
    return spans


def _name_shaped(words: list) -> bool:
    capitalised = [t for t in words if t.text[0].isupper() and _CAPITALISED.match(t.text)]
    others = [t for t in words if t not in capitalised]
    return 2 <= len(capitalised) <= 5 and all(t.text.lower() in NAME_PARTICLES for t in others)
