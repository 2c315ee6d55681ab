"""Notifications to the policy's webhook: each new request, each decision, each alert. Best effort: a
webhook that is down is a warning in the log (naming the URL, never the payload), not a failed operation,
since the evidence is already in the audit stream."""

from __future__ import annotations

import logging
from typing import Any

import httpx

log = logging.getLogger(__name__)
TIMEOUT_S = 5.0


def notify(url: str | None, payload: dict[str, Any]) -> bool:
    """POST ``payload`` as JSON; True if the webhook answered 2xx."""
    if not url:
        return False
    try:
        response = httpx.post(url, json=payload, timeout=TIMEOUT_S)
    except httpx.HTTPError as error:
        log.warning("webhook %s not reached: %s", url, type(error).__name__)
        return False
    if response.is_success:
        return True
    log.warning("webhook %s answered %d", url, response.status_code)
    return False
