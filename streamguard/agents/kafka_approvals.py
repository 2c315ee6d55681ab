"""Requests on the compacted approvals topic: one record per request, its latest state, keyed by its id.

The topic is the requests' system of record (written only with an audit event, in the control chain's
transaction: see ``kafka_operations``); the evidence store indexes their transitions from the audit stream.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError

from streamguard.agents.kafka_operations import StateRecord
from streamguard.agents.kafka_readback import iter_to_end
from streamguard.control.requests import Request

log = logging.getLogger(__name__)


def read_requests(client_options: dict[str, Any], topic: str) -> dict[str, Request]:
    """Every request's latest committed state, by id."""
    requests: dict[str, Request] = {}
    for message in iter_to_end({**client_options, "isolation.level": "read_committed"}, topic, {0: 0}):
        key, value = message.key(), message.value()
        if key is None:
            continue
        if value is None:
            requests.pop(key.decode(), None)
            continue
        try:
            requests[key.decode()] = Request.model_validate_json(value)
        except ValidationError:
            log.error("unreadable request record at %s[0]@%d: skipped", topic, message.offset())
    return requests


def request_record(topic: str, request: Request) -> StateRecord:
    return StateRecord(topic, request.id.encode(), request.model_dump_json().encode())
