"""Shared unit-test fixtures. Detection: the spaCy model is loaded once per session (it takes ~1 s)."""

from __future__ import annotations

import pytest

from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.ner import load_ner_pipeline
from streamguard.masking.detection.presidio_scanner import PresidioScanner
from streamguard.masking.detection.recognizers import build_recognizers


@pytest.fixture(scope="session")
def ner_pipeline():
    return load_ner_pipeline(DetectionConfig().spacy_model)


@pytest.fixture(scope="session")
def scanner(ner_pipeline) -> PresidioScanner:
    config = DetectionConfig(cache_size=0)
    pipelines = {language: load_ner_pipeline(model) for language, model in config.language_models.items()}
    return PresidioScanner(config, ner_pipeline, build_recognizers(config), pipelines)
