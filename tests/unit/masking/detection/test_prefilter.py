"""The NER prefilter of the English pipelines skips only texts that cannot hold a name; the learned model reads all."""

from __future__ import annotations

from spacy.language import Language

from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.ner import load_ner_pipeline
from streamguard.masking.detection.prefilter import needs_ner
from streamguard.masking.detection.presidio_scanner import PresidioScanner
from streamguard.masking.detection.recognizers import build_recognizers


def test_prefilter_only_skips_texts_without_name_candidates() -> None:
    assert not needs_ner("the export is broken, I tried 3 times. Please fix it.")
    assert needs_ner("Anna called about the export")
    assert needs_ner("please ask JOHN")
    assert needs_ner("merci à Øystein")


def test_the_learned_model_reads_lower_case_texts_the_english_pipelines_skip(
    scanner: PresidioScanner, ner_pipeline: Language
) -> None:
    text = "handover: dilnoza karimova still waiting for the courier, ring her after lunch"
    assert not needs_ner(text)  # nothing capitalised: the English pipelines would find no one here
    before = scanner.ner_skipped
    scanner.scan_batch([text])
    assert scanner.ner_skipped == before  # the learned model was trained on chat and transcripts in lower case

    english = DetectionConfig(learned_model=False, cache_size=0)
    rules = PresidioScanner(english, load_ner_pipeline(english.spacy_model), build_recognizers(english))
    rules.scan_batch([text])
    assert rules.ner_skipped == 1
