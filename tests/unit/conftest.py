"""Shared unit-test fixtures. Detection: the NER pipelines are loaded once per session (it takes ~1 s)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.presidio_scanner import PresidioScanner, load_pipelines
from streamguard.masking.detection.recognizers import build_recognizers


@pytest.fixture(scope="session")
def pipelines() -> tuple[Language | None, dict[str, Language]]:
    return load_pipelines(DetectionConfig())


@pytest.fixture(scope="session")
def ner_pipeline(pipelines) -> Language | None:
    return pipelines[0]


@pytest.fixture(scope="session")
def scanner(pipelines) -> PresidioScanner:
    config = DetectionConfig(cache_size=0)
    return PresidioScanner(config, pipelines[0], build_recognizers(config), pipelines[1])
