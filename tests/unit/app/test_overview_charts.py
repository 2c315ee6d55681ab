"""The console's overview charts: labelled inline SVG with unique ids and nothing fetched, readable colours, the
numbers of every chart in its table, and no chart at all for a panel with nothing in the window."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest

from streamguard.app.services.evidence.overview_charts import (
    LINE_COLOURS,
    OTHER_SEVERITY_LOOK,
    SEVERITY_LOOKS,
    WHOLE_WINDOW,
    OverviewCharts,
    bucket_text,
    percent_text,
    render_overview,
)
from streamguard.evidence.audit import AudienceOutput, AuditEvent, Quarantined, SourceSpan
from streamguard.evidence.overview import build_overview
from streamguard.evidence.report_reads import RaisedAlert

DAY = datetime(2026, 1, 10, tzinfo=UTC)
HOUR = timedelta(hours=1)
HOSTILE = "orders<script>alert('x')</script>"  # after customers in name order


def _records(at: datetime, dataset: str, outputs: dict[str, int], quarantined: int = 0) -> AuditEvent:
    delivered = max(outputs.values(), default=0)
    return AuditEvent(
        event_id=f"{dataset}-{at.isoformat()}",
        recorded_at=at.isoformat(),
        worker="worker-1",
        dataset=dataset,
        source=SourceSpan(
            topic=f"raw.{dataset}", partition=0, first_offset=0, last_offset=max(0, delivered + quarantined - 1)
        ),
        delivered=[(0, delivered - 1)] if delivered else [],
        quarantined=[Quarantined(offset=delivered + n, reason="oversize") for n in range(quarantined)],
        outputs={
            audience: AudienceOutput(
                topic=f"governed.{dataset}.{audience}", partition=0, first_offset=0, last_offset=n, count=n, digest="d"
            )
            for audience, n in outputs.items()
        },
        input_digest="digest",
        entity_counts={"EMAIL_ADDRESS": 4, "PERSON": 1},
    )


def _alert(at: datetime, severity: str) -> RaisedAlert:
    return RaisedAlert(at=at, rule="denied", severity=severity, subject="s", summary="x", key=f"{at}{severity}")


def _charts(events: list[AuditEvent], alerts: list[RaisedAlert]) -> OverviewCharts:
    return render_overview(build_overview(events, alerts, start=DAY, end=DAY + timedelta(days=1)))


def _busy_events() -> tuple[list[AuditEvent], list[RaisedAlert]]:
    events = [
        _records(DAY, "customers", {"analytics": 8, "support": 3}, quarantined=2),
        _records(DAY + 2 * HOUR, "customers", {"analytics": 4}),
        _records(DAY + 2 * HOUR, HOSTILE, {"analytics": 5}, quarantined=5),
    ]
    alerts = [_alert(DAY, "critical"), _alert(DAY, "low"), _alert(DAY + HOUR, "low"), _alert(DAY, "odd")]
    return events, alerts


@cache  # drawn once for the tests that only read it
def _busy_day() -> OverviewCharts:
    return _charts(*_busy_events())


def _ids(svg: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', svg)


def test_each_chart_is_an_image_with_a_title_and_a_description() -> None:
    charts = _busy_day()
    assert [chart.title for chart in charts.charts] == [table.heading for table in charts.tables]
    for chart in charts.charts:
        opening = re.match(
            r'<svg class="chart" viewBox="[^"]+" role="img" aria-labelledby="([^" ]+) ([^"]+)">', chart.svg
        )
        assert opening, chart.svg[:200]
        title, description = opening.groups()
        assert re.search(f'<title id="{title}">[^<]+</title><desc id="{description}">[^<]+</desc>', chart.svg)


def test_ids_are_unique_across_the_charts_and_references_stay_inside_their_own_chart() -> None:
    charts = _busy_day().charts
    assert len(charts) == 4
    every_id = [found for chart in charts for found in _ids(chart.svg)]
    assert every_id
    assert [found for found, times in Counter(every_id).items() if times > 1] == []
    for chart in charts:
        own = set(_ids(chart.svg))
        references = re.findall(r'(?:href="#|url\(#)([^")]+)', chart.svg)
        assert set(references) <= own
        assert not re.search(r"https?:|<script|<\?xml|<!DOCTYPE|<metadata", chart.svg, re.IGNORECASE)


def test_a_hostile_dataset_name_stays_text() -> None:
    charts = _busy_day()
    assert all("<script" not in chart.svg for chart in charts.charts)
    assert "&lt;script&gt;" in charts.tables[0].chart.svg  # type: ignore[union-attr]
    assert f"{HOSTILE} → analytics" in charts.tables[0].columns


def test_the_tables_hold_every_number_the_charts_show() -> None:
    delivered, quarantine, entities, alerts = _busy_day().tables
    assert delivered.columns == (
        "Period start (UTC)",
        "customers → analytics",
        "customers → support",
        f"{HOSTILE} → analytics",
    )
    assert len(delivered.rows) == 48 + 1
    assert delivered.rows[0] == (DAY, 8, 3, 0)
    assert delivered.rows[4] == (DAY + 2 * HOUR, 4, 0, 5)
    assert delivered.rows[-1] == (WHOLE_WINDOW, 12, 3, 5)
    assert quarantine.rows == [
        (DAY, "customers", 10, 2, "20.0 %"),
        (DAY + 2 * HOUR, "customers", 4, 0, "0.0 %"),
        (DAY + 2 * HOUR, HOSTILE, 10, 5, "50.0 %"),
        (WHOLE_WINDOW, "customers", 14, 2, "14.3 %"),
        (WHOLE_WINDOW, HOSTILE, 10, 5, "50.0 %"),
        (WHOLE_WINDOW, "All datasets", 24, 7, "29.2 %"),
    ]
    assert entities.rows == [("EMAIL_ADDRESS", 12), ("PERSON", 3)]
    assert alerts.columns == ("Period start (UTC)", "low", "critical", "odd")  # least severe first, unknown last
    assert alerts.rows[0] == (DAY, 1, 1, 1)
    assert alerts.rows[2] == (DAY + HOUR, 1, 0, 0)
    assert alerts.rows[-1] == (WHOLE_WINDOW, 2, 1, 1)


def test_the_descriptions_say_the_totals_and_the_peaks() -> None:
    delivered, quarantine, entities, alerts = (chart.svg for chart in _busy_day().charts)
    assert "customers → analytics: 12 records in all, at most 8 in 30 min (from 2026-01-10 00:00:00 UTC)" in delivered
    assert "customers: 14.3 % of 14 records consumed" in quarantine
    assert "all datasets: 29.2 %" in quarantine
    assert "EMAIL_ADDRESS: 12 entities; PERSON: 3 entities" in entities
    assert "low: 2 alerts, at most 1 in 30 min" in alerts


def test_each_series_is_drawn_in_its_own_readable_colour() -> None:
    delivered, _, _, alerts = (chart.svg for chart in _busy_day().charts)
    for colour in LINE_COLOURS[:3]:
        assert colour in delivered
    assert LINE_COLOURS[3] not in delivered  # three series, three colours
    for severity in ("low", "critical"):
        assert SEVERITY_LOOKS[severity][0] in alerts
    assert OTHER_SEVERITY_LOOK[0] in alerts
    assert SEVERITY_LOOKS["high"][0] not in alerts


@pytest.mark.parametrize(
    "colour", [*LINE_COLOURS, *(colour for colour, _ in SEVERITY_LOOKS.values()), OTHER_SEVERITY_LOOK[0]]
)
def test_every_colour_reads_against_white_at_wcag_aa(colour: str) -> None:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[at : at + 2], 16) / 255 for at in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    assert (1.05 / (luminance(colour) + 0.05)) >= 4.5


def test_severities_differ_by_hatching_and_lines_by_marker_not_only_by_colour() -> None:
    hatches = [hatch for _, hatch in [*SEVERITY_LOOKS.values(), OTHER_SEVERITY_LOOK]]
    assert len(set(hatches)) == len(hatches)
    colours = [colour for colour, _ in [*SEVERITY_LOOKS.values(), OTHER_SEVERITY_LOOK]]
    assert len(set(colours)) == len(colours)
    assert len(set(LINE_COLOURS)) == len(LINE_COLOURS)


def test_an_empty_window_draws_nothing_and_says_so() -> None:
    charts = _charts([], [])
    assert charts.charts == []
    assert all(table.chart is None and table.rows == [] for table in charts.tables)
    assert [table.empty for table in charts.tables] == [
        "No records were delivered in this window.",
        "No records were consumed in this window.",
        "No entities were detected in this window.",
        "No alerts were raised in this window.",
    ]


def test_only_the_panels_with_something_in_the_window_have_a_chart() -> None:
    charts = _charts([], [_alert(DAY, "high")])
    assert [table.section for table in charts.tables if table.chart] == ["overview-alerts"]
    everything_quarantined = _charts([_records(DAY, "customers", {"analytics": 0}, quarantined=3)], [])
    delivered, quarantine, _, _ = everything_quarantined.tables
    assert delivered.chart is None  # a line of zeros is nothing delivered
    assert quarantine.chart is not None
    assert quarantine.rows[0] == (DAY, "customers", 3, 3, "100.0 %")


def test_the_same_overview_gives_the_same_bytes() -> None:
    first, again = _charts(*_busy_events()), _charts(*_busy_events())
    assert [chart.svg for chart in first.charts] == [chart.svg for chart in again.charts]


@pytest.mark.parametrize(
    ("width", "text"),
    [
        (timedelta(minutes=1), "1 min"),
        (timedelta(minutes=30), "30 min"),
        (timedelta(hours=3), "3 h"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=8), "8 days"),
    ],
)
def test_bucket_widths_read_as_people_say_them(width: timedelta, text: str) -> None:
    assert bucket_text(width) == text


@pytest.mark.parametrize(
    ("rate", "text"),
    [(None, "no records consumed"), (0.0, "0.0 %"), (0.0004, "< 0.1 %"), (0.125, "12.5 %"), (1.0, "100.0 %")],
)
def test_rates_read_as_percentages_and_a_small_one_is_not_zero(rate: float | None, text: str) -> None:
    assert percent_text(rate) == text
