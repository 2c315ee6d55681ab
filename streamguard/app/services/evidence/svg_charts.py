"""Charts drawn by matplotlib as inline SVG elements of a page: the report's and the console's.

A chart is an ``<svg role="img">`` with a title and a description for assistive technology, its text drawn as
glyph paths, nothing fetched (no font, no stylesheet, no remote metadata), ids unique to the chart so several
charts share a page, and the same bytes for the same numbers. Its numbers are also in a table beside it,
which the page shows for whoever cannot see the chart.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SVG_STYLE = {
    "svg.hashsalt": "streamguard-report",  # ids from a fixed salt, not a random one: same report, same bytes
    "svg.fonttype": "path",  # glyphs as paths: the page needs no font
    "text.parse_math": False,  # a '$' in a dataset name is a dollar sign, not mathtext
    "font.size": 10,
    "text.color": "#1b1b1b",
    "axes.labelcolor": "#1b1b1b",
    "xtick.color": "#1b1b1b",
    "ytick.color": "#1b1b1b",
}
BAR_COLOUR = "#1f4e79"  # 8.9:1 against white
_LABEL_CHARS = 48


@dataclass(frozen=True)
class Chart:
    title: str
    svg: Markup


def svg_chart(
    chart_id: str, title: str, description: str, size: tuple[float, float], draw: Callable[[Figure], None]
) -> Chart:
    """The chart ``draw`` puts on a figure of ``size`` inches, styled by ``SVG_STYLE``, as inline SVG."""
    # Imported here: matplotlib writes its font cache under the user's home on first import, which a command
    # that renders no chart (or a module merely imported) must not do.
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(SVG_STYLE):
        figure = Figure(figsize=size, layout="constrained")
        draw(figure)
        svg = io.StringIO()
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return Chart(title, inline_svg(svg.getvalue(), chart_id, title, description))


def bar_chart(chart_id: str, title: str, unit: str, bars: list[tuple[str, int]]) -> Chart | None:
    """A horizontal bar chart, the first bar on top, or None when there is nothing to draw."""
    if not bars:
        return None

    def draw(figure: Figure) -> None:
        from matplotlib.ticker import MaxNLocator

        values = [value for _, value in bars]
        axes = figure.add_subplot()
        drawn = axes.barh(range(len(bars)), values, color=BAR_COLOUR)
        axes.set_yticks(range(len(bars)), [short_label(label) for label, _ in bars])
        axes.invert_yaxis()  # the first row of the table is the top bar
        axes.bar_label(drawn, labels=[f"{value:,}" for value in values], padding=3)
        axes.set_xlabel(unit)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.margins(x=0.12)  # room for the value labels right of the longest bar
        axes.spines[["top", "right"]].set_visible(False)

    description = "; ".join(f"{label}: {value:,} {unit}" for label, value in bars)
    return svg_chart(chart_id, title, description, (8, 0.9 + 0.34 * len(bars)), draw)


def short_label(label: str) -> str:
    """A label cut to fit beside a chart; the table keeps it whole."""
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"


def inline_svg(document: str, chart_id: str, title: str, description: str) -> Markup:
    """matplotlib's SVG document as an element of the page: no XML prolog, doctype or metadata (they name
    remote URLs), ids unique to this chart, and a title and description for assistive technology."""
    body = document[document.index("<svg") :]
    body = re.sub(r"\s*<metadata>.*?</metadata>", "", body, count=1, flags=re.DOTALL)
    body = re.sub(r'\bid="', f'id="{chart_id}-', body)
    body = body.replace("url(#", f"url(#{chart_id}-").replace('href="#', f'href="#{chart_id}-')
    opening_end = body.index(">") + 1
    view_box = re.search(r'viewBox="([^"]+)"', body[:opening_end])
    assert view_box is not None, "matplotlib always writes <svg viewBox=...>"
    labelled = (
        f'<svg class="chart" viewBox="{view_box.group(1)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    return Markup(labelled + body[opening_end:])
