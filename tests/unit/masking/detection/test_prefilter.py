"""The NER prefilter skips only texts that cannot hold a name."""

from __future__ import annotations

from streamguard.masking.detection.prefilter import needs_ner


def test_prefilter_only_skips_texts_without_name_candidates() -> None:
    assert not needs_ner("the export is broken, I tried 3 times. Please fix it.")
    assert needs_ner("Anna called about the export")
    assert needs_ner("please ask JOHN")
    assert needs_ner("merci à Øystein")
