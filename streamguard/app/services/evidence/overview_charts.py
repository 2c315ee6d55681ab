"""The console's overview as charts, each with the table of its numbers: what the page embeds.

Four panels: records delivered per dataset and audience over time (lines), the quarantine rate per dataset
over time (lines, percent), the entity types detection found (bars) and the alerts raised over time by
severity (stacked bars). The charts are inline SVG drawn like the report's (``svg_charts``): a
title and description for assistive technology, ids unique per chart, nothing fetched. Every colour has at
least 4.5:1 contrast against white, and series differ by marker and line style (bars by hatching) too, so
they can be told apart without colour. Time runs in UTC. A panel with nothing in the window has no chart and
no rows, only its ``empty`` text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import TYPE_CHECKING

from streamguard.app.services.evidence.report_render import Cell, Table, dataset_name, utc_text
from streamguard.app.services.evidence.svg_charts import Chart, bar_chart, short_label, svg_chart
from streamguard.control.alerts import Severity
from streamguard.evidence.overview import Bucket, Overview, QuarantineSeries, quarantine_rate

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TIME_COLUMN = "Period start (UTC)"
WHOLE_WINDOW = "Whole window"
ALL_DATASETS = "All datasets"
LINE_COLOURS = ("#1f4e79", "#a63d00", "#2d6a2e", "#6b3fa0", "#ad1457", "#00657a", "#6b5600", "#4d4d4d")
SEVERITY_LOOKS = {  # colour and hatching, from the least severe up
    Severity.LOW.value: ("#0b6e99", ""),
    Severity.MEDIUM.value: ("#8a5a00", "//"),
    Severity.HIGH.value: ("#a4161a", "xx"),
    Severity.CRITICAL.value: ("#4a0d66", ".."),
}
OTHER_SEVERITY_LOOK = ("#4d4d4d", "\\\\")  # a severity the control plane does not name (yet)
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_LINE_STYLES = ("-", "--", "-.", ":")  # after every marker has been used once, the next style
_CHART_SIZE = (8.0, 3.6)
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class OverviewCharts:
    """The overview's panels in page order; ``bucket`` says the width of a bucket (``30 min``)."""

    bucket: str
    tables: list[Table]

    @property
    def charts(self) -> list[Chart]:
        return [table.chart for table in self.tables if table.chart is not None]


def render_overview(overview: Overview) -> OverviewCharts:
    return OverviewCharts(
        bucket=bucket_text(overview.bucket_width),
        tables=[_delivered(overview), _quarantine(overview), _entities(overview), _alerts(overview)],
    )


def bucket_text(width: timedelta) -> str:
    """A bucket's width as a reader says it: ``5 min``, ``3 h``, ``1 day``, ``8 days``."""
    if width % _DAY == timedelta(0):
        days = width // _DAY
        return f"{days} day" if days == 1 else f"{days} days"
    if width % timedelta(hours=1) == timedelta(0):
        return f"{width // timedelta(hours=1)} h"
    return f"{width // timedelta(minutes=1)} min"


def percent_text(rate: float | None) -> str:
    """A share from 0 to 1 as a percentage; a small one is not rounded to a misleading 0.0 %."""
    if rate is None:
        return "no records consumed"
    if 0 < rate < 0.001:
        return "< 0.1 %"
    return f"{rate * 100:.1f} %"


def _delivered(overview: Overview) -> Table:
    section, title = "overview-delivered", "Records delivered per dataset and audience"
    series = [line for line in overview.delivered if line.total]
    if not series:
        return Table(section, title, (TIME_COLUMN,), [], empty="No records were delivered in this window.")
    labels = [f"{dataset_name(line.dataset)} → {line.audience}" for line in series]
    width = bucket_text(overview.bucket_width)
    rows = _per_bucket(overview.buckets, [line.records for line in series])
    rows.append((WHOLE_WINDOW, *(line.total for line in series)))
    lines = [(label, list(map(float, line.records))) for label, line in zip(labels, series, strict=True)]
    described = [
        f"{label}: {line.total:,} records in all, {_peak(overview.buckets, line.records, width)}"
        for label, line in zip(labels, series, strict=True)
    ]
    chart = _line_chart(section, title, overview, f"records per {width}", lines, _description(overview, described))
    return Table(section, title, (TIME_COLUMN, *labels), rows, chart)


