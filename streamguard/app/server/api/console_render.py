"""The console's pages as HTML: Jinja templates (``templates/console``), autoescaped, rendered on the
server, with no script: forms and links do everything, so the console needs no JavaScript build tooling
and works with JavaScript off."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from streamguard import __version__
from streamguard.app.server.api.console_sessions import ConsoleSession
from streamguard.app.services.evidence.report_render import utc_text
from streamguard.store import parse_utc

NAVIGATION = (("overview", "Overview", "/console/"), ("inbox", "Inbox", "/console/inbox"))
NAVIGATION += (("sessions", "Sessions", "/console/sessions"), ("datasets", "Datasets", "/console/datasets"))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("streamguard.app.server.api", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a missing value is a bug to see in tests, not an empty cell
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["utc"] = moment_text
    env.filters["cell"] = cell_text
    return env


def moment_text(moment: datetime | str | None) -> str:
    """A time as the pages show it, in UTC; evidence keeps some times as ISO-8601 text."""
    if moment is None:
        return ""
    return utc_text(parse_utc(moment) if isinstance(moment, str) else moment.astimezone(UTC))


def cell_text(cell: object) -> str:
    """A table cell as the page shows it: counts with thousands separators, times in UTC."""
    if isinstance(cell, bool) or not isinstance(cell, int | datetime):
        return str(cell)
    return moment_text(cell) if isinstance(cell, datetime) else f"{cell:,}"


def render(
    request: Request, template: str, session: ConsoleSession | None, *, status: int = 200, **values: Any
) -> HTMLResponse:
    page = (
        environment()
        .get_template(template)
        .render(
            session=session,
            navigation=NAVIGATION,
            version=__version__,
            path=request.url.path,
            **values,
        )
    )
    return HTMLResponse(page, status, headers={"Cache-Control": "no-store"})


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    """An error as a page of the console: the status and streamguard's message (never a trace or a value)."""
    return render(request, "error.html.j2", None, status=status, status_code=status, detail=detail, active="")
