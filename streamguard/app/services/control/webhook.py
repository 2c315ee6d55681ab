"""Notifications to the policy's webhook: each new request, each decision, each alert. Best effort: a
webhook that is down is a warning in the log (naming the URL's scheme and host, never the payload), not a failed
operation, since the evidence is already in the audit stream.

A webhook's URL is a credential (Slack's and Teams' carry their token in the path, others in the query or the
userinfo), so no log line holds more of it than scheme and host: not ours, and not httpx's own request line.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlsplit

import httpx

log = logging.getLogger(__name__)
TIMEOUT_S = 5.0
_calling = ContextVar("calling_webhook", default=False)  # set while notify's request is in flight, in its thread


def notify(url: str | None, payload: dict[str, Any]) -> bool:
    """POST ``payload`` as JSON; True if the webhook answered 2xx."""
    if not url:
        return False
    calling = _calling.set(True)
    try:
        response = httpx.post(url, json=payload, timeout=TIMEOUT_S)
    except (httpx.HTTPError, httpx.InvalidURL) as error:  # InvalidURL is no HTTPError, and must not escape either
        log.warning("webhook %s not reached: %s", shown_url(url), type(error).__name__)
        return False
    finally:
        _calling.reset(calling)
    if response.is_success:
        return True
    log.warning("webhook %s answered %d", shown_url(url), response.status_code)
    return False


def shown_url(url: str | httpx.URL) -> str:
    """The part of a URL a log may show: scheme, host and port; never userinfo, path or query."""
    try:
        parts = urlsplit(str(url))
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # an unbalanced IPv6 bracket, a port that is no number
        return "<unparsable URL>"
    return f"{parts.scheme}://{host}{port}"


class _WebhookUrlFilter(logging.Filter):
    """httpx logs each request's full URL at INFO: during a webhook call, only what ``shown_url`` keeps of it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _calling.get() and isinstance(record.args, tuple):
            record.args = tuple(shown_url(arg) if isinstance(arg, httpx.URL) else arg for arg in record.args)
        return True


logging.getLogger("httpx").addFilter(_WebhookUrlFilter())