def _quarantine(overview: Overview) -> Table:
    section, title = "overview-quarantine", "Quarantine rate: records quarantined of those consumed"
    columns = (TIME_COLUMN, "Dataset", "Consumed", "Quarantined", "Quarantine rate")
    series = [line for line in overview.quarantine if sum(line.consumed)]
    if not series:
        return Table(section, title, columns, [], empty="No records were consumed in this window.")
    rows = _quarantine_rows(overview.buckets, series)
    rows += [_whole_window(dataset_name(line.dataset), line) for line in series]
    if len(series) > 1:
        rows.append(_whole_window(ALL_DATASETS, *series))
    lines = [
        (dataset_name(line.dataset), [float("nan") if rate is None else rate * 100 for rate in line.rates()])
        for line in series
    ]
    described = [
        f"{dataset_name(line.dataset)}: {percent_text(line.rate())} of {sum(line.consumed):,} records consumed"
        for line in series
    ]
    if len(series) > 1:
        described.append(f"{ALL_DATASETS.lower()}: {percent_text(overview.quarantine_rate())}")
    description = _description(overview, described)
    chart = _line_chart(
        section, title, overview, "quarantined (% of records consumed)", lines, description, percent=True
    )
    return Table(section, title, columns, rows, chart)


def _entities(overview: Overview) -> Table:
    section, title = "overview-entities", "Entities detected in free text, by type"
    bars = [(entity.entity, entity.count) for entity in overview.entities if entity.count]
    return Table(
        section,
        title,
        ("Entity type", "Entities"),
        bars,
        bar_chart(section, title, "entities", bars),
        empty="No entities were detected in this window.",
    )


def _alerts(overview: Overview) -> Table:
    section, title = "overview-alerts", "Alerts raised, by severity"
    series = sorted((line for line in overview.alerts if line.total), key=lambda line: _severity_rank(line.severity))
    if not series:
        return Table(section, title, (TIME_COLUMN,), [], empty="No alerts were raised in this window.")
    width = bucket_text(overview.bucket_width)
    rows = _per_bucket(overview.buckets, [line.alerts for line in series])
    rows.append((WHOLE_WINDOW, *(line.total for line in series)))
    described = [
        f"{line.severity}: {line.total:,} alerts, {_peak(overview.buckets, line.alerts, width)}" for line in series
    ]

    def draw(figure: Figure) -> None:
        from matplotlib.dates import date2num
        from matplotlib.ticker import MaxNLocator

        axes = figure.add_subplot()
        starts = [date2num(bucket.start) for bucket in overview.buckets]
        widths = [(bucket.end - bucket.start) / _DAY * 0.9 for bucket in overview.buckets]  # a gap between bars
        bottoms = [0] * len(overview.buckets)
        for line in series:
            colour, hatch = SEVERITY_LOOKS.get(line.severity, OTHER_SEVERITY_LOOK)
            axes.bar(
                starts,
                line.alerts,
                widths,
                bottom=bottoms,
                align="edge",
                color=colour,
                hatch=hatch,
                edgecolor="white",  # the hatching, and a seam between stacked severities
                linewidth=0.6,
                label=short_label(line.severity),
            )
            bottoms = [below + count for below, count in zip(bottoms, line.alerts, strict=True)]
        axes.set_ylabel(f"alerts per {width}")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        _time_axis(axes, overview)
        figure.legend(loc="outside right upper", title="severity")

    chart = svg_chart(section, title, _description(overview, described), _CHART_SIZE, draw)
    return Table(section, title, (TIME_COLUMN, *(line.severity for line in series)), rows, chart)


