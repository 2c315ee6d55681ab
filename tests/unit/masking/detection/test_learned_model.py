"""The learned detector is shipped, small, and says what it was trained from (scripts/train_ner.py)."""

from __future__ import annotations

import importlib.resources
import json
from pathlib import Path

from streamguard.masking.detection import ner
from streamguard.masking.detection.ner_features import lexicon_tag

MODEL = Path(str(importlib.resources.files(ner.__package__) / ner.LEARNED_MODEL_DIR))


def test_the_shipped_model_names_the_inputs_it_was_trained_from_and_stays_small() -> None:
    meta = json.loads((MODEL / "meta.json").read_text())
    assert len(meta["inputs_sha256"]) == 64  # scripts/train_ner.py --check compares it with the current inputs
    assert meta["training_seconds"] > 0
    assert sorted(meta["labels"]["ner"]) == ["LOCATION", "PERSON", "THING"]  # THING: named like someone, no one
    size = sum(path.stat().st_size for path in MODEL.rglob("*") if path.is_file())
    assert size < 25_000_000


def test_separators_of_structured_text_split_tokens_so_a_value_between_them_can_be_labelled() -> None:
    nlp = ner.load_learned_pipeline()
    assert [t.text for t in nlp.make_doc('4711,Anna;Meyer|Kofi name="Ayşe"')] == [
        "4711", ",", "Anna", ";", "Meyer", "|", "Kofi", "name", "=", '"', "Ayşe", '"',
    ]  # fmt: skip


def test_the_model_reads_what_the_lexicons_say_of_each_token_before_it_embeds_it() -> None:
    nlp = ner.load_learned_pipeline()
    assert nlp.pipe_names[0] == "lexicon_features"  # in training too: ner.cfg's annotating_components
    doc = nlp("Thanks Anna, the Belgium team wants 3 licences")
    tags = {token.text: token.tag_ for token in doc}
    assert set(tags["Anna"]) >= {"F", "C"}  # a common given name
    assert "P" in tags["Belgium"]  # a country
    assert tags["3"] == "-"  # nothing the lexicons know
    assert lexicon_tag("anna") == lexicon_tag("Anna")  # case is the shape feature's to tell, not the lexicons'
