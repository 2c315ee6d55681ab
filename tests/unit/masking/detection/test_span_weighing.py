"""What the learned model reads as a thing overrules the name lists (span_weighing.not_things)."""

from __future__ import annotations

from streamguard.masking.detection import Span
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.span_weighing import not_things

CONFIG = DetectionConfig()


def _span(text: str, value: str, entity: str = "PERSON", score: float = 0.6) -> Span:
    start = text.index(value)
    return Span(start, start + len(value), entity, score)


def test_a_name_inside_a_thing_the_model_read_is_no_personal_data() -> None:
    text = "Wir haben den Ferrari Roma bei Lidl in Verona abgeholt."
    thing = _span(text, "Ferrari Roma", "THING")
    kept = not_things(text, [_span(text, "Ferrari"), _span(text, "Verona", "LOCATION")], [thing])
    assert kept[0].score < CONFIG.strict_score_threshold  # under every mode's bar
    assert kept[1] == _span(text, "Verona", "LOCATION")  # a place outside the thing is weighed as before


def test_a_title_or_a_field_keeps_the_person_whatever_the_model_read() -> None:
    text = "Sehr geehrte Frau Ferrari, name=Porsche"
    things = [_span(text, "Ferrari", "THING"), _span(text, "Porsche", "THING")]
    titled, vouched = _span(text, "Ferrari"), _span(text, "Porsche", score=1.0)
    assert not_things(text, [titled, vouched], things) == [titled, vouched]