def _line_chart(
    chart_id: str,
    title: str,
    overview: Overview,
    y_label: str,
    lines: Sequence[tuple[str, list[float]]],
    description: str,
    *,
    percent: bool = False,
) -> Chart:
    """One line per series through its buckets' midpoints; NaN (a bucket without data) leaves a gap."""

    def draw(figure: Figure) -> None:
        from matplotlib.dates import date2num
        from matplotlib.ticker import MaxNLocator, PercentFormatter

        axes = figure.add_subplot()
        middles = [date2num(bucket.start + (bucket.end - bucket.start) / 2) for bucket in overview.buckets]
        for index, (label, values) in enumerate(lines):
            axes.plot(
                middles,
                values,
                label=short_label(label),
                color=LINE_COLOURS[index % len(LINE_COLOURS)],
                marker=_MARKERS[index % len(_MARKERS)],
                linestyle=_LINE_STYLES[index // len(_MARKERS) % len(_LINE_STYLES)],
                markersize=4,
                linewidth=1.5,
            )
        axes.set_ylabel(y_label)
        axes.set_ylim(bottom=0)
        if percent:
            axes.yaxis.set_major_formatter(PercentFormatter(xmax=100))
        else:
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        _time_axis(axes, overview)
        figure.legend(loc="outside right upper")

    return svg_chart(chart_id, title, description, _CHART_SIZE, draw)


def _time_axis(axes: Axes, overview: Overview) -> None:
    """The window from its start to its end in UTC, ticks on round times, the bucket width in the label."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    locator = AutoDateLocator(tz=UTC, minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator, tz=UTC, show_offset=False))
    axes.set_xlim(date2num(overview.start), date2num(overview.end))
    axes.set_xlabel(f"time (UTC), in buckets of {bucket_text(overview.bucket_width)}")
    axes.spines[["top", "right"]].set_visible(False)


def _per_bucket(buckets: Sequence[Bucket], series: Sequence[Sequence[int]]) -> list[tuple[Cell, ...]]:
    """One row per bucket: its start, then each series' count in it."""
    return [(bucket.start, *counts) for bucket, counts in zip(buckets, zip(*series, strict=True), strict=True)]


def _quarantine_rows(buckets: Sequence[Bucket], series: Sequence[QuarantineSeries]) -> list[tuple[Cell, ...]]:
    """Per bucket, a row per dataset that consumed records in it."""
    rows: list[tuple[Cell, ...]] = []
    for index, bucket in enumerate(buckets):
        for line in series:
            consumed, quarantined = line.consumed[index], line.quarantined[index]
            if consumed:
                rate = percent_text(quarantine_rate(consumed, quarantined))
                rows.append((bucket.start, dataset_name(line.dataset), consumed, quarantined, rate))
    return rows


def _whole_window(name: str, *series: QuarantineSeries) -> tuple[Cell, ...]:
    consumed = sum(sum(line.consumed) for line in series)
    quarantined = sum(sum(line.quarantined) for line in series)
    return (WHOLE_WINDOW, name, consumed, quarantined, percent_text(quarantine_rate(consumed, quarantined)))


def _peak(buckets: Sequence[Bucket], counts: Sequence[int], width: str) -> str:
    """The most in one bucket, and the first bucket that had that many."""
    most = max(counts)
    return f"at most {most:,} in {width} (from {utc_text(buckets[counts.index(most)].start)})"


def _description(overview: Overview, parts: list[str]) -> str:
    window = f"From {utc_text(overview.start)} to {utc_text(overview.end)}, in buckets of "
    return window + bucket_text(overview.bucket_width) + ". " + "; ".join(parts) + "."


def _severity_rank(severity: str) -> tuple[int, str]:
    """Known severities from the least severe up, then any other by name."""
    known = [level.value for level in Severity]
    return (known.index(severity), "") if severity in known else (len(known), severity)
