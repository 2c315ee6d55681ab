"""The name lists' evidence for a lone given name: standard beside a verb of asking or meeting; a common given
name alone is standard for the rule-based detector and left to the learned model beside it."""

from __future__ import annotations

from streamguard.masking.detection.lexicon import load_lexicon
from streamguard.masking.detection.recognizers.name_evidence_recognizer import NameEvidenceRecognizer

STANDARD = 0.4  # DetectionConfig().score_threshold


def _scores(recognizer: NameEvidenceRecognizer, text: str) -> dict[str, float]:
    return {text[s.start : s.end]: s.score for s in recognizer.find(text)}


def test_a_common_given_name_alone_is_standard_evidence_only_without_the_learned_model() -> None:
    text = "Da ieri la segue Francesca, che ha già chiamato il corriere."
    rules_alone = NameEvidenceRecognizer(load_lexicon())
    beside_the_model = NameEvidenceRecognizer(load_lexicon(), lone_common_names=False)
    assert _scores(rules_alone, text)["Francesca"] >= STANDARD
    assert 0 < _scores(beside_the_model, text)["Francesca"] < STANDARD  # strict mode still masks it


def test_a_verb_of_asking_before_a_lone_given_name_is_standard_evidence_either_way() -> None:
    text = "Please ask Jana tomorrow about the invoice."
    for lone_common_names in (True, False):
        found = _scores(NameEvidenceRecognizer(load_lexicon(), lone_common_names=lone_common_names), text)
        assert found["Jana"] >= STANDARD
